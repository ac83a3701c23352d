import { z } from "zod";
import { slugIdSchema } from "./ids.js";
import { yearSchema } from "./dates.js";
import { participantsSchema } from "./allocation-rule.js";

/** Project phases: förstudie → krav och design → upphandling → införande → förvaltning, and the steps around them. */
export const projectPhaseSchema = z.enum(
  [
    "idea",
    "preStudy",
    "requirements",
    "procurement",
    "implementation",
    "development",
    "operations",
    "ongoing",
    "closed",
  ],
  {
    error:
      'must be one of "idea", "preStudy", "requirements", "procurement", "implementation", "development", "operations", "ongoing", "closed"',
  },
);
export type ProjectPhase = z.infer<typeof projectPhaseSchema>;

/** A project, pre-study or operated service in the committee's plan, with who takes part. */
export const projectSchema = z.strictObject({
  id: slugIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
  phase: projectPhaseSchema,
  /** The phase as printed ("Realisering/införande"). */
  phasePrinted: z.string().min(1).optional(),
  fromYear: yearSchema.optional(),
  toYear: yearSchema.optional(),
  participants: participantsSchema,
  description: z.string().min(1),
  costItem: z.string().min(1).optional(),
  status: z.string().min(1).optional(),
  statusAsOf: z.string().min(1).optional(),
});
export type Project = z.infer<typeof projectSchema>;
