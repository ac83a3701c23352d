// Delårsrapport januari–maj 2022: outcome against budget and forecast, the document's own slips flagged.
// Run from the repository root after `npm install`:  node packages/reports/examples/interim.mjs
import { loadBundledDataset } from "@samverkan/data";
import { buildInterimReport } from "@samverkan/reports";

const report = buildInterimReport(loadBundledDataset("norrbotten"), { year: 2022 });
console.log(report.title);
for (const section of report.sections)
  for (const note of section.notes ?? []) if (note.startsWith("⚠")) console.log(note);
