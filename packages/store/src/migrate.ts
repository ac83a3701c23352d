import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { SqlClient, SqlDatabase } from "./sql.js";

/** The folder of SQL migrations shipped with the package (`NNN_name.sql`). */
export const MIGRATIONS_DIR: string = fileURLToPath(new URL("../migrations/", import.meta.url));

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations in `dir`, in version order; a file not named `NNN_name.sql` is refused. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .map((file) => {
      const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file "${file}" is not named NNN_name.sql`);
      return {
        version: Number(match[1]),
        name: match[2] as string,
        sql: readFileSync(join(dir, file), "utf8"),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version)
      throw new Error(`two migrations have version ${String(m.version).padStart(3, "0")}`);
  });
  return migrations;
}

/**
 * Serialises the store's start-up work across processes sharing one database: a transaction-level
 * advisory lock, released at commit, keyed by the schema so separate schemas do not wait for each other.
 */
export async function lockStore(tx: SqlClient, purpose: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1 || current_schema()))", [`samverkan-${purpose}:`]);
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, in one transaction.
 * Two processes starting at once both succeed: the second waits for the lock and finds nothing to do.
 * Returns the versions applied now.
 */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[] = readMigrations(),
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await lockStore(tx, "migrate");
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
