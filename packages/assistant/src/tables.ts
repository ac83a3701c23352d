import type { AllocationResult } from "@samverkan/allocation";
import type { ReportCell, ReportTable } from "@samverkan/reports";
import { describeSource } from "@samverkan/domain";
import type { AnswerAmount, Lang } from "./types.js";

/** A money cell with its provenance, as the report model carries it. */
export function moneyCell(a: AnswerAmount, lang: Lang): ReportCell {
  return {
    kind: "money",
    value: a.amount,
    unit: a.unit,
    ...(a.provenance.kind === "published"
      ? {
          provenance: "published" as const,
          source: describeSource(
            {
              document: a.provenance.document,
              section: a.provenance.table,
              ...(a.provenance.lines
                ? { lines: [a.provenance.lines[0], a.provenance.lines[1]] as [number, number] }
                : {}),
            },
            lang,
          ),
        }
      : a.provenance.model === "sum" || a.provenance.model === "difference"
        ? {}
        : { provenance: "computed" as const, model: a.provenance.description }),
  };
}

const text = (t: string): ReportCell => ({ kind: "text", text: t });

/** One row per amount: a label column and the amount. */
export function amountsTable(
  amounts: readonly AnswerAmount[],
  label: (a: AnswerAmount) => string,
  headings: { readonly label: string; readonly amount: string },
  lang: Lang,
): ReportTable {
  const unit = amounts[0]?.unit ?? "kr";
  return {
    columns: [
      { key: "label", label: headings.label, kind: "text" },
      { key: "amount", label: headings.amount, kind: "money", unit },
    ],
    rows: amounts.map((a) => ({ cells: { label: text(label(a)), amount: moneyCell(a, lang) } })),
  };
}

/** Every municipality's row of an allocation, with the row sum. */
export function allocationTable(
  result: AllocationResult,
  amounts: readonly AnswerAmount[],
  lang: Lang,
): ReportTable {
  const table = amountsTable(
    amounts,
    (a) => a.municipality ?? "",
    { label: lang === "sv" ? "Kommun" : "Municipality", amount: lang === "sv" ? "Belopp" : "Amount" },
    lang,
  );
  return {
    ...table,
    totals: {
      cells: {
        label: text(lang === "sv" ? "Summa" : "Total"),
        amount: { kind: "money", value: result.rowSum.toFixed(), unit: result.unit },
      },
      sumOf: ["amount"],
    },
  };
}
