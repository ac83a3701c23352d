// Charts from a report's own table, drawn as inline SVG (README "Charts"). Run from the repository root.
import { loadBundledDataset } from "@samverkan/data";
import { buildAllocationReport, chartFromTable, renderChartSvg, reportCharts } from "@samverkan/reports";

const norrbotten = loadBundledDataset("norrbotten");
const report = buildAllocationReport(norrbotten, { year: 2023, items: ["E-arkiv"] });
const chart = chartFromTable(report.sections[0].table, {
  kind: "horizontalBar",
  title: "E-arkiv 2023",
  lang: "sv",
  labelColumn: "municipality",
  valueColumns: ["e-arkiv"],
});
for (const point of chart.series[0].points.slice(0, 3))
  console.log(`${point.label}: ${point.text} (${point.value})`);
const svg = renderChartSvg(chart); // the same drawing renderHtml puts in a <figure> before the table
console.log(svg.split("\n").slice(1, 2).join(""));
console.log(svg.match(/<desc>[^,]*/)[0]);
for (const { section, chart: c } of reportCharts(report))
  console.log(`section ${section}: ${c.kind}, ${c.title}`);
