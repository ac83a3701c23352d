import type { CostItem, Dataset, FinancialStatement } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { printedCells } from "../words.js";

/**
 * The budget, generated from statements.yaml: every year's budget asked in everyday words (its printed
 * totals expected, with its title and document), every line of it asked by its own label in Swedish and
 * English (that line's printed cells), a misspelt "budgeen", the other printed version of a year
 * ("inklusive Datacenter Norrbotten"), the change from the year before — each difference of two
 * printed cells expected as a `statementChange` — SkånEarkiv's summary, a year without a budget, and
 * the questions that are not the budget's ("När beslutas budgeten?", a member's own payments).
 */
export const topic = "budget";

type Row = FinancialStatement["lines"][number];

const pureBudget = (s: FinancialStatement) =>
  s.columns.every((c) => c.figure === "budget" || c.figure === "result");
const subject = (label: string) => label.replace(/^(INTÄKTER|KOSTNADER)\s+/u, "").replace(/\s*\[sic\]$/u, "");
const key = (label: string) =>
  label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** Whether a budget has a line for an item the supplier bills directly (the "inkl." version). */
function withSupplier(s: FinancialStatement, items: readonly CostItem[]): Row | undefined {
  const names = items
    .filter((i) => i.category === "billedBySupplier")
    .flatMap((i) => [i.name, ...i.synonyms])
    .map(key);
  return s.lines.find((l) => names.includes(key(l.label)));
}

/** The labels of a statement's lines, once each, in print order. */
const labels = (s: FinancialStatement) => [...new Set(s.lines.map((l) => subject(l.label)))];

/** Each cost-side cell of `to` minus the same line's cell in `from`: [null, null, year, difference, role]. */
function differences(from: FinancialStatement, to: FinancialStatement, only?: string) {
  const costs = (s: FinancialStatement) =>
    [...s.lines, ...s.totals].flatMap((l) =>
      s.columns
        .filter((c) => c.side === "costs" && l.values[c.key] != null)
        .map((c) => ({ label: l.label, column: c.key, value: l.values[c.key] })),
    );
  const before = costs(from);
  return costs(to)
    .filter((c) => !only || subject(c.label) === only || to.totals.some((t) => t.label === c.label))
    .flatMap((c) => {
      const b = before.find((x) => key(x.label) === key(c.label) && x.column === c.column);
      return b && c.value && b.value
        ? [[null, null, to.year, c.value.minus(b.value).toFixed(), "statementChange"] as const]
        : [];
    });
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
  const base = { now, intent: "budget" } as const;
  const budgets = d.statements.filter(pureBudget);
  const plain = budgets.filter((s) => !withSupplier(s, d.costItems));
  const doc = (s: FinancialStatement) => s.source.document;

  for (const s of plain) {
    const y = s.year;
    const t = printedCells(s, s.totals);
    const others = budgets.filter((b) => b !== s && b.year === y);
    const text = [s.title, doc(s), ...others.map((o) => `"${o.title}"`)];
    out.push(
      { ...base, q: `Vad är budgeten för ${y}?`, lang: "sv", statementAmounts: t, year: y, text },
      { ...base, q: `Hur stor är nämndens budget ${y}?`, lang: "sv", statementAmounts: t, text },
      { ...base, q: `Vad kostar nämnden totalt ${y}?`, lang: "sv", statementAmounts: t },
      { ...base, q: `Vilka intäkter har nämnden ${y}?`, lang: "sv", statementAmounts: t },
      { ...base, q: `budgeen ${y}`, lang: "sv", statementAmounts: t, text: [s.title] },
      { ...base, q: `What is the budget for ${y}?`, lang: "en", statementAmounts: t, text },
      { ...base, q: `What does the committee cost in ${y}?`, lang: "en", statementAmounts: t },
      { ...base, q: `What is the committee's revenue in ${y}?`, lang: "en", statementAmounts: t },
    );
    // Every line by its own label; a line only another version prints is answered from that version.
    for (const version of [s, ...others])
      for (const label of labels(version)) {
        if (version !== s && labels(s).includes(label)) continue;
        const cells = printedCells(
          version,
          version.lines.filter((l) => subject(l.label) === label),
        );
        out.push(
          {
            ...base,
            q: `Hur stor är budgeten för ${label} ${y}?`,
            lang: "sv",
            statementAmounts: cells,
            text: [version.title],
          },
          {
            ...base,
            q: `What is the budget for ${label} in ${y}?`,
            lang: "en",
            statementAmounts: cells,
            text: [version.title],
          },
        );
      }
    const before = plain.find((b) => b.year === y - 1);
    if (before) {
      const both = [...t, ...printedCells(before, before.totals)];
      const change = differences(before, s);
      const compared = { sv: `Jämfört med ${before.title}`, en: `Compared with ${before.title}` };
      out.push(
        {
          ...base,
          q: `Hur förändras budgeten från ${y - 1} till ${y}?`,
          lang: "sv",
          statementAmounts: both,
          amounts: change,
          text: [compared.sv],
        },
        {
          ...base,
          q: "Hur har budgeten förändrats jämfört med förra året?",
          now: `${y}-03-01`,
          lang: "sv",
          statementAmounts: both,
          amounts: change,
        },
        {
          ...base,
          q: `How does the budget change from ${y - 1} to ${y}?`,
          lang: "en",
          statementAmounts: both,
          amounts: change,
          text: [compared.en],
        },
        {
          ...base,
          q: "How has the budget changed compared with last year?",
          now: `${y}-03-01`,
          lang: "en",
          amounts: change,
        },
      );
      for (const label of labels(s).filter((l) => labels(before).includes(l)))
        out.push({
          ...base,
          q: `Hur förändras budgeten för ${label} från ${y - 1} till ${y}?`,
          lang: "sv",
          amounts: differences(before, s, label),
          text: [compared.sv],
        });
    }
  }

  // The other printed version, asked for by the line that makes it different.
  for (const v of budgets) {
    const line = withSupplier(v, d.costItems);
    if (!line) continue;
    const t = printedCells(v, v.totals);
    out.push(
      {
        ...base,
        q: `Vad är budgeten inklusive ${line.label} ${v.year}?`,
        lang: "sv",
        statementAmounts: t,
        text: [v.title],
      },
      { ...base, q: `budget inklusive datacenter ${v.year}`, lang: "sv", statementAmounts: t },
      {
        ...base,
        q: `What is the ${v.year} budget including ${line.label}?`,
        lang: "en",
        statementAmounts: t,
        text: [v.title],
      },
    );
    const without = plain.find((p) => p.year === v.year);
    if (without)
      out.push({
        ...base,
        q: `Vad är budgeten ${v.year} utan ${line.label}?`,
        lang: "sv",
        statementAmounts: printedCells(without, without.totals),
        text: [without.title],
        notText: ["finns inte som egen rad"],
      });
  }

  // SkånEarkiv prints its budget beside the outcome in one summary.
  for (const s of sk.statements.filter((x) => x.columns.some((c) => c.figure === "budget"))) {
    const t = printedCells(s, s.totals);
    out.push(
      { ...base, q: `SkånEarkivs kostnader ${s.year}`, lang: "sv", statementAmounts: t, text: [s.title] },
      { ...base, q: `Vad kostade SkånEarkiv ${s.year}?`, lang: "sv", statementAmounts: t },
      { ...base, q: `Vad är SkånEarkivs budget ${s.year}?`, lang: "sv", statementAmounts: t },
      { ...base, q: `What did SkånEarkiv cost in ${s.year}?`, lang: "en", statementAmounts: t },
      { ...base, q: `What was SkånEarkiv's budget in ${s.year}?`, lang: "en", statementAmounts: t },
    );
  }

  // A year without a budget names the years that have one.
  const years = [...new Set(budgets.map((s) => s.year))].sort();
  const none = Math.max(...years) + 5;
  const member = d.municipalities[0]?.name ?? "";
  out.push(
    {
      ...base,
      q: `Vad är budgeten för ${none}?`,
      lang: "sv",
      noAmounts: true,
      text: ["Det finns ingen budget", ...years.map(String)],
    },
    {
      ...base,
      q: `What is the budget for ${none}?`,
      lang: "en",
      noAmounts: true,
      text: ["There is no budget", ...years.map(String)],
    },
    {
      ...base,
      q: `Vad är budgeten per invånare ${years[0]}?`,
      lang: "sv",
      intent: "unknown",
      noAmounts: true,
      text: ["per invånare"],
    },
    { q: "När beslutas budgeten?", now, lang: "sv", intent: "annualCycle" },
    { q: `Vad betalar ${member} enligt budgeten ${years.at(-1)}?`, now, lang: "sv", intent: "statement" },
    { q: `What does ${member} pay in ${years.at(-1)}?`, now, lang: "en", intent: "statement" },
  );
  return out;
}
