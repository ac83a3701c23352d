/**
 * A chart of the report model as a Teams chart element (Chart.HorizontalBar, Chart.VerticalBar,
 * Chart.Donut, Chart.Line; "Charts in Adaptive Cards"). The element's data holds floats for drawing
 * only (`chartNumber`); the exact texts ("21 000 kr") are in its `fallback`, a FactSet with one fact
 * per point that hosts without chart support show instead — so the card reads the same numbers
 * with or without charts.
 */
import { Decimal } from "@samverkan/domain";
import type { Chart, ChartPoint } from "../charts/chart.js";
import { chartNumber } from "../charts/chart.js";
import type { ReportLang } from "../model.js";
import type {
  CardChart,
  CardChartColor,
  CardContainer,
  CardElement,
  CardFactSet,
  CardTextBlock,
} from "./card-types.js";
import { escapeCardText } from "./card-text.js";

/** Said on the card when the chart was left out to keep the card under its size limit. */
export function chartLeftOut(lang: ReportLang): string {
  return lang === "sv"
    ? "Diagrammet fick inte plats på kortet; siffrorna står i texten och tabellen."
    : "The chart did not fit on the card; the numbers are in the text and the table.";
}

/**
 * The chart as one card element with a fallback. `horizontalBar` and `donut` use the chart's only
 * series, `verticalBar` too, with the goal (Teams draws no goal line) in the title and in the fallback,
 * and bars under the goal coloured `attention`; `line` draws every series.
 *
 * @example
 * chartElement(chartFromTable(table, { kind: "horizontalBar", title: "E-arkiv 2023", lang: "sv",
 *   labelColumn: "label", valueColumns: ["amount"] }));
 * // { type: "Chart.HorizontalBar", title: "E-arkiv 2023", data: [{ x: "Luleå", y: 97000 }, …],
 * //   fallback: { type: "Container", items: [… { type: "FactSet", facts: [{ title: "Luleå", value: "97 000 kr" }, …] }] } }
 */
export function chartElement(chart: Chart): CardChart {
  const first = chart.series[0]?.points ?? [];
  const fallback = chartFallback(chart);
  const axes = {
    ...(chart.xAxisTitle ? { xAxisTitle: chart.xAxisTitle } : {}),
    ...(chart.yAxisTitle ? { yAxisTitle: chart.yAxisTitle } : {}),
  };
  const common = { title: chartTitle(chart), showTitle: true, spacing: "Medium" as const };
  switch (chart.kind) {
    case "horizontalBar":
      return {
        type: "Chart.HorizontalBar",
        ...common,
        ...axes,
        color: "categoricalBlue",
        data: first.map((p) => ({ x: p.label, y: chartNumber(p.value) })),
        fallback,
      };
    case "verticalBar":
      return {
        type: "Chart.VerticalBar",
        ...common,
        ...axes,
        showBarValues: true,
        ...(chart.unit === "percent" ? { yMin: 0, yMax: 100 } : {}),
        data: first.map((p) => ({ x: p.label, y: chartNumber(p.value), ...goalColor(chart, p) })),
        fallback,
      };
    case "donut":
      return {
        type: "Chart.Donut",
        ...common,
        colorSet: "categorical",
        data: first.map((p) => ({ legend: p.label, value: chartNumber(p.value) })),
        fallback,
      };
    case "line":
      return {
        type: "Chart.Line",
        ...common,
        ...axes,
        colorSet: "categorical",
        showLegend: chart.series.length > 1,
        data: chart.series.map((s) => ({
          legend: s.name,
          values: s.points.map((p) => ({ x: p.label, y: chartNumber(p.value) })),
        })),
        fallback,
      };
  }
}

/** The heading: the chart's title, with the goal where the chart cannot draw it ("… · Mål 75 %"). */
function chartTitle(chart: Chart): string {
  return chart.goal ? `${chart.title} · ${chart.goal.label}` : chart.title;
}

/** A bar under the goal is `attention`, one at or over it `good` (compared exactly). */
function goalColor(chart: Chart, p: ChartPoint): { color?: CardChartColor } {
  if (!chart.goal) return {};
  return { color: new Decimal(p.value).gte(new Decimal(chart.goal.value)) ? "good" : "attention" };
}

/**
 * What a host without charts shows: the title, a FactSet with one fact per point (label → the
 * table's text; "Kalix, 2021" for a line of several series), and the goal.
 */
function chartFallback(chart: Chart): CardContainer {
  const many = chart.series.length > 1;
  const facts: CardFactSet = {
    type: "FactSet",
    facts: chart.series.flatMap((s) =>
      s.points.map((p) => ({
        title: escapeCardText(many ? `${s.name}, ${p.label}` : p.label),
        value: escapeCardText(p.text),
      })),
    ),
    spacing: "Small",
  };
  const heading: CardTextBlock = {
    type: "TextBlock",
    text: escapeCardText(chart.title),
    weight: "Bolder",
    wrap: true,
  };
  const items: CardElement[] = [heading, facts];
  if (chart.goal)
    items.push({
      type: "TextBlock",
      text: escapeCardText(chart.goal.label),
      size: "Small",
      isSubtle: true,
      wrap: true,
      spacing: "Small",
    });
  return { type: "Container", items, spacing: "Medium" };
}
