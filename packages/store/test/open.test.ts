import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  MIGRATIONS_DIR,
  migrate,
  openPglite,
  openStore,
  readMigrations,
  storeOptionsFromEnv,
} from "../src/index.js";
import { DATABASE_URL, dropSchema, freshSchema, tempDir } from "./backends.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Every file under `dir`, for a byte search. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe("the embedded database in a folder", () => {
  it("keeps what was written across close and reopen, without importing or migrating twice", async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = join(dir, "pglite");
    const token = "a-secret-that-must-never-be-stored";

    const first = await openStore({ dataDir });
    expect(first.kind).toBe("pglite");
    await first.recordOutcome(
      "norrbotten",
      { line: "e-arkiv", date: "2023-05-31", amount: "119924.00", unit: "kr" },
      { actor: "sekreteraren" },
    );
    await first.changeMeeting(
      "norrbotten",
      { kind: "cancelled", meetingId: "committee-2022-12-14" },
      { actor: "sekreteraren" },
    );
    await first.ensureTokens([{ name: "sekreterare", role: "secretary", token }]);
    await first.close();
    expect(statSync(dataDir).isDirectory()).toBe(true);

    // The raw token is nowhere on disk (tables, WAL, anything PGlite wrote).
    const needle = Buffer.from(token, "utf8");
    expect(filesUnder(dataDir).filter((f) => readFileSync(f).includes(needle))).toEqual([]);

    const again = await openStore({ dataDir });
    expect((await again.amounts("norrbotten")).map((a) => a.amount)).toEqual(["119924.00"]);
    expect((await again.meeting("norrbotten", "committee-2022-12-14")).status).toBe("cancelled");
    expect(await again.verifyToken(token)).toBe("secretary");
    expect((await again.collaborations()).map((c) => c.revision)).toEqual([1, 1]);
    const imports = (await again.auditLog({ limit: 1000 })).filter((a) => a.action === "dataset.import");
    expect(imports).toHaveLength(2);
    await again.close();
  });

  it("opens an empty database without the bundled datasets when asked", async () => {
    const store = await openStore({ inMemory: true, importBundled: false });
    expect(await store.collaborations()).toEqual([]);
    expect(await store.datasets()).toEqual([]);
    await store.close();
  });

  it("reports an unreachable database through ping, not by throwing", async () => {
    const store = await openStore({ inMemory: true, importBundled: false });
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});

describe("migrations", () => {
  it("are the numbered SQL files of the package, in order", () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.version)).toEqual(
      [...migrations.map((m) => m.version)].sort((a, b) => a - b),
    );
    expect(migrations[0]).toMatchObject({ version: 1, name: "initial" });
    expect(readdirSync(MIGRATIONS_DIR).every((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))).toBe(true);
  });

  it("apply only what is new: a later additive migration runs once on an existing database", async () => {
    const db = await openPglite(undefined);
    const base = readMigrations();
    expect(await migrate(db, base)).toEqual(base.map((m) => m.version));
    expect(await migrate(db, base)).toEqual([]);
    const extra = {
      version: 900,
      name: "bot_conversations",
      sql: "CREATE TABLE bot_conversations (id text PRIMARY KEY);",
    };
    expect(await migrate(db, [...base, extra])).toEqual([900]);
    expect(await migrate(db, [...base, extra])).toEqual([]);
    const rows = await db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((r) => r.version)).toEqual([...base.map((m) => m.version), 900]);
    await db.close();
  });

  it("roll back completely when one fails", async () => {
    const db = await openPglite(undefined);
    const bad = {
      version: 901,
      name: "broken",
      sql: "CREATE TABLE half (id int); SELECT * FROM no_such_table;",
    };
    await expect(migrate(db, [...readMigrations(), bad])).rejects.toThrow(/no_such_table/);
    const tables = await db.query(
      "SELECT table_name FROM information_schema.tables WHERE table_name IN ('half', 'tokens', 'schema_migrations')",
    );
    expect(tables).toEqual([]);
    await db.close();
  });

  it("refuse a misnamed migration file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "1_initial.sql"), "SELECT 1;");
    expect(() => readMigrations(dir)).toThrow(/not named NNN_name\.sql/);
  });
});

describe("options from the environment", () => {
  it("uses DATABASE_URL, else PGlite under SAMVERKAN_DATA_DIR (default ./.data)", () => {
    expect(storeOptionsFromEnv({ DATABASE_URL: "postgresql://x@127.0.0.1/y" })).toEqual({
      databaseUrl: "postgresql://x@127.0.0.1/y",
    });
    expect(storeOptionsFromEnv({ SAMVERKAN_DATA_DIR: "/var/lib/samverkan" })).toEqual({
      dataDir: join("/var/lib/samverkan", "pglite"),
    });
    expect(storeOptionsFromEnv({})).toEqual({ dataDir: join(".data", "pglite") });
  });
});

describe.runIf(DATABASE_URL)("PostgreSQL (DATABASE_URL)", () => {
  it("lets two processes open the same new database at once: both succeed, migrations and import happen once", async () => {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(schema));
    const [a, b, c] = await Promise.all([
      openStore({ databaseUrl: DATABASE_URL, schema }),
      openStore({ databaseUrl: DATABASE_URL, schema }),
      openStore({ databaseUrl: DATABASE_URL, schema }),
    ]);
    expect([a.kind, b.kind, c.kind]).toEqual(["postgres", "postgres", "postgres"]);
    expect(await b.ping()).toBe(true);
    await a.recordForecast(
      "norrbotten",
      { line: "e-arkiv", date: "2023-12-31", amount: "0.1", unit: "kr" },
      { actor: "a" },
    );
    await b.recordForecast(
      "norrbotten",
      { line: "e-tjanster", date: "2023-12-31", amount: "0.2", unit: "kr" },
      { actor: "b" },
    );
    expect(await c.amountTotal("norrbotten", { kind: "forecast" })).toBe("0.3");

    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const migrations = await client.query(`SELECT version FROM ${schema}.schema_migrations`);
      expect(migrations.rows.map((r: { version: number }) => r.version)).toEqual(
        readMigrations().map((m) => m.version),
      );
      const imports = await client.query(
        `SELECT count(*)::int AS n FROM ${schema}.audit_log WHERE action = 'dataset.import'`,
      );
      expect(imports.rows[0].n).toBe(2);
      const collaborations = await client.query(
        `SELECT id, revision FROM ${schema}.collaborations ORDER BY id`,
      );
      expect(collaborations.rows).toEqual([
        { id: "norrbotten", revision: 1 },
        { id: "skanearkiv", revision: 1 },
      ]);
    } finally {
      await client.end();
    }
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  it("sees a re-import made by another process (datasets are cached per revision, not forever)", async () => {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(schema));
    const a = await openStore({ databaseUrl: DATABASE_URL, schema });
    const b = await openStore({ databaseUrl: DATABASE_URL, schema });
    expect((await b.dataset("norrbotten")).risks.length).toBeGreaterThan(1);
    const { copyBundled } = await import("./backends.js");
    const { editYaml } = await import("./edit.js");
    const dir = copyBundled("norrbotten");
    editYaml(dir, "risks.yaml", (doc) => doc.deleteIn(["risks", 0]));
    const before = (await b.dataset("norrbotten")).risks.length;
    await a.importDataset(dir, { actor: "a" });
    expect((await b.dataset("norrbotten")).risks.length).toBe(before - 1);
    await a.close();
    await b.close();
  });

  it("keeps what was written across close and reopen", async () => {
    const schema = freshSchema();
    cleanups.push(() => dropSchema(schema));
    const first = await openStore({ databaseUrl: DATABASE_URL, schema });
    await first.recordOutcome(
      "skanearkiv",
      { line: "Drift", date: "2021-12-31", amount: "4975.5", unit: "tkr" },
      { actor: "x" },
    );
    await first.close();
    const again = await openStore({ databaseUrl: DATABASE_URL, schema });
    expect((await again.amounts("skanearkiv")).map((a) => [a.amount, a.unit])).toEqual([["4975.5", "tkr"]]);
    expect(await again.amountTotal("skanearkiv")).toBe("4975500.0");
    await again.close();
  });
});
