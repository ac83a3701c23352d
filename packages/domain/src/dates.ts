import { isValid, parseISO } from "date-fns";
import { z } from "zod";

/** A calendar date written `YYYY-MM-DD`, kept as that string (no time zone is implied). */
export const isoDateSchema = z
  .string({ error: "expected a date written YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date written YYYY-MM-DD" })
  .refine((s) => isValid(parseISO(s)), { message: "is not a real calendar date" });
export type IsoDate = z.infer<typeof isoDateSchema>;

/** A local clock time `HH:MM` (24 h), read in the collaboration's time zone. */
export const clockTimeSchema = z
  .string({ error: "expected a time written HH:MM" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "expected a time written HH:MM (00:00–23:59)" });

/** A budget or calendar year. */
export const yearSchema = z
  .number({ error: "expected a year such as 2023" })
  .int({ message: "expected a whole year such as 2023" })
  .min(1900, { message: "expected a year from 1900 on" })
  .max(2200, { message: "expected a year before 2200" });
