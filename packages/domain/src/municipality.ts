import { z } from "zod";

/** A Swedish municipality (kommun), identified by its four-digit SCB code (kommunkod). */
export const municipalitySchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/, { message: "expected a four-digit SCB kommunkod such as 2514" }),
  name: z.string().min(1),
  /** Other spellings people type: without å/ä/ö, short forms. Matching ignores case and diacritics anyway. */
  aliases: z.array(z.string().min(1)).default([]),
  county: z.string().min(1).optional(),
});
export type Municipality = z.infer<typeof municipalitySchema>;
