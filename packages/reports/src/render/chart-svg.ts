/**
 * A chart as one self-contained inline `<svg>`: `role="img"`, the chart's title as `<title>` and every
 * number in words as `<desc>` (`chartDescription`), a `viewBox` with `width="100%"` so it scales, no
 * script, no fonts or anything else fetched. Text and axes are `currentColor` (a dark theme and print
 * both read); slices and series get distinct dark fills, and every value is printed as its exact
 * `text`, so colour never carries a number alone. Floats (`chartNumber`) only position and size.
 */
import type { Chart } from "../charts/chart.js";
import { horizontalBarSvg, verticalBarSvg } from "./svg/bars.js";
import { donutSvg } from "./svg/donut.js";
import { lineSvg } from "./svg/line.js";

/**
 * @example
 * const chart = chartFromTable(report.sections[0].table, {
 *   kind: "horizontalBar", title: "E-arkiv 2023", lang: "sv", labelColumn: "municipality", valueColumns: ["e-arkiv"],
 * });
 * const svg = renderChartSvg(chart); // "<svg xmlns=… role=\"img\" …><title>E-arkiv 2023</title><desc>…"
 */
export function renderChartSvg(chart: Chart): string {
  switch (chart.kind) {
    case "horizontalBar":
      return horizontalBarSvg(chart);
    case "verticalBar":
      return verticalBarSvg(chart);
    case "donut":
      return donutSvg(chart);
    case "line":
      return lineSvg(chart);
  }
}
