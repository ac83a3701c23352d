import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, type Document } from "yaml";

/** Edits one YAML file of a data folder in place, keeping its comments. */
export function editYaml(dir: string, file: string, edit: (doc: Document) => void): void {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, "utf8"));
  edit(doc);
  writeFileSync(path, doc.toString(), "utf8");
}
