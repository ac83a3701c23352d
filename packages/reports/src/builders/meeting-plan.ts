import { AllocationError } from "@samverkan/allocation";
import type { Dataset, Goal, Meeting, MeetingBody } from "@samverkan/domain";

/**
 * What the meeting-plan reports (sammanträdesplan, närvaro) share: the bodies', statuses' and counts'
 * words, the year's meetings in order, and which attendance goal a meeting is measured against.
 */

export const BODY = {
  sv: { committee: "Nämnden", preparatoryGroup: "Beredningsgruppen", strategyDay: "Strategidag" },
  en: { committee: "The committee", preparatoryGroup: "The preparatory group", strategyDay: "Strategy day" },
} as const;
export const STATUS = {
  sv: { planned: "planerat", held: "genomfört", moved: "flyttat", cancelled: "inställt" },
  en: { planned: "planned", held: "held", moved: "moved", cancelled: "cancelled" },
} as const;
export const COUNTS = {
  sv: { members: "ledamöter", municipalities: "kommuner" },
  en: { members: "members", municipalities: "municipalities" },
} as const;

/** The attendance goal for a body from the year's goals (metric attendanceRate / preparatoryAttendanceRate). */
export function attendanceGoal(goals: readonly Goal[], year: number, body: MeetingBody): Goal | undefined {
  const metric = body === "committee" ? "attendanceRate" : "preparatoryAttendanceRate";
  return goals.find((g) => g.year === year && g.target?.metric === metric && g.target.min !== undefined);
}

/** The body whose attendance goal a meeting is measured against: a strategy day counts like its attendance does. */
export function measuredAs(m: Meeting): MeetingBody {
  if (m.body !== "strategyDay") return m.body;
  return m.attendance?.counts === "members" ? "committee" : "preparatoryGroup";
}

/**
 * The year's meetings by date and time; an error naming the years that have meetings when there are none
 * (the CLI and the API show it as "did you mean").
 */
export function meetingsOfYear(d: Dataset, year: number): Meeting[] {
  const meetings = d.meetings
    .filter((m) => m.date.startsWith(`${year}-`))
    .slice()
    .sort((a, b) => (a.date + (a.startTime ?? "")).localeCompare(b.date + (b.startTime ?? "")));
  if (meetings.length === 0) {
    const years = [...new Set(d.meetings.map((m) => Number(m.date.slice(0, 4))))].sort((a, b) => a - b);
    throw new AllocationError(
      `${d.collaboration.name} har inga sammanträden för ${year}${years.length ? `; det finns för ${years.join(", ")}` : ""}`,
      years.map(String),
    );
  }
  return meetings;
}
