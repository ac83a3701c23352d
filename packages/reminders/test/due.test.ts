import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, type ReminderDelivery } from "@samverkan/domain";
import { dueReminders, keyOf } from "../src/index.js";
import { schedule2022, subscription } from "./fixtures.js";

const schedule = schedule2022();
const settings = DEFAULT_REMINDER_SETTINGS;
const names = (list: readonly { meetingId: string; kind: string }[]) =>
  list.map((d) => `${d.meetingId} ${d.kind}`);

describe("which reminders are due", () => {
  it("sends a reminder from its time until the meeting starts, on time", () => {
    const now = new Date("2022-06-01T07:05:00Z");
    const { due } = dueReminders({
      schedule,
      subscriptions: [subscription("secretary")],
      deliveries: [],
      now,
      settings,
    });
    // Earlier meetings have started, so nothing of theirs is due any more, recorded or not.
    expect(names(due)).toEqual(["committee-2022-06-22 agenda-21d"]);
    expect(due[0]?.late).toBe(false);
    expect(due.every((d) => d.reminder.startsAt > now)).toBe(true);
  });

  it("does not send what was sent or skipped", () => {
    const now = new Date("2022-06-01T07:05:00Z");
    const first = dueReminders({
      schedule,
      subscriptions: [subscription("secretary")],
      deliveries: [],
      now,
      settings,
    });
    const deliveries: ReminderDelivery[] = first.due.map((d) => ({
      ...keyOf(d),
      status: "sent",
      claimedBy: "x",
      claimedAt: now.toISOString(),
      attempts: 1,
    }));
    expect(
      dueReminders({ schedule, subscriptions: [subscription("secretary")], deliveries, now, settings }).due,
    ).toEqual([]);
  });

  it("gives a new subscription no backlog: only what falls due after it subscribed", () => {
    const sub = subscription("secretary", { subscribedAt: "2022-06-05T12:00:00.000Z" });
    const before = dueReminders({
      schedule,
      subscriptions: [sub],
      deliveries: [],
      now: new Date("2022-06-10T12:00:00Z"),
      settings,
    });
    expect(before.due).toEqual([]);
    expect(names(before.upcoming)).toEqual(["committee-2022-06-22 agenda-7d"]);
    const after = dueReminders({
      schedule,
      subscriptions: [sub],
      deliveries: [],
      now: new Date("2022-06-15T07:00:00Z"),
      settings,
    });
    expect(names(after.due)).toEqual(["committee-2022-06-22 agenda-7d"]);
  });

  it("after downtime sends only the latest missed reminder of a meeting, marked late, and supersedes the others", () => {
    const sub = subscription("secretary", { subscribedAt: "2022-05-20T00:00:00.000Z" });
    const now = new Date("2022-06-16T10:00:00Z");
    const { due, superseded } = dueReminders({
      schedule,
      subscriptions: [sub],
      deliveries: [],
      now,
      settings,
    });
    expect(names(due)).toEqual(["committee-2022-06-22 agenda-7d"]);
    expect(due[0]?.late).toBe(true);
    expect(names(superseded)).toEqual(["committee-2022-06-22 agenda-21d"]);
    expect(names(due[0]?.supersedes ?? [])).toEqual(["committee-2022-06-22 agenda-21d"]);
  });

  it("never reminds of a meeting that has started", () => {
    const sub = subscription("member", { subscribedAt: "2022-06-01T00:00:00.000Z" });
    const during = dueReminders({
      schedule,
      subscriptions: [sub],
      deliveries: [],
      now: new Date("2022-06-22T11:30:00Z"),
      settings,
    });
    expect(during.due.map((d) => d.meetingId)).not.toContain("committee-2022-06-22");
  });

  it("matches each chat's role and collaboration only", () => {
    const now = new Date("2022-06-21T07:00:00Z");
    const subs = [
      subscription("member", { subscribedAt: "2022-06-21T00:00:00.000Z" }),
      subscription("member", { collaborationId: "skanearkiv", conversationId: "other" }),
    ];
    const { due } = dueReminders({ schedule, subscriptions: subs, deliveries: [], now, settings });
    expect(due.map((d) => `${d.conversationId} ${d.meetingId} ${d.kind}`)).toEqual([
      "chat-member committee-2022-06-22 meeting-1d",
    ]);
  });

  it("does not offer a reminder another instance is sending, nor one refused for good, nor put an older one in its place", () => {
    const sub = subscription("secretary", { subscribedAt: "2022-05-20T00:00:00.000Z" });
    const now = new Date("2022-06-16T10:00:00Z");
    const latest = dueReminders({ schedule, subscriptions: [sub], deliveries: [], now, settings }).due[0];
    if (!latest) throw new Error("fixture");
    const record = (fields: Partial<ReminderDelivery>): ReminderDelivery => ({
      ...keyOf(latest),
      status: "claimed",
      claimedBy: "other",
      claimedAt: now.toISOString(),
      attempts: 1,
      ...fields,
    });
    const check = (delivery: ReminderDelivery) =>
      dueReminders({ schedule, subscriptions: [sub], deliveries: [delivery], now, settings });
    const inFlight = check(record({ leaseUntil: "2022-06-16T10:01:00.000Z" }));
    expect(inFlight.due).toEqual([]);
    expect(names(inFlight.superseded)).toEqual(["committee-2022-06-22 agenda-21d"]);
    expect(check(record({ status: "failed", lastError: "403" })).due).toEqual([]);
    expect(check(record({ status: "failed", retryAt: "2022-06-16T10:05:00.000Z" })).due).toEqual([]);
    // A crashed instance's claim (lease over) and a retry whose time came are offered again.
    expect(names(check(record({ leaseUntil: "2022-06-16T09:59:00.000Z" })).due)).toEqual([
      "committee-2022-06-22 agenda-7d",
    ]);
    expect(names(check(record({ status: "failed", retryAt: "2022-06-16T10:00:00.000Z" })).due)).toEqual([
      "committee-2022-06-22 agenda-7d",
    ]);
  });
});
