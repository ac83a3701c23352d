/**
 * The dashboard's charts, exactly as the HTML report draws them: @samverkan/reports' `reportCharts`
 * picks a report's charts (from its own table cells, so a chart never shows a number its table does
 * not) and `renderChartSvg` draws each as inline SVG with its title and every number in `<desc>`.
 */
import { escapeHtml, renderChartSvg, reportCharts, type Chart, type Report } from "@samverkan/reports";

/** The report's charts by the index of the section they belong to. */
export function chartsBySection(report: Report): Map<number, Chart[]> {
  const bySection = new Map<number, Chart[]>();
  for (const { section, chart } of reportCharts(report))
    bySection.set(section, [...(bySection.get(section) ?? []), chart]);
  return bySection;
}

/**
 * The charts of one section in a grid, each a figure captioned by its title (as the HTML report does) on
 * its own light panel (the SVG's text is currentColor), or nothing.
 */
export function chartsHtml(charts: readonly Chart[] | undefined): string {
  return charts?.length
    ? `<div class="charts">${charts.map((c) => `<figure class="chart"><figcaption>${escapeHtml(c.title)}</figcaption>${renderChartSvg(c)}</figure>`).join("")}</div>`
    : "";
}
