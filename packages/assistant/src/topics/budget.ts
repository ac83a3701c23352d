import type { FinancialStatement, StatementColumn } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { listing } from "../phrases.js";
import { resolveYear, yearNote } from "../resolve.js";
import { outcomeAnswer } from "./outcome.js";
import {
  cellAmount,
  cellsOf,
  inconsistencies,
  linesForItem,
  statementSource,
  type Cell,
} from "./statement-cells.js";
import { cellsTable, changeText, itemsAsked, sideText, claimsStatementTopic } from "./statement-text.js";
import type { Topic } from "./topic.js";

/**
 * The committee's budget for a year, as printed: its totals and lines (or one item's line), and the
 * change from the year before, line by line, as the difference of two printed cells. Budget 2022 is
 * printed twice (without and with the datacenter): the answer says which it gives and that the other exists.
 */

const isBudgetColumn = (c: StatementColumn) => c.figure === "budget" || c.figure === "result";

/**
 * The budgets of a year: statements of budget columns only; where there is none, a follow-up table's
 * budget columns (SkånEarkiv prints its budget beside the outcome).
 */
function budgetsOf(turn: Turn, year: number): FinancialStatement[] {
  const ofYear = turn.dataset.statements.filter((s) => s.year === year);
  const pure = ofYear.filter((s) => s.columns.every(isBudgetColumn));
  if (pure.length > 0) return pure;
  return ofYear
    .filter((s) => s.columns.some((c) => c.figure === "budget"))
    .map((s) => ({ ...s, columns: s.columns.filter(isBudgetColumn) }));
}

/** The version asked for: "inklusive datacenter" or an item only one version has; else the plain one. */
function chooseBudget(turn: Turn, budgets: readonly FinancialStatement[]): FinancialStatement | undefined {
  const items = itemsAsked(turn);
  const wantsIncluding = turn.parsed.words.some((w) => /^(inkl|inklusive|including|incl)$/.test(w.fold));
  const having = budgets.filter((s) => items.every((item) => linesForItem(s, item).length > 0));
  const pool = having.length > 0 ? having : budgets;
  const including = pool.find((s) => /inkl/i.test(s.id));
  return (wantsIncluding && including) || pool.find((s) => !/inkl/i.test(s.id)) || pool[0];
}

export function budgetAnswer(turn: Turn): Draft {
  const d = turn.dataset;
  const year = resolveYear(turn);
  const budgets = budgetsOf(turn, year.value);
  const name = turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
  const base = { intent: "budget" as const, collaboration: d.collaboration.id };
  const statement = chooseBudget(turn, budgets);
  if (!statement) {
    const years = [
      ...new Set(d.statements.filter((s) => s.columns.some((c) => c.figure === "budget")).map((s) => s.year)),
    ];
    return {
      ...base,
      text: say(
        turn,
        `Det finns ingen budget för ${name} ${year.value} i datat${years.length ? `; det finns för ${listing(years.map(String), "sv")}` : ""}.`,
        `There is no budget for ${name} for ${year.value} in the data${years.length ? `; there is for ${listing(years.map(String), "en")}` : ""}.`,
      ),
      followUps: years.map((y) => say(turn, `Vad är budgeten för ${y}?`, `What is the budget for ${y}?`)),
    };
  }
  const items = itemsAsked(turn);
  const itemLines = items.flatMap((item) => linesForItem(statement, item));
  const missing = items.filter((item) => linesForItem(statement, item).length === 0);
  const shown: Cell[] = itemLines.length > 0 ? cellsOf(statement, itemLines) : cellsOf(statement);
  const totals = cellsOf(statement, statement.totals);
  const amounts = [...new Set([...shown, ...(itemLines.length > 0 ? totals : [])])].map((c) =>
    cellAmount(d, c, turn.lang),
  );
  const others = budgets.filter((s) => s !== statement);
  let text = say(
    turn,
    `${statement.title} för ${name} (${statementSource(statement, "sv")}): `,
    `${statement.title} for ${name} (${statementSource(statement, "en")}): `,
  );
  text += itemLines.length > 0 ? sideText(turn, cellsOf(statement, itemLines)) : sideText(turn, totals);
  if (itemLines.length > 0 && totals.length > 0)
    text += say(
      turn,
      ` Hela budgeten: ${sideText(turn, totals)}`,
      ` The whole budget: ${sideText(turn, totals)}`,
    );
  else if (itemLines.length === 0)
    text +=
      say(turn, ` Rader: `, ` Lines: `) +
      sideText(
        turn,
        shown.filter((c) => !statement.totals.includes(c.line)),
      );
  if (missing.length > 0)
    text += say(
      turn,
      ` ${listing(
        missing.map((i) => i.name),
        "sv",
      )} finns inte som egen rad i ${statement.title}.`,
      ` ${listing(
        missing.map((i) => i.nameEn),
        "en",
      )} is not a line of its own in ${statement.title}.`,
    );
  for (const note of inconsistencies(turn, statement)) text += ` ${note}.`;
  if (others.length > 0)
    text += say(
      turn,
      ` Budgeten för ${year.value} finns också som ${listing(
        others.map((s) => `"${s.title}"`),
        "sv",
      )}.`,
      ` The ${year.value} budget is also printed as ${listing(
        others.map((s) => `"${s.title}"`),
        "en",
      )}.`,
    );
  const compareWith =
    year.compare !== undefined ? chooseBudget(turn, budgetsOf(turn, year.compare)) : undefined;
  if (year.compare !== undefined) {
    if (!compareWith)
      text += say(
        turn,
        ` Det finns ingen budget för ${year.compare} att jämföra med.`,
        ` There is no budget for ${year.compare} to compare with.`,
      );
    else {
      text += ` ${changeText(turn, compareWith, statement, itemLines.length > 0 ? itemLines : undefined)}`;
      const rows =
        itemLines.length > 0
          ? compareWith.lines.filter((l) => itemLines.some((x) => x.label === l.label))
          : [];
      amounts.push(
        ...cellsOf(compareWith, [...rows, ...compareWith.totals]).map((c) => cellAmount(d, c, turn.lang)),
      );
    }
  }
  text += yearNote(turn, year);
  return {
    ...base,
    year: { value: year.value, source: year.source },
    text,
    amounts,
    table: cellsTable(turn, statement, itemLines.length > 0 ? itemLines : statement.lines),
    facts: [{ title: say(turn, "Källa", "Source"), value: statementSource(statement, turn.lang) }],
    followUps: [
      say(
        turn,
        `Hur förändras budgeten från ${year.value - 1} till ${year.value}?`,
        `How does the budget change from ${year.value - 1} to ${year.value}?`,
      ),
      say(turn, `Vad är prognosen för ${year.value}?`, `What is the forecast for ${year.value}?`),
      say(turn, `Vad betalar Kalix ${year.value}?`, `What does Kalix pay in ${year.value}?`),
    ],
  };
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
