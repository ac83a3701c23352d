// Kommunbesked: everything Kalix pays in 2023, with provenance and the change from 2022, as CSV for Excel.
// Run from the repository root after `npm install`:  node packages/reports/examples/statement.mjs
import { loadBundledDataset } from "@samverkan/data";
import { buildStatementReport, renderCsv } from "@samverkan/reports";

const norrbotten = loadBundledDataset("norrbotten");
const report = buildStatementReport(norrbotten, { municipality: "Kalix", year: 2023 });
const csv = renderCsv(report, { section: 0 }); // the committee's charges; BOM, ";" and decimal comma
console.log(csv.slice(1).split("\r\n").slice(0, 3).join("\n"));
console.log(report.sections.at(-1).paragraphs.join("\n"));
