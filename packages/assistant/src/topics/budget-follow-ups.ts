import type { FinancialStatement, StatementColumn } from "@samverkan/domain";
import { say, type Turn } from "../draft.js";
import type { ResolvedYear } from "../resolve.js";
import { budgetsOf, includesSupplier, linesForItem, printing } from "./budget-lines.js";
import { compact, lineSubject, type StatementRow } from "./statement-cells.js";

/**
 * The next questions to offer after a budget or outcome answer: only ones the data answers (a change
 * only where both years have a budget, a forecast only where one is printed, a member's payments only
 * for a year the cost items have), two to four of them. Where the question named the collaboration
 * ("SkånEarkivs kostnader"), so do they: without it they would be asked about the default one.
 */

/** " för SkånEarkiv" / " for SkånEarkiv" where the question named the collaboration, else "". */
export function who(turn: Turn): { sv: string; en: string } {
  if (!turn.parsed.collaborationsNamed.includes(turn.dataset.collaboration.id)) return { sv: "", en: "" };
  const name = turn.dataset.collaboration.name;
  return { sv: ` för ${name}`, en: ` for ${name}` };
}

/** "Vad är budgeten 2023?" for a year, naming the collaboration where the question did. */
export function budgetQuestion(turn: Turn, year: number): string {
  const w = who(turn);
  return say(turn, `Vad är budgeten${w.sv} ${year}?`, `What is the budget${w.en} in ${year}?`);
}

/** A member of the collaboration to name in a "what does … pay" follow-up, where that year is priced. */
function memberQuestion(turn: Turn, year: number, item?: string): string[] {
  const d = turn.dataset;
  const member = d.municipalities[0]?.name;
  const priced = d.costItems.some((c) => (!item || c.name === item) && c.years.some((y) => y.year === year));
  if (!member || !priced) return [];
  return [
    item
      ? say(
          turn,
          `Vad betalar ${member} för ${item} ${year}?`,
          `What does ${member} pay for ${item} in ${year}?`,
        )
      : say(turn, `Vad betalar ${member} ${year}?`, `What does ${member} pay in ${year}?`),
  ];
}

function figureQuestions(turn: Turn, year: number, skip: StatementColumn["figure"]): string[] {
  const d = turn.dataset;
  const w = who(turn);
  const out: string[] = [];
  if (skip !== "outcome" && printing(d, year, "outcome").length)
    out.push(say(turn, `Vad blev utfallet${w.sv} ${year}?`, `What was the outcome${w.en} in ${year}?`));
  if (skip !== "forecast" && printing(d, year, "forecast").length)
    out.push(
      say(
        turn,
        `Vad är prognosen${w.sv} för helåret ${year}?`,
        `What is the full-year forecast${w.en} for ${year}?`,
      ),
    );
  const againstBudget = printing(d, year, "deviation").some((s) =>
    s.columns.some((c) => c.figure === "deviation" && c.side !== "net"),
  );
  if (skip !== "deviation" && againstBudget)
    out.push(
      say(
        turn,
        `Vad är avvikelsen mot budget${w.sv} ${year}?`,
        `What is the deviation against the budget${w.en} in ${year}?`,
      ),
    );
  return out;
}

/** The other printed version of the year's budget, by the line that makes the difference. */
function versionQuestions(turn: Turn, s: FinancialStatement): string[] {
  const d = turn.dataset;
  const y = s.year;
  const only = (a: FinancialStatement, b: FinancialStatement) =>
    a.lines.find((l) => !b.lines.some((x) => compact(x.label) === compact(l.label)));
  return budgetsOf(d, y)
    .filter((b) => b !== s)
    .flatMap((other) => {
      const extra = includesSupplier(d, other) ? only(other, s) : undefined;
      const own = includesSupplier(d, s) ? only(s, other) : undefined;
      if (extra) {
        const line = lineSubject(extra.label);
        return [
          say(turn, `Vad är budgeten ${y} inklusive ${line}?`, `What is the ${y} budget including ${line}?`),
        ];
      }
      if (own) {
        const line = lineSubject(own.label);
        return [say(turn, `Vad är budgeten ${y} utan ${line}?`, `What is the ${y} budget without ${line}?`)];
      }
      return [];
    });
}

export function budgetFollowUps(
  turn: Turn,
  s: FinancialStatement,
  lines: readonly StatementRow[],
  year: ResolvedYear,
): string[] {
  const d = turn.dataset;
  const y = s.year;
  const w = who(turn);
  // The item a line is about, by its name (the line's label may be no name the parser knows).
  const item = lines[0]
    ? d.costItems.find((c) => linesForItem(s, c).includes(lines[0] as StatementRow))
    : undefined;
  const what = item ? say(turn, ` för ${item.name}`, ` for ${item.nameEn}`) : "";
  const out: string[] = [];
  const change = (from: number, to: number) =>
    say(
      turn,
      `Hur förändras budgeten${what || w.sv} från ${from} till ${to}?`,
      `How does the budget${what || w.en} change from ${from} to ${to}?`,
    );
  if (year.compare === undefined) {
    if (budgetsOf(d, y - 1).length) out.push(change(y - 1, y));
    else if (budgetsOf(d, y + 1).length) out.push(change(y, y + 1));
  } else {
    const other = [...new Set(d.statements.map((x) => x.year))].filter(
      (x) => x !== y && x !== year.compare && budgetsOf(d, x).length,
    );
    out.push(...other.map((x) => budgetQuestion(turn, x)));
  }
  if (lines.length > 0) out.push(budgetQuestion(turn, y));
  out.push(...versionQuestions(turn, s), ...figureQuestions(turn, y, "budget"));
  out.push(...memberQuestion(turn, y, item?.name));
  if (out.length < 2 && year.compare !== undefined) out.push(budgetQuestion(turn, year.compare));
  return [...new Set(out)].slice(0, 4);
}

export function outcomeFollowUps(turn: Turn, year: number, figure: StatementColumn["figure"]): string[] {
  const d = turn.dataset;
  const out = figureQuestions(turn, year, figure);
  if (budgetsOf(d, year).length) out.push(budgetQuestion(turn, year));
  out.push(...memberQuestion(turn, year));
  return [...new Set(out)].slice(0, 4);
}
