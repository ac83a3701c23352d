/**
 * The optional language model, over the Bot Framework protocol: the real express server receives
 * activities, the bot's replies arrive at a local connector, and the "model" is a fake
 * OpenAI-compatible server. Every endpoint is 127.0.0.1, and the test checks that every TCP
 * connection the process opens is one to loopback.
 */
import type { Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import type { Activity } from "botbuilder";
import { answer, type Answer } from "@samverkan/assistant";
import { loadBundledDataset } from "@samverkan/data";
import { createBot } from "../src/app.js";
import { createPlannerFromEnv, readPlannerConfig, type CreatePlannerOptions } from "../src/planner/index.js";
import { createServer } from "../src/server.js";
import { startConnector, type Connector, said } from "./connector.js";
import { startFakeModel, textReply, toolCall, type ChatRequest, type FakeModel } from "./fake-model.js";

const NOW = "2022-09-01T08:00:00Z";
const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];
const expected = (question: string): Answer => answer(question, { datasets, now: new Date(NOW) });

/** Not understood by the assistant ("långtidslagringen" is no cost item): the model's turn. */
const VAGUE = "Hur många kronor går Kalix back på långtidslagringen av handlingar 2023?";
const VAGUE_NO_YEAR = "Hur många kronor går Kalix back på långtidslagringen av handlingar?";
const VAGUE_EN = "Could you tell me what our town spends on keeping digital records?";
/** Understood by the assistant: never the model's. */
const CLEAR = "Vad betalar Kalix för e-arkiv 2023?";
/** What a well-behaved model would ask the assistant for VAGUE. */
const REPHRASED = "Vad betalar Kalix för e-arkiv 2023?";
/** A wrong number the model writes in its own text, which must never reach the member. */
const WRONG = "99 999 kr";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

interface RunningBot {
  readonly url: string;
  readonly port: number;
  readonly logged: { message: string; error: unknown }[];
  close(): Promise<void>;
}

let connector: Connector;
let model: FakeModel;
let closedPort: number;
const bots: RunningBot[] = [];
let sequence = 0;
const connect = vi.spyOn(net.Socket.prototype, "connect");
let quiet: MockInstance[] = [];

/** teams-ai prints a failed request or bad tool arguments to the console; the tests read the bot's own log. */
function silenceConsole(): void {
  quiet = [
    vi.spyOn(console, "log").mockImplementation(() => {}),
    vi.spyOn(console, "warn").mockImplementation(() => {}),
  ];
}

async function startBot(
  env: Record<string, string>,
  options: CreatePlannerOptions = {},
): Promise<RunningBot> {
  const logged: RunningBot["logged"] = [];
  const logError = (message: string, error: unknown) => logged.push({ message, error });
  const planner = createPlannerFromEnv(env, { timeoutMs: 5_000, ...options });
  const { app, adapter } = createBot({
    datasets,
    now: () => new Date(NOW),
    logError,
    ...(planner ? { planner } : {}),
  });
  const server: Server = createServer({ bot: app, adapter, logError }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const bot = {
    url: `http://127.0.0.1:${port}`,
    port,
    logged,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  bots.push(bot);
  return bot;
}

beforeAll(async () => {
  connector = await startConnector();
  model = await startFakeModel();
  // A port nothing listens on: the "unreachable model".
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterEach(() => {
  model.requests.length = 0;
  for (const spy of quiet) spy.mockRestore();
  quiet = [];
});

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.close()));
  await model.close();
  await connector.close();
  connect.mockRestore();
});

function openAIEnv(endpoint: string): Record<string, string> {
  return { OPENAI_API_KEY: "test-key", OPENAI_MODEL: "fake-model", OPENAI_ENDPOINT: endpoint };
}

/** Posts a member's message as the Bot Framework service would; returns the bot's one reply. */
async function ask(bot: RunningBot, text: string): Promise<Activity> {
  sequence += 1;
  connector.replies.length = 0;
  const response = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `activity-${sequence}`,
      timestamp: new Date(NOW),
      channelId: "msteams",
      serviceUrl: connector.serviceUrl,
      from: { id: "29:member", name: "Ledamot" },
      recipient: { id: "28:samverkan-bot", name: "Samverkan" },
      conversation: { id: "conversation-personal", conversationType: "personal" },
      text,
    }),
  });
  expect(response.status).toBeLessThan(300);
  // teams-ai sends "typing" while a turn takes over a second (a slow model): fine, not a reply.
  const messages = connector.replies.filter((reply) => reply.activity.type !== "typing");
  expect(messages).toHaveLength(1);
  const [reply] = messages;
  if (!reply) throw new Error("no reply");
  return reply.activity;
}

/** The reply is exactly the assistant's answer: its text, its card, its language. */
function expectAnswer(reply: Activity, expectedAnswer: Answer): void {
  expect(said(reply)).toBe(expectedAnswer.text);
  expect(reply.locale).toBe(expectedAnswer.language === "sv" ? "sv-SE" : "en-US");
  expect(reply.attachments?.map((a) => a.content)).toEqual([expectedAnswer.card]);
}

/** Every TCP connection opened since `from` (an index into the spy's calls): host and port. */
function connectionsSince(from: number): { host: string; port: number | undefined }[] {
  return connect.mock.calls.slice(from).map((args: unknown[]) => {
    const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    if (first && typeof first === "object") {
      const { host, port } = first as { host?: string; port?: number | string };
      return { host: host ?? "localhost", port: port === undefined ? undefined : Number(port) };
    }
    return { host: typeof args[1] === "string" ? args[1] : "localhost", port: Number(first) };
  });
}

describe("without language-model settings (the default)", () => {
  it("reads no planner from an environment without them", () => {
    expect(readPlannerConfig({})).toBeUndefined();
    expect(createPlannerFromEnv({ PORT: "3978", BOT_ID: "" })).toBeUndefined();
  });

  it("answers a question it does not understand deterministically, with no connection but the reply", async () => {
    const bot = await startBot({});
    const from = connect.mock.calls.length;
    const reply = await ask(bot, VAGUE);
    expectAnswer(reply, expected(VAGUE));
    expect(expected(VAGUE).intent).toBe("unknown");
    const connectorPort = Number(new URL(connector.serviceUrl).port);
    // The test's own request to the bot, and the bot's reply to the connector: nothing else.
    expect(connectionsSince(from).length).toBeGreaterThan(0);
    expect(connectionsSince(from).every(({ port }) => port === bot.port || port === connectorPort)).toBe(
      true,
    );
    expect(model.requests).toHaveLength(0);
  });
});

describe("with a language model configured (a fake OpenAI-compatible server on 127.0.0.1)", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(openAIEnv(model.endpoint));
  });

  it("hands a question the assistant does not understand to the model, and replies with the assistant's answer", async () => {
    // The model calls the action, and also writes a wrong number of its own.
    model.respond = () => toolCall("ask_assistant", { question: REPHRASED }, `Kalix betalar ${WRONG}.`);
    const reply = await ask(bot, VAGUE);

    expectAnswer(reply, expected(REPHRASED));
    expect(said(reply)).toContain("Kalix betalar 21 000 kr för E-arkiv 2023");
    expect(JSON.stringify(reply)).not.toContain("99 999");

    expect(model.requests).toHaveLength(1);
    const [request] = model.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.authorization).toBe("Bearer test-key");
    expect(request?.body.model).toBe("fake-model");
    expect(request?.body.tool_choice).toBe("required");
    expect(request?.body.tools?.map((tool) => tool.function.name)).toEqual([
      "ask_assistant",
      "list_examples",
    ]);
    const messages = request?.body.messages ?? [];
    // The instructions as a system message, with the assistant's examples and the data's names…
    expect(messages[0]?.role).toBe("system");
    expect(messages[0]?.content).toContain("Vad betalar Kalix för e-arkiv 2023?");
    expect(messages[0]?.content).toContain("E-arkiv (E-archive)");
    expect(messages[0]?.content).toContain("Övertorneå");
    // …and the member's question, alone, last: no conversation history is sent.
    expect(messages.at(-1)).toEqual({ role: "user", content: VAGUE });
    expect(messages).toHaveLength(2);
  });

  it("never sends a question the assistant understands to the model", async () => {
    model.respond = () => toolCall("ask_assistant", { question: "Vad betalar Luleå för e-arkiv 2023?" });
    const reply = await ask(bot, CLEAR);
    expectAnswer(reply, expected(CLEAR));
    expect(model.requests).toHaveLength(0);
  });

  it("drops the model's own answer: text without an action gets the assistant's answer", async () => {
    model.respond = () => textReply(`Kalix betalar ${WRONG} för långtidslagring 2023.`);
    const reply = await ask(bot, VAGUE);
    expectAnswer(reply, expected(VAGUE));
    expect(JSON.stringify(reply)).not.toContain("99 999");
    expect(model.requests).toHaveLength(1);
  });

  it("refuses a rephrased question with a number the member did not write", async () => {
    model.respond = () => toolCall("ask_assistant", { question: "Vad betalar Kalix för e-arkiv 2024?" });
    const reply = await ask(bot, VAGUE_NO_YEAR);
    expectAnswer(reply, expected(VAGUE_NO_YEAR));
    expect(bot.logged.at(-1)?.message).toMatch(/not used/);
  });

  it("shows the examples through list_examples, in the member's language as the assistant read it", async () => {
    model.respond = () => toolCall("list_examples", {});
    const reply = await ask(bot, VAGUE_EN);
    expect(expected(VAGUE_EN)).toMatchObject({ intent: "unknown", language: "en" });
    expectAnswer(reply, expected("help"));
  });

  it("ignores an action that does not exist and arguments that are not a question", async () => {
    silenceConsole();
    model.respond = () => toolCall("send_invoice", { amount: WRONG });
    expectAnswer(await ask(bot, VAGUE), expected(VAGUE));
    model.respond = () => toolCall("ask_assistant", "{ not json");
    expectAnswer(await ask(bot, VAGUE), expected(VAGUE));
    model.respond = () => toolCall("ask_assistant", { question: 2023 });
    expectAnswer(await ask(bot, VAGUE), expected(VAGUE));
    expect(model.requests).toHaveLength(3);
  });

  it("answers deterministically when the model server fails (500), without internals", async () => {
    silenceConsole();
    model.respond = () => ({ status: 500, body: { error: { message: "model exploded at gpu-7" } } });
    const reply = await ask(bot, VAGUE);
    expectAnswer(reply, expected(VAGUE));
    expect(JSON.stringify(reply)).not.toMatch(/gpu-7|500|fake-model|127\.0\.0\.1:\d+\/v1/);
    expect(model.requests).toHaveLength(1);
    expect(bot.logged.at(-1)?.message).toMatch(/language model failed/);
  });
});

describe("with a slow language model", () => {
  it("gives way to the deterministic answer when the model takes longer than the timeout", async () => {
    silenceConsole();
    const bot = await startBot(openAIEnv(model.endpoint), { timeoutMs: 300 });
    model.respond = () => ({ ...toolCall("ask_assistant", { question: REPHRASED }), delayMs: 3_000 });
    const started = Date.now();
    const reply = await ask(bot, VAGUE);
    expect(Date.now() - started).toBeLessThan(2_500);
    expectAnswer(reply, expected(VAGUE));
    expect(model.requests).toHaveLength(1);
    expect(bot.logged.at(-1)?.message).toMatch(/language model failed/);
  });
});

describe("with a language model that cannot be reached", () => {
  it("answers deterministically, without internals", async () => {
    silenceConsole();
    const bot = await startBot(openAIEnv(`http://127.0.0.1:${closedPort}/v1`));
    const reply = await ask(bot, VAGUE);
    expectAnswer(reply, expected(VAGUE));
    expect(JSON.stringify(reply)).not.toMatch(/ECONNREFUSED|connection|127\.0\.0\.1:\d+\/v1/i);
    expect(bot.logged.at(-1)?.message).toMatch(/language model failed/);
  });
});

describe("with Azure OpenAI configured", () => {
  it("asks the deployment with the API version and key, and replies with the assistant's answer", async () => {
    // Azure endpoints must be https://, which the fake server is not: the client's fetch answers for
    // it instead, and the endpoint is loopback all the same, so a request that slipped through stays here.
    const seen: { url: string; apiKey: string | null; body: ChatRequest }[] = [];
    const fetch = async (url: unknown, init?: { headers?: unknown; body?: unknown }) => {
      seen.push({
        url: String(url),
        apiKey: new Headers(init?.headers as Record<string, string>).get("api-key"),
        body: JSON.parse(String(init?.body)) as ChatRequest,
      });
      const { status, body } = toolCall("ask_assistant", { question: REPHRASED }, `Kalix betalar ${WRONG}.`);
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    };
    const bot = await startBot(
      {
        AZURE_OPENAI_API_KEY: "azure-test-key",
        AZURE_OPENAI_ENDPOINT: "https://127.0.0.1:1",
        AZURE_OPENAI_DEPLOYMENT: "samverkan-gpt",
      },
      { fetch: fetch as unknown as CreatePlannerOptions["fetch"] },
    );
    const reply = await ask(bot, VAGUE);
    expectAnswer(reply, expected(REPHRASED));
    expect(JSON.stringify(reply)).not.toContain("99 999");
    expect(seen.map(({ url, apiKey }) => ({ url, apiKey }))).toEqual([
      {
        url: "https://127.0.0.1:1/openai/deployments/samverkan-gpt/chat/completions?api-version=2024-10-21",
        apiKey: "azure-test-key",
      },
    ]);
    expect(seen[0]?.body.messages?.at(-1)).toEqual({ role: "user", content: VAGUE });
    expect(model.requests).toHaveLength(0);
  });
});

describe("traffic", () => {
  it("never left loopback", () => {
    const hosts = new Set(connectionsSince(0).map(({ host }) => host));
    expect(hosts.size).toBeGreaterThan(0);
    expect([...hosts].filter((host) => !LOOPBACK.has(host))).toEqual([]);
  });
});
