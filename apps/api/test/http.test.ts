/**
 * The real server over the network: `node dist/index.js` as a child process on a free loopback port,
 * with its embedded database in a temporary SAMVERKAN_DATA_DIR. Requests go to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRETARY_TOKEN, READER_TOKEN } from "./helpers.js";

const SERVER = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "samverkan-api-http-"));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The environment of the server: nothing inherited that could point it at another database. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, SAMVERKAN_DATA_DIR: _dir, ...rest } = process.env;
  return {
    ...rest,
    HOST: "127.0.0.1",
    SAMVERKAN_DATA_DIR: dataDir,
    SAMVERKAN_TOKENS: `sekreteraren:secretary:${SECRETARY_TOKEN},reader:${READER_TOKEN}`,
    LOG_LEVEL: "warn",
    ...extra,
  };
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function start(): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], { env: serverEnv({ PORT: String(port) }), stdio: "pipe" });
  let out = "";
  child.stdout?.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
    const poll = setInterval(() => {
      if (out.includes("Docs:")) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}`, output: () => out };
}

async function stop(r: Running): Promise<number | null> {
  if (r.child.exitCode !== null) return r.child.exitCode;
  const exited = new Promise<number | null>((resolve) => r.child.once("exit", (code) => resolve(code)));
  r.child.kill("SIGTERM");
  return exited;
}

const forecast = {
  line: "grundfinansiering",
  date: "2023-08-31",
  amount: "1065400.00",
  unit: "kr",
  note: "Prognos efter augusti",
};

describe("the server over HTTP, with a restart", () => {
  let server: Running;
  beforeAll(async () => {
    expect(existsSync(SERVER), "run npm run build first").toBe(true);
    server = await start();
    // A fresh embedded database takes seconds to create, many more when CI runs every suite at once.
  });
  afterAll(async () => {
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the URLs of the API, the OpenAPI document and the docs page", () => {
    expect(server.output()).toContain(`API:      ${server.base}/v1/collaborations`);
    expect(server.output()).toContain(`OpenAPI:  ${server.base}/openapi.json`);
    expect(server.output()).toContain(`Docs:     ${server.base}/docs`);
    expect(server.output()).toContain(`Dashboard: ${server.base}/dashboard`);
  });

  it("answers reads, the health check and the OpenAPI document", async () => {
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    const res = await fetch(
      `${server.base}/v1/collaborations/norrbotten/allocations?year=2023&item=e-arkiv&municipality=Kalix`,
    );
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { allocations: { rows: { amount: string }[] }[] }).allocations[0]?.rows[0]
        ?.amount,
    ).toBe("21000");
    expect(((await (await fetch(`${server.base}/openapi.json`)).json()) as { openapi: string }).openapi).toBe(
      "3.1.0",
    );
    const xlsx = await fetch(
      `${server.base}/v1/collaborations/norrbotten/reports/allocation?year=2022&format=xlsx`,
    );
    expect(xlsx.headers.get("content-disposition")).toBe(
      'attachment; filename="norrbotten-allocation-2022.xlsx"',
    );
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("refuses a write without a token (401) and with a reader's (403), takes it with the secretary's, and keeps it over a restart", async () => {
    const url = `${server.base}/v1/collaborations/norrbotten/forecasts`;
    const body = JSON.stringify(forecast);
    const json = { "content-type": "application/json" };
    const none = await fetch(url, { method: "POST", headers: json, body });
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    const reader = await fetch(url, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${READER_TOKEN}` },
      body,
    });
    expect(reader.status).toBe(403);
    const ok = await fetch(url, {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${SECRETARY_TOKEN}` },
      body,
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ amount: "1065400.00", recordedBy: "sekreteraren" });

    expect(await stop(server)).toBe(0);
    server = await start();

    const after = await fetch(`${server.base}/v1/collaborations/norrbotten/forecasts?line=grundfinansiering`);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { forecasts: unknown[] }).forecasts).toEqual([
      expect.objectContaining({
        line: "grundfinansiering",
        date: "2023-08-31",
        amount: "1065400.00",
        note: "Prognos efter augusti",
      }),
    ]);
    const audit = await fetch(`${server.base}/v1/audit-log?limit=50`, {
      headers: { authorization: `Bearer ${SECRETARY_TOKEN}` },
    });
    const entries = ((await audit.json()) as { entries: { action: string; actor: string }[] }).entries;
    expect(entries.filter((e) => e.action === "forecast.record")).toEqual([
      expect.objectContaining({ actor: "sekreteraren" }),
    ]);
  });
});

describe("start-up configuration", () => {
  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["SAMVERKAN_READ_ACCESS", "everyone"],
    ["LOG_LEVEL", "loud"],
    ["SAMVERKAN_TOKENS", "secretary:short"],
    ["DATABASE_URL", "mysql://localhost/x"],
  ])(
    "a bad %s (%s) stops start-up with a message naming it, without a stack trace",
    async (variable, value) => {
      const child = spawn(process.execPath, [SERVER], {
        env: serverEnv({ PORT: "0", [variable]: value }),
        stdio: "pipe",
      });
      let err = "";
      child.stderr.on("data", (b: Buffer) => (err += b.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(2);
      expect(err).toContain(`${variable}:`);
      expect(err).not.toMatch(/\n\s+at /);
    },
  );
});
