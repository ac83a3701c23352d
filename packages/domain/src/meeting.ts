import { z } from "zod";
import { slugIdSchema } from "./ids.js";
import { clockTimeSchema, isoDateSchema } from "./dates.js";

/** Who meets: the committee (nämnd), the preparatory group (beredningsgrupp), or a strategy day. */
export const meetingBodySchema = z.enum(["committee", "preparatoryGroup", "strategyDay"], {
  error: 'must be "committee", "preparatoryGroup" or "strategyDay"',
});
export type MeetingBody = z.infer<typeof meetingBodySchema>;

export const attendanceSchema = z
  .strictObject({
    present: z.number().int().nonnegative(),
    of: z.number().int().positive(),
    /** Who is counted: ledamöter (committee) or kommuner (preparatory group). */
    counts: z.enum(["members", "municipalities"]),
    source: z.string().min(1).optional(),
  })
  .refine((a) => a.present <= a.of, {
    message: "present is larger than the number it is out of",
    path: ["present"],
  });
export type Attendance = z.infer<typeof attendanceSchema>;

/**
 * A meeting in the meeting plan (sammanträdesplan). Dates and clock times are local to the
 * collaboration's time zone; a strategy day may have no times and may span two days.
 */
export const meetingSchema = z
  .strictObject({
    id: slugIdSchema,
    body: meetingBodySchema,
    /** For a strategy day: whose it is. */
    participants: z.array(meetingBodySchema).optional(),
    title: z.string().min(1).optional(),
    date: isoDateSchema,
    endDate: isoDateSchema.optional(),
    startTime: clockTimeSchema.optional(),
    endTime: clockTimeSchema.optional(),
    place: z.string().min(1).optional(),
    status: z.enum(["planned", "held", "moved", "cancelled"]).default("planned"),
    attendance: attendanceSchema.optional(),
    note: z.string().min(1).optional(),
  })
  .refine((m) => m.endDate === undefined || m.endDate >= m.date, {
    message: "endDate is before date",
    path: ["endDate"],
  })
  .refine((m) => !(m.startTime && m.endTime && !m.endDate) || m.endTime > m.startTime, {
    message: "endTime is not after startTime",
    path: ["endTime"],
  });
export type Meeting = z.infer<typeof meetingSchema>;

/** Attendance as a fraction (present / of), or undefined when not recorded. */
export function attendanceRate(
  meeting: Pick<Meeting, "attendance">,
): { present: number; of: number } | undefined {
  return meeting.attendance ? { present: meeting.attendance.present, of: meeting.attendance.of } : undefined;
}
