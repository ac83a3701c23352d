/**
 * Conversations through the real bot over the Bot Framework protocol (HTTP on 127.0.0.1, replies to the
 * local connector): follow-ups read against the asker's last answer, kept in the store — across a
 * restart on the same embedded database, across two instances on one PostgreSQL (when DATABASE_URL is
 * set), apart for two people in one group chat, and forgotten when the context has expired.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "botbuilder";
import { loadBundledDataset } from "@samverkan/data";
import { openPostgres, openStore, type Store } from "@samverkan/store";
import { createBot } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { createServer } from "../src/server.js";
import { startBot, type RunningBot } from "../src/start.js";
import { said, startConnector, type Connector } from "./connector.js";

const BOT = { id: "28:samverkan-bot", name: "Samverkan" };
const KALIX_MEMBER = { id: "29:kalix", name: "Ledamot Kalix", aadObjectId: "aad-kalix" };
const LULEA_MEMBER = { id: "29:lulea", name: "Ledamot Luleå", aadObjectId: "aad-lulea" };
// The bot's settings as `node dist/index.js` reads them: any free port, no reminders in these tests.
const ENV = { PORT: "0", SAMVERKAN_NOW: "2022-09-01T10:00+02:00", REMINDERS: "off" };

let connector: Connector;
/** One embedded database in memory for the tests that need no restart (opening one takes a while). */
let shared: Store;
let sequence = 0;
beforeAll(async () => {
  connector = await startConnector();
  shared = await openStore({ inMemory: true });
});
afterAll(async () => {
  await connector.close();
  await shared.close();
});

type Scope = "personal" | "groupChat";

/** Posts a message as the Bot Framework service would; returns the one reply. */
async function ask(
  url: string,
  text: string,
  conversationId: string,
  from: typeof KALIX_MEMBER = KALIX_MEMBER,
  scope: Scope = "personal",
): Promise<Activity> {
  sequence += 1;
  const before = connector.replies.length;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `follow-up-${sequence}`,
      channelId: "msteams",
      serviceUrl: connector.serviceUrl,
      from,
      recipient: BOT,
      conversation: { id: conversationId, conversationType: scope, isGroup: scope !== "personal" },
      text,
    }),
  });
  expect(response.status).toBe(200);
  const replies = connector.replies.slice(before);
  expect(replies).toHaveLength(1);
  return replies[0]?.activity as Activity;
}

async function start(store: Store, env: Record<string, string> = ENV): Promise<RunningBot> {
  return startBot({ config: readConfig(env), store, env, log: () => undefined });
}

/** A conversation of a first question and follow-ups, each checked by what its answer must say. */
const CONVERSATION: readonly { text: string; says: readonly string[]; locale?: string }[] = [
  {
    text: "Vad betalar Kalix för e-arkiv 2023?",
    says: ["Kalix betalar 21 000 kr för E-arkiv 2023"],
  },
  {
    text: "och 2022?",
    says: ['"Vad betalar Kalix för e-arkiv 2022?"', "Kalix betalar 21 000 kr för E-arkiv 2022"],
  },
  {
    text: "och Luleå?",
    says: ['"Vad betalar Luleå för e-arkiv 2022?"', "Luleå betalar 97 000 kr för E-arkiv 2022"],
  },
  {
    text: "varför?",
    says: [
      '"Varför betalar Luleå det beloppet för e-arkiv 2022?"',
      "1,25 kr per invånare × 77 470 invånare",
      "= 97 000 kr",
    ],
  },
  {
    text: "and in English?",
    says: ["I read the follow-up as", "Luleå pays 97 000 kr for E-archive in 2022", "1.25 kr per inhabitant"],
    locale: "en-US",
  },
];

function expectSays(reply: Activity, step: (typeof CONVERSATION)[number]): void {
  for (const words of step.says) expect(said(reply), `after "${step.text}"`).toContain(words);
  expect(reply.locale).toBe(step.locale ?? "sv-SE");
}

describe("follow-ups in a conversation, kept in the store", () => {
  it("reads three follow-ups in a row, and a fourth after the bot restarted on the same database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-bot-conversation-"));
    const dataDir = join(dir, "pglite");
    try {
      let store = await openStore({ dataDir });
      let bot = await start(store);
      const [first, ...rest] = CONVERSATION;
      const beforeRestart = [first, ...rest.slice(0, 3)];
      for (const step of beforeRestart) {
        if (step) expectSays(await ask(bot.url, step.text, "a:personal-kalix"), step);
      }
      await bot.close();
      await store.close();

      // Nothing of the conversation is left in this process: a new store on the same folder, a new bot.
      store = await openStore({ dataDir });
      bot = await start(store);
      const last = CONVERSATION[4];
      if (last) expectSays(await ask(bot.url, last.text, "a:personal-kalix"), last);
      // Another chat has no context: the same follow-up there is not understood.
      expect(said(await ask(bot.url, "och 2022?", "a:personal-other"))).toMatch(/^Jag förstod inte frågan/);
      await bot.close();
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps two members in one group chat apart: each follow-up continues the asker's own question", async () => {
    const bot = await start(shared);
    try {
      const chat = "19:group-chat@thread.v2";
      const group = (text: string, from: typeof KALIX_MEMBER) => ask(bot.url, text, chat, from, "groupChat");
      expect(said(await group("Vad betalar Kalix för e-arkiv 2023?", KALIX_MEMBER))).toContain(
        "Kalix betalar 21 000 kr för E-arkiv 2023",
      );
      expect(said(await group("Vad betalar Luleå för e-arkiv 2023?", LULEA_MEMBER))).toContain(
        "Luleå betalar 97 000 kr för E-arkiv 2023",
      );
      const kalix = said(await group("och 2022?", KALIX_MEMBER));
      expect(kalix).toContain("Kalix betalar 21 000 kr för E-arkiv 2022");
      expect(kalix).not.toContain("Luleå");
      const lulea = said(await group("och 2022?", LULEA_MEMBER));
      expect(lulea).toContain("Luleå betalar 97 000 kr för E-arkiv 2022");
      expect(lulea).not.toContain("Kalix");
      // A third member, who asked nothing, has no context to follow.
      const newcomer = { id: "29:pitea", name: "Ledamot Piteå", aadObjectId: "aad-pitea" };
      expect(said(await group("och 2022?", newcomer))).toMatch(/^Jag förstod inte frågan/);
    } finally {
      await bot.close();
    }
  });

  it("forgets the context CONVERSATION_TTL_MINUTES after the last answer: the follow-up is then not understood", async () => {
    const store = shared;
    let clock = new Date("2022-09-01T08:00:00Z");
    const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
    const ttlMinutes = readConfig({ CONVERSATION_TTL_MINUTES: "10" }).conversationTtlMinutes;
    const { app, adapter } = createBot({
      store,
      now: () => clock,
      conversations: { store, ttlMinutes },
      logError: () => undefined,
    });
    const server: Server = createServer({ bot: app, adapter, logError: () => undefined }).listen(
      0,
      "127.0.0.1",
    );
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    try {
      await ask(url, "Vad betalar Kalix för e-arkiv 2023?", "a:ttl");
      later(9);
      // Within the time: understood, and the answer starts the time again.
      expect(said(await ask(url, "och 2022?", "a:ttl"))).toContain(
        "Kalix betalar 21 000 kr för E-arkiv 2022",
      );
      later(9);
      expect(said(await ask(url, "och Luleå?", "a:ttl"))).toContain(
        "Luleå betalar 97 000 kr för E-arkiv 2022",
      );
      later(10);
      const expired = await ask(url, "och 2022?", "a:ttl");
      expect(said(expired)).toMatch(/^Jag förstod inte frågan\. /);
      expect(said(expired)).toContain("Vad betalar Kalix för e-arkiv 2023?"); // what can be asked instead
      expect(said(expired)).not.toMatch(/Luleå betalar|\d+ 000 kr/);
      // What the member was last answered is now that: the Luleå question is not taken up again.
      expect(await store.getConversationTurn("teams:a:ttl:aad-kalix", { now: clock })).toMatchObject({
        question: "och 2022?",
        intent: "unknown",
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers on its own when the store cannot give the context, and says nothing of it to the member", async () => {
    const logged: string[] = [];
    const failing = {
      getConversationTurn: () => Promise.reject(new Error("database down")),
      saveConversationTurn: () => Promise.reject(new Error("database down")),
    };
    const { app, adapter } = createBot({
      datasets: [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")],
      now: () => new Date("2022-09-01T08:00:00Z"),
      conversations: { store: failing },
      logError: (message) => logged.push(message),
    });
    const server: Server = createServer({ bot: app, adapter, logError: () => undefined }).listen(
      0,
      "127.0.0.1",
    );
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    try {
      const reply = await ask(url, "Vad betalar Kalix för e-arkiv 2023?", "a:failing");
      expect(said(reply)).toContain("Kalix betalar 21 000 kr för E-arkiv 2023");
      expect(said(reply)).not.toContain("database");
      expect(logged).toEqual([
        "teams-bot: could not read the conversation's context; answering without it",
        "teams-bot: could not keep the conversation's context",
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

describe.runIf(DATABASE_URL)(
  DATABASE_URL
    ? "a conversation across two bot instances on one PostgreSQL"
    : "a conversation across two bot instances on one PostgreSQL — skipped: DATABASE_URL is not set (CI sets it)",
  () => {
    const schema = `bot_conv_${process.pid}_${Date.now().toString(36)}`;
    const stores: Store[] = [];
    const bots: RunningBot[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 2; i += 1) {
        const store = await openStore({ database: await openPostgres(DATABASE_URL as string, schema) });
        stores.push(store);
        bots.push(await start(store));
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

    it("follows it when the first question and every other follow-up go to instance A, the rest to B", async () => {
      for (const [i, step] of CONVERSATION.entries()) {
        const bot = bots[i % 2] as RunningBot;
        expectSays(await ask(bot.url, step.text, "a:personal-two-instances"), step);
      }
    });
  },
);
