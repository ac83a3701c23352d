import { z } from "zod";
import { isoDateSchema } from "./dates.js";

/** A numbered item (§) of the minutes: the matter, its case number and what was decided. */
export const decisionSchema = z.strictObject({
  paragraph: z.number().int().positive(),
  /** Ärendenr as printed, e.g. "2022/13-2.2.0.1". */
  caseNumber: z
    .string()
    .regex(/^\d{4}\/\d+-[\d.]+$/, { message: 'expected an ärendenr such as "2022/13-2.2.0.1"' }),
  meetingDate: isoDateSchema.optional(),
  title: z.string().min(1),
  decision: z.string().min(1),
  summary: z.string().min(1).optional(),
  sentTo: z.array(z.string().min(1)).default([]),
});
export type Decision = z.infer<typeof decisionSchema>;
