// Budget 2022 and the printed "inkl. Datacenter" variant, with what the variant lacks flagged.
// Run from the repository root after `npm install`:  node packages/reports/examples/budget.mjs
import { loadBundledDataset } from "@samverkan/data";
import { buildBudgetReport } from "@samverkan/reports";

const report = buildBudgetReport(loadBundledDataset("norrbotten"), { year: 2022 });
for (const section of report.sections) {
  const totals = section.table.totals.cells;
  console.log(`${section.title}: intäkter ${totals.revenue.value}, kostnader ${totals.costs.value}`);
}
console.log(report.sections[1].notes.filter((note) => note.startsWith("⚠")).join("\n"));
