import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { BUNDLED_DATA_DIR } from "@samverkan/data";
import { openPglite, openPostgres, openStore, type SqlDatabase, type Store } from "../src/index.js";

/**
 * The databases the storage suite runs against: PGlite in a temporary folder and in memory, always;
 * PostgreSQL when DATABASE_URL is set, each store in a schema of its own that is dropped afterwards,
 * so runs and parallel test files never see each other's rows.
 */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

export interface Opened {
  readonly store: Store;
  /** The same database, for checks the store's API does not offer (what is on disk, raw rows). */
  readonly sql: SqlDatabase;
  /** Closes the store and removes what it created. */
  readonly dispose: () => Promise<void>;
}

export interface Backend {
  readonly name: string;
  open(): Promise<Opened>;
}

export function tempDir(prefix = "samverkan-store-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh schema name, unique per call. */
export function freshSchema(): string {
  return `t_${process.pid}_${randomBytes(4).toString("hex")}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export const BACKENDS: Backend[] = [
  {
    name: "PGlite (folder)",
    async open() {
      const dir = tempDir();
      const sql = await openPglite(join(dir, "pglite"));
      const store = await openStore({ database: sql });
      return {
        store,
        sql,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "PGlite (memory)",
    async open() {
      const sql = await openPglite(undefined);
      const store = await openStore({ database: sql });
      return { store, sql, dispose: () => store.close() };
    },
  },
  ...(DATABASE_URL
    ? [
        {
          name: "PostgreSQL",
          async open() {
            const schema = freshSchema();
            const sql = await openPostgres(DATABASE_URL, schema);
            const store = await openStore({ database: sql });
            return {
              store,
              sql,
              dispose: async () => {
                await store.close();
                await dropSchema(schema);
              },
            };
          },
        },
      ]
    : []),
];

/** A copy of a bundled dataset folder to change in a test. */
export function copyBundled(id: "norrbotten" | "skanearkiv"): string {
  const dir = join(tempDir("samverkan-data-"), id);
  cpSync(join(BUNDLED_DATA_DIR, id), dir, { recursive: true });
  return dir;
}
