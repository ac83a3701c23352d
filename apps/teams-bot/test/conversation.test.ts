import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "botbuilder";
import { loadBundledDataset } from "@samverkan/data";
import { createBot } from "../src/app.js";
import { createServer } from "../src/server.js";
import { startConnector, type Connector, said } from "./connector.js";

const BOT = { id: "28:samverkan-bot", name: "Samverkan" };
const USER = { id: "29:member", name: "Ledamot" };
const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

let connector: Connector;
let server: Server;
let botUrl: string;
const logged: unknown[] = [];
let sequence = 0;

beforeAll(async () => {
  connector = await startConnector();
  const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];
  const { app, adapter } = createBot({
    datasets,
    now: () => new Date("2022-09-01T08:00:00Z"),
    logError: (_message, error) => logged.push(error),
  });
  server = createServer({ bot: app, adapter, logError: () => {} }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await connector.close();
});

type Scope = "personal" | "groupChat" | "channel";

function activity(fields: Partial<Activity>, scope: Scope = "personal"): Partial<Activity> {
  sequence += 1;
  return {
    type: "message",
    id: `activity-${sequence}`,
    timestamp: new Date("2022-09-01T08:00:00Z"),
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: {
      id: `conversation-${scope}`,
      conversationType: scope,
      isGroup: scope !== "personal",
      name: "",
    },
    ...fields,
  };
}

/** Posts an activity as the Bot Framework service would and returns what the bot sent back to the connector. */
async function send(incoming: Partial<Activity>): Promise<Activity[]> {
  connector.replies.length = 0;
  const response = await fetch(`${botUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(incoming),
  });
  expect(response.status).toBeLessThan(300);
  return connector.replies.map((reply) => {
    // Replies go to the conversation the activity came from, threaded under it.
    expect(reply.conversationId).toBe(incoming.conversation?.id);
    expect(reply.replyToId).toBe(incoming.id);
    return reply.activity;
  });
}

/** The one element of a list, failing the test when there is not exactly one. */
function only<T>(items: readonly T[] | undefined): T {
  expect(items).toHaveLength(1);
  const [item] = items ?? [];
  if (item === undefined) throw new Error("expected exactly one");
  return item;
}

async function ask(text: string, scope?: Scope): Promise<Activity> {
  return only(await send(activity({ text }, scope)));
}

function card(reply: Activity): { actions?: { type: string; title: string; data: { question: string } }[] } {
  const attachment = only(reply.attachments);
  expect(attachment.contentType).toBe(ADAPTIVE_CARD);
  return attachment.content as ReturnType<typeof card>;
}

describe("the bot answers questions over the Bot Framework protocol", () => {
  it("answers a Swedish question exactly, with an Adaptive Card and a text fallback", async () => {
    const reply = await ask("Vad betalar Kalix för e-arkiv 2023?");
    expect(reply.type).toBe("message");
    expect(said(reply)).toContain("Kalix betalar 21 000 kr för E-arkiv 2023");
    expect(reply.locale).toBe("sv-SE");
    expect(JSON.stringify(card(reply))).toContain("21 000 kr");
  });

  it("answers an English question in English", async () => {
    const reply = await ask("what does Kalix pay for e-arkiv 2023?");
    expect(said(reply)).toContain("21 000 kr");
    expect(said(reply)).toMatch(/Kalix pays/);
    expect(reply.locale).toBe("en-US");
    expect(card(reply)).toMatchObject({ lang: "en" });
  });

  it("strips the @mention of the bot in a channel", async () => {
    const reply = await ask("<at>Samverkan</at> Vad betalar Kalix för e-arkiv 2023?", "channel");
    expect(said(reply)).toContain("Kalix betalar 21 000 kr");
  });

  it("answers in a group chat where the mention carries its entity", async () => {
    const replies = await send(
      activity(
        {
          text: "<at>Samverkan</at> När är nästa sammanträde?",
          entities: [{ type: "mention", mentioned: BOT, text: "<at>Samverkan</at>" }],
        },
        "groupChat",
      ),
    );
    const reply = only(replies);
    expect(said(reply)).toMatch(/sammanträde/i);
    expect(said(reply)).toContain("12 oktober 2022");
  });

  it("answers a follow-up button (Action.Submit with the question) like a typed question", async () => {
    const first = await ask("Vad betalar Kalix för e-arkiv 2023?");
    const followUp = card(first).actions?.find((action) => action.type === "Action.Submit");
    const question = followUp?.data.question ?? "";
    expect(question).not.toBe("");
    const typed = await ask(question);
    const clicked = only(await send(activity({ value: { question } })));
    expect(said(clicked)).toBe(said(typed));
    expect(said(clicked)).not.toBe(said(first));
    expect(clicked.attachments).toEqual(typed.attachments);
  });

  it("asks back when a name fits several municipalities", async () => {
    const reply = await ask("Vad betalar Över för e-arkiv 2023?");
    expect(said(reply)).toContain("Överkalix");
    expect(said(reply)).toContain("Övertorneå");
    const questions = card(reply).actions?.map((action) => action.data.question) ?? [];
    expect(questions.some((q) => q.includes("Överkalix"))).toBe(true);
    expect(questions.some((q) => q.includes("Övertorneå"))).toBe(true);
  });

  it("welcomes the team when the bot is added, with example questions in Swedish and English", async () => {
    const replies = await send(
      activity({ type: "conversationUpdate", membersAdded: [BOT], text: undefined }, "channel"),
    );
    const welcome = only(replies);
    // A greeting above the help card, which lists the examples; the notification says both.
    expect(welcome.text).toMatch(/^Hej! Jag är samverkan/);
    expect(welcome.text).not.toContain("Vad betalar Kalix för e-arkiv 2023?");
    expect(welcome.summary).toContain("Vad betalar Kalix för e-arkiv 2023?");
    expect(welcome.text).toContain("What does Kalix pay for the e-archive in 2023?");
    expect(welcome.text).toContain('skriv "påminn oss"');
    const questions = card(welcome).actions?.map((action) => action.data.question) ?? [];
    expect(questions).toContain("Vad betalar Kalix för e-arkiv 2023?");
  });

  it("does not welcome again when someone else joins", async () => {
    const replies = await send(activity({ type: "conversationUpdate", membersAdded: [USER] }, "channel"));
    expect(replies).toHaveLength(0);
  });
});
