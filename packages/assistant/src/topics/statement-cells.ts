import {
  checkStatement,
  describeSource,
  foldName,
  type CostItem,
  type Dataset,
  type Decimal,
  type FinancialStatement,
  type StatementColumn,
} from "@samverkan/domain";
import type { Turn } from "../draft.js";
import { money } from "../phrases.js";
import type { AnswerAmount, Lang } from "../types.js";

/**
 * The budget and follow-up tables (budget / utfall / prognos) as the documents print them: a cell is
 * a statement, a line label and a column. Every amount the budget and outcome topics give is such a
 * cell, exact, in the statement's own unit (tkr stays tkr), with its document; nothing is summed or
 * corrected here, and where the document's own total does not add up that is said.
 */
export type StatementRow = FinancialStatement["lines"][number];

export interface Cell {
  readonly statement: FinancialStatement;
  readonly line: StatementRow;
  readonly column: StatementColumn;
  readonly value: Decimal;
}

/** Every line and total, with their cells in column order (blank cells left out). */
export function cellsOf(
  s: FinancialStatement,
  rows: readonly StatementRow[] = [...s.lines, ...s.totals],
): Cell[] {
  return rows.flatMap((line) =>
    s.columns.flatMap((column) => {
      const value = line.values[column.key];
      return value === undefined || value === null ? [] : [{ statement: s, line, column, value }];
    }),
  );
}

/** The answer amount of a printed cell: role statementLine, published, with where it is printed. */
export function cellAmount(d: Dataset, cell: Cell, lang: Lang): AnswerAmount {
  const s = cell.statement;
  const lines = [...s.lines, ...s.totals].map((l) => l.line).filter((n): n is number => n !== undefined);
  return {
    role: "statementLine",
    collaboration: d.collaboration.id,
    municipality: null,
    item: cell.line.label,
    itemId: null,
    year: s.year,
    amount: cell.value.toFixed(),
    unit: s.unit,
    provenance: {
      kind: "published",
      document: s.source.document,
      table: s.title,
      tableId: s.id,
      ...(lines.length ? { lines: [Math.min(...lines), Math.max(...lines)] as const } : {}),
    },
    statement: { id: s.id, line: cell.line.label, column: cell.column.key },
  };
  void lang;
}

/** "Intäkter 1 065 400 kr" — a column's printed label and the cell's value. */
export function cellText(cell: Cell, lang: Lang): string {
  return `${cell.column.label.toLowerCase()} ${money(cell.value, cell.statement.unit, lang)}`;
}

/** Where the statement is printed, as the answer names it. */
export function statementSource(s: FinancialStatement, lang: Lang): string {
  const { title, ...rest } = s.source;
  return describeSource(title && title !== s.title ? { ...rest, title } : rest, lang);
}

/**
 * The document's own sums that do not add up, as facts ("Summa kostnader är tryckt som 5 312 400 kr;
 * raderna summerar till 5 312 399 kr"). Nothing is corrected.
 */
export function inconsistencies(turn: Pick<Turn, "lang">, s: FinancialStatement): string[] {
  return checkStatement(s)
    .filter((c) => !c.matches)
    .map((c) => {
      const label = s.columns.find((x) => x.key === c.column)?.label ?? c.column;
      const printed = c.printed.map((p) => money(p, s.unit, turn.lang)).join(" / ");
      const rows = money(c.rowSum, s.unit, turn.lang);
      return turn.lang === "sv"
        ? `I dokumentet stämmer inte summan för ${label.toLowerCase()}: tryckt ${printed}, raderna summerar till ${rows}`
        : `In the document the total of ${label} does not add up: printed ${printed}, the lines sum to ${rows}`;
    });
}

/** The lines of a statement about a cost item: its budget labels, its names and synonyms. */
export function linesForItem(s: FinancialStatement, item: CostItem): StatementRow[] {
  const labels = new Set(
    item.years.flatMap((y) => y.budgetLabels ?? []).map((l) => foldName(l).replace(/ /g, "")),
  );
  const names = [item.name, item.nameEn, ...(item.synonyms ?? [])]
    .map((n) => foldName(n).replace(/ /g, ""))
    .filter((n) => n.length >= 4);
  return s.lines.filter((l) => {
    const label = foldName(l.label).replace(/ /g, "");
    return (
      labels.has(label) || names.some((n) => label.includes(n) || (label.length >= 6 && n.includes(label)))
    );
  });
}

/** A line label without the side it is printed under ("KOSTNADER E-arkiv" → "E-arkiv"). */
export function lineSubject(label: string): string {
  return label.replace(/^(INTÄKTER|KOSTNADER)\s+/u, "").replace(/\s*\[sic\]$/u, "");
}

const GENERIC = new Set([
  "projekt",
  "summa",
  "system",
  "och",
  "intakter",
  "kostnader",
  "norrbottens",
  "enamnd",
]);

/**
 * The lines whose own words the question uses ("Projekt DCBD" for "DCBD", "Projekt Elevhälsan" for
 * "elevhälsan"): for lines no cost item names. Generic words (projekt, summa, system) do not count.
 */
export function linesByWords(s: FinancialStatement, folds: ReadonlySet<string>): StatementRow[] {
  return s.lines.filter((l) =>
    lineSubject(l.label)
      .split(/[\s,]+/u)
      .map((w) => foldName(w).replace(/[^a-z0-9]/g, ""))
      .some((w) => w.length >= 2 && !GENERIC.has(w) && folds.has(w)),
  );
}
