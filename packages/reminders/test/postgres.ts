import { randomBytes } from "node:crypto";
import pg from "pg";

/** PostgreSQL for the tests that run on it too: set DATABASE_URL (CI does). */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

/** A fresh schema name, unique per call, so parallel runs never see each other's rows. */
export function freshSchema(): string {
  return `r_${process.pid}_${randomBytes(4).toString("hex")}`;
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
