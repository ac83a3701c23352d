/**
 * Bot Framework tokens over real HTTP: the bot on 127.0.0.1 with an app id, a local channel token service
 * (OpenID metadata and keys) and a local connector. Every endpoint the adapter knows is on loopback, the
 * bot signs its replies with a fixed token instead of signing in to Entra ID, and a guard fails the test
 * if anything still tries to reach another host.
 */
import type { Server } from "node:http";
import { request } from "node:https";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TurnContext } from "botbuilder";
import { loadBundledDataset } from "@samverkan/data";
import { createAdapter } from "../src/adapter.js";
import { createBot } from "../src/app.js";
import { createServer } from "../src/server.js";
import { startConnector, type Connector, said } from "./connector.js";
import { fixedCredentials, type FixedCredentials } from "./fixed-credentials.js";
import { allowLoopbackOnly, type LoopbackGuard } from "./loopback-only.js";
import { newSigningKey, startTokenIssuer, unreachableUrl, type TokenIssuer } from "./token-issuer.js";

const APP_ID = "3f0c2b1e-5a6d-4e8f-9a0b-1c2d3e4f5a6b";
const OUTBOUND_TOKEN = "fixed-outbound-token-of-the-test";
const QUESTION = "Vad betalar Kalix för e-arkiv 2023?";
const REFUSAL = '{"error":"unauthorized"}';

const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];
let guard: LoopbackGuard;
let connector: Connector;
let issuer: TokenIssuer;
let closedUrl: string;
const running: RunningBot[] = [];
let sequence = 0;

interface RunningBot {
  readonly url: string;
  /** Ids of the activities whose turn ran: the bot's handler saw them. */
  readonly turns: string[];
  readonly logged: { message: string; error: unknown }[];
  readonly credentials: FixedCredentials | undefined;
  readonly server: Server;
}

beforeAll(async () => {
  guard = allowLoopbackOnly();
  // botbuilder prints every failed check with its stack; the tests read the server's own log instead.
  vi.spyOn(console, "error").mockImplementation(() => {});
  connector = await startConnector();
  issuer = await startTokenIssuer();
  closedUrl = await unreachableUrl();
});

afterEach(() => {
  expect(guard.blocked).toEqual([]);
  connector.replies.length = 0;
});

afterAll(async () => {
  for (const bot of running) {
    bot.server.closeAllConnections();
    await new Promise((resolve) => bot.server.close(resolve));
  }
  await issuer.close();
  await connector.close();
  vi.restoreAllMocks();
  guard.restore();
});

/** The bot as index.ts wires it, with an app id or (local development) without. */
async function startBot(
  options: { appId?: string; metadataUrl?: string; tokenCheckTimeoutMs?: number } = {},
): Promise<RunningBot> {
  const { appId } = options;
  const credentials = appId ? fixedCredentials(appId, OUTBOUND_TOKEN) : undefined;
  const adapter = createAdapter(
    { appId, appPassword: appId ? "never-sent" : undefined },
    {
      // Every endpoint on loopback: nothing the adapter may contact lies beyond this machine.
      endpoints: {
        channelOpenIdMetadataUrl: options.metadataUrl ?? closedUrl,
        emulatorOpenIdMetadataUrl: closedUrl,
        loginUrl: closedUrl,
        oauthApiUrl: closedUrl,
      },
      credentialsFactory: credentials?.factory,
    },
  );
  const logged: RunningBot["logged"] = [];
  const logError = (message: string, error: unknown) => logged.push({ message, error });
  const { app } = createBot({
    datasets,
    now: () => new Date("2022-09-01T08:00:00Z"),
    credentials: { appId },
    adapter,
    logError,
  });
  const turns: string[] = [];
  const bot = {
    run: (context: TurnContext) => {
      turns.push(context.activity.id ?? "");
      return app.run(context);
    },
  };
  const server = createServer({ bot, adapter, logError, tokenCheckTimeoutMs: options.tokenCheckTimeoutMs });
  const listening = server.listen(0, "127.0.0.1");
  await new Promise((resolve) => listening.once("listening", resolve));
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  const started = { url, turns, logged, credentials, server: listening };
  running.push(started);
  return started;
}

function message(text = QUESTION): { id: string; [field: string]: unknown } {
  sequence += 1;
  return {
    type: "message",
    id: `auth-${sequence}`,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    from: { id: "29:member", name: "Ledamot" },
    recipient: { id: `28:${APP_ID}`, name: "Samverkan" },
    conversation: { id: "conversation-auth", conversationType: "personal" },
    text,
  };
}

async function post(bot: RunningBot, activity: object, authorization?: string) {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
  return { status: response.status, body: await response.text() };
}

/** 401 with the fixed body, the handler never ran, and the connector heard nothing. */
async function expectRefused(bot: RunningBot, authorization?: string): Promise<void> {
  const response = await post(bot, message(), authorization);
  expect(response).toEqual({ status: 401, body: REFUSAL });
  expect(bot.turns).toEqual([]);
  expect(connector.replies).toEqual([]);
}

describe("with an app id, every activity must carry a valid Bot Framework token", () => {
  let bot: RunningBot;
  const channelToken = (fields: Partial<Parameters<TokenIssuer["sign"]>[0]> = {}) =>
    issuer.sign({ audience: APP_ID, serviceUrl: connector.serviceUrl, ...fields });

  beforeAll(async () => {
    bot = await startBot({ appId: APP_ID, metadataUrl: issuer.metadataUrl });
  });
  afterEach(() => {
    bot.turns.length = 0;
  });

  it("answers an activity signed by the channel; the reply carries the bot's own token (the test's)", async () => {
    const activity = message();
    const response = await post(bot, activity, channelToken());
    expect(response.status).toBe(200);
    expect(bot.turns).toEqual([activity.id]);
    const [reply] = connector.replies;
    expect(connector.replies).toHaveLength(1);
    expect(said(reply?.activity)).toContain("Kalix betalar 21 000 kr för E-arkiv 2023");
    expect(reply?.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    expect(bot.credentials?.issuedFor).toContain(APP_ID);
    // The keys came from the configured metadata, not from login.botframework.com.
    expect(issuer.requests).toEqual(["/v1/.well-known/openidconfiguration", "/v1/keys"]);
  });

  it("refuses an activity without an Authorization header", async () => {
    await expectRefused(bot);
  });

  it("refuses a bearer value that is not a token", async () => {
    await expectRefused(bot, "Bearer not-a-token");
  });

  it("refuses a token signed with another key under the channel's key id (forged)", async () => {
    await expectRefused(bot, channelToken({ signWith: newSigningKey() }));
  });

  it("refuses a token issued for another bot", async () => {
    await expectRefused(bot, channelToken({ audience: "another-bot" }));
  });

  it("refuses an expired token", async () => {
    await expectRefused(bot, channelToken({ expiresAt: new Date(Date.now() - 60 * 60 * 1000) }));
  });

  it("refuses a token from another issuer", async () => {
    await expectRefused(bot, channelToken({ issuer: "https://issuer.invalid" }));
  });

  it("refuses a token issued for another connector: replies (and the bot's token) are not redirected", async () => {
    await expectRefused(bot, channelToken({ serviceUrl: "http://127.0.0.1:9/" }));
  });

  it("refuses an Emulator token whose keys cannot be checked, without reaching out", async () => {
    const emulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    await expectRefused(bot, channelToken({ issuer: emulatorIssuer, claims: { ver: "1.0", appid: APP_ID } }));
  });
});

describe("when the signing keys cannot be checked, the bot fails closed", () => {
  it("answers 401 with no internals when the key endpoint is unreachable", async () => {
    const bot = await startBot({ appId: APP_ID, metadataUrl: closedUrl });
    const token = issuer.sign({ audience: APP_ID, serviceUrl: connector.serviceUrl });
    const response = await post(bot, message(), token);
    expect(response.status).toBe(401);
    expect(response.body).toBe(REFUSAL);
    for (const internal of ["ECONNREFUSED", "127.0.0.1", "openidconfiguration", "    at "]) {
      expect(response.body).not.toContain(internal);
    }
    expect(bot.turns).toEqual([]);
    expect(connector.replies).toEqual([]);
    // The operator learns why.
    expect(JSON.stringify(bot.logged.map(({ error }) => String(error)))).toContain("ECONNREFUSED");
  });

  it("answers 401 when the keys take too long, and the activity has no effect once they arrive", async () => {
    const slow = await startTokenIssuer({ delayMs: 400 });
    try {
      const bot = await startBot({ appId: APP_ID, metadataUrl: slow.metadataUrl, tokenCheckTimeoutMs: 100 });
      const token = slow.sign({ audience: APP_ID, serviceUrl: connector.serviceUrl });
      const response = await post(bot, message(), token);
      expect(response).toEqual({ status: 401, body: REFUSAL });
      // The check goes on in the background and succeeds; the refused activity must still do nothing.
      await vi.waitFor(() => expect(slow.answered).toContain("/v1/keys"), { timeout: 10_000 });
      await sleep(300);
      expect(bot.turns).toEqual([]);
      expect(connector.replies).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});

describe("without an app id (local development)", () => {
  it("answers activities without a token (the server then binds to loopback: config.test.ts)", async () => {
    const bot = await startBot();
    const activity = message();
    const response = await post(bot, activity);
    expect(response.status).toBe(200);
    expect(bot.turns).toEqual([activity.id]);
    expect(connector.replies.map((reply) => said(reply.activity))).toEqual([
      expect.stringContaining("21 000 kr"),
    ]);
    expect(connector.replies[0]?.authorization).toBeUndefined();
  });
});

describe("the tests' own safety net", () => {
  it("blocks a connection to any host but 127.0.0.1", async () => {
    // 127.0.0.2 is still this machine, so even a broken guard sends nothing out.
    const attempt = new Promise((resolve, reject) => {
      try {
        request("https://127.0.0.2:9/").on("error", reject).end();
      } catch (error) {
        reject(error as Error);
      }
    });
    await expect(attempt).rejects.toThrow(/blocked a connection to 127\.0\.0\.2/);
    expect(guard.blocked).toEqual(["127.0.0.2"]);
    guard.blocked.length = 0;
  });
});
