import type { FinancialStatement, StatementColumn } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { listing } from "../phrases.js";
import { yearNote, type ResolvedYear } from "../resolve.js";
import { linesAsked } from "./budget-lines.js";
import { outcomeFollowUps } from "./budget-follow-ups.js";
import {
  cellAmount,
  columnNotes,
  cellsOf,
  columnWord,
  inconsistencies,
  sourceFacts,
  statementSource,
  type Cell,
} from "./statement-cells.js";
import { sideText, statementTable } from "./statement-text.js";

/**
 * "Avvikelse mot budget": the deviations a table prints against its budget — a deviation column on the
 * revenue or cost side of a table that has a budget column on that side (the full-year forecast against
 * the budget; SkånEarkiv's outcome against its budget). The interim report's other "Avvikelse" columns
 * are revenue minus costs; the answer says so rather than passing them off as a deviation from budget.
 */

/** The deviation columns of a statement that compare with its budget on the same side. */
function againstBudget(s: FinancialStatement): StatementColumn[] {
  return s.columns.filter(
    (c) =>
      c.figure === "deviation" &&
      c.side !== "net" &&
      s.columns.some((b) => b.figure === "budget" && b.side === c.side),
  );
}

/**
 * How the document computes the deviation, where every line agrees ("avvikelse = budget − prognos");
 * nothing where it does not (SkånEarkiv's differences lost their minus signs in the text).
 */
function relation(turn: Turn, s: FinancialStatement, deviation: StatementColumn): string {
  const budget = s.columns.find((c) => c.figure === "budget" && c.side === deviation.side);
  const other = s.columns.find(
    (c) => c.side === deviation.side && (c.figure === "forecast" || c.figure === "outcome"),
  );
  if (!budget || !other) return "";
  const rows = s.lines.flatMap((l) => {
    const [b, o, v] = [l.values[budget.key], l.values[other.key], l.values[deviation.key]];
    return b !== undefined && b !== null && o !== undefined && o !== null && v !== undefined && v !== null
      ? [{ b, o, v }]
      : [];
  });
  if (rows.length === 0) return "";
  const word = (c: StatementColumn) => columnWord(s, c, turn.lang);
  if (rows.every((r) => r.v.eq(r.b.minus(r.o))))
    return `${word(deviation)} = ${word(budget)} − ${word(other)}`;
  if (rows.every((r) => r.v.eq(r.o.minus(r.b))))
    return `${word(deviation)} = ${word(other)} − ${word(budget)}`;
  return "";
}

/** The answer, or undefined where the year has no deviation against a budget (the outcome answer then). */
export function deviationAnswer(turn: Turn, year: ResolvedYear): Draft | undefined {
  const d = turn.dataset;
  const ofYear = d.statements.filter((s) => s.year === year.value);
  const s = ofYear.find((x) => againstBudget(x).length > 0);
  if (!s) return undefined;
  const deviations = againstBudget(s);
  const sides = new Set(deviations.map((c) => c.side));
  const asked = linesAsked(turn, s);
  const isOff = (l: FinancialStatement["lines"][number]) =>
    deviations.some((c) => {
      const v = l.values[c.key];
      return v !== undefined && v !== null && !v.isZero();
    });
  const rows = asked.lines.length > 0 ? asked.lines : s.lines.filter(isOff);
  const onSide = (cells: Cell[]) => cells.filter((c) => sides.has(c.column.side));
  const cells = onSide(cellsOf(s, rows));
  const totals = onSide(cellsOf(s, s.totals));
  const how = deviations.map((c) => relation(turn, s, c)).filter(Boolean);
  let text = say(
    turn,
    `Avvikelse mot budget i ${s.title} (${statementSource(s, "sv")})${how.length ? `, där ${listing(how, "sv")}` : ""}: `,
    `Deviation against the budget in ${s.title} (${statementSource(s, "en")})${how.length ? `, where ${listing(how, "en")}` : ""}: `,
  );
  text += cells.length
    ? sideText(turn, cells)
    : say(turn, "ingen rad avviker (0 kr).", "no line deviates (0 kr).");
  if (asked.lines.length === 0 && cells.length > 0 && rows.length < s.lines.length)
    text += say(turn, " Övriga rader avviker inte (0 kr).", " The other lines do not deviate (0 kr).");
  if (totals.length) text += say(turn, ` Summor: `, ` Totals: `) + sideText(turn, totals);
  text += columnNotes(turn, [...cells, ...totals]);
  for (const note of inconsistencies(turn, s)) text += ` ${note}.`;
  const net = ofYear.filter((x) => x.columns.some((c) => c.figure === "deviation" && c.side === "net"));
  if (net.length)
    text += say(
      turn,
      ` I ${listing(
        net.map((x) => `"${x.title}"`),
        "sv",
      )} är kolumnen avvikelse intäkter minus kostnader, inte avvikelse mot budget.`,
      ` In ${listing(
        net.map((x) => `"${x.title}"`),
        "en",
      )} the deviation column is revenue minus costs, not the deviation against the budget.`,
    );
  text += yearNote(turn, year);
  const table = statementTable(turn, s, asked.lines);
  return {
    intent: "outcome",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts: [...cells, ...totals].map((c) => cellAmount(d, c)),
    ...(table ? { table } : {}),
    facts: sourceFacts(turn, s),
    followUps: outcomeFollowUps(turn, year.value, "deviation"),
  };
}
