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

/** One årshjul item placed on a meeting, with the entry (month group) it comes from. */
export interface MeetingCycleItem {
  readonly entry: AnnualCycleEntry;
  readonly item: AnnualCycleEntry["items"][number];
}

/**
 * What the årshjul puts on a meeting: decisions and information go to the committee's meetings,
 * activities (a strategy day's risk analysis) to strategy days, in the months the meeting spans.
 * The preparatory group prepares but decides nothing, so it gets no items. Reports, the API and the
 * bot's agenda reminders all read the årshjul through this one function.
 */
export function annualCycleForMeeting(
  cycle: AnnualCycle,
  meeting: { readonly date: string; readonly endDate?: string | undefined; readonly body: string },
): MeetingCycleItem[] {
  const month = (iso: string) => Number(iso.slice(5, 7));
  const months = new Set([month(meeting.date), ...(meeting.endDate ? [month(meeting.endDate)] : [])]);
  const entries = new Set([...months].flatMap((m) => annualCycleFor(cycle, m)));
  return [...entries].flatMap((entry) =>
    entry.items
      .filter((item) =>
        meeting.body === "committee"
          ? item.kind !== "activity"
          : meeting.body === "strategyDay" && item.kind === "activity",
      )
      .map((item) => ({ entry, item })),
  );
}
