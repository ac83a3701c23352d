/**
 * The secretary's commands from a chat: open the card that records attendance, a decision, or a move
 * or cancellation of a meeting. Anchored on command phrasing, so "Hur var närvaron 16 mars 2022?" stays
 * a question for the assistant while "registrera närvaro 16 mars 2022" opens the card.
 */
import { parseQuestion } from "@samverkan/assistant";
import type { Dataset, Meeting } from "@samverkan/domain";

export type SecretaryTask = "attendance" | "decision" | "meeting";
export type SecretaryLanguage = "sv" | "en";

export interface SecretaryCommand {
  readonly task: SecretaryTask;
  readonly language: SecretaryLanguage;
  /** What followed the command: the meeting's date, if given ("16 mars 2022", "2022-03-16"). */
  readonly rest: string;
}

const COMMANDS: readonly { task: SecretaryTask; language: SecretaryLanguage; pattern: RegExp }[] = [
  { task: "attendance", language: "sv", pattern: /^(registrera|protokollför|för in|ange) närvaro(n)?\b/ },
  { task: "attendance", language: "en", pattern: /^record (the )?attendance\b/ },
  { task: "decision", language: "sv", pattern: /^(registrera|protokollför|för in) (ett )?beslut(et)?\b/ },
  { task: "decision", language: "en", pattern: /^record (a |the )?decision\b/ },
  {
    task: "meeting",
    language: "sv",
    pattern: /^(flytta|ställ in|ändra) (ett |nästa )?(sammanträde(t)?|möte(t)?)\b/,
  },
  { task: "meeting", language: "en", pattern: /^(move|cancel|reschedule) (a |the |next )?meeting\b/ },
];

/** The secretary's command in `text`, or undefined when it is something else. */
export function parseSecretaryCommand(text: string): SecretaryCommand | undefined {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, "");
  for (const c of COMMANDS) {
    const m = c.pattern.exec(t);
    if (m) return { task: c.task, language: c.language, rest: t.slice(m[0].length).trim() };
  }
  return undefined;
}

/** Of a day's meetings, the committee's first: it is the one that takes attendance and decides. */
const BODY_ORDER: Record<Meeting["body"], number> = { committee: 0, strategyDay: 1, preparatoryGroup: 2 };

/**
 * The meeting a command is about: the one on the date it names; without a date, for attendance and
 * decisions the latest meeting up to today, for a move the next one. A date with no meeting gives
 * `missing` with the closest meeting dates, so the secretary is not shown another meeting's card.
 */
export function meetingFor(
  d: Dataset,
  command: SecretaryCommand,
  today: string,
): { meeting: Meeting } | { missing: string; closest: string[] } {
  const meetings = [...d.meetings].sort(
    (a, b) => a.date.localeCompare(b.date) || BODY_ORDER[a.body] - BODY_ORDER[b.body],
  );
  const parsed = parseQuestion(command.rest, [d]);
  const date = parsed.dates[0];
  if (date) {
    const year = date.year ?? Number(today.slice(0, 4));
    const iso = `${year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
    const onDay = meetings.filter((m) => m.date === iso);
    const first = onDay[0];
    if (first) return { meeting: first };
    const closest = [...new Set(meetings.map((m) => m.date))]
      .sort((a, b) => Math.abs(Date.parse(a) - Date.parse(iso)) - Math.abs(Date.parse(b) - Date.parse(iso)))
      .slice(0, 3)
      .sort();
    return { missing: iso, closest };
  }
  const chosen =
    command.task === "meeting"
      ? meetings.find((m) => m.date >= today && m.status !== "cancelled")
      : meetings.filter((m) => m.date <= today && m.status !== "cancelled").at(-1);
  return chosen ? { meeting: chosen } : { missing: today, closest: meetings.slice(-3).map((m) => m.date) };
}
