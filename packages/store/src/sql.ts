import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { StoreError } from "./errors.js";

/** A value a query may bind: only these reach SQL, always as parameters, never spliced into text. */
export type SqlValue = string | number | boolean | null;

/** Runs parameterised statements ($1, $2, …) and returns their rows. */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/**
 * The one database handle the store uses, over either the embedded PGlite or a PostgreSQL pool.
 * `transaction` commits when `fn` resolves and rolls back when it throws.
 */
export interface SqlDatabase extends SqlClient {
  readonly kind: "pglite" | "postgres";
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A schema name the store may create and set as search_path: letters, digits and underscores. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`schema "${schema}" must be lower-case letters, digits and underscores`);
  return schema;
}

const NUL_MESSAGE = "Text may not contain the NUL character (U+0000); nothing was saved.";

/** The refusal for text PostgreSQL cannot hold: U+0000, in a text column or escaped in jsonb. */
function nulRefused(cause?: unknown): StoreError {
  return new StoreError("invalid", NUL_MESSAGE, { problems: [{ path: "", message: NUL_MESSAGE }], cause });
}

/**
 * Runs one statement, refusing what the database cannot store as the input's fault (400), not a
 * fault of the store (500): a NUL in a bound text is caught before it is sent; one escaped inside
 * a JSON value is only seen by the server (SQLSTATE 22P05 / 22021).
 */
async function run<R>(params: readonly SqlValue[] | undefined, send: () => Promise<R[]>): Promise<R[]> {
  if (params?.some((p) => typeof p === "string" && p.includes("\u0000"))) throw nulRefused();
  try {
    return await send();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "22P05" || code === "22021") throw nulRefused(error);
    throw error;
  }
}

function pgliteClient(q: PGlite | Transaction): SqlClient {
  return {
    query: <R>(sql: string, params?: readonly SqlValue[]) =>
      run(params, async () => (await q.query<R>(sql, params ? [...params] : undefined)).rows),
    exec: async (sql) => {
      await q.exec(sql);
    },
  };
}

/**
 * The embedded database: PGlite (Postgres compiled to WASM) in `dataDir`, or in memory when
 * `dataDir` is undefined. PGlite has one connection; its own queue serialises transactions.
 */
export async function openPglite(dataDir: string | undefined, schema?: string): Promise<SqlDatabase> {
  // PGlite creates its own folder but not the folders above it (`./.data` on a first start).
  if (dataDir !== undefined) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  if (schema) {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${checkSchemaName(schema)}; SET search_path TO ${schema}`);
  }
  const client = pgliteClient(db);
  return {
    kind: "pglite",
    ...client,
    transaction: (fn) => db.transaction((tx) => fn(pgliteClient(tx))),
    close: () => db.close(),
  };
}

function pgClient(q: pg.Pool | pg.PoolClient): SqlClient {
  return {
    query: <R>(sql: string, params?: readonly SqlValue[]) =>
      run(params, async () => (await q.query(sql, params ? [...params] : undefined)).rows as R[]),
    exec: async (sql) => {
      await q.query(sql);
    },
  };
}

/**
 * PostgreSQL through a `pg` pool. With `schema`, every connection of the pool works in that
 * schema (created on first use), so several stores can share one database, as the tests do.
 */
export async function openPostgres(databaseUrl: string, schema?: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    ...(schema ? { options: `-c search_path=${checkSchemaName(schema)}` } : {}),
  });
  // An idle client's error (the server restarting) must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const transaction = async <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(pgClient(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  if (schema) {
    try {
      await transaction(async (tx) => {
        // Two processes creating the same schema at once would collide without the lock.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`samverkan-schema:${schema}`]);
        await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  return { kind: "postgres", ...pgClient(pool), transaction, close: () => pool.end() };
}
