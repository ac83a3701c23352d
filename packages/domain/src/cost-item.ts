import { z } from "zod";
import { slugIdSchema } from "./ids.js";
import { nonNegativeDecimalSchema } from "./amount.js";
import { yearSchema } from "./dates.js";
import { allocationRuleSchema } from "./allocation-rule.js";
import { sourceRefSchema } from "./source.js";
import { moneyUnitSchema } from "./unit.js";

/** Glossary categories: grundfinansiering, e-kontor staff, gemensam tjänst, projekt, billed by the supplier. */
export const costCategorySchema = z.enum(
  ["baseFunding", "sharedStaff", "sharedService", "project", "billedBySupplier"],
  {
    error: 'must be "baseFunding", "sharedStaff", "sharedService", "project" or "billedBySupplier"',
  },
);
export type CostCategory = z.infer<typeof costCategorySchema>;

/**
 * Charges on top of the split amount: a one-time start fee (engångskostnad), a usage price
 * (84 kr/GB/år), or a transaction cost invoiced at year end.
 */
export const costExtraSchema = z.strictObject({
  kind: z.enum(["oneTimeFee", "usagePrice", "transactionCost"], {
    error: 'must be "oneTimeFee", "usagePrice" or "transactionCost"',
  }),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  amount: nonNegativeDecimalSchema,
  /** Where the document gives a range ("500–1 500 kr/år"), `amount` is the low end and this the high end. */
  amountMax: nonNegativeDecimalSchema.optional(),
  unit: moneyUnitSchema,
  /** What the amount is per, as printed: "kommun", "GB/år", "år". */
  per: z.string().min(1),
  note: z.string().min(1).optional(),
  source: sourceRefSchema.optional(),
});
export type CostExtra = z.infer<typeof costExtraSchema>;

/** One year of a cost item: its total as budgeted and the rule that splits it. */
export const costItemYearSchema = z.strictObject({
  year: yearSchema,
  /**
   * `budgeted`: a charge in the committee's budget (or billed by the supplier). `proposed`: a
   * cost calculation in a proposal (e.g. a pre-study's "Kostnadskalkyl"), which nobody pays yet.
   */
  status: z.enum(["budgeted", "proposed"], { error: 'must be "budgeted" or "proposed"' }).default("budgeted"),
  total: nonNegativeDecimalSchema.optional(),
  unit: moneyUnitSchema.default("kr"),
  totalSource: sourceRefSchema.optional(),
  /** Indexation from the previous year as the document states it ("AKI", "2 %"). */
  indexation: z.string().min(1).optional(),
  rule: allocationRuleSchema.optional(),
  /** Budget line label(s) this item appears under in the committee's budget. */
  budgetLabels: z.array(z.string().min(1)).default([]),
  note: z.string().min(1).optional(),
});
export type CostItemYear = z.infer<typeof costItemYearSchema>;

/** A kostnadspost: something the members pay for together. */
export const costItemSchema = z.strictObject({
  id: slugIdSchema,
  /** The Swedish name exactly as printed, e.g. "E-arkiv", "Verksamhetsutvecklare e-tjänster". */
  name: z.string().min(1),
  nameEn: z.string().min(1),
  category: costCategorySchema,
  /** Everyday names people use: "e-arkivet", "earkiv", "DCBD". */
  synonyms: z.array(z.string().min(1)).default([]),
  description: z.string().min(1).optional(),
  since: z.number().int().optional(),
  extras: z.array(costExtraSchema).default([]),
  years: z.array(costItemYearSchema).default([]),
});
export type CostItem = z.infer<typeof costItemSchema>;
