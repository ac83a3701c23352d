/**
 * The secretary's cards over the Bot Framework protocol (HTTP on 127.0.0.1, as Teams sends them): the
 * command opens the form, the card's Action.Execute invoke records in the store, the reply card shows
 * what was saved, a double submit writes once, anyone without the role is refused with nothing written,
 * and `samverkan ask` afterwards answers from what was recorded.
 */
import { execFile } from "node:child_process";
import type { Server } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS } from "@samverkan/domain";
import { openPostgres, openStore, type Store } from "@samverkan/store";
import { createBot } from "../src/app.js";
import { apiCalendarUrl } from "../src/calendar-action.js";
import { createServer } from "../src/server.js";
import { proactiveSender, ReminderScheduler } from "../src/reminders/index.js";
import { said, startConnector, type Connector } from "./connector.js";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../../packages/cli/dist/bin.js", import.meta.url));
const BOT = { id: "28:samverkan-bot", name: "Samverkan" };
const SECRETARY = {
  id: "29:secretary",
  name: "Sekreteraren",
  aadObjectId: "6f1c2b7a-3d4e-4f50-8a9b-0c1d2e3f4a5b",
};
const MEMBER = { id: "29:member", name: "Ledamot", aadObjectId: "0a0b0c0d-1111-4222-8333-444455556666" };
const NOW = new Date("2022-03-17T09:00:00Z");

type Card = {
  body: Record<string, unknown>[];
  actions?: { type: string; verb?: string; title: string; data?: Record<string, unknown> }[];
};

let connector: Connector;
let store: Store;
let dir: string;
let url: string;
let server: Server;
let sequence = 0;

function activity(from: typeof SECRETARY, extra: Partial<Activity>): Partial<Activity> {
  sequence += 1;
  return {
    id: `activity-${sequence}`,
    timestamp: NOW,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    from,
    recipient: BOT,
    conversation: { id: "secretary-chat", conversationType: "personal", isGroup: false, name: "" },
    ...extra,
  };
}

/** A typed message; returns the card the bot replied with. */
async function command(text: string, from = SECRETARY): Promise<Card> {
  const before = connector.replies.length;
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity(from, { type: "message", text })),
  });
  expect(res.status).toBeLessThan(300);
  const replies = connector.replies.slice(before);
  expect(replies).toHaveLength(1);
  return replies[0]?.activity.attachments?.[0]?.content as Card;
}

/** Presses an Action.Execute button: the invoke Teams sends, and the card of its invoke response. */
async function press(
  action: NonNullable<Card["actions"]>[number],
  inputs: Record<string, string>,
  from = SECRETARY,
): Promise<Card> {
  const res = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      activity(from, {
        type: "invoke",
        name: "adaptiveCard/action",
        value: {
          action: { type: "Action.Execute", verb: action.verb, data: { ...action.data, ...inputs } },
          trigger: "manual",
        },
      }),
    ),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { statusCode: number; type: string; value: Card };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  return body.value;
}

const texts = (card: Card) => JSON.stringify(card.body);
const action = (card: Card, verb: string) => {
  const found = card.actions?.find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} button on the card: ${JSON.stringify(card.actions)}`);
  return found;
};
/** The toggles as the secretary sets them: these municipalities present, the rest absent. */
function toggles(card: Card, present: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    card.body
      .filter((e) => e.type === "Input.Toggle")
      .map((e) => [String(e.id), present.includes(String(e.title)) ? "true" : "false"]),
  );
}

beforeAll(async () => {
  connector = await startConnector();
  dir = mkdtempSync(join(tmpdir(), "samverkan-secretary-"));
  store = await openStore({ dataDir: join(dir, "pglite") });
  await store.grantRole(
    "norrbotten",
    { aadObjectId: SECRETARY.aadObjectId, role: "secretary" },
    { actor: "test" },
  );
  const { app, adapter } = createBot({
    store,
    now: () => NOW,
    secretary: { store },
    calendarUrl: apiCalendarUrl("http://localhost:3000"),
    logError: () => undefined,
  });
  server = createServer({ bot: app, adapter, logError: () => undefined }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close().catch(() => undefined);
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Who the secretary ticks as present on 16 March 2022 (10 of 14), shared with the Playground test. */
const { present: PRESENT } = JSON.parse(
  readFileSync(fileURLToPath(new URL("./fixtures/present-2022-03-16.json", import.meta.url)), "utf8"),
) as { present: string[] };

describe("the secretary records from Teams", () => {
  it("records the 16 March 2022 attendance from the card, once however often it is sent", async () => {
    const form = await command("registrera närvaro 16 mars 2022");
    expect(texts(form)).toContain("Närvaro: nämndens sammanträde 16 mars 2022");
    expect(form.body.filter((e) => e.type === "Input.Toggle")).toHaveLength(14);
    const save = action(form, "samverkan.attendance.record");
    const auditBefore = (await store.auditLog({ limit: 1000 })).filter(
      (e) => e.action === "attendance.record",
    ).length;

    const saved = await press(save, toggles(form, PRESENT));
    expect(texts(saved)).toContain("Närvaro sparad för nämndens sammanträde 16 mars 2022");
    expect(texts(saved)).toContain("10 av 14");
    // No stale form: the saved card has no save button, only "Ändra".
    expect(saved.actions?.map((a) => a.verb)).toEqual(["samverkan.secretary.edit"]);

    // Teams retries, or the secretary double-clicks: the same key writes once.
    const again = await press(save, toggles(form, PRESENT));
    expect(texts(again)).toContain("10 av 14");
    const audit = (await store.auditLog({ limit: 1000 })).filter((e) => e.action === "attendance.record");
    expect(audit.length - auditBefore).toBe(1);
    expect(audit.at(-1)?.actor ?? audit[0]?.actor).toBe(`teams:${SECRETARY.aadObjectId}`);

    const meeting = await store.meeting("norrbotten", "committee-2022-03-16");
    expect(meeting.attendance).toMatchObject({ present: 10, of: 14 });
    expect([...(meeting.attendees?.municipalities ?? [])].sort()).toEqual([...PRESENT].sort());

    // "Ändra" gives the form again with what is saved ticked.
    const edit = await press(action(saved, "samverkan.secretary.edit"), {});
    const ticked = edit.body
      .filter((e) => e.type === "Input.Toggle" && e.value === "true")
      .map((e) => e.title);
    expect([...ticked].sort()).toEqual([...PRESENT].sort());
  });

  it("refuses anyone without the secretary role, politely, and writes nothing", async () => {
    const refusedCommand = await command("registrera närvaro 16 mars 2022", MEMBER);
    expect(texts(refusedCommand)).toContain("Det här kan bara nämndens sekreterare göra");
    const form = await command("registrera närvaro 16 mars 2022");
    const before = await store.meeting("norrbotten", "committee-2022-03-16");
    const audit = (await store.auditLog({ limit: 1000 })).length;
    const refused = await press(
      action(form, "samverkan.attendance.record"),
      toggles(form, ["Luleå"]),
      MEMBER,
    );
    expect(texts(refused)).toContain("inget har sparats");
    expect(refused.actions ?? []).toEqual([]);
    expect(await store.meeting("norrbotten", "committee-2022-03-16")).toEqual(before);
    expect((await store.auditLog({ limit: 1000 })).length).toBe(audit);
  });

  it("records a decision against the meeting, and shows the store's refusal on the form", async () => {
    const form = await command("record a decision 2022-03-16");
    expect(texts(form)).toContain("Decision: the committee meeting");
    const save = action(form, "samverkan.decision.record");
    const bad = await press(save, {
      paragraph: "31",
      subject: "Taxor 2023",
      decision: "Nämnden fastställer taxorna.",
      caseNumber: "fel",
    });
    expect(texts(bad)).toContain("Could not save");
    expect(texts(bad)).toContain("ärendenr");
    const saved = await press(action(bad, "samverkan.decision.record"), {
      paragraph: "31",
      subject: "Taxor 2023",
      decision: "Nämnden fastställer taxorna.",
    });
    expect(texts(saved)).toContain("Decision saved: § 31 Taxor 2023");
    const register = await store.decisions("norrbotten");
    expect(register.filter((d) => d.paragraph === 31 && d.meetingId === "committee-2022-03-16")).toHaveLength(
      1,
    );
  });

  it("moves a meeting from the card; the saved card links its .ics", async () => {
    const form = await command("flytta sammanträdet 12 oktober 2022");
    expect(texts(form)).toContain("Flytta eller ställ in: nämndens sammanträde 12 oktober 2022");
    const saved = await press(action(form, "samverkan.meeting.move"), {
      date: "2022-10-19",
      startTime: "10:00",
      endTime: "15:00",
      reason: "Krock med budgetberedningen",
    });
    expect(texts(saved)).toContain("Flyttat till nämndens sammanträde 19 oktober 2022 kl. 10:00");
    expect(saved.actions?.find((a) => a.type === "Action.OpenUrl")).toMatchObject({
      title: "Lägg till i kalendern",
      url: "http://localhost:3000/v1/collaborations/norrbotten/meetings/committee-2022-10-12/calendar.ics",
    });
    const moved = await store.meeting("norrbotten", "committee-2022-10-12");
    expect(moved).toMatchObject({ date: "2022-10-19", startTime: "10:00", sequence: 1 });
  });

  it("says which meetings there are when the date has none, rather than opening another meeting's card", async () => {
    const before = connector.replies.length;
    await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity(SECRETARY, { type: "message", text: "registrera närvaro 17 mars 2022" })),
    });
    const reply = connector.replies.slice(before)[0]?.activity;
    expect(reply?.text).toContain("har inget sammanträde 2022-03-17");
    expect(reply?.text).toContain("2022-03-16");
  });

  it("asks which meeting when the month named has two, and opens no card", async () => {
    const before = connector.replies.length;
    await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity(SECRETARY, { type: "message", text: "registrera närvaro mars 2022" })),
    });
    const replies = connector.replies.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.activity.attachments ?? []).toEqual([]);
    expect(replies[0]?.activity.text).toBe(
      'Norrbottens e-nämnd har 2 sammanträden 2022-03: 2022-03-16, 2022-03-23. Skriv vilket, t.ex. "registrera närvaro 2022-03-16".',
    );
  });

  it("offers the next meeting for the calendar on the assistant's answer", async () => {
    const answer = await command("när är nästa sammanträde?");
    expect(answer.actions?.[0]).toEqual({
      type: "Action.OpenUrl",
      title: "Lägg till i kalendern",
      url: "http://localhost:3000/v1/collaborations/norrbotten/meetings/committee-2022-06-22/calendar.ics",
    });
    expect(texts(answer)).toContain("22 juni 2022");
    const english = await command("when does the preparatory group meet next?");
    expect(english.actions?.[0]).toMatchObject({ title: "Add to calendar" });
    expect(String(english.actions?.[0] && (english.actions[0] as { url?: string }).url)).toContain(
      "preparatory-2022-03-23",
    );
  });

  it("`samverkan ask` then answers from what was recorded", async () => {
    // The embedded database serves one process at a time: the bot lets go of it first.
    await store.close();
    const { stdout } = await run(process.execPath, [CLI, "ask", "Hur var närvaron 16 mars 2022?"], {
      env: { ...process.env, SAMVERKAN_DATA_DIR: dir, DATABASE_URL: "" },
    });
    expect(stdout).toContain("10 av 14 ledamöter");
    expect(stdout).not.toContain("9 av 14");
  });
});

const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

describe.runIf(DATABASE_URL)(
  "a meeting moved from the card, with two bot instances on one PostgreSQL",
  () => {
    const schema = `secretary_${process.pid}_${Date.now().toString(36)}`;
    let clock = new Date("2022-09-01T08:00:00Z");
    const instances: { store: Store; url: string; scheduler: ReminderScheduler; server: Server }[] = [];

    beforeAll(async () => {
      for (const name of ["a", "b"]) {
        const pgStore = await openStore({ database: await openPostgres(DATABASE_URL as string, schema) });
        const now = () => clock;
        const { app, adapter } = createBot({
          store: pgStore,
          now,
          reminders: { store: pgStore, settings: DEFAULT_REMINDER_SETTINGS },
          secretary: { store: pgStore },
          logError: () => undefined,
        });
        const pgServer = createServer({ bot: app, adapter, logError: () => undefined }).listen(
          0,
          "127.0.0.1",
        );
        await new Promise((resolve) => pgServer.once("listening", resolve));
        const scheduler = new ReminderScheduler({
          store: pgStore,
          send: proactiveSender(adapter, undefined, apiCalendarUrl("https://samverkan.example.se")),
          settings: DEFAULT_REMINDER_SETTINGS,
          now,
          instanceId: `instance-${name}`,
          logError: () => undefined,
        });
        instances.push({
          store: pgStore,
          url: `http://127.0.0.1:${(pgServer.address() as AddressInfo).port}`,
          scheduler,
          server: pgServer,
        });
      }
      await instances[0]?.store.grantRole(
        "norrbotten",
        { aadObjectId: SECRETARY.aadObjectId, role: "secretary" },
        { actor: "test" },
      );
    });
    afterAll(async () => {
      for (const i of instances) {
        await i.scheduler.stop();
        await new Promise((resolve) => i.server.close(resolve));
        await i.store.close();
      }
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    it("does not send the old time's reminder, and sends the new one once", async () => {
      const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
      // The members' chat subscribes through one instance; the secretary moves the meeting through the other.
      url = a.url;
      await command("påminn oss som ledamöter");
      url = b.url;
      const form = await command("flytta sammanträdet 12 oktober 2022");
      const saved = await press(action(form, "samverkan.meeting.move"), {
        date: "2022-10-19",
        startTime: "10:00",
        endTime: "15:00",
      });
      expect(texts(saved)).toContain("Flyttat till nämndens sammanträde 19 oktober 2022");

      const proactive = () => connector.replies.filter((r) => r.replyToId === undefined);
      const before = proactive().length;
      // The eve of the old date: both instances run, twice; nothing is due any more.
      clock = new Date("2022-10-11T07:05:00Z");
      await Promise.all([a, b, a, b].map((i) => i.scheduler.runOnce()));
      expect(proactive().slice(before)).toEqual([]);
      // The eve of the new date: the reminder arrives, once, with the new time.
      clock = new Date("2022-10-18T07:05:00Z");
      await Promise.all([a, b, a, b].map((i) => i.scheduler.runOnce()));
      const sent = proactive().slice(before);
      expect(sent).toHaveLength(1);
      expect(said(sent[0]?.activity as Activity)).toContain(
        "nämndens sammanträde onsdag 19 oktober 2022 kl. 10:00",
      );
    });
  },
);
