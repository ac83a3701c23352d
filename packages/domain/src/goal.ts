import { z } from "zod";
import { slugIdSchema } from "./ids.js";
import { decimalSchema } from "./amount.js";
import { isoDateSchema, yearSchema } from "./dates.js";

/** A measurable target of a goal or indicator, where the text gives one. */
export const goalTargetSchema = z.strictObject({
  metric: z.enum([
    "meetingsHeld",
    "attendanceRate",
    "preparatoryMeetingsHeld",
    "preparatoryAttendanceRate",
    "count",
    "done",
  ]),
  min: decimalSchema.optional(),
  description: z.string().min(1).optional(),
});

/** One measurement in a follow-up, e.g. 9 of 14 members present on 2022-03-16. */
export const measurementSchema = z
  .strictObject({
    date: isoDateSchema.optional(),
    label: z.string().min(1).optional(),
    value: z.number().int().nonnegative(),
    of: z.number().int().positive().optional(),
    /** The percentage as printed ("ca 64%"), kept as text. */
    printed: z.string().min(1).optional(),
  })
  .refine((m) => m.of === undefined || m.value <= m.of, {
    message: "value is larger than the number it is out of",
    path: ["value"],
  });

export const goalFollowUpSchema = z.strictObject({
  asOf: isoDateSchema,
  /** The report it comes from, e.g. "Delårsrapport januari–maj 2022". */
  report: z.string().min(1),
  comment: z.string().min(1),
  forecast: z.enum(["met", "willBeMet", "atRisk", "notMet", "notStarted"]),
  measurements: z.array(measurementSchema).default([]),
});

/** A mål (result goal) or indikator of the operational plan, with its follow-ups. */
export const goalSchema = z.strictObject({
  id: slugIdSchema,
  kind: z.enum(["goal", "indicator"]),
  year: yearSchema,
  text: z.string().min(1),
  textEn: z.string().min(1),
  target: goalTargetSchema.optional(),
  followUps: z.array(goalFollowUpSchema).default([]),
});
export type Goal = z.infer<typeof goalSchema>;
