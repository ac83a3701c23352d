#!/usr/bin/env node
// Development aid: validates one data file against its schema (by file name) and prints problems.
// Usage: node packages/data/scripts/check-file.mjs packages/data/data/norrbotten/meetings.yaml
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "yaml";
import { DATASET_FILES, problemsFromZod, formatProblem } from "@samverkan/domain";

const file = process.argv[2];
const entry = DATASET_FILES[basename(file)];
if (!entry) {
  console.error(
    `unknown data file name ${basename(file)}; expected one of ${Object.keys(DATASET_FILES).join(", ")}`,
  );
  process.exit(2);
}
const result = entry.schema.safeParse(parse(readFileSync(file, "utf8")), { reportInput: true });
if (result.success) console.log(`${file}: ok`);
else {
  for (const p of problemsFromZod(basename(file), result.error)) console.log(formatProblem(p));
  process.exit(1);
}
