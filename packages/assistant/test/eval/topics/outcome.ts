import type { Dataset, FinancialStatement, StatementColumn } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { MONTHS_EN, MONTHS_SV, printedCells } from "../words.js";

/**
 * Outcomes and forecasts, generated from statements.yaml: for each year and figure (utfall, prognos) the
 * detailed table's totals and every one of its lines, asked as members ask in Swedish and English
 * ("vad blev utfallet", "hur mycket har gått åt", "what is the forecast"), misspelt ("utfalet",
 * "prognosn"), with the tkr summary's line expected in its own unit; the deviation against the budget
 * (only the columns that compare with a budget, said to be so); SkånEarkiv's summary; years without one.
 */
export const topic = "outcome";

type Figure = StatementColumn["figure"];
const has = (s: FinancialStatement, f: Figure) => s.columns.some((c) => c.figure === f);
const subject = (label: string) => label.replace(/^(INTÄKTER|KOSTNADER)\s+/u, "").replace(/\s*\[sic\]$/u, "");

/** The summary tables' cells for a figure (the tkr lines that print it, with their deviation). */
function summary(summaries: readonly FinancialStatement[], figure: Figure) {
  return summaries.flatMap((s) => {
    const keys = s.columns.filter((c) => c.figure === figure || c.figure === "deviation").map((c) => c.key);
    const own = s.columns.filter((c) => c.figure === figure).map((c) => c.key);
    return printedCells(
      s,
      s.lines.filter((l) => own.some((k) => l.values[k] != null)),
    ).filter(([, , k]) => keys.includes(k));
  });
}

/** Deviation columns on a side that also has a budget column: deviations against the budget. */
const againstBudget = (s: FinancialStatement) =>
  s.columns.filter(
    (c) =>
      c.figure === "deviation" &&
      c.side !== "net" &&
      s.columns.some((b) => b.figure === "budget" && b.side === c.side),
  );

const QUESTIONS = {
  outcome: {
    sv: (y: number) => [`Vad blev utfallet ${y}?`, `Hur mycket har förbrukats ${y}?`, `utfalet ${y}`],
    en: (y: number) => [`What was the outcome in ${y}?`, `What are the actuals for ${y}?`],
    line: {
      sv: (n: string, y: number) => [
        `Vad blev utfallet för ${n} ${y}?`,
        `Hur mycket har gått åt för ${n} hittills ${y}?`,
      ],
      en: (n: string, y: number) => [`What was spent on ${n} in ${y}?`],
    },
  },
  forecast: {
    sv: (y: number) => [`Vad är prognosen för helåret ${y}?`, `Vad är prognosen för ${y}?`, `prognosn ${y}`],
    en: (y: number) => [`What is the forecast for ${y}?`, `What is the full-year forecast for ${y}?`],
    line: {
      sv: (n: string, y: number) => [`Vad är prognosen för ${n} ${y}?`],
      en: (n: string, y: number) => [`What is the forecast for ${n} in ${y}?`],
    },
  },
} as const;

export function cases({
  norrbotten: d,
  skanearkiv: sk,
}: {
  norrbotten: Dataset;
  skanearkiv: Dataset;
}): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-09-01";
  const base = { now, intent: "outcome" } as const;
  const years = [...new Set(d.statements.map((s) => s.year))];

  for (const figure of ["outcome", "forecast"] as const) {
    const q = QUESTIONS[figure];
    for (const y of years) {
      const wanted = d.statements
        .filter((s) => s.year === y && has(s, figure))
        .sort((a, b) => b.lines.length - a.lines.length);
      const detail = wanted[0];
      if (!detail) continue;
      const totals = [...printedCells(detail, detail.totals), ...summary(wanted.slice(1), figure)];
      const text = [detail.title, detail.source.document];
      for (const x of q.sv(y))
        out.push({ ...base, q: x, lang: "sv", statementAmounts: totals, text, year: y });
      for (const x of q.en(y)) out.push({ ...base, q: x, lang: "en", statementAmounts: totals, text });
      for (const name of [...new Set(detail.lines.map((l) => subject(l.label)))]) {
        const cells = printedCells(
          detail,
          detail.lines.filter((l) => subject(l.label) === name),
        );
        for (const x of q.line.sv(name, y)) out.push({ ...base, q: x, lang: "sv", statementAmounts: cells });
        for (const x of q.line.en(name, y)) out.push({ ...base, q: x, lang: "en", statementAmounts: cells });
      }
      if (detail.asOf) {
        const m = Number(detail.asOf.slice(5, 7));
        const asOf = [`${MONTHS_SV[m - 1]} ${y}`, `${MONTHS_EN[m - 1]} ${y}`];
        out.push(
          { ...base, q: `Vad blev utfallet per ${asOf[0]}?`, lang: "sv", statementAmounts: totals, text },
          {
            ...base,
            q: `What was the outcome at the end of ${asOf[1]}?`,
            lang: "en",
            statementAmounts: totals,
          },
          {
            ...base,
            q: `Vad är avvikelsen per ${asOf[0]}?`,
            lang: "sv",
            statementAmounts: printedCells(detail, detail.totals),
            text: ["intäkter minus kostnader"],
          },
        );
      }
    }
  }

  // The deviation against the budget: only the columns that compare with a budget.
  for (const ds of [d, sk])
    for (const s of ds.statements.filter((x) => againstBudget(x).length > 0)) {
      const keys = againstBudget(s).map((c) => c.key);
      const off = s.lines.filter((l) => keys.some((k) => l.values[k] != null && !l.values[k]?.isZero()));
      const cells = printedCells(s, off).filter(([, , k]) => keys.includes(k));
      const who = ds === sk ? " för SkånEarkiv" : "";
      const whoEn = ds === sk ? " for SkånEarkiv" : "";
      out.push(
        {
          ...base,
          q: `Vad är avvikelsen mot budget${who} ${s.year}?`,
          lang: "sv",
          statementAmounts: cells,
          text: ["Avvikelse mot budget", s.title],
        },
        {
          ...base,
          q: `What is the deviation against the budget${whoEn} in ${s.year}?`,
          lang: "en",
          statementAmounts: cells,
          text: ["Deviation against the budget", s.title],
        },
      );
      if (ds === d)
        out.push({
          ...base,
          q: "avvikelse mot budget",
          now: `${s.year}-09-01`,
          lang: "sv",
          statementAmounts: cells,
          text: ["inte avvikelse mot budget"],
        });
    }

  for (const s of sk.statements.filter((x) => has(x, "outcome"))) {
    const t = printedCells(s, s.totals);
    out.push(
      {
        ...base,
        q: `Vad blev utfallet för SkånEarkiv ${s.year}?`,
        lang: "sv",
        statementAmounts: t,
        text: [s.title],
      },
      { ...base, q: `What was SkånEarkiv's outcome in ${s.year}?`, lang: "en", statementAmounts: t },
    );
  }

  const forecastYears = d.statements.filter((s) => has(s, "forecast")).map((s) => s.year);
  const outcomeYears = [...d.statements, ...sk.statements]
    .filter((s) => has(s, "outcome"))
    .map((s) => s.year);
  const noForecast = Math.max(...forecastYears) + 1;
  const noOutcome = Math.min(...outcomeYears) - 1;
  out.push(
    {
      ...base,
      q: `Vad är prognosen för ${noForecast}?`,
      lang: "sv",
      noAmounts: true,
      text: ["Det finns ingen prognos", String(Math.max(...forecastYears))],
    },
    {
      ...base,
      q: `What was the outcome in ${noOutcome}?`,
      lang: "en",
      noAmounts: true,
      text: ["There is no outcome"],
    },
    {
      ...base,
      q: `Vad är utfallet i euro ${Math.max(...outcomeYears)}?`,
      lang: "sv",
      intent: "unknown",
      noAmounts: true,
      text: ["euro"],
    },
    { q: "När beslutas delårsrapport 2?", now, lang: "sv", intent: "annualCycle" },
  );
  return out;
}
