import type { FinancialStatement } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { listing, money } from "../phrases.js";
import { resolveYear, yearNote, type ResolvedYear } from "../resolve.js";
import type { AnswerAmount } from "../types.js";
import { budgetsOf, includesSupplier, linesAsked, linesForItem, type LinesAsked } from "./budget-lines.js";
import { budgetFollowUps, budgetQuestion } from "./budget-follow-ups.js";
import { outcomeAnswer } from "./outcome.js";
import {
  cellAmount,
  columnNotes,
  cellsOf,
  compact,
  inconsistencies,
  sourceFacts,
  statementSource,
  type Cell,
} from "./statement-cells.js";
import {
  changeText,
  claimsStatementTopic,
  conditionRefusal,
  sideText,
  statementTable,
} from "./statement-text.js";
import type { Topic } from "./topic.js";

/**
 * The committee's budget for a year, as printed: its totals and lines (or the lines asked about), and
 * the change from another year, line by line, as the difference of two printed cells. Budget 2022 is
 * printed twice (without and with the datacenter): the answer says which it gives, and what the other
 * has that this one does not.
 */

const INCLUDING = /^(inkl|inklusive|including|incl|inclusive)$/;
const EXCLUDING = /^(exkl|exklusive|utan|excluding|excl|exclusive|without)$/;
/** "Budgeten utan datacenter": the item named is the one left out, not a line asked for. */
const excludes = (turn: Turn) => turn.parsed.words.some((w) => EXCLUDING.test(w.fold));

/** "Vad är rörelseresultatet?", "summan": the printed totals, without every line. */
const TOTAL_WORDS = /^(rorelseresultat|rorelseresultatet|summa|summan|result|totals)$/;
const asksTotals = (turn: Turn) => turn.parsed.words.some((w) => TOTAL_WORDS.test(w.fold));

interface Chosen {
  readonly statement: FinancialStatement;
  readonly asked: LinesAsked;
}

/**
 * The version asked for: "inklusive datacenter" (or a line only one version has) gives the one with it,
 * "utan datacenter" the one without; otherwise the plain budget, as first printed.
 */
function chooseBudget(turn: Turn, budgets: readonly FinancialStatement[]): Chosen | undefined {
  const d = turn.dataset;
  const all = budgets.map((statement) => ({ statement, asked: linesAsked(turn, statement) }));
  const words = turn.parsed.words.map((w) => w.fold);
  const plain = (xs: readonly Chosen[]) => xs.find((x) => !includesSupplier(d, x.statement)) ?? xs[0];
  if (excludes(turn)) {
    const without = all.filter((x) => x.asked.lines.length === 0 || !includesSupplier(d, x.statement));
    return plain(without.length ? without : all);
  }
  if (words.some((w) => INCLUDING.test(w)))
    return all.find((x) => includesSupplier(d, x.statement)) ?? plain(all);
  const having = all.filter((x) => x.asked.lines.length > 0 && x.asked.missing.length === 0);
  return plain(having.length ? having : all);
}

function noBudget(turn: Turn, year: ResolvedYear): Draft {
  const d = turn.dataset;
  const name = turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
  const years = [
    ...new Set(d.statements.flatMap((s) => (budgetsOf(d, s.year).length ? [s.year] : []))),
  ].sort();
  return {
    intent: "budget",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text: say(
      turn,
      `Det finns ingen budget för ${name} ${year.value} i datat${years.length ? `; det finns för ${listing(years.map(String), "sv")}` : ""}.`,
      `There is no budget for ${name} for ${year.value} in the data${years.length ? `; there is for ${listing(years.map(String), "en")}` : ""}.`,
    ),
    followUps: years.slice(-4).map((y) => budgetQuestion(turn, y)),
  };
}

/** The other printed version of the year's budget: its title, the lines only it has, and its total. */
function otherVersion(
  turn: Turn,
  s: FinancialStatement,
  other: FinancialStatement,
): { text: string; cells: Cell[] } {
  const costs = (x: FinancialStatement, rows = [...x.lines, ...x.totals]) =>
    cellsOf(x, rows).filter((c) => c.column.side === "costs");
  const has = (x: FinancialStatement, label: string) =>
    x.lines.some((l) => compact(l.label) === compact(label));
  const extra = costs(other, other.lines).filter((c) => !has(s, c.line.label));
  const lacking = costs(s, s.lines).filter((c) => !has(other, c.line.label));
  const total = costs(other, other.totals);
  const m = (c: Cell) => `${c.line.label} ${money(c.value, c.statement.unit, turn.lang)}`;
  const parts = [
    ...(extra.length
      ? [say(turn, `med ${listing(extra.map(m), "sv")}`, `with ${listing(extra.map(m), "en")}`)]
      : []),
    ...(lacking.length
      ? [say(turn, `utan ${listing(lacking.map(m), "sv")}`, `without ${listing(lacking.map(m), "en")}`)]
      : []),
    ...total.map(m),
  ];
  return {
    text: say(
      turn,
      ` Budgeten för ${s.year} finns också som "${other.title}"${parts.length ? ` (${parts.join("; ")})` : ""}.`,
      ` The ${s.year} budget is also printed as "${other.title}"${parts.length ? ` (${parts.join("; ")})` : ""}.`,
    ),
    cells: [...extra, ...total],
  };
}

export function budgetAnswer(turn: Turn): Draft {
  const refused = conditionRefusal(turn);
  if (refused) return refused;
  const d = turn.dataset;
  const year = resolveYear(turn);
  const budgets = budgetsOf(d, year.value);
  const chosen = chooseBudget(turn, budgets);
  if (!chosen) return noBudget(turn, year);
  const { statement: s, asked } = chosen;
  const name = turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
  const lines = asked.lines;
  const totals = cellsOf(s, s.totals);
  // "Vad är rörelseresultatet?" asks for the totals alone; the amounts are what the text says.
  const totalsOnly = lines.length === 0 && totals.length > 0 && asksTotals(turn);
  const shown = totalsOnly ? [] : cellsOf(s, lines.length > 0 ? lines : s.lines);
  const amounts: AnswerAmount[] = [...shown, ...totals].map((c) => cellAmount(d, c));
  let text = say(
    turn,
    `${s.title} för ${name} (${statementSource(s, "sv")}): `,
    `${s.title} for ${name} (${statementSource(s, "en")}): `,
  );
  if (lines.length > 0)
    text +=
      sideText(turn, shown) +
      (totals.length ? say(turn, ` Hela budgeten: `, ` The whole budget: `) + sideText(turn, totals) : "");
  else if (totalsOnly) text += sideText(turn, totals);
  else
    text +=
      (totals.length ? `${sideText(turn, totals)} ` : "") +
      say(turn, `Rader: `, `Lines: `) +
      sideText(turn, shown);
  if (asked.missing.length > 0 && !excludes(turn)) {
    const elsewhere = budgets.filter(
      (b) => b !== s && asked.missing.every((i) => linesForItem(b, i).length > 0),
    );
    text += say(
      turn,
      ` ${listing(
        asked.missing.map((i) => i.name),
        "sv",
      )} finns inte som egen rad i ${s.title}${lines.length ? "" : "; hela budgeten visas"}${elsewhere.length ? ` (men i "${elsewhere[0]?.title}")` : ""}.`,
      ` ${listing(
        asked.missing.map((i) => i.nameEn),
        "en",
      )} is not a line of its own in ${s.title}${lines.length ? "" : "; the whole budget is shown"}${elsewhere.length ? ` (but in "${elsewhere[0]?.title}")` : ""}.`,
    );
  }
  text += columnNotes(turn, [...shown, ...totals]);
  for (const note of inconsistencies(turn, s)) text += ` ${note}.`;
  for (const other of budgets.filter((b) => b !== s)) {
    const o = otherVersion(turn, s, other);
    text += o.text;
    amounts.push(...o.cells.map((c) => cellAmount(d, c)));
  }
  // resolveYear gives the earlier year as `compare` ("från 2022 till 2023", "jämfört med förra året").
  if (year.compare !== undefined && year.compare !== year.value) {
    const from = chooseBudget(turn, budgetsOf(d, year.compare))?.statement;
    if (!from)
      text += say(
        turn,
        ` Det finns ingen budget för ${year.compare} att jämföra med.`,
        ` There is no budget for ${year.compare} to compare with.`,
      );
    else {
      const change = changeText(turn, from, s, lines.length > 0 ? lines : undefined);
      const fromRows = from.lines.filter((l) => lines.some((x) => compact(x.label) === compact(l.label)));
      text += ` ${change.text}`;
      amounts.push(
        ...cellsOf(from, [...fromRows, ...from.totals]).map((c) => cellAmount(d, c)),
        ...change.amounts,
      );
    }
  }
  text += yearNote(turn, year);
  return {
    intent: "budget",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts: dedupe(amounts),
    ...withTable(statementTable(turn, s, lines)),
    facts: sourceFacts(turn, s),
    followUps: budgetFollowUps(turn, s, lines, year),
  };
}

/** The same printed cell once, even where the answer names it twice. */
function dedupe(amounts: readonly AnswerAmount[]): AnswerAmount[] {
  const seen = new Set<string>();
  return amounts.filter((a) => {
    const key = `${a.role}|${JSON.stringify(a.statement)}|${JSON.stringify(a.comparedWith)}|${a.amount}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withTable(table: Draft["table"]): Pick<Draft, "table"> {
  return table ? { table } : {};
}

export const budgetTopic: Topic = {
  id: "budget",
  claims: (turn) => claimsStatementTopic(turn, "budget"),
  answer: budgetAnswer,
};

export const outcomeTopic: Topic = {
  id: "outcome",
  claims: (turn) => claimsStatementTopic(turn, "outcome"),
  answer: outcomeAnswer,
};
