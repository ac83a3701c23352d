import { AllocationError, formatDate } from "@samverkan/allocation";
import { Decimal, formatMoney, type Dataset, type FinancialStatement } from "@samverkan/domain";
import type { Report, ReportLang, ReportSection } from "../model.js";
import { sourceText } from "./cells.js";
import { financialTable } from "./financial-table.js";

export interface InterimReportOptions {
  readonly year: number;
  readonly lang?: ReportLang;
}

/** A follow-up: a table with an outcome (utfall) or a forecast (prognos). */
const isFollowUp = (s: FinancialStatement) =>
  s.columns.some((c) => c.figure === "outcome" || c.figure === "forecast");

/** Summary tables first (tkr), then the detail (kr); within a unit, the document's order. */
const order = (s: FinancialStatement) => (s.unit === "tkr" ? 0 : 1);

/**
 * A budget shown in tkr in a follow-up, against the same budget in kronor: the follow-up should give the
 * kronor rounded to the nearest thousand. Where it does not (5 034 600 kr printed as 5 034 tkr), say so.
 */
function budgetInTkrNotes(
  s: FinancialStatement,
  budgets: readonly FinancialStatement[],
  lang: ReportLang,
): string[] {
  if (s.unit !== "tkr") return [];
  const sv = lang === "sv";
  const notes: string[] = [];
  const revenueBudget = s.columns.find((c) => c.side === "revenue" && c.figure === "budget");
  if (!revenueBudget) return notes;
  for (const line of s.lines) {
    const printed = line.values[revenueBudget.key];
    if (printed === undefined || printed === null) continue;
    for (const b of budgets) {
      const revenue = b.columns.filter((c) => c.side === "revenue").map((c) => c.key);
      const kr = b.lines.reduce(
        (a, l) => revenue.reduce((x, k) => x.plus(l.values[k] ?? 0), a),
        new Decimal(0),
      );
      const tkr = kr.div(1000);
      const nearest = tkr.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      if (!nearest.eq(printed))
        notes.push(
          sv
            ? `⚠ ${line.label}: ${b.title} är ${formatMoney(kr, "kr", lang)} = ${formatMoney(tkr, "tkr", lang)}; delårsrapporten trycker ${formatMoney(printed, "tkr", lang)}, inte ${formatMoney(nearest, "tkr", lang)} (närmaste hela tkr).`
            : `⚠ ${line.label}: ${b.title} is ${formatMoney(kr, "kr", lang)} = ${formatMoney(tkr, "tkr", lang)}; the interim report prints ${formatMoney(printed, "tkr", lang)}, not ${formatMoney(nearest, "tkr", lang)} (the nearest whole tkr).`,
        );
    }
  }
  return notes;
}

/**
 * Delårsrapport / uppföljning: every follow-up table of the year as printed — outcome against budget and
 * forecast, deviations — with revenue − costs computed next to each printed deviation, exact column sums,
 * and every place where the document does not add up flagged (⚠) under its table, never corrected.
 *
 * @example
 * buildInterimReport(loadBundledDataset("norrbotten"), { year: 2022 });
 */
export function buildInterimReport(d: Dataset, options: InterimReportOptions): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const followUps = d.statements
    .filter((s) => s.year === options.year && isFollowUp(s))
    .map((s, i) => ({ s, i }))
    .sort((a, b) => order(a.s) - order(b.s) || a.i - b.i)
    .map(({ s }) => s);
  if (followUps.length === 0) {
    const years = [...new Set(d.statements.filter(isFollowUp).map((s) => s.year))].sort((a, b) => a - b);
    throw new AllocationError(
      `${d.collaboration.name} har ingen uppföljning (utfall eller prognos) för ${options.year}${years.length ? `; det finns för ${years.join(", ")}` : ""}`,
      years.map(String),
    );
  }
  const budgets = d.statements.filter(
    (s) =>
      s.year === options.year &&
      !s.asOf &&
      s.unit === "kr" &&
      s.columns.every((c) => c.figure === "budget" || c.figure === "result"),
  );
  // The budget as first printed for the year (the dataset's order); an "inkl." variant has other lines.
  const mainBudget = budgets.slice(0, 1);

  const sections: ReportSection[] = followUps.map((s) => {
    const { table, notes: tableNotes } = financialTable(s, lang);
    const notes = [...tableNotes, ...budgetInTkrNotes(s, mainBudget, lang)];
    const asOf = s.asOf ? formatDate(s.asOf, lang) : undefined;
    return {
      title: s.title,
      paragraphs: [
        ...(asOf
          ? [
              sv
                ? `Utfallet avser perioden till och med ${asOf}.`
                : `The outcome is for the period up to ${asOf}.`,
            ]
          : []),
        sv ? `Källa: ${sourceText(s.source, lang)}.` : `Source: ${sourceText(s.source, lang)}.`,
      ],
      table,
      ...(notes.length ? { notes } : {}),
    };
  });

  const asOf = followUps.map((s) => s.asOf).find((x): x is string => x !== undefined);
  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  const flagged = sections.reduce((n, s) => n + (s.notes ?? []).filter((x) => x.startsWith("⚠")).length, 0);
  return {
    name: "interim",
    lang,
    title: asOf
      ? sv
        ? `Delårsrapport ${options.year}: utfall per ${formatDate(asOf, lang)}`
        : `Interim report ${options.year}: outcome as of ${formatDate(asOf, lang)}`
      : sv
        ? `Uppföljning ${options.year}`
        : `Follow-up ${options.year}`,
    subtitle: collaboration,
    collaboration,
    year: options.year,
    sections,
    notes: [
      sv
        ? `Alla belopp är tryckta i dokumenten (publicerade, med källa); det som står som beräknat (†) och summaraderna är beräknade. ${flagged === 1 ? "1 ställe" : `${flagged} ställen`} där dokumentet inte stämmer är markerade med ⚠ och lämnade som tryckta.`
        : `Every amount is printed in the documents (published, with the source); what is marked computed (†) and the totals rows are computed. ${flagged === 1 ? "1 place" : `${flagged} places`} where the document does not add up are marked ⚠ and left as printed.`,
      ...(sv ? [] : ["Line labels are printed as in the Swedish document."]),
    ],
  };
}
