import {
  foldName,
  type CostItem,
  type Dataset,
  type FinancialStatement,
  type StatementColumn,
} from "@samverkan/domain";
import type { Turn } from "../draft.js";
import { itemsIn } from "../resolve.js";
import { compact, lineSubject, type StatementRow } from "./statement-cells.js";

/**
 * Which lines of a budget or follow-up table a question asks about: the lines it names by their own
 * label ("SOC system, grund", "Räddningstjänsten system"), the lines of the cost items it names (by
 * their budget labels and names), or — for lines no item names — their distinctive words ("DCBD",
 * "Elevhälsan"). An item named but printed on no line is reported, never dropped silently.
 */

/** A cost item the question names, and how it was typed. */
export interface ItemAsked {
  readonly item: CostItem;
  readonly typed: string;
}

/** The cost items the question names (one id each; an ambiguous word is the cost questions' to ask back). */
export function itemsAsked(turn: Turn): ItemAsked[] {
  const out: ItemAsked[] = [];
  for (const named of itemsIn(turn)) {
    const item =
      named.ids.length === 1 ? turn.dataset.costItems.find((c) => c.id === named.ids[0]) : undefined;
    if (item && !out.some((x) => x.item === item)) out.push({ item, typed: named.typed });
  }
  return out;
}

/** The lines of a statement about a cost item: its budget labels, its names and synonyms. */
export function linesForItem(s: FinancialStatement, item: CostItem): StatementRow[] {
  const labels = new Set(item.years.flatMap((y) => y.budgetLabels ?? []).map(compact));
  const names = [item.name, item.nameEn, ...(item.synonyms ?? [])].map(compact).filter((n) => n.length >= 4);
  return s.lines.filter((l) => {
    const label = compact(lineSubject(l.label));
    return (
      labels.has(label) || names.some((n) => label.includes(n) || (label.length >= 6 && n.includes(label)))
    );
  });
}

/** Words of a line label that say nothing about which line it is (and years, and the report's date). */
const GENERIC = new Set([
  "projekt",
  "summa",
  "system",
  "och",
  "per",
  "sista",
  "maj",
  "intakter",
  "kostnader",
  "budget",
  "prognos",
  "utfall",
  "norrbottens",
  "enamnd",
]);

/** The lines whose distinctive words the question uses ("Projekt DCBD" for "DCBD"). */
function linesByWords(s: FinancialStatement, folds: ReadonlySet<string>): StatementRow[] {
  return s.lines.filter((l) =>
    lineSubject(l.label)
      .split(/[\s,]+/u)
      .map(compact)
      .some((w) => w.length >= 2 && !/^\d+$/.test(w) && !GENERIC.has(w) && folds.has(w)),
  );
}

export interface LinesAsked {
  /** The lines asked about, in print order; empty when the question asks about the whole table. */
  readonly lines: StatementRow[];
  /** Items the question names that no line of the table is about. */
  readonly missing: CostItem[];
}

export function linesAsked(turn: Turn, s: FinancialStatement): LinesAsked {
  const question = compact(turn.parsed.question);
  // A label written out in the question ("SOC system, grund") is the line meant; an item read inside
  // that label ("grund" → Grundfinansiering) is part of it, not a second line.
  const byLabel = s.lines.filter((l) => {
    const subject = compact(lineSubject(l.label));
    return subject.length >= 5 && question.includes(subject);
  });
  const labelled = byLabel.map((l) => compact(lineSubject(l.label)));
  const items = itemsAsked(turn).filter((x) => !labelled.some((l) => l.includes(compact(x.typed))));
  const byItem = items.flatMap((x) => linesForItem(s, x.item));
  let lines = s.lines.filter((l) => byLabel.includes(l) || byItem.includes(l));
  if (lines.length === 0) lines = linesByWords(s, new Set(turn.parsed.words.map((w) => compact(w.fold))));
  const shown = lines.map((l) => foldName(l.label));
  const missing = items
    .filter((x) => linesForItem(s, x.item).length === 0)
    .filter((x) => !shown.some((l) => l.split(" ").includes(foldName(x.typed))))
    .map((x) => x.item);
  return { lines, missing };
}

const isBudgetColumn = (c: StatementColumn) => c.figure === "budget" || c.figure === "result";

/**
 * The budgets of a year: statements of budget columns only; where there is none, a table that prints
 * the budget beside the outcome (SkånEarkiv's summary), whole.
 */
export function budgetsOf(d: Dataset, year: number): FinancialStatement[] {
  const ofYear = d.statements.filter((s) => s.year === year);
  const pure = ofYear.filter((s) => s.columns.every(isBudgetColumn));
  return pure.length > 0 ? pure : ofYear.filter((s) => s.columns.some((c) => c.figure === "budget"));
}

/** The statements of a year that print a figure (an outcome, a forecast, a deviation against the budget). */
export function printing(d: Dataset, year: number, figure: StatementColumn["figure"]): FinancialStatement[] {
  return d.statements.filter((s) => s.year === year && s.columns.some((c) => c.figure === figure));
}

/** Whether a budget prints a line for an item the supplier bills directly (the "inkl. Datacenter" one). */
export function includesSupplier(d: Dataset, s: FinancialStatement): boolean {
  return d.costItems.some((item) => item.category === "billedBySupplier" && linesForItem(s, item).length > 0);
}
