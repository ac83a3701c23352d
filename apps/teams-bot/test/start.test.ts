/**
 * Starting the bot as `node dist/index.js` and the repository's `npm start` do: `startBot` on a store,
 * with its settings from the environment, and `scripts/start.mjs` running the API and the bot in one
 * process on one embedded database. Loopback only.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "@samverkan/store";
import { readConfig } from "../src/config.js";
import { startBot } from "../src/start.js";
import { said, startConnector, type Connector } from "./connector.js";

let connector: Connector;
beforeAll(async () => {
  connector = await startConnector();
});
afterAll(async () => {
  await connector.close();
});

async function ask(url: string, text: string, id: string) {
  const before = connector.replies.length;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id,
      channelId: "msteams",
      serviceUrl: connector.serviceUrl,
      from: { id: "29:member" },
      recipient: { id: "28:bot" },
      conversation: { id: `start-${id}`, conversationType: "personal" },
      text,
    }),
  });
  expect(response.status).toBe(200);
  return connector.replies.slice(before).map((r) => said(r.activity));
}

describe("startBot", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ inMemory: true });
  });
  afterAll(async () => {
    await store.close();
  });

  it("listens, says how it runs, answers, and stops", async () => {
    const lines: string[] = [];
    const bot = await startBot({
      config: readConfig({ PORT: "0" }),
      store,
      env: { REMINDER_INTERVAL_SECONDS: "3600", REMINDER_TIME: "08:30" },
      log: (line) => lines.push(line),
    });
    expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
    expect(lines.join("\n")).toContain("no BOT_ID set: Bot Framework tokens are NOT checked");
    expect(lines.join("\n")).toContain("reminders: checked every 3600 s");
    expect(lines.join("\n")).toContain("at 08:30");
    expect(lines.join("\n")).toContain("no language model: fully deterministic and offline");
    expect(await ask(bot.url, "Vad betalar Kalix för e-arkiv 2023?", "a1")).toEqual([
      expect.stringContaining("Kalix betalar 21 000 kr för E-arkiv 2023"),
    ]);
    await bot.close();
    await expect(fetch(bot.url, { method: "POST" })).rejects.toThrow();
  });

  it("runs its clock from SAMVERKAN_NOW, so the 2022 plan has meetings ahead", async () => {
    const lines: string[] = [];
    const bot = await startBot({
      config: readConfig({ PORT: "0", SAMVERKAN_NOW: "2022-09-01T10:00+02:00" }),
      store,
      env: {},
      log: (line) => lines.push(line),
    });
    expect(lines.join("\n")).toContain("clock: starts at 2022-09-01T08:00:00.000Z (SAMVERKAN_NOW)");
    const [answer] = await ask(bot.url, "När är nästa sammanträde?", "a2");
    expect(answer).toContain("12 oktober 2022");
    await bot.close();
  });

  it("warns when a bot id comes without its tenant", async () => {
    const lines: string[] = [];
    const bot = await startBot({
      config: { ...readConfig({ BOT_ID: "app", BOT_PASSWORD: "secret", PORT: "0" }), host: "127.0.0.1" },
      store,
      env: { REMINDERS: "off" },
      log: (line) => lines.push(line),
    });
    expect(lines.join("\n")).toContain("warning: BOT_ID is set without BOT_TENANT_ID");
    expect(lines.join("\n")).toContain("reminders: not sent from this process (REMINDERS=off)");
    expect(bot.scheduler).toBeUndefined();
    await bot.close();
  });

  it("refuses a wrong setting, naming it, before it listens", async () => {
    await expect(
      startBot({
        config: readConfig({ PORT: "0" }),
        store,
        env: { REMINDER_AGENDA_DAYS: "21,x" },
        log: () => {},
      }),
    ).rejects.toThrow("Invalid reminder settings: REMINDER_AGENDA_DAYS, value 2: expected a number of days");
  });
});

describe("npm start (scripts/start.mjs): the API and the bot in one process", () => {
  it("serves both on one embedded database and stops on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-start-"));
    const script = fileURLToPath(new URL("../../../scripts/start.mjs", import.meta.url));
    const child = spawn(process.execPath, [script], {
      cwd: dir,
      env: { PATH: process.env.PATH, PORT: "0", BOT_PORT: "0", SAMVERKAN_DATA_DIR: join(dir, "data") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const deadline = Date.now() + 45_000;
      while (!/Teams bot: \S+/.test(output) && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const health = /Health:\s+(\S+)/.exec(output)?.[1];
      const botUrl = /Teams bot: (\S+)/.exec(output)?.[1];
      expect(health, output).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/health$/);
      expect(botUrl, output).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
      expect(output).toContain(`PGlite in ${join(dir, "data")}`);
      expect(await (await fetch(health as string)).json()).toMatchObject({ status: "ok" });
      expect(await ask(botUrl as string, "what does Kalix pay for e-arkiv 2023?", "s1")).toEqual([
        expect.stringContaining("Kalix pays 21 000 kr"),
      ]);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
