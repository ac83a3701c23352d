import { z } from "zod";
import { isoDateSchema } from "./dates.js";

/**
 * A numbered item (§) of the minutes: the matter, its case number and what was decided. The dataset's
 * come from the published minutes; the store adds the ones the secretary records after a meeting
 * (with `meetingId` and `source` saying so, and a case number only when one was given).
 */
export const decisionSchema = z.strictObject({
  paragraph: z.number().int().positive(),
  /** Ärendenr as printed, e.g. "2022/13-2.2.0.1". */
  caseNumber: z
    .string()
    .regex(/^\d{4}\/\d+-[\d.]+$/, { message: 'expected an ärendenr such as "2022/13-2.2.0.1"' })
    .optional(),
  meetingDate: isoDateSchema.optional(),
  /** The meeting of the plan it was decided at, when known (recorded decisions always know it). */
  meetingId: z.string().min(1).optional(),
  /** Where it is recorded when not in the minutes: "Registrerat av sekreteraren 2026-12-03". */
  source: z.string().min(1).optional(),
  title: z.string().min(1),
  decision: z.string().min(1),
  summary: z.string().min(1).optional(),
  sentTo: z.array(z.string().min(1)).default([]),
});
export type Decision = z.infer<typeof decisionSchema>;
