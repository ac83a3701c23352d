import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "@samverkan/store";
import { runCliAsync } from "../src/cli.js";

// The command opens the store from the environment: here an embedded database of this file's own.
const dir = mkdtempSync(join(tmpdir(), "samverkan-reminders-"));
const saved = { ...process.env };
/** A stand-in for the Bot Framework connector on 127.0.0.1: what the command sends arrives here. */
const received: { path: string; body: { summary: string; text?: string } }[] = [];
let connector: Server;
let serviceUrl: string;

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.BOT_ID;
  delete process.env.BOT_PASSWORD;
  process.env.SAMVERKAN_DATA_DIR = join(dir, "data");
  connector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as { summary: string; text?: string },
      });
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ id: `a${received.length}` }));
    });
  }).listen(0, "127.0.0.1");
  await new Promise((resolve) => connector.once("listening", resolve));
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const store = await openStore({ dataDir: join(dir, "data", "pglite") });
  await store.subscribeReminders(
    "norrbotten",
    {
      conversationId: "secretariat",
      role: "secretary",
      reference: {
        serviceUrl,
        conversation: { id: "secretariat" },
        channelId: "msteams",
        bot: { id: "28:bot" },
      },
      at: new Date("2022-05-01T00:00:00Z"),
    },
    { actor: "test" },
  );
  await store.close();
});

afterAll(async () => {
  // In place: the next test file in this worker shares process.env (isolate: false).
  for (const key of Object.keys(process.env)) if (!(key in saved)) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, saved);
  await new Promise((resolve) => connector.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliAsync(["reminders", ...argv], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: "2022-06-01",
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("samverkan reminders", () => {
  it("shows what is due and why, without sending, with --dry-run", async () => {
    const { code, out } = await run(["--now", "2022-06-01T09:00+02:00", "--dry-run", "--text"]);
    expect(code).toBe(0);
    expect(out).toContain("Ska skickas nu (1):");
    expect(out).toContain(
      "norrbotten · committee-2022-06-22 (22 juni 2022 13:00) · agenda-21d (dagordning) → chatt secretariat (sekreterare, sv)",
    );
    expect(out).toContain(
      "varför: 21 dagar före mötet kl. 09:00, aktuell sedan 1 juni 2022 09:00; mötet börjar 22 juni 2022 13:00",
    );
    expect(out).toContain("| - Beslut om budget");
    expect(out).toContain("Nästa:\n  15 juni 2022 09:00: committee-2022-06-22 agenda-7d → secretariat");
    expect(received).toEqual([]);
  });

  it("says when a reminder would be late, and which missed ones it replaces", async () => {
    const { out } = await run(["--now", "2022-06-16T08:00:00Z", "--dry-run"]);
    expect(out).toContain("agenda-7d (dagordning)");
    expect(out).toContain("SEN (boten var nere)");
    expect(out).toContain("ersätter: agenda-21d (missade, skickas inte)");
  });

  it("gives the plan as JSON", async () => {
    const { code, out } = await run(["--now", "2022-06-01T07:00:00Z", "--dry-run", "--format", "json"]);
    expect(code).toBe(0);
    const plan = JSON.parse(out) as {
      due: { meetingId: string; kind: string; late: boolean }[];
      subscriptions: object[];
    };
    expect(plan.due).toEqual([
      expect.objectContaining({
        meetingId: "committee-2022-06-22",
        kind: "agenda-21d",
        late: false,
        dueAt: "2022-06-01T07:00:00.000Z",
      }),
    ]);
    expect(JSON.stringify(plan.subscriptions)).not.toContain("serviceUrl");
  });

  it("sends what is due once, through the Bot Framework connector, and not again", async () => {
    const first = await run(["--now", "2022-06-01T09:05+02:00"]);
    expect(first.code).toBe(0);
    expect(first.out).toBe("skickad: committee-2022-06-22 agenda-21d → secretariat");
    expect(received).toHaveLength(1);
    expect(received[0]?.path).toBe("/v3/conversations/secretariat/activities");
    // One Adaptive Card; its words are the summary (the notification), not a text Teams would show twice.
    expect(received[0]?.body.text).toBeUndefined();
    expect(received[0]?.body.summary).toContain(
      "Påminnelse: nämndens sammanträde onsdag 22 juni 2022 kl. 13:00–16:00",
    );
    const again = await run(["--now", "2022-06-01T09:10+02:00"]);
    expect(again.out).toBe("Inget att skicka vid 2022-06-01T07:10:00.000Z.");
    expect(received).toHaveLength(1);
    const dry = await run(["--now", "2022-06-01T09:10+02:00", "--dry-run"]);
    expect(dry.out).toContain("Inget ska skickas nu.");
  });

  it("refuses a time without a zone and wrong settings, naming them", async () => {
    const bad = await run(["--now", "2022-06-01"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--now ska vara en tidpunkt med tidszon");
    process.env.REMINDER_TIME = "9";
    const settings = await run(["--dry-run"]);
    delete process.env.REMINDER_TIME;
    expect(settings.code).toBe(2);
    expect(settings.err).toContain("REMINDER_TIME: expected a time written HH:MM");
    process.env.BOT_ID = "app-id";
    const identity = await run(["--now", "2022-06-15T09:00+02:00"]);
    delete process.env.BOT_ID;
    expect(identity.code).toBe(2);
    expect(identity.err).toContain("BOT_ID is set but BOT_PASSWORD is not");
  });
});
