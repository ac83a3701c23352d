// Sammanträdesplan och årshjul 2022: the committee's meetings, what each must decide, attendance vs 75 %.
// Run from the repository root after `npm install`:  node packages/reports/examples/meetings.mjs
import { loadBundledDataset } from "@samverkan/data";
import { buildMeetingsReport, formatCell } from "@samverkan/reports";

const report = buildMeetingsReport(loadBundledDataset("norrbotten"), { year: 2022 });
const plan = report.sections[0].table;
for (const row of plan.rows.filter((r) => r.cells.body.text === "Nämnden")) {
  const cell = (key) => formatCell(row.cells[key], "sv");
  console.log(
    [cell("date"), cell("cycle"), cell("attendance"), cell("rate"), cell("goal")].filter(Boolean).join(" | "),
  );
}
