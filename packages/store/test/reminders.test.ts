import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReminderKey } from "@samverkan/domain";
import { StoreError, type Store } from "../src/index.js";
import { BACKENDS, type Opened } from "./backends.js";

const actor = { actor: "teams:29:secretary" };
const reference = {
  serviceUrl: "https://smba.trafficmanager.net/emea/",
  conversation: { id: "19:board@thread.tacv2" },
  bot: { id: "28:bot" },
  channelId: "msteams",
};
const at = (iso: string) => new Date(iso);

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe.each(BACKENDS)("reminders in the store on $name", (backend) => {
  let opened: Opened;
  let store: Store;
  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it("subscribes a chat, keeps its first time when it subscribes again, and audits both", async () => {
    const first = await store.subscribeReminders(
      "norrbotten",
      {
        conversationId: "19:board@thread.tacv2",
        role: "secretary",
        reference,
        at: at("2022-05-01T08:00:00Z"),
      },
      actor,
    );
    expect(first).toMatchObject({
      collaborationId: "norrbotten",
      role: "secretary",
      language: "sv",
      subscribedAt: "2022-05-01T08:00:00.000Z",
      subscribedBy: actor.actor,
    });
    const again = await store.subscribeReminders(
      "norrbotten",
      {
        conversationId: "19:board@thread.tacv2",
        role: "secretary",
        language: "en",
        reference: { ...reference, serviceUrl: "https://smba.trafficmanager.net/emea2/" },
        at: at("2022-06-01T08:00:00Z"),
      },
      actor,
    );
    expect(again.subscribedAt).toBe("2022-05-01T08:00:00.000Z");
    expect(again.language).toBe("en");
    expect(again.reference.serviceUrl).toBe("https://smba.trafficmanager.net/emea2/");
    expect(await store.reminderSubscriptions({ conversationId: "19:board@thread.tacv2" })).toHaveLength(1);
    const audit = (await store.auditLog()).filter((a) => a.action === "reminders.subscribe");
    expect(audit).toHaveLength(2);
    // The log says who subscribed what, not the bot's conversation reference.
    expect(JSON.stringify(audit)).not.toContain("trafficmanager");
  });

  it("refuses a subscription to an unknown collaboration or without a way to write back, and writes nothing", async () => {
    const unknown = await storeError(
      store.subscribeReminders(
        "norrbotte",
        { conversationId: "c", role: "member", reference, at: new Date() },
        actor,
      ),
    );
    expect(unknown.code).toBe("not_found");
    expect(unknown.message).toContain("norrbotten");
    const invalid = await storeError(
      store.subscribeReminders(
        "norrbotten",
        {
          conversationId: "c",
          role: "chair" as "member",
          reference: { conversation: { id: "c" } } as unknown as typeof reference,
          at: new Date(),
        },
        actor,
      ),
    );
    expect(invalid.code).toBe("invalid");
    expect(invalid.problems.map((p) => p.path)).toEqual(["role", "reference.serviceUrl"]);
    expect(await store.reminderSubscriptions({ conversationId: "c" })).toEqual([]);
  });

  it("unsubscribes one role or all of a chat's subscriptions", async () => {
    for (const role of ["secretary", "member"] as const)
      await store.subscribeReminders(
        "norrbotten",
        { conversationId: "chat-2", role, reference, at: new Date() },
        actor,
      );
    const member = await store.unsubscribeReminders("chat-2", { role: "member" }, actor);
    expect(member.map((s) => s.role)).toEqual(["member"]);
    const rest = await store.unsubscribeReminders("chat-2", {}, actor);
    expect(rest.map((s) => s.role)).toEqual(["secretary"]);
    expect(await store.unsubscribeReminders("chat-2", {}, actor)).toEqual([]);
  });

  describe("the delivery ledger", () => {
    const key = (kind: string): ReminderKey => ({
      collaborationId: "norrbotten",
      meetingId: "committee-2022-10-12",
      meetingStart: "2022-10-12T08:00:00Z",
      kind,
      conversationId: "19:board@thread.tacv2",
    });
    const now = at("2022-09-21T07:00:00Z");
    const lease = (ms: number) => ({ now, leaseUntil: new Date(now.getTime() + ms) });

    it("lets exactly one of many simultaneous claims win", async () => {
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.claimReminder(key("agenda-21d"), { instanceId: `i${i}`, ...lease(60_000) }),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const [delivery] = await store.reminderDeliveries({ meetingsFrom: "2022-10-01" });
      expect(delivery).toMatchObject({ status: "claimed", attempts: 1, kind: "agenda-21d" });
      expect(delivery?.claimedBy).toBe(`i${claims.indexOf(true)}`);
    });

    it("never hands out a sent reminder again, and only the claimer may record it sent", async () => {
      expect(await store.claimReminder(key("agenda-7d"), { instanceId: "a", ...lease(60_000) })).toBe(true);
      expect(await store.markReminderSent(key("agenda-7d"), { instanceId: "b", at: now })).toBe(false);
      expect(
        await store.markReminderSent(key("agenda-7d"), { instanceId: "a", at: now, activityId: "act-1" }),
      ).toBe(true);
      const later = { now: at("2022-10-01T00:00:00Z"), leaseUntil: at("2022-10-01T00:02:00Z") };
      expect(await store.claimReminder(key("agenda-7d"), { instanceId: "b", ...later })).toBe(false);
      const sent = (await store.reminderDeliveries()).find((d) => d.kind === "agenda-7d");
      expect(sent).toMatchObject({ status: "sent", activityId: "act-1", sentAt: "2022-09-21T07:00:00.000Z" });
    });

    it("takes over a claim whose instance died before sending once its lease has run out", async () => {
      expect(await store.claimReminder(key("meeting-1d"), { instanceId: "crashed", ...lease(60_000) })).toBe(
        true,
      );
      // Still leased: nobody else may send it.
      const during = { now: at("2022-09-21T07:00:30Z"), leaseUntil: at("2022-09-21T07:02:30Z") };
      expect(await store.claimReminder(key("meeting-1d"), { instanceId: "restarted", ...during })).toBe(
        false,
      );
      const after = { now: at("2022-09-21T07:01:00Z"), leaseUntil: at("2022-09-21T07:03:00Z") };
      expect(await store.claimReminder(key("meeting-1d"), { instanceId: "restarted", ...after })).toBe(true);
      // The crashed instance, should it wake, can no longer record it.
      expect(await store.markReminderSent(key("meeting-1d"), { instanceId: "crashed", at: now })).toBe(false);
      const d = (await store.reminderDeliveries()).find((x) => x.kind === "meeting-1d");
      expect(d).toMatchObject({ status: "claimed", claimedBy: "restarted", attempts: 2 });
    });

    it("retries a failed send from its retry time on, and never one refused for good", async () => {
      expect(await store.claimReminder(key("failed-retry"), { instanceId: "a", ...lease(60_000) })).toBe(
        true,
      );
      await store.markReminderFailed(key("failed-retry"), {
        instanceId: "a",
        at: now,
        error: "429 Too Many Requests",
        retryAt: at("2022-09-21T07:05:00Z"),
      });
      const early = { now: at("2022-09-21T07:04:59Z"), leaseUntil: at("2022-09-21T07:06:59Z") };
      expect(await store.claimReminder(key("failed-retry"), { instanceId: "a", ...early })).toBe(false);
      const due = { now: at("2022-09-21T07:05:00Z"), leaseUntil: at("2022-09-21T07:07:00Z") };
      expect(await store.claimReminder(key("failed-retry"), { instanceId: "b", ...due })).toBe(true);

      expect(await store.claimReminder(key("refused"), { instanceId: "a", ...lease(60_000) })).toBe(true);
      await store.markReminderFailed(key("refused"), { instanceId: "a", at: now, error: "403 Forbidden" });
      const much = { now: at("2022-10-11T00:00:00Z"), leaseUntil: at("2022-10-11T00:02:00Z") };
      expect(await store.claimReminder(key("refused"), { instanceId: "a", ...much })).toBe(false);
      const refused = (await store.reminderDeliveries()).find((x) => x.kind === "refused");
      expect(refused).toMatchObject({ status: "failed", lastError: "403 Forbidden" });
      expect(refused?.retryAt).toBeUndefined();
    });

    it("records a superseded reminder as skipped, so it is never claimed", async () => {
      await store.skipReminder(key("skipped"), { instanceId: "a", at: now, note: "superseded by agenda-7d" });
      expect(await store.claimReminder(key("skipped"), { instanceId: "a", ...lease(60_000) })).toBe(false);
      // A sent reminder stays sent even if someone asks to skip it.
      await store.skipReminder(key("agenda-7d"), { instanceId: "a", at: now, note: "late" });
      const all = await store.reminderDeliveries();
      expect(all.find((x) => x.kind === "skipped")).toMatchObject({
        status: "skipped",
        note: "superseded by agenda-7d",
      });
      expect(all.find((x) => x.kind === "agenda-7d")?.status).toBe("sent");
    });

    it("lists only deliveries of meetings from a date on", async () => {
      expect(await store.reminderDeliveries({ meetingsFrom: "2022-10-13" })).toEqual([]);
      expect((await store.reminderDeliveries({ meetingsFrom: "2022-10-12" })).length).toBeGreaterThan(0);
    });
  });

  it("keeps open items until they are closed, with an audit row for each change", async () => {
    const item = await store.addOpenItem(
      "norrbotten",
      { text: "Återrapportering av internkontrollen (delårsrapport 2)", meetingId: "committee-2022-06-22" },
      actor,
    );
    expect(item).toMatchObject({
      collaborationId: "norrbotten",
      meetingId: "committee-2022-06-22",
      addedBy: actor.actor,
    });
    const other = await store.addOpenItem(
      "norrbotten",
      { text: "  E-learning: förstudiens rapport  " },
      actor,
    );
    expect(other.text).toBe("E-learning: förstudiens rapport");
    expect((await store.openItems("norrbotten")).map((o) => o.id)).toEqual([item.id, other.id]);
    const closed = await store.closeOpenItem("norrbotten", item.id, actor);
    expect(closed.closedBy).toBe(actor.actor);
    expect((await store.openItems("norrbotten")).map((o) => o.id)).toEqual([other.id]);
    expect(await store.openItems("norrbotten", { includeClosed: true })).toHaveLength(2);
    const again = await storeError(store.closeOpenItem("norrbotten", item.id, actor));
    expect(again.code).toBe("not_found");
    expect(again.message).toContain(`open items: ${other.id}`);
    const badMeeting = await storeError(
      store.addOpenItem("norrbotten", { text: "x", meetingId: "committee-2022-06-23" }, actor),
    );
    expect(badMeeting.message).toContain("committee-2022-06-22");
    const empty = await storeError(store.addOpenItem("norrbotten", { text: "   " }, actor));
    expect(empty.problems).toEqual([{ path: "text", message: "must say what the item is" }]);
    const actions = (await store.auditLog()).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith("open-item."))).toEqual([
      "open-item.close",
      "open-item.add",
      "open-item.add",
    ]);
  });
});
