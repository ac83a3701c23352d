import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "@samverkan/domain";
import { askDatasets } from "./ask.js";
import { withStore } from "./import.js";

/**
 * Whether the command line has a database to read: PostgreSQL (DATABASE_URL), a named embedded one
 * (SAMVERKAN_DATA_DIR), or the embedded one `npm start` and the bot keep in ./.data. Without, the
 * bundled data answers and no database is created just to ask a question.
 */
export function hasStore(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): boolean {
  return Boolean(
    env.DATABASE_URL?.trim() || env.SAMVERKAN_DATA_DIR?.trim() || existsSync(join(cwd, ".data", "pglite")),
  );
}

/**
 * The datasets a question is answered from: the store's as they stand (meetings moved or cancelled,
 * attendance and decisions the secretary recorded) when there is a store, else the bundled ones.
 */
export async function answerDatasets(env: Readonly<Record<string, string | undefined>>): Promise<Dataset[]> {
  if (!hasStore(env)) return askDatasets();
  return withStore((store) => store.currentDatasets());
}
