// Fördelning per kostnadspost och år: the published "Fördelning årskostnader 2022" table, as Markdown.
// Run from the repository root after `npm install`:  node packages/reports/examples/allocation.mjs
import { loadBundledDataset } from "@samverkan/data";
import { buildAllocationReport, renderMarkdown } from "@samverkan/reports";

const norrbotten = loadBundledDataset("norrbotten");
const report = buildAllocationReport(norrbotten, { year: 2022, table: "Fördelning årskostnader 2022" });
const markdown = renderMarkdown(report);
console.log(markdown.split("\n").slice(6, 11).join("\n")); // the header and the first three rows
console.log(markdown.split("\n").find((line) => line.startsWith("| **Summa**")));
