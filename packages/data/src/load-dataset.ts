import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import {
  DatasetError,
  parseDataset,
  type DataProblem,
  type Dataset,
  type DatasetDocuments,
} from "@samverkan/domain";

/**
 * Reads a dataset folder (one YAML file per part, see `DATASET_FILES`) and validates it as a whole.
 * Throws a `DatasetError` naming each file, the path inside it and what is wrong; a dataset with
 * any problem is not returned at all, so nothing is ever half-loaded.
 */
export function loadDataset(dir: string): Dataset {
  const name = basename(dir);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a folder");
    entries = readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort();
  } catch {
    throw new DatasetError(name, [{ file: dir, path: "", message: "is not a readable folder" }]);
  }
  const problems: DataProblem[] = [];
  const documents: Record<string, unknown> = {};
  for (const file of entries) {
    const text = readFileSync(join(dir, file), "utf8");
    const lines = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: lines });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lines.linePos(e.pos[0]);
        problems.push({
          file: join(dir, file),
          path: pos ? `line ${pos.line}, column ${pos.col}` : "",
          message: `not valid YAML: ${e.message.split("\n")[0]}`,
        });
      }
      continue;
    }
    documents[file] = doc.toJS();
  }
  if (problems.length > 0) throw new DatasetError(name, problems);
  try {
    return parseDataset(name, documents as DatasetDocuments);
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new DatasetError(
        name,
        error.problems.map((p) => ({ ...p, file: join(dir, p.file) })),
      );
    }
    throw error;
  }
}
