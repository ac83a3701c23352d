import type { CostItem, Dataset, FinancialStatement } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { printedCells } from "../words.js";

/**
 * The budget: every year's budget asked in everyday words (its printed totals expected), every line of
 * it asked by its cost item in Swedish and English (the printed cell expected), the change from the year
 * before, and a year without a budget. Expectations are the statements' cells.
 */
export const topic = "budget";

const pureBudget = (s: FinancialStatement) =>
  s.columns.every((c) => c.figure === "budget" || c.figure === "result");

const totals = (s: FinancialStatement) => printedCells(s, s.totals);

/** The item's lines in the statement (by the item's budget labels). */
function itemCells(s: FinancialStatement, item: CostItem) {
  const labels = new Set(item.years.flatMap((y) => y.budgetLabels ?? []));
  return printedCells(
    s,
    s.lines.filter((l) => labels.has(l.label)),
  );
}

export function cases({
  norrbotten: d,
  skanearkiv: sk,
}: {
  norrbotten: Dataset;
  skanearkiv: Dataset;
}): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-09-01";
  const base = { now, intent: "budget" };
  const budgets = d.statements.filter((s) => pureBudget(s) && !/inkl/.test(s.id));
  for (const s of budgets) {
    const y = s.year;
    const t = totals(s);
    out.push(
      { ...base, q: `Vad är budgeten för ${y}?`, lang: "sv", statementAmounts: t, year: y },
      { ...base, q: `Hur stor är nämndens budget ${y}?`, lang: "sv", statementAmounts: t },
      { ...base, q: `Vad kostar nämnden totalt ${y}?`, lang: "sv", statementAmounts: t },
      { ...base, q: `What is the budget for ${y}?`, lang: "en", statementAmounts: t },
      {
        ...base,
        q: `What does the committee cost in ${y}? Show the budget.`,
        lang: "en",
        statementAmounts: t,
      },
      { ...base, q: `budgeen ${y}`, lang: "sv", statementAmounts: t },
    );
    for (const item of d.costItems) {
      const cells = itemCells(s, item);
      if (cells.length === 0) continue;
      out.push(
        { ...base, q: `Hur stor är budgeten för ${item.name} ${y}?`, lang: "sv", statementAmounts: cells },
        { ...base, q: `What is the budget for ${item.nameEn} in ${y}?`, lang: "en", statementAmounts: cells },
      );
    }
    const before = budgets.find((b) => b.year === y - 1);
    if (before) {
      const both = [...t, ...totals(before)];
      out.push(
        {
          ...base,
          q: `Hur förändras budgeten från ${y - 1} till ${y}?`,
          lang: "sv",
          statementAmounts: both,
          text: [`Jämfört med ${before.title}`],
        },
        {
          ...base,
          q: `How does the budget change from ${y - 1} to ${y}?`,
          lang: "en",
          statementAmounts: both,
          text: [`Compared with ${before.title}`],
        },
      );
    }
  }
  const including = d.statements.find((s) => /inkl/.test(s.id));
  if (including)
    out.push(
      {
        ...base,
        q: `Vad är budgeten inklusive datacenter ${including.year}?`,
        lang: "sv",
        statementAmounts: totals(including),
        text: [including.title],
      },
      {
        ...base,
        q: `What is the budget including the datacenter in ${including.year}?`,
        lang: "en",
        statementAmounts: totals(including),
      },
    );
  for (const s of sk.statements.filter((x) => x.columns.some((c) => c.figure === "budget")))
    out.push(
      { ...base, q: `Vad är SkånEarkivs budget ${s.year}?`, lang: "sv", text: [s.title] },
      { ...base, q: `What was SkånEarkiv's budget in ${s.year}?`, lang: "en", text: [s.title] },
    );
  out.push(
    {
      ...base,
      q: "Vad är budgeten för 2030?",
      lang: "sv",
      noAmounts: true,
      text: ["Det finns ingen budget"],
    },
    { ...base, q: "What is the budget for 2030?", lang: "en", noAmounts: true, text: ["There is no budget"] },
    { q: "När beslutas budgeten?", now, lang: "sv", intent: "annualCycle" },
    { q: "Vad betalar Kalix enligt budgeten 2023?", now, lang: "sv", intent: "statement" },
  );
  return out;
}
