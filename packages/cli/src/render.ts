import {
  describeSource,
  formatNumber,
  type Decimal,
  type MoneyUnit,
  type SourceRef,
} from "@samverkan/domain";
import type { Lang } from "./options.js";

/** A table row: cells to align, or a line printed as it is (a section heading, an explanation). */
export type TableRow = readonly string[] | { readonly line: string };

const width = (s: string) => [...s].length;
const isCells = (r: TableRow): r is readonly string[] => Array.isArray(r);

/**
 * Aligned columns, two spaces apart; `right` lists the right-aligned columns (amounts). The last
 * column is not padded, so no line ends in spaces.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly TableRow[],
  right: readonly number[],
): string[] {
  const cells = [header, ...rows.filter(isCells)];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ""))));
  const format = (r: readonly string[]) =>
    r
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - width(cell));
        return right.includes(i) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [header, ...rows].map((r) => (isCells(r) ? format(r) : r.line));
}

/** "21 000 kr", "327 tkr"; English takes a decimal point. */
export function money(value: Decimal, unit: MoneyUnit, lang: Lang): string {
  return `${formatNumber(value, undefined, lang)} ${unit}`;
}

/** "+4 400 kr", "−1 200 kr", "±0 kr". */
export function signedMoney(value: Decimal, unit: MoneyUnit, lang: Lang): string {
  if (value.isZero()) return `±0 ${unit}`;
  return `${value.isPositive() ? "+" : ""}${money(value, unit, lang)}`;
}

/** A source with the table heading as its section when it names none. */
export function sourceText(source: SourceRef, heading: string | undefined, lang: Lang): string {
  return describeSource({ ...source, ...(source.section || !heading ? {} : { section: heading }) }, lang);
}

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(";");
}
