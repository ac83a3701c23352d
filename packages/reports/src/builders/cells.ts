import { Decimal, describeSource, type MoneyUnit, type SourceRef } from "@samverkan/domain";
import { isTerminating, toDecimal, type Rational } from "@samverkan/allocation";
import type { ReportCell, ReportLang, ReportRow, ReportTotals } from "../model.js";

/** The few words every builder shares, in both languages. */
export const WORDS = {
  sv: {
    municipality: "Kommun",
    total: "Summa",
    published: "publicerad",
    computed: "beräknad",
    line: "Post",
    revenue: "Intäkter",
    costs: "Kostnader",
  },
  en: {
    municipality: "Municipality",
    total: "Total",
    published: "published",
    computed: "computed",
    line: "Line",
    revenue: "Revenue",
    costs: "Costs",
  },
} as const;

export const text = (t: string): ReportCell => ({ kind: "text", text: t });
export const EMPTY: ReportCell = { kind: "empty" };

/** A money cell printed in a document, with where. */
export function publishedMoney(value: Decimal, unit: MoneyUnit, source: string): ReportCell {
  return { kind: "money", value: value.toFixed(), unit, provenance: "published", source };
}

/** A money cell the engine computed, with how (in words). */
export function computedMoney(value: Decimal, unit: MoneyUnit, model: string): ReportCell {
  return { kind: "money", value: value.toFixed(), unit, provenance: "computed", model };
}

/** A sum or difference of other cells: no provenance of its own. */
export function derivedMoney(value: Decimal, unit: MoneyUnit): ReportCell {
  return { kind: "money", value: value.toFixed(), unit };
}

/** A percentage from an exact ratio: exact when it terminates, else rounded to `places` and marked ≈. */
export function percentCell(ratio: Rational, places = 1): ReportCell {
  const exact = isTerminating(ratio);
  const value = exact ? toDecimal(ratio, 20) : toDecimal(ratio, places);
  return { kind: "percent", value: new Decimal(value).toFixed(), ...(exact ? {} : { exact: false }) };
}

/** "Budget 2023, Gemensamma tjänster 2023 (004_….txt, rad 2335–2371)"; the heading stands in for a missing section. */
export function sourceText(source: SourceRef, lang: ReportLang, heading?: string): string {
  const section = source.section ?? heading;
  const { section: _section, ...rest } = source;
  // "Budget 2022, Budget 2022 (…)" says the same thing twice: a section equal to the title is left out.
  return describeSource(section && section !== source.title ? { ...rest, section } : rest, lang);
}

/** The exact sum of the money cells under `key` (empty cells count as nothing). */
export function columnSum(cells: readonly (ReportCell | undefined)[]): Decimal {
  return cells.reduce((acc, c) => (c && c.kind === "money" ? acc.plus(c.value) : acc), new Decimal(0));
}

/** A totals row whose `keys` columns are the exact sums of `rows` (written as SUM formulas in XLSX). */
export function sumTotals(
  rows: readonly ReportRow[],
  keys: readonly string[],
  unit: MoneyUnit,
  label: { readonly key: string; readonly text: string },
): ReportTotals {
  return {
    cells: {
      [label.key]: { kind: "text", text: label.text },
      ...Object.fromEntries(keys.map((k) => [k, derivedMoney(columnSum(rows.map((r) => r.cells[k])), unit)])),
    },
    sumOf: keys,
  };
}

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
