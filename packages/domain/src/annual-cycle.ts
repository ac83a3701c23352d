import { z } from "zod";
import { slugIdSchema } from "./ids.js";

/**
 * The årshjul: what must be decided or reported at the committee meeting of given months.
 * `standingItems` are on every meeting's agenda ("Information om ekonomi och verksamhet").
 */
export const annualCycleEntrySchema = z.strictObject({
  id: slugIdSchema,
  /** As printed: "Mars", "September/Oktober". */
  label: z.string().min(1),
  months: z
    .array(z.number().int().min(1, { message: "months are 1–12" }).max(12, { message: "months are 1–12" }))
    .min(1),
  items: z
    .array(
      z.strictObject({
        kind: z.enum(["decision", "information", "activity"]),
        text: z.string().min(1),
        textEn: z.string().min(1),
        topic: z.string().min(1).optional(),
      }),
    )
    .min(1),
});
export type AnnualCycleEntry = z.infer<typeof annualCycleEntrySchema>;

export const annualCycleSchema = z.strictObject({
  source: z.string().min(1),
  standingItems: z.array(z.strictObject({ text: z.string().min(1), textEn: z.string().min(1) })).default([]),
  entries: z.array(annualCycleEntrySchema).min(1),
});
export type AnnualCycle = z.infer<typeof annualCycleSchema>;

/** The årshjul entries that fall in `month` (1–12). */
export function annualCycleFor(cycle: AnnualCycle, month: number): AnnualCycleEntry[] {
  return cycle.entries.filter((e) => e.months.includes(month));
}
