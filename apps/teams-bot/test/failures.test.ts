import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APOLOGY, createBot } from "../src/app.js";
import { createServer } from "../src/server.js";
import { startConnector, type Connector, said } from "./connector.js";

const SECRET = "connection refused at db.internal:5432 password=hunter2";

let connector: Connector;
let server: Server;
let botUrl: string;
const logged: { message: string; error: unknown }[] = [];

beforeAll(async () => {
  connector = await startConnector();
  const failingStore = {
    datasets: () => Promise.reject(new Error(SECRET)),
  };
  const { app, adapter } = createBot({
    store: failingStore,
    logError: (message, error) => logged.push({ message, error }),
  });
  const serverLog = (message: string, error: unknown) => logged.push({ message, error });
  server = createServer({ bot: app, adapter, logError: serverLog }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await connector.close();
});

describe("when something fails", () => {
  it("the user gets a short apology in Swedish and English, the details go to the server log", async () => {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: "a1",
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        from: { id: "29:member" },
        recipient: { id: "28:bot" },
        conversation: { id: "c1", conversationType: "personal" },
        text: "Vad betalar Kalix för e-arkiv 2023?",
      }),
    });
    const body = await response.text();
    expect(body).not.toContain("hunter2");
    expect(connector.replies.map((reply) => said(reply.activity))).toEqual([APOLOGY]);
    expect(JSON.stringify(connector.replies)).not.toContain("hunter2");
    expect(logged.some(({ error }) => (error as Error).message === SECRET)).toBe(true);
  });

  it("a body that is not JSON gets 400 and no stack trace", async () => {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "bad request" });
  });

  it("a JSON body that is not an activity gets 400 naming what is missing, and nothing runs", async () => {
    const before = connector.replies.length;
    const logs = logged.length;
    const response = await fetch(`${botUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", text: "hej" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad request",
      detail: "not a Bot Framework activity: missing serviceUrl, conversation.id, recipient.id",
    });
    expect(connector.replies.length).toBe(before);
    expect(logged.length).toBe(logs);
  });

  it("answers the health check", async () => {
    const response = await fetch(`${botUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
