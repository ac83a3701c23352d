import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { loadDataset } from "@samverkan/data";
import {
  DATASET_FILE_NAMES,
  DatasetError,
  parseDataset,
  type Dataset,
  type DatasetDocuments,
  type DatasetFileName,
} from "@samverkan/domain";
import { parse, stringify } from "yaml";
import { diffFile } from "./diff.js";
import { StoreError } from "./errors.js";
import type { SqlClient } from "./sql.js";
import type { ImportReport } from "./types.js";
import { writeAudit } from "./audit.js";

/** A dataset as read from a folder: validated, with each file's content as it will be stored. */
export interface DatasetFolder {
  readonly dataset: Dataset;
  readonly documents: DatasetDocuments;
}

/** What JSON keeps of a value: the form a file's content has once stored in a `json` column. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Reads and validates a data folder exactly as `loadDataset` does (same errors: file, path, problem),
 * and returns each file's content as plain JSON. Throws `StoreError("invalid")` carrying the
 * loader's problems; nothing is written.
 */
export function readDatasetFolder(dir: string): DatasetFolder {
  try {
    loadDataset(dir);
    const documents: Record<string, unknown> = {};
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f))) {
      documents[file] = asJson(parse(readFileSync(join(dir, file), "utf8")));
    }
    // What is stored is the JSON form, so that is what must validate (a YAML .inf would not survive).
    const dataset = parseDataset(basename(dir), documents as DatasetDocuments);
    return { dataset, documents: documents as DatasetDocuments };
  } catch (error) {
    if (error instanceof DatasetError)
      throw new StoreError("invalid", error.message, { problems: error.problems, cause: error });
    throw error;
  }
}

/** Every stored file's content, by collaboration id (or of one collaboration). */
export async function readStoredDocuments(
  q: SqlClient,
  collaborationId?: string,
): Promise<Map<string, DatasetDocuments>> {
  const rows = await q.query<{ collaboration_id: string; file_name: string; content: unknown }>(
    `SELECT collaboration_id, file_name, content FROM dataset_files
     WHERE $1::text IS NULL OR collaboration_id = $1 ORDER BY collaboration_id, file_name`,
    [collaborationId ?? null],
  );
  const byId = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const docs = byId.get(r.collaboration_id) ?? {};
    docs[r.file_name] = r.content;
    byId.set(r.collaboration_id, docs);
  }
  return byId as Map<string, DatasetDocuments>;
}

/**
 * Validates stored content on the way out, as if it came from a folder: the database is not
 * trusted blindly. A stored dataset that no longer validates is a fault, reported with its problems.
 */
export function datasetFromDocuments(collaborationId: string, documents: DatasetDocuments): Dataset {
  return parseDataset(collaborationId, documents);
}

/**
 * Writes a validated folder's files for its collaboration in `tx` (the caller's transaction), replacing
 * what was stored, with one audit row; returns what changed. Unchanged content writes nothing.
 */
export async function storeDataset(
  tx: SqlClient,
  folder: DatasetFolder,
  source: string,
  actor: string,
): Promise<ImportReport> {
  const id = folder.dataset.collaboration.id;
  const existing = await tx.query<{ revision: number }>(
    "SELECT revision FROM collaborations WHERE id = $1 FOR UPDATE",
    [id],
  );
  const before = (await readStoredDocuments(tx, id)).get(id) ?? {};
  const after = folder.documents;
  const files = DATASET_FILE_NAMES.filter((f) => before[f] !== undefined || after[f] !== undefined).map((f) =>
    diffFile(f, before[f], after[f]),
  );
  const changedFiles = files.filter((f) => f.status !== "unchanged");
  const previous = existing[0];
  if (previous && changedFiles.length === 0)
    return { collaborationId: id, changed: false, created: false, revision: previous.revision, files };

  const revision = previous ? previous.revision + 1 : 1;
  if (previous) {
    await tx.query(
      "UPDATE collaborations SET revision = $2, source = $3, imported_at = now(), imported_by = $4 WHERE id = $1",
      [id, revision, source, actor],
    );
  } else {
    await tx.query("INSERT INTO collaborations (id, revision, source, imported_by) VALUES ($1, 1, $2, $3)", [
      id,
      source,
      actor,
    ]);
  }
  for (const change of changedFiles) {
    const content = after[change.file];
    if (content === undefined) {
      await tx.query("DELETE FROM dataset_files WHERE collaboration_id = $1 AND file_name = $2", [
        id,
        change.file,
      ]);
    } else {
      await tx.query(
        `INSERT INTO dataset_files (collaboration_id, file_name, content) VALUES ($1, $2, $3::json)
         ON CONFLICT (collaboration_id, file_name) DO UPDATE SET content = EXCLUDED.content`,
        [id, change.file, JSON.stringify(content)],
      );
    }
  }
  const pick = (docs: DatasetDocuments) =>
    Object.fromEntries(
      changedFiles.filter((c) => docs[c.file] !== undefined).map((c) => [c.file, docs[c.file]]),
    );
  await writeAudit(tx, {
    actor,
    action: "dataset.import",
    collaborationId: id,
    target: `dataset ${id}`,
    before: previous ? { revision: previous.revision, files: pick(before) } : null,
    after: { revision, source, changes: changedFiles, files: pick(after) },
  });
  return { collaborationId: id, changed: true, created: !previous, revision, files };
}

/**
 * Writes a collaboration's stored files to `dir` as YAML the loader accepts, one file per part.
 * Refuses a folder that already holds YAML files unless `overwrite` is set; then the dataset files
 * not being written are removed, so the folder holds exactly the stored dataset.
 */
export function writeDatasetFolder(
  dir: string,
  collaborationId: string,
  revision: number,
  documents: DatasetDocuments,
  overwrite: boolean,
): string[] {
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)) : [];
  if (present.length > 0 && !overwrite)
    throw new StoreError(
      "conflict",
      `${dir} already holds YAML files (${present.join(", ")}); export to an empty folder or overwrite`,
    );
  mkdirSync(dir, { recursive: true });
  for (const f of present) {
    if ((DATASET_FILE_NAMES as string[]).includes(f) && documents[f as DatasetFileName] === undefined)
      rmSync(join(dir, f));
  }
  const written: string[] = [];
  for (const file of DATASET_FILE_NAMES) {
    const content = documents[file];
    if (content === undefined) continue;
    const header = `# ${file} of "${collaborationId}", exported from the samverkan store (revision ${revision}).\n`;
    writeFileSync(join(dir, file), header + stringify(content, { lineWidth: 110 }), "utf8");
    written.push(join(dir, file));
  }
  return written;
}

export { isDeepStrictEqual };
