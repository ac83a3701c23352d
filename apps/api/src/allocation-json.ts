import {
  describeRounding,
  modelName,
  type AllocationResult,
  type AllocationRow,
  type ExactAmount,
} from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";
import { z } from "zod";
import { decimalString, localizedText, provenanceSchema, unitSchema } from "./schemas.js";

/** An exact quantity that may not terminate: its value to 6 decimals and whether that is exact. */
const exactSchema = z.object({ value: decimalString, exact: z.boolean() });

export const allocationRowSchema = z
  .object({
    municipality: z.string(),
    amount: decimalString.meta({ description: "What the municipality pays, exact, in `unit`" }),
    unit: unitSchema,
    provenance: provenanceSchema,
    computed: decimalString.meta({
      description: "The engine's amount (equal to `amount` when it matches the table)",
    }),
    matchesPublished: z.boolean().optional(),
    quota: exactSchema.meta({ description: "The exact share before rounding" }),
    population: z.number().int().optional(),
    months: z.number().int(),
    capped: z.boolean(),
    explanation: localizedText,
  })
  .meta({ id: "AllocationRow" });

export const allocationSchema = z
  .object({
    collaboration: z.string(),
    item: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), category: z.string() }),
    year: z.number().int(),
    status: z
      .enum(["budgeted", "proposed"])
      .meta({ description: "proposed: a cost calculation nobody pays yet" }),
    unit: unitSchema,
    model: z.object({ type: z.string(), name: localizedText }),
    rounding: z.object({
      description: localizedText,
      source: z.enum(["rule", "collaborationDefault", "override"]),
    }),
    participants: z.array(z.string()),
    population: z
      .object({ year: z.number().int(), source: z.string().optional(), sum: z.number().int().optional() })
      .optional(),
    budgetTotal: decimalString.optional(),
    rowSum: decimalString,
    unallocated: exactSchema,
    extraUnitTo: z.array(z.string()),
    publishedTable: z
      .object({
        id: z.string(),
        document: z.string(),
        section: z.string().optional(),
        lines: z.tuple([z.number().int(), z.number().int()]).optional(),
        totalPrinted: decimalString.optional(),
      })
      .optional(),
    rows: z.array(allocationRowSchema),
  })
  .meta({ id: "Allocation" });

const exact = (x: ExactAmount) => ({ value: x.value.toFixed(), exact: x.exact });

export function provenance(
  d: Dataset,
  result: AllocationResult,
  row: AllocationRow,
): z.output<typeof provenanceSchema> {
  if (row.provenance === "published" && row.published) {
    const source = row.published.source;
    const table = d.publishedTables.find((t) => t.id === row.published?.tableId);
    return {
      kind: "published",
      document: source.document,
      table: source.section ?? table?.title ?? row.published.tableId,
      tableId: row.published.tableId,
      ...(source.lines ? { lines: [source.lines[0], source.lines[1]] as [number, number] } : {}),
    };
  }
  return { kind: "computed", model: result.model.type, description: modelName(result.model, "en") };
}

/** An allocation as JSON: every amount an exact decimal string, with its unit, provenance and explanation. */
export function allocationJson(
  d: Dataset,
  result: AllocationResult,
  municipality?: string,
): z.output<typeof allocationSchema> {
  const rows = municipality ? result.rows.filter((r) => r.municipality === municipality) : result.rows;
  const status = d.costItems
    .find((x) => x.id === result.costItem.id)
    ?.years.find((y) => y.year === result.year)?.status;
  return {
    collaboration: result.collaboration,
    item: {
      id: result.costItem.id,
      name: result.costItem.name,
      nameEn: result.costItem.nameEn,
      category: result.costItem.category,
    },
    year: result.year,
    status: status ?? "budgeted",
    unit: result.unit,
    model: {
      type: result.model.type,
      name: { sv: modelName(result.model, "sv"), en: modelName(result.model, "en") },
    },
    rounding: {
      description: {
        sv: describeRounding(result.rounding, result.unit, "sv"),
        en: describeRounding(result.rounding, result.unit, "en"),
      },
      source: result.roundingSource,
    },
    participants: [...result.participants],
    ...(result.populationYear !== undefined
      ? {
          population: {
            year: result.populationYear,
            ...(result.populationSource ? { source: result.populationSource } : {}),
            ...(result.populationSum !== undefined ? { sum: result.populationSum } : {}),
          },
        }
      : {}),
    ...(result.budgetTotal ? { budgetTotal: result.budgetTotal.toFixed() } : {}),
    rowSum: result.rowSum.toFixed(),
    unallocated: exact(result.unallocated),
    extraUnitTo: [...result.extraUnitTo],
    ...(result.publishedTable
      ? {
          publishedTable: {
            id: result.publishedTable.id,
            document: result.publishedTable.source.document,
            ...(result.publishedTable.source.section
              ? { section: result.publishedTable.source.section }
              : {}),
            ...(result.publishedTable.source.lines
              ? {
                  lines: [result.publishedTable.source.lines[0], result.publishedTable.source.lines[1]] as [
                    number,
                    number,
                  ],
                }
              : {}),
            ...(result.publishedTable.totalPrinted
              ? { totalPrinted: result.publishedTable.totalPrinted.toFixed() }
              : {}),
          },
        }
      : {}),
    rows: rows.map((row) => ({
      municipality: row.municipality,
      amount: row.amount.toFixed(),
      unit: row.unit,
      provenance: provenance(d, result, row),
      computed: row.computed.toFixed(),
      ...(row.published ? { matchesPublished: row.published.matchesComputed } : {}),
      quota: exact(row.quota),
      ...(row.population !== undefined ? { population: row.population } : {}),
      months: row.months,
      capped: row.capped,
      explanation: { sv: row.explanation.sv, en: row.explanation.en },
    })),
  };
}
