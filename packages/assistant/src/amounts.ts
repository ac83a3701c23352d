import { modelName, type AllocationResult, type AllocationRow } from "@samverkan/allocation";
import type { Dataset, Decimal } from "@samverkan/domain";
import type { AmountProvenance, AnswerAmount, Lang } from "./types.js";

/** Where a row's amount comes from: its published cell, or the engine's model. */
export function rowProvenance(
  d: Dataset,
  result: Pick<AllocationResult, "model">,
  row: AllocationRow,
  lang: Lang,
): AmountProvenance {
  if (row.provenance === "published" && row.published) {
    const table = d.publishedTables.find((t) => t.id === row.published?.tableId);
    const source = row.published.source;
    return {
      kind: "published",
      document: source.document,
      table: source.section ?? table?.title ?? row.published.tableId,
      tableId: row.published.tableId,
      ...(source.lines ? { lines: source.lines } : {}),
    };
  }
  return { kind: "computed", model: result.model.type, description: modelName(result.model, lang) };
}

/** A municipality's amount for an item and year, as the answer carries it. */
export function rowAmount(
  d: Dataset,
  result: AllocationResult,
  row: AllocationRow,
  lang: Lang,
): AnswerAmount {
  return {
    role: "allocation",
    collaboration: d.collaboration.id,
    municipality: row.municipality,
    item: result.costItem.name,
    itemId: result.costItem.id,
    year: result.year,
    amount: row.amount.toFixed(),
    unit: row.unit,
    provenance: rowProvenance(d, result, row, lang),
  };
}

/** A derived amount (a sum or a difference of amounts in the answer). */
export function derivedAmount(
  d: Dataset,
  fields: Pick<AnswerAmount, "role" | "municipality" | "item" | "itemId" | "year" | "unit">,
  value: Decimal,
  model: "sum" | "difference",
  lang: Lang,
): AnswerAmount {
  const description =
    model === "sum"
      ? lang === "sv"
        ? "summan av beloppen"
        : "the sum of the amounts"
      : lang === "sv"
        ? "skillnaden mellan åren"
        : "the difference between the years";
  return {
    ...fields,
    collaboration: d.collaboration.id,
    amount: value.toFixed(),
    provenance: { kind: "computed", model, description },
  };
}
