import { z } from "zod";
import { slugIdSchema } from "./ids.js";
import { yearSchema } from "./dates.js";

const score = z
  .number({ error: "expected a score from 1 to 5" })
  .int({ message: "expected a whole score from 1 to 5" })
  .min(1, { message: "expected a score from 1 to 5" })
  .max(5, { message: "expected a score from 1 to 5" });

/**
 * A row of the internal-control plan (internkontrollplan): a risk scored sannolikhet × konsekvens
 * = riskvärde, and whether it is handled by internal control or accepted.
 */
export const riskSchema = z
  .strictObject({
    id: slugIdSchema,
    year: yearSchema,
    /** Kontrollmoment as printed. */
    controlPoint: z.string().min(1),
    controlPointEn: z.string().min(1),
    /** A role, never a person. */
    responsible: z.string().min(1),
    method: z.string().min(1),
    likelihood: score,
    consequence: score,
    /** Riskvärde as printed; must equal likelihood × consequence. */
    riskValue: z.number().int(),
    decision: z.enum(["internalControl", "accepted"]),
    analysis: z.string().min(1),
  })
  .refine((r) => r.riskValue === r.likelihood * r.consequence, {
    message: "riskValue is not likelihood × consequence",
    path: ["riskValue"],
  });
export type Risk = z.infer<typeof riskSchema>;
