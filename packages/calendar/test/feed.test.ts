import ICAL from "ical.js";
import nodeIcal, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledDataset } from "@samverkan/data";
import { openPglite, openStore, type Store } from "@samverkan/store";
import { matchesIfNoneMatch, meetingCalendar, meetingEventCalendar, rfc5545Problems } from "../src/index.js";

/** A failed lookup as a test failure that names what was missing. */
function missing(what: string): never {
  throw new Error(`not in the feed: ${what}`);
}

const norrbotten = loadBundledDataset("norrbotten");
const PUBLISHED = "2022-06-01T00:00:00Z";

/** Every VEVENT as ical.js reads it: uid → the event and its start/end as instants. */
function parseWithIcalJs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return new Map(
    calendar.getAllSubcomponents("vevent").map((v) => {
      const e = new ICAL.Event(v);
      return [
        e.uid,
        {
          summary: e.summary,
          description: e.description,
          start: e.startDate.toJSDate(),
          end: e.endDate.toJSDate(),
          allDay: e.startDate.isDate,
          tzid: e.startDate.zone?.tzid,
          sequence: e.sequence,
          status: v.getFirstPropertyValue("status"),
          lastModified: v.getFirstPropertyValue("last-modified")?.toString(),
        },
      ];
    }),
  );
}

function parseWithNodeIcal(ics: string): Map<string, VEvent> {
  const parsed = nodeIcal.sync.parseICS(ics);
  return new Map(
    Object.values(parsed)
      .filter((c): c is VEvent => c?.type === "VEVENT")
      .map((e) => [e.uid, e]),
  );
}

describe("the meeting plan as an iCalendar feed", () => {
  const feed = meetingCalendar(norrbotten, { publishedAt: PUBLISHED });

  it("conforms to RFC 5545", () => {
    expect(rfc5545Problems(feed.ics)).toEqual([]);
    expect(feed.ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n");
    expect(feed.ics).toContain("METHOD:PUBLISH\r\n");
  });

  it("has every meeting of the plan, 2022's at their Stockholm times, read the same by two parsers", () => {
    const byIcalJs = parseWithIcalJs(feed.ics);
    const byNodeIcal = parseWithNodeIcal(feed.ics);
    expect(feed.events).toBe(norrbotten.meetings.length);
    expect(byIcalJs.size).toBe(norrbotten.meetings.length);
    const of2022 = norrbotten.meetings.filter((m) => m.date.startsWith("2022-"));
    expect(of2022.length).toBeGreaterThan(10);
    for (const m of of2022) {
      const uid = `${m.id}@norrbotten.samverkan`;
      const a = byIcalJs.get(uid) ?? missing(uid);
      const b = byNodeIcal.get(uid) ?? missing(uid);
      if (!m.startTime) continue;
      // The instant the plan names, computed here independently of both parsers' time zone code.
      const offset = m.date >= "2022-03-27" && m.date < "2022-10-30" ? "+02:00" : "+01:00";
      const start = new Date(`${m.date}T${m.startTime}:00${offset}`);
      expect(a.start.toISOString(), uid).toBe(start.toISOString());
      expect(new Date(b.start).toISOString(), uid).toBe(start.toISOString());
      expect(a.tzid).toBe("Europe/Stockholm");
      if (m.endTime)
        expect(a.end.toISOString()).toBe(new Date(`${m.date}T${m.endTime}:00${offset}`).toISOString());
    }
    // The plan holds no meeting for 2023 (the seed publishes none), and neither does the feed.
    expect([...byIcalJs.values()].filter((e) => e.start.getFullYear() === 2023)).toEqual([]);
  });

  it("keeps local time across the summer-time boundaries of 2022", () => {
    const events = parseWithIcalJs(feed.ics);
    const utc = (id: string) => (events.get(`${id}@norrbotten.samverkan`) ?? missing(id)).start.toISOString();
    // Beredningsgruppen meets at 14:00 both before and after 27 March (CET → CEST) ...
    expect(utc("preparatory-2022-03-23")).toBe("2022-03-23T13:00:00.000Z");
    expect(utc("preparatory-2022-04-27")).toBe("2022-04-27T12:00:00.000Z");
    // ... and around 30 October (CEST → CET).
    expect(utc("preparatory-2022-10-26")).toBe("2022-10-26T12:00:00.000Z");
    expect(utc("preparatory-2022-11-23")).toBe("2022-11-23T13:00:00.000Z");
  });

  it("says what the annual cycle decides at a meeting, and has an all-day event for a day without times", () => {
    const events = parseWithIcalJs(feed.ics);
    const march =
      events.get("committee-2022-03-16@norrbotten.samverkan") ??
      missing("committee-2022-03-16@norrbotten.samverkan");
    expect(march.summary).toBe("Norrbottens e-nämnd: Nämndens sammanträde");
    const cycle = (norrbotten.annualCycle?.entries ?? [])
      .filter((e) => e.months.includes(3))
      .flatMap((e) => e.items);
    for (const item of cycle.filter((i) => i.kind !== "activity"))
      expect(march.description).toContain(item.text);
    const strategy =
      events.get("strategy-2021-09-17@norrbotten.samverkan") ??
      missing("strategy-2021-09-17@norrbotten.samverkan");
    expect(strategy.allDay).toBe(true);
    expect(strategy.description).toContain("Riskanalys");
  });

  it("is the same bytes and ETag for the same plan, and in English when asked", () => {
    expect(meetingCalendar(norrbotten, { publishedAt: PUBLISHED })).toEqual(feed);
    const en = meetingCalendar(norrbotten, { publishedAt: PUBLISHED, lang: "en" });
    expect(en.etag).not.toBe(feed.etag);
    expect(en.ics).toContain("SUMMARY:Norrbottens e-nämnd: Committee meeting");
    expect(rfc5545Problems(en.ics)).toEqual([]);
  });

  it("has one body's meetings when asked for it", () => {
    const committee = parseWithIcalJs(
      meetingCalendar(norrbotten, { publishedAt: PUBLISHED, body: "committee" }).ics,
    );
    expect(committee.size).toBe(norrbotten.meetings.filter((m) => m.body === "committee").length);
    expect([...committee.keys()].every((uid) => uid.startsWith("committee-"))).toBe(true);
  });

  it("gives a single meeting as its own .ics, with the feed's UID", () => {
    const one = meetingEventCalendar(norrbotten, "committee-2022-10-12", { publishedAt: PUBLISHED });
    if (!one) throw new Error("no .ics for committee-2022-10-12");
    expect(rfc5545Problems(one.ics)).toEqual([]);
    expect([...parseWithIcalJs(one.ics).keys()]).toEqual(["committee-2022-10-12@norrbotten.samverkan"]);
    expect(meetingEventCalendar(norrbotten, "no-such-meeting", { publishedAt: PUBLISHED })).toBeUndefined();
  });

  it("matches If-None-Match the way HTTP caches send it", () => {
    expect(matchesIfNoneMatch(feed.etag, feed.etag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${feed.etag}`, feed.etag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${feed.etag}`, feed.etag)).toBe(true);
    expect(matchesIfNoneMatch("*", feed.etag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', feed.etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, feed.etag)).toBe(false);
  });
});

describe("a meeting moved or cancelled in the store", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ database: await openPglite(undefined) });
  });
  afterAll(() => store.close());

  it("raises SEQUENCE, sets LAST-MODIFIED and drops the old time; a cancelled one says CANCELLED", async () => {
    const before = meetingCalendar(await store.currentDataset("norrbotten"), { publishedAt: PUBLISHED });
    const uid = "committee-2022-10-12@norrbotten.samverkan";
    expect((parseWithIcalJs(before.ics).get(uid) ?? missing(uid)).sequence).toBe(0);

    await store.changeMeeting(
      "norrbotten",
      {
        kind: "moved",
        meetingId: "committee-2022-10-12",
        to: {
          date: "2022-10-19",
          startTime: "10:00",
          endTime: "15:00",
          reason: "Krock med budgetberedningen",
        },
      },
      { actor: "test" },
    );
    const moved = meetingCalendar(await store.currentDataset("norrbotten"), { publishedAt: PUBLISHED });
    expect(rfc5545Problems(moved.ics)).toEqual([]);
    expect(moved.etag).not.toBe(before.etag);
    const event = parseWithIcalJs(moved.ics).get(uid) ?? missing(uid);
    expect(event.sequence).toBe(1);
    expect(event.start.toISOString()).toBe("2022-10-19T08:00:00.000Z");
    expect(event.lastModified).toBeDefined();
    expect(event.description).toContain("Flyttat från 2022-10-12");
    expect(event.description).toContain("Krock med budgetberedningen");
    // The old time is gone: no event of the feed starts on 12 October any more.
    expect(moved.ics).not.toMatch(/DTSTART;TZID=Europe\/Stockholm:20221012T/);
    expect(Number((parseWithNodeIcal(moved.ics).get(uid) ?? missing(uid)).sequence)).toBe(1);
    expect(moved.lastModified.getTime()).toBeGreaterThan(new Date(PUBLISHED).getTime());

    await store.changeMeeting(
      "norrbotten",
      { kind: "cancelled", meetingId: "committee-2022-10-12" },
      { actor: "test" },
    );
    const cancelled =
      parseWithIcalJs(
        meetingCalendar(await store.currentDataset("norrbotten"), { publishedAt: PUBLISHED }).ics,
      ).get(uid) ?? missing(uid);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.summary).toMatch(/^INSTÄLLT: /);
  });
});
