import type { Dataset, FinancialStatement, StatementColumn } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { MONTHS_EN, MONTHS_SV, printedCells } from "../words.js";

/**
 * Outcomes and forecasts: the interim report's detailed tables, their totals and every item's line,
 * asked in Swedish and English as members ask ("vad blev utfallet", "hur mycket har gått åt", "what is
 * the forecast"), and the tkr summary; the expected amounts are the printed cells.
 */
export const topic = "outcome";

const has = (s: FinancialStatement, f: StatementColumn["figure"]) => s.columns.some((c) => c.figure === f);
const cells = printedCells;

export function cases({
  norrbotten: d,
  skanearkiv: sk,
}: {
  norrbotten: Dataset;
  skanearkiv: Dataset;
}): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-09-01";
  const base = { now, intent: "outcome" };
  for (const [figure, sv, en] of [
    [
      "outcome",
      (y: number) => [`Vad blev utfallet ${y}?`, `Hur mycket har förbrukats ${y}?`, `utfall ${y}`],
      (y: number) => [`What was the outcome in ${y}?`, `What are the actuals for ${y}?`],
    ],
    [
      "forecast",
      (y: number) => [`Vad är prognosen för helåret ${y}?`, `Vad är prognosen för ${y}?`, `prognosn ${y}`],
      (y: number) => [`What is the forecast for ${y}?`, `What is the full-year forecast for ${y}?`],
    ],
  ] as const) {
    const detail = d.statements
      .filter((s) => has(s, figure))
      .sort((a, b) => b.lines.length - a.lines.length)[0];
    if (!detail) continue;
    const y = detail.year;
    const t = cells(detail, detail.totals.length ? detail.totals : detail.lines);
    for (const q of sv(y)) out.push({ ...base, q, lang: "sv", statementAmounts: t });
    for (const q of en(y)) out.push({ ...base, q, lang: "en", statementAmounts: t });
    // Every line of the detailed table, asked by what it is about ("E-arkiv", "Projekt DCBD").
    const subject = (label: string) =>
      label.replace(/^(INTÄKTER|KOSTNADER)\s+/u, "").replace(/\s*\[sic\]$/u, "");
    for (const name of [...new Set(detail.lines.map((l) => subject(l.label)))]) {
      const c = cells(
        detail,
        detail.lines.filter((l) => subject(l.label) === name),
      );
      if (figure === "outcome")
        out.push(
          { ...base, q: `Vad blev utfallet för ${name} ${y}?`, lang: "sv", statementAmounts: c },
          {
            ...base,
            q: `Hur mycket har gått åt för ${name} hittills ${y}?`,
            lang: "sv",
            statementAmounts: c,
          },
          { ...base, q: `What was spent on ${name} in ${y}?`, lang: "en", statementAmounts: c },
        );
      else
        out.push(
          { ...base, q: `Vad är prognosen för ${name} ${y}?`, lang: "sv", statementAmounts: c },
          { ...base, q: `What is the forecast for ${name} in ${y}?`, lang: "en", statementAmounts: c },
        );
    }
    if (detail.asOf) {
      const m = Number(detail.asOf.slice(5, 7));
      out.push(
        { ...base, q: `Vad blev utfallet per ${MONTHS_SV[m - 1]} ${y}?`, lang: "sv", statementAmounts: t },
        {
          ...base,
          q: `What was the outcome at the end of ${MONTHS_EN[m - 1]} ${y}?`,
          lang: "en",
          statementAmounts: t,
        },
      );
    }
  }
  for (const s of sk.statements.filter((x) => has(x, "outcome")))
    out.push(
      {
        ...base,
        q: `Vad blev utfallet för SkånEarkiv ${s.year}?`,
        lang: "sv",
        statementAmounts: cells(s, s.totals),
      },
      {
        ...base,
        q: `What was SkånEarkiv's outcome in ${s.year}?`,
        lang: "en",
        statementAmounts: cells(s, s.totals),
      },
    );
  out.push(
    {
      ...base,
      q: "Vad är prognosen för 2023?",
      lang: "sv",
      noAmounts: true,
      text: ["Det finns ingen prognos"],
    },
    {
      ...base,
      q: "What was the outcome in 2019?",
      lang: "en",
      noAmounts: true,
      text: ["There is no outcome"],
    },
    { q: "När beslutas delårsrapport 2?", now, lang: "sv", intent: "annualCycle" },
  );
  return out;
}
