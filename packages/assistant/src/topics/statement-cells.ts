import {
  checkStatement,
  describeSource,
  foldName,
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
 * cell, exact, in the statement's own unit (tkr stays tkr), with its document — or the difference of
 * two such cells, labelled computed. Nothing is summed or corrected here; where the document's own
 * total does not add up, that is said.
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

const ref = (c: Cell) => ({ id: c.statement.id, line: c.line.label, column: c.column.key });

/** The answer amount of a printed cell: role statementLine, published, with where it is printed. */
export function cellAmount(d: Dataset, cell: Cell): AnswerAmount {
  const s = cell.statement;
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
      ...(s.source.lines ? { lines: [s.source.lines[0], s.source.lines[1]] as const } : {}),
    },
    statement: ref(cell),
  };
}

/** A later printed cell minus an earlier one (the same line and column a year apart): computed, said so. */
export function changeAmount(d: Dataset, later: Cell, earlier: Cell, lang: Lang): AnswerAmount {
  return {
    role: "statementChange",
    collaboration: d.collaboration.id,
    municipality: null,
    item: later.line.label,
    itemId: null,
    year: later.statement.year,
    amount: later.value.minus(earlier.value).toFixed(),
    unit: later.statement.unit,
    provenance: {
      kind: "computed",
      model: "difference",
      description:
        lang === "sv"
          ? `${later.line.label} i ${later.statement.title} minus ${earlier.line.label} i ${earlier.statement.title}`
          : `${later.line.label} in ${later.statement.title} minus ${earlier.line.label} in ${earlier.statement.title}`,
    },
    statement: ref(later),
    comparedWith: ref(earlier),
  };
}

const SIDE_EN = { revenue: "revenue", costs: "costs", net: "net" } as const;
const FIGURE_EN = {
  budget: "budget",
  forecast: "forecast",
  outcome: "outcome",
  deviation: "deviation",
  result: "operating result",
} as const;

/**
 * A column as the answer names it: the printed label in Swedish; in English its figure where the
 * table has one side only (SkånEarkiv's costs), its side where each side has one column (a budget's
 * revenue and costs), else both ("revenue forecast").
 */
export function columnWord(s: FinancialStatement, c: StatementColumn, lang: Lang): string {
  if (lang === "sv") return c.label.replace(/\s*\(.*\)$/u, "").toLowerCase();
  if (c.side === "net" || new Set(s.columns.map((x) => x.side)).size === 1) return FIGURE_EN[c.figure];
  const sameSide = s.columns.filter((x) => x.side === c.side);
  return sameSide.length === 1 ? SIDE_EN[c.side] : `${SIDE_EN[c.side]} ${FIGURE_EN[c.figure]}`;
}

/**
 * What a column's printed label says beyond its name ("Differens (som tryckt; minustecknen föll bort
 * i textutdraget)"), once for the answer rather than at every cell.
 */
export function columnNotes(turn: Pick<Turn, "lang">, cells: readonly Cell[]): string {
  const labels = [...new Set(cells.map((c) => c.column.label))].filter((l) => /\(.*\)$/u.test(l));
  return labels
    .map((l) =>
      turn.lang === "sv"
        ? ` (Kolumnen ${l.replace(/\s*\((.*)\)$/u, ": $1")}.)`
        : ` (The column is printed in the data as "${l}".)`,
    )
    .join("");
}

/** Where the statement is printed, as the answer names it (the document's heading once, not twice). */
export function statementSource(s: FinancialStatement, lang: Lang): string {
  const { title, section, ...rest } = s.source;
  const heading = [title, section].filter((x) => x && x !== s.title);
  return describeSource({ ...rest, ...(heading.length ? { title: heading[0] } : {}) }, lang);
}

/** The card's facts: the table answered from, and where it is printed. */
export function sourceFacts(
  turn: Pick<Turn, "lang">,
  s: FinancialStatement,
): { title: string; value: string }[] {
  return [
    { title: turn.lang === "sv" ? "Tabell" : "Table", value: s.title },
    { title: turn.lang === "sv" ? "Källa" : "Source", value: statementSource(s, turn.lang) },
  ];
}

/**
 * The document's own sums that do not add up, as facts ("tryckt 1 792 486 kr, raderna summerar till
 * 1 792 487 kr"). Nothing is corrected.
 */
export function inconsistencies(turn: Pick<Turn, "lang">, s: FinancialStatement): string[] {
  return checkStatement(s)
    .filter((c) => !c.matches)
    .map((c) => {
      const column = s.columns.find((x) => x.key === c.column);
      const label = column ? columnWord(s, column, turn.lang) : c.column;
      const printed = c.printed.map((p) => money(p, s.unit, turn.lang)).join(" / ");
      const rows = money(c.rowSum, s.unit, turn.lang);
      return turn.lang === "sv"
        ? `I dokumentet stämmer inte summan för ${label}: tryckt ${printed}, raderna summerar till ${rows}`
        : `In the document the total of ${label} does not add up: printed ${printed}, the lines sum to ${rows}`;
    });
}

/**
 * A line's printed net deviation that is not its revenue minus its costs (the interim report's tkr
 * summary prints 1 792 − 1 673 as 120): said as a fact, as printed.
 */
export function netMismatches(turn: Pick<Turn, "lang">, cells: readonly Cell[]): string[] {
  const notes: string[] = [];
  const lines = [...new Set(cells.map((c) => c.line))];
  for (const line of lines) {
    const mine = cells.filter((c) => c.line === line);
    const net = mine.filter((c) => c.column.side === "net" && c.column.figure === "deviation");
    const revenue = mine.filter((c) => c.column.side === "revenue");
    const costs = mine.filter((c) => c.column.side === "costs");
    const [n, r, k] = [net[0], revenue[0], costs[0]];
    if (net.length !== 1 || revenue.length !== 1 || costs.length !== 1 || !n || !r || !k) continue;
    const diff = r.value.minus(k.value);
    if (diff.eq(n.value)) continue;
    const unit = n.statement.unit;
    const m = (v: Decimal) => money(v, unit, turn.lang);
    notes.push(
      turn.lang === "sv"
        ? `${line.label}: avvikelsen är tryckt ${m(n.value)}, men ${m(r.value)} − ${m(k.value)} = ${m(diff)}`
        : `${line.label}: the deviation is printed as ${m(n.value)}, but ${m(r.value)} − ${m(k.value)} = ${m(diff)}`,
    );
  }
  return notes;
}

/** A line label without the side it is printed under ("KOSTNADER E-arkiv" → "E-arkiv"). */
export function lineSubject(label: string): string {
  return label.replace(/^(INTÄKTER|KOSTNADER)\s+/u, "").replace(/\s*\[sic\]$/u, "");
}

/** Letters and digits only, folded: "SOC system, grund" → "socsystemgrund". */
export const compact = (text: string): string => foldName(text).replace(/[^a-z0-9]/g, "");
