// Kalix's kommunbesked 2023 as a self-contained, printable HTML page.
// Run from the repository root after `npm install` and `npm run build -w @samverkan/reports`:
//   node packages/reports/examples/html.mjs
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBundledDataset } from "@samverkan/data";
import { buildReport, renderHtml } from "@samverkan/reports";

const norrbotten = loadBundledDataset("norrbotten");
const report = buildReport(norrbotten, "statement", { year: 2023, municipality: "Kalix" });
const html = renderHtml(report);

const file = join(await mkdtemp(join(tmpdir(), "samverkan-")), "kommunbesked-kalix-2023.html");
await writeFile(file, html);
console.log(`Wrote ${file} (${html.length} characters); open it in a browser or print it to PDF.`);
