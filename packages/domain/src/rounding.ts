import { z } from "zod";

/**
 * How each member's exact share is turned into kronor.
 * - `unit`: round to whole kronor, hundreds or thousands.
 * - `mode`: `ceil` (uppåt, the Norrbotten house convention), `floor`, `halfUp`, `halfEven`.
 * - `total`: `independent` rounds each row on its own, so the row sum may differ from the underlying
 *   total (what every published table does: the printed "Summa" is the row sum);
 *   `largestRemainder` (Hamilton) makes the rows add up to the total exactly.
 * - `period`: `month` computes a monthly amount, rounds it and multiplies by 12 (Datacenter Norrbotten).
 */
export const roundingSchema = z.strictObject({
  unit: z.union([z.literal(1), z.literal(100), z.literal(1000)], { error: "must be 1, 100 or 1000" }),
  mode: z.enum(["ceil", "floor", "halfUp", "halfEven"], {
    error: 'must be "ceil", "floor", "halfUp" or "halfEven"',
  }),
  total: z
    .enum(["independent", "largestRemainder"], { error: 'must be "independent" or "largestRemainder"' })
    .default("independent"),
  period: z.enum(["year", "month"], { error: 'must be "year" or "month"' }).default("year"),
});
export type Rounding = z.infer<typeof roundingSchema>;
