import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@samverkan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../src/cli.js";

// The command opens the store from the environment: here an embedded database of this file's own.
const dir = mkdtempSync(join(tmpdir(), "samverkan-grant-"));
const dataDir = join(dir, "data");
const saved = { url: process.env.DATABASE_URL, data: process.env.SAMVERKAN_DATA_DIR };
beforeAll(() => {
  delete process.env.DATABASE_URL;
  process.env.SAMVERKAN_DATA_DIR = dataDir;
});
afterAll(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.data !== undefined) process.env.SAMVERKAN_DATA_DIR = saved.data;
  else delete process.env.SAMVERKAN_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliAsync(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: "2022-09-01",
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const ID = "9F3C2A4E-1B7D-4C55-8E0A-2F6B1D9C7E31";

describe("samverkan grant", () => {
  it("explains the roles in its help", async () => {
    const help = await cli("grant", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("secretary");
    expect(help.out).toMatch(/registrera närvaro, beslut/);
    expect(help.out).toContain("--aad-object-id");
    expect(help.out).toContain("ändringsloggen");
  });

  it("grants the secretary role once, lists it, audit-logs it, and revokes it", async () => {
    const first = await cli(
      "grant",
      "secretary",
      "--collaboration",
      "norrbotten",
      "--aad-object-id",
      ID,
      "--actor",
      "it-avdelningen",
    );
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain(`norrbotten: ${ID.toLowerCase()} är secretary sedan`);
    expect(
      (await cli("grant", "secretary", "--collaboration", "norrbotten", "--aad-object-id", ID.toLowerCase()))
        .code,
    ).toBe(0);
    const list = await cli("grant", "--list", "--collaboration", "norrbotten");
    expect(list.out.split("\n")).toHaveLength(1);
    expect(list.out).toMatch(
      new RegExp(
        `^norrbotten  secretary  ${ID.toLowerCase()}  sedan \\d{4}-\\d{2}-\\d{2} \\(it-avdelningen\\)$`,
      ),
    );

    const store = await openStore({ dataDir: join(dataDir, "pglite") });
    try {
      expect(await store.hasRole("norrbotten", ID, "secretary")).toBe(true);
      expect(await store.hasRole("skanearkiv", ID, "secretary")).toBe(false);
      const audit = (await store.auditLog({ limit: 100 })).filter((e) => e.action.startsWith("role."));
      expect(audit.map((e) => [e.action, e.actor])).toEqual([["role.grant", "it-avdelningen"]]);
    } finally {
      await store.close();
    }

    const revoked = await cli(
      "grant",
      "secretary",
      "--collaboration",
      "norrbotten",
      "--aad-object-id",
      ID,
      "--revoke",
    );
    expect(revoked).toMatchObject({
      code: 0,
      out: `norrbotten: ${ID.toLowerCase()} är inte längre secretary.`,
    });
    expect((await cli("grant", "--list")).out).toBe("Ingen har fått någon roll.");
    const again = await cli(
      "grant",
      "secretary",
      "--collaboration",
      "norrbotten",
      "--aad-object-id",
      ID,
      "--revoke",
    );
    expect(again.code).toBe(2);
    expect(again.err).not.toBe("");
  });

  it("refuses an unknown role, a malformed id and an unknown collaboration, and grants nothing", async () => {
    const role = await cli("grant", "chairman", "--collaboration", "norrbotten", "--aad-object-id", ID);
    expect(role.code).toBe(2);
    expect(role.err).toContain('Okänd roll "chairman". Rollerna är: secretary.');
    const id = await cli(
      "grant",
      "secretary",
      "--collaboration",
      "norrbotten",
      "--aad-object-id",
      "kalle@lulea.se",
    );
    expect(id.code).toBe(2);
    expect(id.err).toContain("--aad-object-id ska vara ett Azure AD-objekt-id (GUID)");
    const missing = await cli("grant", "secretary", "--aad-object-id", ID);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toContain("--collaboration saknas.");
    const unknown = await cli("grant", "secretary", "--collaboration", "norbotten", "--aad-object-id", ID);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/norbotten/);
    expect((await cli("grant", "--list")).out).toBe("Ingen har fått någon roll.");
  });
});
