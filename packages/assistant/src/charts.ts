import { Decimal } from "@samverkan/domain";
import { chartFromTable, type Chart, type ChartGoal, type ReportTable } from "@samverkan/reports";
import type { Lang } from "./types.js";

/**
 * The charts some answers carry on their card, each taken by `chartFromTable` from the answer's own
 * table — so a bar, slice or point can never show a number the table does not. Undefined when the
 * table has too few rows to be worth drawing.
 */

/** Whether every amount of the table is in its column's unit (a statement may mix kr and tkr). */
function oneUnit(table: ReportTable): boolean {
  const column = table.columns.find((c) => c.key === "amount");
  return table.rows.every((r) => {
    const cell = r.cells["amount"];
    return cell?.kind !== "money" || cell.unit === column?.unit;
  });
}

/** An amount per municipality as horizontal bars, largest first: an item's split, SkånEarkiv's caps. */
export function municipalityBars(table: ReportTable, title: string, lang: Lang): Chart | undefined {
  if (table.rows.length < 2 || !oneUnit(table)) return undefined;
  return chartFromTable(table, {
    kind: "horizontalBar",
    title,
    lang,
    labelColumn: "label",
    valueColumns: ["amount"],
  });
}

/** A municipality's statement as a donut of its items (only positive amounts make slices). */
export function statementDonut(table: ReportTable, title: string, lang: Lang): Chart | undefined {
  if (table.rows.length < 2 || !oneUnit(table)) return undefined;
  return chartFromTable(table, {
    kind: "donut",
    title,
    lang,
    labelColumn: "label",
    valueColumns: ["amount"],
    includeRow: (cells) => {
      const cell = cells["amount"];
      return cell?.kind === "money" && new Decimal(cell.value).gt(0);
    },
  });
}

/** Attendance per meeting as vertical bars, in date order, with the goal. */
export function attendanceBars(
  table: ReportTable,
  title: string,
  lang: Lang,
  goal: ChartGoal | undefined,
): Chart | undefined {
  if (table.rows.length < 2) return undefined;
  return chartFromTable(table, {
    kind: "verticalBar",
    title,
    lang,
    labelColumn: "meeting",
    valueColumns: ["rate"],
    ...(goal ? { goal } : {}),
    yAxisTitle: "%",
  });
}

/** One municipality's amount per year as a line, in the table's (year) order: "Kalix, E-arkiv 2022–2023". */
export function yearLine(table: ReportTable, title: string, lang: Lang): Chart | undefined {
  if (table.rows.length < 2 || !oneUnit(table)) return undefined;
  return chartFromTable(table, {
    kind: "line",
    title,
    lang,
    labelColumn: "label",
    valueColumns: ["amount"],
    xAxisTitle: lang === "sv" ? "År" : "Year",
  });
}

/**
 * Several series over the years as lines, one per value column ("Kalix" and "Luleå", E-arkiv
 * 2021–2023). Undefined for fewer than two years, or when the amounts are not all in one unit.
 */
export function yearLines(
  table: ReportTable,
  title: string,
  lang: Lang,
  valueColumns: readonly string[],
): Chart | undefined {
  if (table.rows.length < 2) return undefined;
  const units = new Set<string>();
  for (const key of valueColumns) {
    const column = table.columns.find((c) => c.key === key);
    if (column?.unit) units.add(column.unit);
    for (const row of table.rows) {
      const cell = row.cells[key];
      if (cell?.kind === "money") units.add(cell.unit);
    }
  }
  if (units.size !== 1) return undefined;
  return chartFromTable(table, {
    kind: "line",
    title,
    lang,
    labelColumn: "label",
    valueColumns: [...valueColumns],
    xAxisTitle: lang === "sv" ? "År" : "Year",
  });
}
