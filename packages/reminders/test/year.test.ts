/**
 * A whole year of the 2022 meeting plan against the real store, with a controllable clock: every due
 * reminder is sent exactly once and on time, across a crash between claim and send, a restart, two
 * instances running at once (on PostgreSQL: two connection pools on one database), a throttled send,
 * and a meeting moved after its first reminder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, type ReminderKey } from "@samverkan/domain";
import { openPglite, openPostgres, openStore, type Store } from "@samverkan/store";
import {
  deliverDueReminders,
  keyOf,
  reminderKeyString,
  scheduleReminders,
  type DeliveryOutcome,
  type ReminderSender,
} from "../src/index.js";
import { dropSchema, freshSchema, DATABASE_URL } from "./postgres.js";

const HOUR = 3_600_000;
/** The clock's tick: coarse, so a year runs in seconds; the bot itself checks every minute. */
const STEP = 6 * HOUR;
const START = new Date("2022-01-01T00:00:00Z");
const END = new Date("2023-01-01T00:00:00Z");
/** The instant the October committee meeting is moved a week later (after its 21-day reminder went out). */
const MOVE_AT = new Date("2022-09-22T12:00:00Z");
/** The key whose claim "crashes" the instance that made it, before it could send. */
const CRASH = { meetingId: "committee-2022-06-22", kind: "agenda-7d" };
const THROTTLED = { meetingId: "preparatory-2022-08-24", kind: "meeting-1d" };

interface Instances {
  /** Stores of the instances running at once (one store per instance on PostgreSQL). */
  readonly stores: Store[];
  /** Reopens every store: a restart. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

const backends: { name: string; open(): Promise<Instances> }[] = [
  {
    name: "PGlite",
    async open() {
      const store = await openStore({ database: await openPglite(undefined) });
      // One embedded database serves one process; two instances share it the way two handlers would.
      return { stores: [store, store], restart: async () => undefined, dispose: () => store.close() };
    },
  },
  ...(DATABASE_URL
    ? [
        {
          name: "PostgreSQL",
          async open(): Promise<Instances> {
            const schema = freshSchema();
            const url = DATABASE_URL as string;
            const open = async () => openStore({ database: await openPostgres(url, schema) });
            const stores = await Promise.all([open(), open()]);
            return {
              stores,
              async restart() {
                await Promise.all(stores.map((s) => s.close()));
                stores.splice(0, stores.length, ...(await Promise.all([open(), open()])));
              },
              async dispose() {
                await Promise.all(stores.map((s) => s.close()));
                await dropSchema(schema);
              },
            };
          },
        },
      ]
    : []),
];

class Crash extends Error {}

interface Sent extends ReminderKey {
  readonly at: Date;
  readonly by: string;
  readonly text: string;
}

describe.each(backends)("a year of reminders on $name", (backend) => {
  let instances: Instances;
  const sent: Sent[] = [];
  const outcomes: DeliveryOutcome[] = [];
  let crashedAt: Date | undefined;
  let throttled = 0;

  beforeAll(async () => {
    instances = await backend.open();
    const [store] = instances.stores as [Store];
    const reference = (id: string) => ({ serviceUrl: "http://127.0.0.1:9/", conversation: { id } });
    await store.subscribeReminders(
      "norrbotten",
      {
        conversationId: "secretary-chat",
        role: "secretary",
        reference: reference("secretary-chat"),
        at: START,
      },
      { actor: "test" },
    );
    await store.subscribeReminders(
      "norrbotten",
      { conversationId: "board-channel", role: "member", reference: reference("board-channel"), at: START },
      { actor: "test" },
    );
    await store.addOpenItem(
      "norrbotten",
      { text: "Återrapportering av internkontrollen" },
      { actor: "test" },
    );

    let generation = 0;
    let moved = false;
    for (let t = START.getTime(); t < END.getTime(); t += STEP) {
      const now = new Date(t);
      if (!moved && now >= MOVE_AT) {
        moved = true;
        await instances.stores[0]?.changeMeeting(
          "norrbotten",
          {
            kind: "moved",
            meetingId: "committee-2022-10-12",
            to: { date: "2022-10-19", startTime: "10:00", endTime: "16:00" },
          },
          { actor: "test" },
        );
      }
      // A restart in the middle of the year: new instances, new connections, nothing kept in memory.
      if (t === new Date("2022-07-01T00:00:00Z").getTime()) {
        await instances.restart();
        generation += 1;
      }
      const runs = instances.stores.map((store, i) => {
        const instanceId = `instance-${generation}-${i}`;
        // The instance dies right after its claim of CRASH is committed, before it can send.
        const crashing: Store = {
          ...bindAll(store),
          claimReminder: async (key, claim) => {
            const won = await store.claimReminder(key, claim);
            if (won && !crashedAt && key.meetingId === CRASH.meetingId && key.kind === CRASH.kind) {
              crashedAt = now;
              throw new Crash(`${instanceId} died after claiming ${reminderKeyString(key)}`);
            }
            return won;
          },
        };
        const send: ReminderSender = async (due, message) => {
          if (due.meetingId === THROTTLED.meetingId && throttled < 2) {
            throttled += 1;
            throw Object.assign(new Error("Too Many Requests"), { statusCode: 429 });
          }
          sent.push({ ...keyOf(due), at: now, by: instanceId, text: message.text });
          return { activityId: `activity-${sent.length}` };
        };
        return deliverDueReminders({
          store: crashing,
          now,
          instanceId,
          settings: DEFAULT_REMINDER_SETTINGS,
          send,
          retry: { sleep: async () => undefined },
        }).catch((error: unknown) => {
          if (error instanceof Crash) return [];
          throw error;
        });
      });
      for (const result of await Promise.all(runs)) outcomes.push(...result);
    }
  });

  afterAll(async () => {
    await instances?.dispose();
  });

  const byKey = () => {
    const counts = new Map<string, number>();
    for (const s of sent) counts.set(reminderKeyString(s), (counts.get(reminderKeyString(s)) ?? 0) + 1);
    return counts;
  };

  it("sends every reminder of the year exactly once", async () => {
    const store = instances.stores[0] as Store;
    const meetings = await store.meetings("norrbotten");
    const schedule = scheduleReminders(
      "norrbotten",
      meetings.filter((m) => m.date.startsWith("2022")),
      DEFAULT_REMINDER_SETTINGS,
      "Europe/Stockholm",
    );
    const expected = new Set(
      schedule.map((r) =>
        reminderKeyString({
          ...r,
          meetingId: r.meeting.id,
          conversationId: r.role === "secretary" ? "secretary-chat" : "board-channel",
        }),
      ),
    );
    // The October meeting's 21-day reminder went out for its old time, before it was moved.
    expected.add(
      reminderKeyString({
        collaborationId: "norrbotten",
        meetingId: "committee-2022-10-12",
        meetingStart: "2022-10-12T08:00:00Z",
        kind: "agenda-21d",
        conversationId: "secretary-chat",
      }),
    );
    const counts = byKey();
    expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(counts.keys())).toEqual(expected);
    expect(sent).toHaveLength(8 + 1 + 13);
  });

  it("sends each at the first tick at or after it was due, the crashed one after its lease ran out", () => {
    for (const s of sent) {
      const outcome = outcomes.find(
        (o) => o.result === "sent" && reminderKeyString(o.reminder) === reminderKeyString(s),
      );
      expect(outcome).toBeDefined();
      const dueAt = outcome?.reminder.reminder.dueAt.getTime() ?? 0;
      const crashed = s.meetingId === CRASH.meetingId && s.kind === CRASH.kind;
      expect(s.at.getTime()).toBeGreaterThanOrEqual(dueAt);
      // Due within the last step, or — for the crashed claim — one lease and a step later.
      expect(s.at.getTime() - dueAt).toBeLessThan(crashed ? 2 * STEP + 120_000 : STEP);
      // Late means: more than 15 minutes after it was due (the defaults), and it says so.
      expect(outcome?.reminder.late).toBe(s.at.getTime() - dueAt > 15 * 60_000);
      expect(s.text.includes("Den här påminnelsen är sen")).toBe(outcome?.reminder.late);
    }
    expect(crashedAt).toBeDefined();
  });

  it("never reminds of the moved meeting's old time after the move, and reminds of its new time", () => {
    const october = sent.filter((s) => s.meetingId === "committee-2022-10-12");
    expect(october.map((s) => `${s.kind} ${s.meetingStart}`).sort()).toEqual([
      "agenda-21d 2022-10-12T08:00:00Z",
      "agenda-21d 2022-10-19T08:00:00Z",
      "agenda-7d 2022-10-19T08:00:00Z",
      "meeting-1d 2022-10-19T08:00:00Z",
    ]);
    const afterMove = october.filter((s) => s.at >= MOVE_AT);
    expect(afterMove.every((s) => s.meetingStart === "2022-10-19T08:00:00Z")).toBe(true);
    const moved = october.find((s) => s.kind === "agenda-7d");
    expect(moved?.text).toContain("Flyttat från: onsdag 12 oktober 2022 kl. 10:00–16:00");
  });

  it("retried the throttled send and recorded every delivery as sent", async () => {
    expect(throttled).toBe(2);
    const deliveries = await (instances.stores[0] as Store).reminderDeliveries();
    expect(deliveries.filter((d) => d.status !== "sent")).toEqual([]);
    expect(deliveries).toHaveLength(sent.length);
  });
});

/** The store's methods bound to it, as a plain object the test can override one method of. */
function bindAll(store: Store): Store {
  const out: Record<string, unknown> = {};
  let proto: object | null = store;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (store as unknown as Record<string, unknown>)[name];
      if (typeof value === "function" && name !== "constructor" && !(name in out))
        out[name] = (value as (...args: unknown[]) => unknown).bind(store);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return out as unknown as Store;
}
