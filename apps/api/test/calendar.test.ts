import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { rfc5545Problems } from "@samverkan/calendar";
import ICAL from "ical.js";
import nodeIcal, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READER_TOKEN, testApp, type Json, type TestApp } from "./helpers.js";

/** A failed lookup as a test failure that names what was missing. */
function missing(what: string): never {
  throw new Error(`not in the feed: ${what}`);
}

const run = promisify(execFile);
const FEED = "/v1/collaborations/norrbotten/meetings.ics";
const OCTOBER = "committee-2022-10-12@norrbotten.samverkan";

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return new Map(
    calendar.getAllSubcomponents("vevent").map((v) => [new ICAL.Event(v).uid, new ICAL.Event(v)]),
  );
}

describe("GET /v1/collaborations/{id}/meetings.ics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it("serves the plan as text/calendar that conforms and that two parsers read alike", async () => {
    const res = await t.app.inject({ method: "GET", url: FEED });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(res.headers.etag).toMatch(/^"[\w-]{43}"$/);
    expect(rfc5545Problems(res.body)).toEqual([]);
    const byIcalJs = events(res.body);
    const byNodeIcal = Object.values(nodeIcal.sync.parseICS(res.body)).filter(
      (c): c is VEvent => c?.type === "VEVENT",
    );
    expect(byIcalJs.size).toBe(20);
    expect(byNodeIcal.map((e) => e.uid).sort()).toEqual([...byIcalJs.keys()].sort());
    expect((byIcalJs.get(OCTOBER) ?? missing(OCTOBER)).startDate.toJSDate().toISOString()).toBe(
      "2022-10-12T08:00:00.000Z",
    );
  });

  it("answers an unchanged poll with 304 and no body, and a changed plan with a new ETag", async () => {
    const first = await t.app.inject({ method: "GET", url: FEED });
    const again = await t.app.inject({
      method: "GET",
      url: FEED,
      headers: { "if-none-match": first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(first.headers.etag);

    await t.store.changeMeeting(
      "norrbotten",
      {
        kind: "moved",
        meetingId: "committee-2022-10-12",
        to: { date: "2022-10-13", startTime: "09:00", endTime: "12:00" },
      },
      { actor: "test" },
    );
    const moved = await t.app.inject({
      method: "GET",
      url: FEED,
      headers: { "if-none-match": first.headers.etag as string },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).not.toBe(first.headers.etag);
    const event = events(moved.body).get(OCTOBER) ?? missing(OCTOBER);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe("2022-10-13T07:00:00.000Z");
    expect(moved.body).toMatch(/LAST-MODIFIED:\d{8}T\d{6}Z\r\n/);
    expect(moved.body).not.toContain("20221012T100000");
  });

  it("has one body's meetings, named in Swedish or as the API names them, and refuses an unknown one", async () => {
    const prep = await t.app.inject({ method: "GET", url: `${FEED}?body=beredningsgrupp` });
    expect([...events(prep.body).keys()].every((uid) => uid.startsWith("preparatory-"))).toBe(true);
    expect((await t.app.inject({ method: "GET", url: `${FEED}?body=preparatoryGroup` })).body).toBe(
      prep.body,
    );
    const bad = await t.app.inject({ method: "GET", url: `${FEED}?body=presidiet` });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect((bad.json() as Json).detail).toContain("presidiet");
    // A name every JavaScript object has is not a body either.
    expect((await t.app.inject({ method: "GET", url: `${FEED}?body=toString` })).statusCode).toBe(400);
  });

  it("gives one meeting as its own .ics, in English when asked, and a 404 with suggestions for an unknown one", async () => {
    const one = await t.app.inject({
      method: "GET",
      url: "/v1/collaborations/norrbotten/meetings/committee-2022-03-16/calendar.ics?lang=en",
    });
    expect(one.statusCode).toBe(200);
    expect(rfc5545Problems(one.body)).toEqual([]);
    expect([...events(one.body).values()].map((e) => e.summary)).toEqual([
      "Norrbottens e-nämnd: Committee meeting",
    ]);
    const missing = await t.app.inject({
      method: "GET",
      url: "/v1/collaborations/norrbotten/meetings/committee-2022-03-17/calendar.ics",
    });
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as Json).suggestions).toContain("committee-2022-03-16");
  });
});

describe("a feed behind read tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ readAccess: "token" });
  });
  afterAll(() => t.close());

  it("takes the token in the URL, since a calendar client cannot send a header", async () => {
    expect((await t.app.inject({ method: "GET", url: FEED })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: "GET", url: `${FEED}?token=wrong-token-0123456789` })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: "GET", url: `${FEED}?token=${READER_TOKEN}` })).statusCode).toBe(
      200,
    );
    // Only the calendar routes take it there: the JSON plan still wants the header.
    const json = await t.app.inject({
      method: "GET",
      url: `/v1/collaborations/norrbotten/meetings?token=${READER_TOKEN}`,
    });
    expect(json.statusCode).toBe(401);
  });
});

/** khal and vdirsyncer, a calendar client and its subscription tool, when this machine has them. */
async function haveClients(): Promise<string | undefined> {
  try {
    await run("khal", ["--version"]);
    await run("vdirsyncer", ["--version"]);
    return undefined;
  } catch {
    return "khal and vdirsyncer are not installed (apt-get install khal vdirsyncer)";
  }
}

describe("subscribed to in a real calendar client (vdirsyncer pulls the feed over HTTP, khal shows it)", () => {
  let t: TestApp;
  let dir: string;
  let base: string;
  beforeAll(async () => {
    t = await testApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    dir = mkdtempSync(join(tmpdir(), "samverkan-khal-"));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists 2022's meetings at their times across summer time, and the moved meeting only at its new time", async (context) => {
    const missing = await haveClients();
    if (missing) {
      console.warn(`skipping the calendar client test: ${missing}`);
      context.skip();
    }
    const calendars = join(dir, "calendars", "norrbotten");
    mkdirSync(calendars, { recursive: true });
    mkdirSync(join(dir, "status"));
    writeFileSync(
      join(dir, "vdirsyncer.conf"),
      [
        "[general]",
        `status_path = "${join(dir, "status")}/"`,
        "[pair feed]",
        'a = "remote"',
        'b = "local"',
        "collections = null",
        'conflict_resolution = "a wins"',
        "[storage remote]",
        'type = "http"',
        `url = "${base}${FEED}"`,
        "[storage local]",
        'type = "filesystem"',
        `path = "${calendars}/"`,
        'fileext = ".ics"',
      ].join("\n"),
    );
    // khal shows times in UTC here, so the DST rules of the feed's VTIMEZONE are what is tested.
    writeFileSync(
      join(dir, "khal.conf"),
      [
        "[calendars]",
        "[[norrbotten]]",
        `path = ${calendars}/`,
        "type = calendar",
        "[locale]",
        "timeformat = %H:%M",
        "dateformat = %Y-%m-%d",
        "longdateformat = %Y-%m-%d",
        "datetimeformat = %Y-%m-%d %H:%M",
        "longdatetimeformat = %Y-%m-%d %H:%M",
        "local_timezone = UTC",
        "default_timezone = UTC",
        "[default]",
        "default_calendar = norrbotten",
      ].join("\n"),
    );
    const env = {
      ...process.env,
      HOME: dir,
      XDG_DATA_HOME: join(dir, "data"),
      XDG_CACHE_HOME: join(dir, "cache"),
    };
    const sync = async () => {
      await run("vdirsyncer", ["-c", join(dir, "vdirsyncer.conf"), "discover", "feed"], { env });
      await run("vdirsyncer", ["-c", join(dir, "vdirsyncer.conf"), "sync"], { env });
    };
    const list = async (from: string, to: string) =>
      (
        await run(
          "khal",
          [
            "-c",
            join(dir, "khal.conf"),
            "list",
            from,
            to,
            "--format",
            "{start} {end} {title}",
            "--day-format",
            "",
          ],
          { env },
        )
      ).stdout
        .split("\n")
        .filter(Boolean);

    await sync();
    expect(await list("2022-03-20", "2022-04-30")).toEqual([
      "2022-03-23 13:00 2022-03-23 15:00 Norrbottens e-nämnd: Beredningsgruppens möte",
      "2022-04-27 12:00 2022-04-27 14:00 Norrbottens e-nämnd: Beredningsgruppens möte",
    ]);
    expect(await list("2022-10-01", "2022-10-31")).toContain(
      "2022-10-12 08:00 2022-10-12 14:00 Norrbottens e-nämnd: Nämndens sammanträde",
    );

    await t.store.changeMeeting(
      "norrbotten",
      {
        kind: "moved",
        meetingId: "committee-2022-10-12",
        to: { date: "2022-10-19", startTime: "10:00", endTime: "15:00" },
      },
      { actor: "test" },
    );
    await sync();
    const october = await list("2022-10-01", "2022-10-31");
    expect(october).toContain("2022-10-19 08:00 2022-10-19 13:00 Norrbottens e-nämnd: Nämndens sammanträde");
    expect(october.filter((line) => line.startsWith("2022-10-12"))).toEqual([]);
  });
});
