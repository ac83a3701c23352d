import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { BUNDLED_DATA_DIR } from "../src/index.js";

/** A scratch copy of a bundled dataset, to break on purpose. */
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function copyOfBundled(id: string): string {
  const root = mkdtempSync(join(tmpdir(), "samverkan-data-"));
  scratch.push(root);
  const dir = join(root, id);
  cpSync(join(BUNDLED_DATA_DIR, id), dir, { recursive: true });
  return dir;
}

/** Reads a YAML file of the copy, lets `change` edit the parsed document, and writes it back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit arbitrary YAML documents on purpose
export function editYaml(dir: string, file: string, change: (doc: any) => void): void {
  const path = join(dir, file);
  const doc = parse(readFileSync(path, "utf8"));
  change(doc);
  writeFileSync(path, stringify(doc));
}

export interface GoldenTable {
  id: string;
  kind: string;
  rows?: Record<string, number | string>;
  total_printed?: number | string;
  row_sum?: number | string;
  total_matches_row_sum?: boolean;
  total_difference_printed_minus_rows?: number;
  unit: string;
  year: number | string;
  seed_file: string;
  source_lines?: { range: [number, number] };
  items?: { label: string; line: number; values: Record<string, number | null> }[];
  totals?: { label: string; line: number; values: Record<string, number | null> }[];
  sum_checks?: Record<string, { row_sum: number; printed_totals: number[]; matches: boolean | null }>;
}

export const golden: { tables: GoldenTable[] } = JSON.parse(
  readFileSync(new URL("./golden/tables.json", import.meta.url), "utf8"),
);
