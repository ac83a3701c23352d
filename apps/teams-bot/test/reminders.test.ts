/**
 * Reminders through the real bot: commands over the Bot Framework protocol (HTTP on 127.0.0.1), the
 * subscription's conversation reference kept in the store, and reminders arriving at the local
 * connector as proactive messages — on time, once, across a restart, late after downtime, retried
 * when the channel throttles, and never from two instances at once (PostgreSQL, when DATABASE_URL is set).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "botbuilder";
import { loadBundledDataset } from "@samverkan/data";
import { DEFAULT_REMINDER_SETTINGS } from "@samverkan/domain";
import { openPostgres, openStore, StoreError, type Store } from "@samverkan/store";
import { createBot } from "../src/app.js";
import { proactiveSender, ReminderScheduler } from "../src/reminders/index.js";
import { createServer } from "../src/server.js";
import { startConnector, type Connector, said } from "./connector.js";

const BOT = { id: "28:samverkan-bot", name: "Samverkan" };
const SECRETARY = { id: "29:secretary", name: "Sekreteraren", aadObjectId: "aad-secretary" };
const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

interface Running {
  readonly url: string;
  readonly scheduler: ReminderScheduler;
  close(): Promise<void>;
}

let connector: Connector;
let clock = new Date("2022-05-20T08:00:00Z");
let sequence = 0;

/** One bot instance on `store`: the server and a reminder scheduler on the test's clock. */
async function startInstance(store: Store, instanceId: string): Promise<Running> {
  const now = () => clock;
  const { app, adapter } = createBot({
    store,
    now,
    reminders: { store, settings: DEFAULT_REMINDER_SETTINGS },
    logError: () => undefined,
  });
  const server: Server = createServer({ bot: app, adapter, logError: () => undefined }).listen(
    0,
    "127.0.0.1",
  );
  await new Promise((resolve) => server.once("listening", resolve));
  const scheduler = new ReminderScheduler({
    store,
    send: proactiveSender(adapter, undefined),
    settings: DEFAULT_REMINDER_SETTINGS,
    now,
    instanceId,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    logError: () => undefined,
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    scheduler,
    close: async () => {
      await scheduler.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function message(text: string | undefined, conversationId: string, value?: unknown): Partial<Activity> {
  sequence += 1;
  return {
    type: "message",
    id: `activity-${sequence}`,
    timestamp: clock,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    from: SECRETARY,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: "channel", isGroup: true, name: "" },
    ...(text === undefined ? {} : { text }),
    ...(value === undefined ? {} : { value }),
  };
}

/** Sends an activity to the bot and returns what it replied. */
async function say(
  bot: Running,
  text: string | undefined,
  conversationId: string,
  value?: unknown,
): Promise<Activity[]> {
  const before = connector.replies.length;
  const response = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message(text, conversationId, value)),
  });
  expect(response.status).toBeLessThan(300);
  return connector.replies.slice(before).map((r) => r.activity);
}

/** The one reply's text. */
async function reply(bot: Running, text: string, conversationId: string, value?: unknown): Promise<Activity> {
  const replies = await say(bot, text, conversationId, value);
  expect(replies).toHaveLength(1);
  return replies[0] as Activity;
}

/** Proactive messages (not replies to a message) among what reached the connector from index `from` on. */
function proactive(from = 0) {
  return connector.replies.slice(from).filter((r) => r.replyToId === undefined);
}

beforeAll(async () => {
  connector = await startConnector();
});
afterAll(async () => {
  await connector.close();
});

describe("a chat subscribes to reminders and gets them", () => {
  let store: Store;
  let bot: Running;
  beforeAll(async () => {
    store = await openStore({ inMemory: true });
    clock = new Date("2022-05-20T08:00:00Z");
    bot = await startInstance(store, "first");
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
  });

  it('asks which role on "påminn oss", with a button for each', async () => {
    const answer = await reply(bot, "påminn oss", "secretariat");
    expect(said(answer)).toContain("Som sekreterare");
    expect(said(answer)).toContain("Som ledamöter");
    const card = answer.attachments?.[0];
    expect(card?.contentType).toBe(ADAPTIVE_CARD);
    const buttons = (card?.content as { actions: { data: { question: string } }[] }).actions.map(
      (a) => a.data.question,
    );
    expect(buttons).toEqual(["påminn oss som sekreterare", "påminn oss som ledamöter"]);
    expect(await store.reminderSubscriptions()).toEqual([]);
  });

  it("subscribes the channel as the secretary when the button is pressed, keeping how to reach it", async () => {
    const answer = await reply(bot, "", "secretariat", { question: "påminn oss som sekreterare" });
    expect(said(answer)).toContain("Klart: den här chatten får sekreterarens påminnelser om dagordningen");
    // The June meeting's 21-day reminder, 1 June 09:00 Stockholm time.
    expect(said(answer)).toContain(
      "Nästa påminnelse: 1 juni 2022 kl. 09:00 om nämndens sammanträde 22 juni 2022.",
    );
    const [subscription] = await store.reminderSubscriptions();
    expect(subscription).toMatchObject({
      collaborationId: "norrbotten",
      conversationId: "secretariat",
      role: "secretary",
      language: "sv",
      subscribedBy: "teams:aad-secretary",
    });
    expect(subscription?.reference).toMatchObject({
      serviceUrl: connector.serviceUrl,
      conversation: { id: "secretariat" },
    });
  });

  it("previews the next reminder as it reads today, without sending or recording it", async () => {
    const preview = await reply(bot, "visa nästa påminnelse", "secretariat");
    expect(said(preview).split("\n")[0]).toBe(
      "Förhandsvisning: så här ser nästa påminnelse ut i dag; den skickas 1 juni 2022 kl. 09:00.",
    );
    expect(said(preview)).toContain("Påminnelse: nämndens sammanträde onsdag 22 juni 2022 kl. 13:00–16:00");
    expect(said(preview)).toContain("- Beslut om delårsrapport 1");
    expect(await store.reminderDeliveries()).toEqual([]);
    const elsewhere = await reply(bot, "preview the next reminder", "not-subscribed");
    expect(said(elsewhere)).toBe('This chat has no reminder subscriptions. Say "remind us" to start.');
  });

  it("keeps open items the agenda reminders carry over", async () => {
    const added = await reply(bot, "ny punkt: Återrapportering av internkontrollen", "secretariat");
    expect(said(added)).toMatch(
      /^Öppen punkt #1 i Norrbottens e-nämnd: "Återrapportering av internkontrollen"/,
    );
    await reply(bot, "ny punkt: Förstudien om e-learning", "secretariat");
    const closed = await reply(bot, "stäng punkt 2", "secretariat");
    expect(said(closed)).toBe("Stängd: #2 Förstudien om e-learning.");
    const wrong = await reply(bot, "stäng punkt 7", "secretariat");
    expect(said(wrong)).toContain("Det finns ingen öppen punkt #7 i Norrbottens e-nämnd. Öppna punkter: #1.");
    const long = await reply(bot, `ny punkt: ${"x".repeat(501)}`, "secretariat");
    expect(said(long)).toMatch(/^En öppen punkt får vara högst 500 tecken \(den här har 501\)/);
    const list = await reply(bot, "öppna punkter", "secretariat");
    expect(said(list)).toContain("- #1 Återrapportering av internkontrollen");
    expect(said(list)).not.toContain("e-learning");
  });

  it("sends nothing before a reminder is due", async () => {
    clock = new Date("2022-06-01T06:59:00Z");
    expect(await bot.scheduler.runOnce()).toEqual([]);
    expect(proactive()).toEqual([]);
  });

  it("sends the agenda reminder into the channel at 09:00, as a card with what the årshjul says", async () => {
    clock = new Date("2022-06-01T07:00:30Z");
    const outcomes = await bot.scheduler.runOnce();
    expect(outcomes.map((o) => [o.reminder.meetingId, o.reminder.kind, o.result])).toEqual([
      ["committee-2022-06-22", "agenda-21d", "sent"],
    ]);
    const [sent] = proactive();
    expect(sent?.conversationId).toBe("secretariat");
    const activity = sent?.activity as Activity;
    expect(said(activity).split("\n").slice(0, 2)).toEqual([
      "Påminnelse: nämndens sammanträde onsdag 22 juni 2022 kl. 13:00–16:00",
      "Norrbottens e-nämnd: om 21 dagar är det nämndens sammanträde.",
    ]);
    expect(said(activity)).toContain("- Beslut om budget");
    expect(said(activity)).toContain("- Återrapportering av internkontrollen (#1)");
    expect(said(activity)).toContain("Kallelsen senast: onsdag 15 juni 2022");
    expect(activity.locale).toBe("sv-SE");
    expect(activity.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
    const deliveries = await store.reminderDeliveries();
    expect(deliveries.map((d) => [d.kind, d.status, d.claimedBy])).toEqual([["agenda-21d", "sent", "first"]]);
  });

  it("never sends it again: not on the next tick, not after a restart", async () => {
    const before = proactive().length;
    clock = new Date("2022-06-01T07:01:30Z");
    await bot.scheduler.runOnce();
    await bot.close();
    bot = await startInstance(store, "restarted");
    await bot.scheduler.runOnce();
    expect(proactive().length).toBe(before);
  });

  it("retries when the channel throttles (429, Retry-After) and delivers once", async () => {
    const before = connector.replies.length;
    // The Bot Framework client itself retries throttled sends, honouring Retry-After.
    connector.refusals.push(...Array.from({ length: 6 }, () => ({ status: 429, retryAfterSeconds: 0 })));
    clock = new Date("2022-06-15T07:00:10Z");
    const posts = connector.posts();
    const outcomes = await bot.scheduler.runOnce();
    expect(outcomes.map((o) => [o.reminder.kind, o.result])).toEqual([["agenda-7d", "sent"]]);
    expect(connector.posts() - posts).toBe(7);
    expect(proactive(before)).toHaveLength(1);
    expect(connector.refusals).toEqual([]);
  });

  it("lists the chat's subscriptions with the next reminder, and ends them on request", async () => {
    clock = new Date("2022-06-16T08:00:00Z");
    const list = await reply(bot, "visa påminnelser", "secretariat");
    expect(said(list)).toContain("Den här chatten får:");
    expect(said(list)).toContain("nästa 21 september 2022 kl. 09:00 om nämndens sammanträde 12 oktober 2022");
    const stop = await reply(bot, "avsluta påminnelser", "secretariat");
    expect(said(stop)).toContain("Klart: den här chatten får inte längre sekreterarens påminnelser");
    expect(await store.reminderSubscriptions()).toEqual([]);
    const before = proactive().length;
    clock = new Date("2022-09-21T07:00:10Z");
    await bot.scheduler.runOnce();
    expect(proactive().length).toBe(before);
  });

  it("answers in English to English commands, and reminds in English", async () => {
    clock = new Date("2022-10-01T08:00:00Z");
    const answer = await reply(bot, "remind us as members", "board-en");
    expect(said(answer)).toContain("Done: this chat gets the members' reminders");
    expect(answer.locale).toBe("en-US");
    const before = connector.replies.length;
    clock = new Date("2022-10-11T07:00:05Z");
    await bot.scheduler.runOnce();
    const [sent] = proactive(before);
    expect(said(sent?.activity)).toContain(
      "Reminder: the committee meeting on Wednesday 12 October 2022, 10:00–16:00",
    );
    expect(sent?.activity.locale).toBe("en-US");
  });

  it("does not take questions for commands", async () => {
    const answer = await reply(bot, "När är nästa sammanträde?", "secretariat");
    expect(said(answer)).toMatch(/sammanträde/);
    expect(said(answer)).not.toContain("påminnelser");
  });
});

describe("after downtime and when the meeting plan changes", () => {
  let store: Store;
  let bot: Running | undefined;
  beforeAll(async () => {
    store = await openStore({ inMemory: true });
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });
  afterAll(async () => {
    await store.close();
  });

  it("sends the missed reminder on start-up, saying it is late, and not the one it replaces", async () => {
    clock = new Date("2022-09-01T08:00:00Z");
    bot = await startInstance(store, "before-the-outage");
    await reply(bot, "påminn oss som sekreterare", "late-chat");
    await bot.close();
    // Down from 1 September to 5 October: the 21-day reminder (21 Sept) was missed entirely.
    clock = new Date("2022-10-05T10:00:00Z");
    bot = await startInstance(store, "after-the-outage");
    const before = connector.replies.length;
    const outcomes = await bot.scheduler.runOnce();
    expect(outcomes.map((o) => [o.reminder.kind, o.result, o.reminder.late])).toEqual([
      ["agenda-7d", "sent", true],
    ]);
    const sent = proactive(before);
    expect(sent).toHaveLength(1);
    expect(said(sent[0]?.activity)).toContain("om 7 dagar är det nämndens sammanträde");
    expect(said(sent[0]?.activity)).toContain(
      "Den här påminnelsen är sen: den skulle ha skickats 2022-10-05 09:00.",
    );
    const deliveries = await store.reminderDeliveries({ meetingsFrom: "2022-10-12" });
    expect(deliveries.map((d) => [d.kind, d.status])).toEqual([
      ["agenda-21d", "skipped"],
      ["agenda-7d", "sent"],
    ]);
  });

  it("sends nothing for a meeting that has already started", async () => {
    clock = new Date("2022-10-12T08:30:00Z");
    bot = await startInstance(store, "too-late");
    const before = connector.replies.length;
    await bot.scheduler.runOnce();
    expect(proactive(before)).toEqual([]);
  });

  it("moves its reminders with a moved meeting and drops those of a cancelled one", async () => {
    clock = new Date("2022-11-01T08:00:00Z");
    bot = await startInstance(store, "planner");
    await reply(bot, "påminn oss som ledamöter", "members");
    await store.changeMeeting(
      "norrbotten",
      {
        kind: "moved",
        meetingId: "preparatory-2022-11-23",
        to: { date: "2022-11-30", startTime: "14:00", endTime: "16:00" },
      },
      { actor: "test" },
    );
    await store.changeMeeting(
      "norrbotten",
      { kind: "cancelled", meetingId: "committee-2022-12-14" },
      { actor: "test" },
    );
    const before = connector.replies.length;
    for (const at of [
      "2022-11-22T08:00:10Z",
      "2022-11-29T08:00:10Z",
      "2022-12-13T08:00:10Z",
      "2022-12-20T08:00:10Z",
    ]) {
      clock = new Date(at);
      await bot.scheduler.runOnce();
    }
    const sent = proactive(before).filter((r) => r.conversationId === "members");
    expect(sent.map((r) => said(r.activity).split("\n")[0])).toEqual([
      "Påminnelse: beredningsgruppens möte onsdag 30 november 2022 kl. 14:00–16:00",
      "Påminnelse: beredningsgruppens möte onsdag 21 december 2022 kl. 14:00–16:00",
    ]);
    expect(said(sent[0]?.activity)).toContain("Flyttat från: onsdag 23 november 2022 kl. 14:00–16:00");
  });
});

describe("when the store refuses a command", () => {
  it("tells the member why, in a message, not the apology", async () => {
    const store = await openStore({ inMemory: true });
    const refusing = Object.assign(Object.create(store) as Store, {
      addOpenItem: () =>
        Promise.reject(new StoreError("conflict", 'Collaboration "norrbotten" is being re-imported')),
      datasets: () => store.datasets(),
    });
    const { app, adapter } = createBot({
      store: refusing,
      reminders: { store: refusing, settings: DEFAULT_REMINDER_SETTINGS },
      logError: () => undefined,
    });
    const server: Server = createServer({ bot: app, adapter }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answer = await reply({ url } as Running, "ny punkt: Revisionens frågor", "refused");
    expect(said(answer)).toBe('Det gick inte: Collaboration "norrbotten" is being re-imported');
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });
});

describe("without a store", () => {
  it("says reminders need the database instead of pretending to subscribe", async () => {
    const { app, adapter } = createBot({
      datasets: [loadBundledDataset("norrbotten")],
      logError: () => undefined,
    });
    const server: Server = createServer({ bot: app, adapter }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answer = await reply({ url } as Running, "påminn oss", "no-store");
    expect(said(answer)).toContain("Påminnelser kräver databasen");
    await new Promise((resolve) => server.close(resolve));
  });
});

const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

describe.runIf(DATABASE_URL)("two bot instances on one PostgreSQL", () => {
  const schema = `bot_${process.pid}_${Date.now().toString(36)}`;
  const stores: Store[] = [];
  const bots: Running[] = [];
  beforeAll(async () => {
    for (const name of ["a", "b"]) {
      const store = await openStore({ database: await openPostgres(DATABASE_URL as string, schema) });
      stores.push(store);
      bots.push(await startInstance(store, `instance-${name}`));
    }
  });
  afterAll(async () => {
    for (const b of bots) await b.close();
    for (const s of stores) await s.close();
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it("never both send: every reminder arrives once while both run at every tick", async () => {
    clock = new Date("2022-01-01T08:00:00Z");
    await reply(bots[0] as Running, "påminn oss som ledamöter", "pg-members");
    await reply(bots[1] as Running, "påminn oss som sekreterare", "pg-secretary");
    const before = connector.replies.length;
    for (const at of [
      "2022-01-25T08:00:05Z",
      "2022-02-22T08:00:05Z",
      "2022-02-23T08:00:05Z",
      "2022-03-09T08:00:05Z",
      "2022-03-15T08:00:05Z",
    ]) {
      clock = new Date(at);
      // Both instances at once, twice per tick.
      await Promise.all([...bots, ...bots].map((b) => b.scheduler.runOnce()));
      await Promise.all(bots.map((b) => b.scheduler.runOnce()));
    }
    const sent = connector.replies.slice(before).filter((r) => r.replyToId === undefined);
    const keys = sent.map((r) => `${r.conversationId}: ${said(r.activity).split("\n")[1]}`);
    expect(keys).toEqual([
      "pg-members: Norrbottens e-nämnd: i morgon är det beredningsgruppens möte.",
      "pg-members: Norrbottens e-nämnd: i morgon är det beredningsgruppens möte.",
      "pg-secretary: Norrbottens e-nämnd: om 21 dagar är det nämndens sammanträde.",
      "pg-secretary: Norrbottens e-nämnd: om 7 dagar är det nämndens sammanträde.",
      "pg-members: Norrbottens e-nämnd: i morgon är det nämndens sammanträde.",
    ]);
    const deliveries = await (stores[0] as Store).reminderDeliveries();
    expect(deliveries.map((d) => d.status)).toEqual(Array(5).fill("sent"));
  });
});
