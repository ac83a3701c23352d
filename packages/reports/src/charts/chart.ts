/**
 * The chart model: what a card, an HTML report and the dashboard draw, taken from a report table's own
 * cells so a chart can never show a number its table does not. Values stay exact decimal strings with
 * the text a person reads ("21 000 kr"); `chartNumber` turns one into a float for drawing only — a
 * renderer positions bars with it and prints `text`, never the float.
 */
import { Decimal } from "@samverkan/domain";
import { formatCell } from "../format-cell.js";
import type { CellProvenance, ReportCell, ReportLang, ReportTable } from "../model.js";

/**
 * How the numbers are drawn. `horizontalBar`: one bar per label, longest first (an item's split over
 * the municipalities); `verticalBar`: in the given order (attendance per meeting, with a goal line);
 * `donut`: parts of a whole (a municipality's statement); `line`: one or more series over the same
 * labels (a municipality over the years).
 */
export type ChartKind = "horizontalBar" | "verticalBar" | "donut" | "line";

/** What every value of a chart is in: kronor, thousands, per cent, or a count. */
export type ChartUnit = "kr" | "tkr" | "percent" | "count";

export interface ChartPoint {
  /** The bar's, slice's or x position's name: "Kalix", "E-arkiv", "2023". */
  readonly label: string;
  /** Exact decimal string with a point, from the table cell: "20211.25". */
  readonly value: string;
  /** The value as the table prints it, in the chart's language: "20 211,25 kr", "71,4 %". */
  readonly text: string;
  /** Published or computed, as the table cell says; absent for sums and counts. */
  readonly provenance?: CellProvenance;
}

export interface ChartSeries {
  /** The series' name in a legend ("Kalix", "Totalt"); for a single-series chart, the value column's label. */
  readonly name: string;
  readonly points: readonly ChartPoint[];
}

/** A reference value drawn across a chart: the 75 % attendance goal. */
export interface ChartGoal {
  readonly value: string;
  readonly text: string;
  /** "Mål 75 %" / "Goal 75 %". */
  readonly label: string;
}

export interface Chart {
  readonly kind: ChartKind;
  readonly lang: ReportLang;
  /** The chart's heading, which is also the start of its alt text. */
  readonly title: string;
  readonly unit: ChartUnit;
  /** `horizontalBar`, `verticalBar` and `donut` have exactly one series; `line` one or more. */
  readonly series: readonly ChartSeries[];
  readonly goal?: ChartGoal;
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
}

/** A chart value as a float, for drawing only: positions, lengths and angles, never a printed number. */
export function chartNumber(value: string): number {
  return new Decimal(value).toNumber();
}

/**
 * Every number of the chart in words, for alt text, a fallback and a screen reader: "Fördelning E-arkiv
 * 2023: Luleå 97 000 kr, Piteå 53 000 kr, …; mål 75 %". The same texts the table prints.
 */
export function chartDescription(chart: Chart): string {
  const parts = chart.series.map((s) => {
    const points = s.points.map((p) => `${p.label} ${p.text}`).join(", ");
    return chart.series.length > 1 ? `${s.name}: ${points}` : points;
  });
  const goal = chart.goal ? `; ${chart.goal.label}` : "";
  return `${chart.title}: ${parts.join("; ")}${goal}`;
}

export interface ChartFromTableOptions {
  readonly kind: ChartKind;
  readonly title: string;
  readonly lang: ReportLang;
  /** The column whose cells name the points ("municipality"). */
  readonly labelColumn: string;
  /** The value columns: one for bars and donuts, one per series for a line. */
  readonly valueColumns: readonly string[];
  /** Drop rows the chart should not draw (a row of another kind, a zero slice). */
  readonly includeRow?: (cells: Readonly<Record<string, ReportCell>>) => boolean;
  readonly goal?: ChartGoal;
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
}

/**
 * A chart from a report table's rows (never its totals row): one point per row, labelled by
 * `labelColumn`, valued by each of `valueColumns`. `horizontalBar` points are sorted largest first
 * (ties by label, in the language's order), every other kind keeps the table's order. Rows whose value
 * cell is empty are left out of that series.
 *
 * @throws Error when a column is missing, holds something other than money, percent or number, or the
 *   value columns (or a drawn money cell and its column) mix units — a chart of kronor and per cent, or
 *   of kr and tkr, on one axis would be a wrong picture.
 */
export function chartFromTable(table: ReportTable, options: ChartFromTableOptions): Chart {
  const { kind, lang, labelColumn, valueColumns } = options;
  if (valueColumns.length === 0) throw new Error("a chart needs at least one value column");
  if (kind !== "line" && valueColumns.length !== 1)
    throw new Error(`a ${kind} chart has exactly one value column (got ${valueColumns.length})`);
  const column = (key: string) => {
    const c = table.columns.find((col) => col.key === key);
    if (!c) throw new Error(`the table has no column "${key}"`);
    return c;
  };
  const labelCol = column(labelColumn);
  const units = new Set(
    valueColumns.map((key) => {
      const c = column(key);
      if (c.kind === "money") {
        if (!c.unit) throw new Error(`money column "${key}" has no unit`);
        return c.unit;
      }
      if (c.kind === "percent") return "percent";
      if (c.kind === "number") return "count";
      throw new Error(`column "${key}" holds ${c.kind}, not numbers`);
    }),
  );
  const [unit, ...others] = [...units];
  if (!unit || others.length > 0) throw new Error(`the value columns mix units: ${[...units].join(", ")}`);
  const rows = table.rows.filter((r) => options.includeRow?.(r.cells) ?? true);
  const series: ChartSeries[] = valueColumns.map((key) => {
    const points: ChartPoint[] = [];
    for (const row of rows) {
      const cell = row.cells[key];
      const labelCell = row.cells[labelCol.key];
      if (!cell || cell.kind === "empty" || !labelCell) continue;
      if (cell.kind !== "money" && cell.kind !== "percent" && cell.kind !== "number")
        throw new Error(`a cell of column "${key}" holds ${cell.kind}, not a number`);
      // A cell may carry its own unit: kr and tkr bars on one axis would be a wrong picture.
      if (cell.kind === "money" && cell.unit !== unit)
        throw new Error(`a cell of column "${key}" is in ${cell.unit}, the column in ${unit}`);
      points.push({
        label: formatCell(labelCell, lang),
        value: cell.value,
        text: formatCell(cell, lang),
        ...(cell.kind === "money" && cell.provenance ? { provenance: cell.provenance } : {}),
      });
    }
    if (kind === "horizontalBar") {
      points.sort(
        (a, b) => new Decimal(b.value).cmp(new Decimal(a.value)) || a.label.localeCompare(b.label, lang),
      );
    }
    return { name: column(key).label, points };
  });
  return {
    kind,
    lang,
    title: options.title,
    unit: unit as ChartUnit,
    series,
    ...(options.goal ? { goal: options.goal } : {}),
    ...(options.xAxisTitle ? { xAxisTitle: options.xAxisTitle } : {}),
    ...(options.yAxisTitle ? { yAxisTitle: options.yAxisTitle } : {}),
  };
}
