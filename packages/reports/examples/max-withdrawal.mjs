// SkånEarkiv: maximalt uttag per member 2021–2023 and the indexation of the total, in English.
// Run from the repository root after `npm install`:  node packages/reports/examples/max-withdrawal.mjs
import { loadBundledDataset } from "@samverkan/data";
import { buildMaxWithdrawalReport, formatCell } from "@samverkan/reports";

const report = buildMaxWithdrawalReport(loadBundledDataset("skanearkiv"), { lang: "en" });
const [perMember, indexation] = report.sections;
const lund = perMember.table.rows.find((r) => r.cells.municipality.text === "Lund");
console.log(`Lund: ${["y2021", "y2022", "y2023"].map((k) => formatCell(lund.cells[k], "en")).join(", ")}`);
for (const row of indexation.table.rows) {
  const cell = (key) => formatCell(row.cells[key], "en");
  console.log(
    `${cell("year")}: factor ${cell("factor")}, total ${cell("total")} ${cell("change") && `(${cell("change")}, ${cell("changePercent")})`}`.trim(),
  );
}
