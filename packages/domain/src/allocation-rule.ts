import { z } from "zod";
import { decimalSchema, fractionSchema, nonNegativeDecimalSchema } from "./amount.js";
import { yearSchema } from "./dates.js";
import { roundingSchema } from "./rounding.js";
import { moneyUnitSchema } from "./unit.js";

/** SCB population on 31 December of this year is the key (each service has its own year). */
const populationYear = yearSchema;

/** Lika delar: the total in equal parts among the participants. */
export const equalModelSchema = z.strictObject({ type: z.literal("equal"), total: nonNegativeDecimalSchema });

/** Invånarantal: the total by each participant's share of the participants' population. */
export const populationModelSchema = z.strictObject({
  type: z.literal("population"),
  total: nonNegativeDecimalSchema,
  populationYear,
});

/** A weight `equalWeight` in equal parts and the rest by population; 0.5 is the 50/50-modell. */
export const mixedModelSchema = z.strictObject({
  type: z.literal("mixed"),
  total: nonNegativeDecimalSchema,
  equalWeight: fractionSchema,
  populationYear,
});

/** A fixed amount per participant, and what remains of the total by population. */
export const affineModelSchema = z.strictObject({
  type: z.literal("affine"),
  total: nonNegativeDecimalSchema,
  fixedPerMember: nonNegativeDecimalSchema,
  populationYear,
});

/** Kronor per inhabitant: the total follows from the rate. */
export const perCapitaModelSchema = z.strictObject({
  type: z.literal("perCapita"),
  ratePerInhabitant: nonNegativeDecimalSchema,
  populationYear,
});

/**
 * Fördelningsnyckel: fixed shares, either taken from a published table (its amounts, normalised)
 * or given as weights. Used where the documents' amounts follow no population model.
 */
export const fixedKeyModelSchema = z.strictObject({
  type: z.literal("fixedKey"),
  total: nonNegativeDecimalSchema,
  key: z.union([
    z.strictObject({ fromTable: z.string().min(1) }),
    z.strictObject({ weights: z.record(z.string(), nonNegativeDecimalSchema) }),
  ]),
});

/**
 * Classes with a base amount each (SkånEarkiv's maximalt uttag), indexed by `rate` a year,
 * compounding on the unrounded base from `baseYear`.
 */
export const tieredModelSchema = z.strictObject({
  type: z.literal("tiered"),
  baseYear: yearSchema,
  indexRate: decimalSchema.refine((d) => d.gt(-1), { message: "must be greater than -1" }),
  classes: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        label: z.string().min(1),
        baseAmount: nonNegativeDecimalSchema,
        members: z.array(z.string().min(1)).min(1),
        note: z.string().optional(),
      }),
    )
    .min(1),
});

/** The row sum of other items' allocations for the same participants (e.g. Personalkostnad + Plattform). */
export const sumModelSchema = z.strictObject({
  type: z.literal("sum"),
  of: z.array(z.strictObject({ costItem: z.string().min(1), year: yearSchema })).min(1),
});

/** Usage-based: quantity × unit price per participant (e.g. GB × 84 kr). */
export const usageModelSchema = z.strictObject({
  type: z.literal("usage"),
  unitPrice: nonNegativeDecimalSchema,
  quantityUnit: z.string().min(1),
  quantities: z.record(z.string(), nonNegativeDecimalSchema),
});

export const allocationModelSchema = z.discriminatedUnion(
  "type",
  [
    equalModelSchema,
    populationModelSchema,
    mixedModelSchema,
    affineModelSchema,
    perCapitaModelSchema,
    fixedKeyModelSchema,
    tieredModelSchema,
    sumModelSchema,
    usageModelSchema,
  ],
  {
    error:
      'model.type must be one of "equal", "population", "mixed", "affine", "perCapita", "fixedKey", "tiered", "sum", "usage"',
  },
);
export type AllocationModel = z.infer<typeof allocationModelSchema>;
export type AllocationModelType = AllocationModel["type"];

/** Who pays: all members on the budget year's first day, or the named participants (projects). */
export const participantsSchema = z.union([z.literal("allMembers"), z.array(z.string().min(1)).min(1)], {
  error: 'expected "allMembers" or a list of municipality names',
});
export type Participants = z.infer<typeof participantsSchema>;

/**
 * How one cost item is split in one year. `rounding` falls back to the collaboration's
 * default; `alternatives` records other models that also reproduce the published table.
 */
export const allocationRuleSchema = z.strictObject({
  model: allocationModelSchema,
  participants: participantsSchema.default("allMembers"),
  rounding: roundingSchema.optional(),
  unit: moneyUnitSchema.default("kr"),
  /**
   * Takbelopp: the most one member pays. `excess` says what happens to what is cut off:
   * `redistribute` spreads it over the members under the cap by the same key; `unallocated`
   * leaves it unpaid (the host or the committee carries it) and the result says how much.
   */
  cap: z
    .strictObject({
      amount: nonNegativeDecimalSchema,
      excess: z.enum(["redistribute", "unallocated"], { error: 'must be "redistribute" or "unallocated"' }),
    })
    .optional(),
  /**
   * Why this model, the analyst's note: the document's wording or the analysis that identified it
   * (MODELS.md). For whoever checks the data; members read `reason`.
   */
  basis: z.string().min(1).optional(),
  /**
   * Why this model, for members, in Swedish and English: what the assistant says after "Grund:" /
   * "Basis:". Without it the answer gives the model and the working, not the analyst's note.
   */
  reason: z
    .strictObject({
      sv: z.string().min(1, { error: "the Swedish reason must not be empty" }),
      en: z.string().min(1, { error: "the English reason must not be empty" }),
    })
    .optional(),
  alternatives: z
    .array(
      z.strictObject({
        model: allocationModelSchema,
        rounding: roundingSchema.optional(),
        basis: z.string().min(1),
      }),
    )
    .default([]),
});
export type AllocationRule = z.infer<typeof allocationRuleSchema>;
