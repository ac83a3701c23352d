/**
 * Which charts each report gets, drawn from the report's own section tables with `chartFromTable`, so a
 * chart never shows a number its table does not:
 *
 * - `allocation`: per cost item (a money column of the section) a horizontal bar of its split over the
 *   municipalities, largest first;
 * - `statement` (kommunbesked): a donut of the municipality's items for the year, and a line over the
 *   years the table holds (last year's amount and this year's, one line per item);
 * - `attendance`: a vertical bar of the share present per meeting, with the year's goal as a line when
 *   every charted meeting is measured against the same goal;
 * - `max-withdrawal` (SkånEarkiv): a horizontal bar of each municipality's cap in the table's last year.
 *
 * Other reports get none. A chart with fewer than two points, or with nothing but zeros, is left out.
 */
import { Decimal } from "@samverkan/domain";
import type { Report, ReportLang, ReportSection, ReportTable } from "../model.js";
import { chartFromTable, type Chart, type ChartGoal, type ChartPoint, type ChartSeries } from "./chart.js";

export interface SectionChart {
  /** The index of the section in `report.sections` the chart belongs to (drawn before its table). */
  readonly section: number;
  readonly chart: Chart;
}

/**
 * @example
 * for (const { section, chart } of reportCharts(report)) console.log(section, chart.kind, chart.title);
 */
export function reportCharts(report: Report): readonly SectionChart[] {
  const charts: SectionChart[] = [];
  for (const [index, section] of report.sections.entries()) {
    const table = section.table;
    if (!table) continue;
    for (const chart of sectionCharts(report, section, table))
      if (meaningful(chart)) charts.push({ section: index, chart });
  }
  return charts;
}

function sectionCharts(report: Report, section: ReportSection, table: ReportTable): Chart[] {
  switch (report.name) {
    case "allocation":
      return allocationCharts(report, table);
    case "statement":
      return statementCharts(report, section, table);
    case "attendance":
      return attendanceCharts(report, table);
    case "max-withdrawal":
      return maxWithdrawalCharts(report, table);
    default:
      return [];
  }
}

const has = (table: ReportTable, key: string, kind: ReportTable["columns"][number]["kind"]) =>
  table.columns.some((c) => c.key === key && c.kind === kind);

/** At least two points (two x positions for a line) and not every value zero. */
function meaningful(chart: Chart): boolean {
  const points = chart.series.flatMap((s) => s.points);
  const positions = new Set(points.map((p) => p.label));
  if (positions.size < 2 || points.length < 2) return false;
  return points.some((p) => !new Decimal(p.value).isZero());
}

function allocationCharts(report: Report, table: ReportTable): Chart[] {
  if (!has(table, "municipality", "text")) return [];
  const sv = report.lang === "sv";
  const year = report.year === undefined ? "" : ` ${report.year}`;
  return table.columns
    .filter((c) => c.kind === "money" && c.unit)
    .map((c) =>
      chartFromTable(table, {
        kind: "horizontalBar",
        title: sv
          ? `${c.label}${year}: fördelning per kommun`
          : `${c.label}${year}: split across municipalities`,
        lang: report.lang,
        labelColumn: "municipality",
        valueColumns: [c.key],
      }),
    );
}

function statementCharts(report: Report, section: ReportSection, table: ReportTable): Chart[] {
  // The items' table (this year against last); not the extras, which are listed and never summed.
  if (!has(table, "item", "text") || !has(table, "amount", "money") || !has(table, "previous", "money"))
    return [];
  const sv = report.lang === "sv";
  const charts: Chart[] = [
    chartFromTable(table, {
      kind: "donut",
      title: sv ? `${section.title} per kostnadspost` : `${section.title} per cost item`,
      lang: report.lang,
      labelColumn: "item",
      valueColumns: ["amount"],
    }),
  ];
  const line = overTheYears(report, section, table);
  if (line) charts.push(line);
  return charts;
}

/** The year a statement column's amounts are for: the report's year, or the one its heading names. */
function columnYear(table: ReportTable, key: string, fallback: number | undefined): string {
  const label = table.columns.find((c) => c.key === key)?.label ?? "";
  return /\b(\d{4})\b/.exec(label)?.[1] ?? (fallback === undefined ? label : String(fallback));
}

/**
 * The statement's two years (the `previous` and `amount` columns) as a line per item: x is the year,
 * each point the table's own cell. An item without last year's amount is a single point.
 */
function overTheYears(report: Report, section: ReportSection, table: ReportTable): Chart | undefined {
  const sv = report.lang === "sv";
  const both = chartFromTable(table, {
    kind: "line",
    title: section.title,
    lang: report.lang,
    labelColumn: "item",
    valueColumns: ["previous", "amount"],
  });
  const [previous, current] = both.series;
  if (!previous || !current) return undefined;
  const years = [
    columnYear(table, "previous", report.year === undefined ? undefined : report.year - 1),
    columnYear(table, "amount", report.year),
  ] as const;
  const items: string[] = [];
  for (const p of [...previous.points, ...current.points]) if (!items.includes(p.label)) items.push(p.label);
  const series: ChartSeries[] = items.map((item) => {
    const points: ChartPoint[] = [];
    for (const [i, s] of [previous, current].entries()) {
      const p = s.points.find((x) => x.label === item);
      if (p) points.push({ ...p, label: i === 0 ? years[0] : years[1] });
    }
    return { name: item, points };
  });
  return {
    ...both,
    title: sv
      ? `${section.title}: per kostnadspost ${years[0]}–${years[1]}`
      : `${section.title}: per cost item ${years[0]}–${years[1]}`,
    series,
  };
}

/** "75 %" (or "75,5 %", "75.5 %") as the decimal string "75"; undefined for "inget mål" and the like. */
function percentText(text: string): string | undefined {
  const match = /^\s*(\d[\d\s]*(?:[.,]\d+)?)\s*%\s*$/.exec(text);
  return match?.[1] ? new Decimal(match[1].replace(/\s/g, "").replace(",", ".")).toFixed() : undefined;
}

/** The goal every charted meeting is measured against (the table's own "Mål minst" cells), if one. */
function attendanceGoal(table: ReportTable, lang: ReportLang): ChartGoal | undefined {
  if (!has(table, "goal", "text")) return undefined;
  const texts = new Set(
    table.rows
      .filter((r) => {
        const rate = r.cells.rate;
        return rate !== undefined && rate.kind !== "empty";
      })
      .map((r) => {
        const goal = r.cells.goal;
        return goal?.kind === "text" ? goal.text : "";
      }),
  );
  const [text, ...others] = [...texts];
  if (text === undefined || others.length > 0) return undefined;
  const value = percentText(text);
  if (value === undefined) return undefined;
  return { value, text, label: `${lang === "sv" ? "Mål" : "Goal"} ${text}` };
}

function attendanceCharts(report: Report, table: ReportTable): Chart[] {
  if (!has(table, "date", "date") || !has(table, "rate", "percent")) return [];
  const sv = report.lang === "sv";
  const year = report.year === undefined ? "" : ` ${report.year}`;
  const goal = attendanceGoal(table, report.lang);
  return [
    chartFromTable(table, {
      kind: "verticalBar",
      title: sv ? `Andel närvarande per sammanträde${year}` : `Share present per meeting${year}`,
      lang: report.lang,
      labelColumn: "date",
      valueColumns: ["rate"],
      ...(goal ? { goal } : {}),
    }),
  ];
}

function maxWithdrawalCharts(report: Report, table: ReportTable): Chart[] {
  if (!has(table, "municipality", "text")) return [];
  const last = table.columns.filter((c) => c.kind === "money" && c.unit && /^y\d{4}$/.test(c.key)).at(-1);
  if (!last) return [];
  const year = last.key.slice(1);
  const sv = report.lang === "sv";
  return [
    chartFromTable(table, {
      kind: "horizontalBar",
      title: sv ? `Maximalt uttag ${year} per kommun` : `Maximum withdrawal ${year} per municipality`,
      lang: report.lang,
      labelColumn: "municipality",
      valueColumns: [last.key],
    }),
  ];
}
