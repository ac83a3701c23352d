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
  /** The command's own words as written, lower-cased ("registrera närvaro"). */
  readonly phrase: string;
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
    if (m) return { task: c.task, language: c.language, phrase: m[0], rest: t.slice(m[0].length).trim() };
  }
  return undefined;
}

/** Of a day's meetings, the committee's first: it is the one that takes attendance and decides. */
const BODY_ORDER: Record<Meeting["body"], number> = { committee: 0, strategyDay: 1, preparatoryGroup: 2 };

/** Which meeting a command is about, or why it cannot say. */
export type MeetingChoice =
  | { readonly meeting: Meeting }
  /** No meeting on that date (or in that period): the closest meeting dates. */
  | { readonly missing: string; readonly closest: readonly string[] }
  /** The command named a year or month with several meetings, or more than one date or year. */
  | { readonly unclear: string; readonly candidates: readonly string[] };

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The meeting a command is about: the one on the date it names ("16 mars 2022", "2022-03-16"; a date
 * without a year is this year's); a year or month alone ("mars 2022") picks its only meeting, or lists
 * them; nothing for attendance and decisions is the latest meeting up to today, for a move the next one.
 * A date with no meeting gives `missing` with the closest meeting dates, and two dates or two years give
 * `unclear`, so the secretary is never shown another meeting's card.
 */
export function meetingFor(d: Dataset, command: SecretaryCommand, today: string): MeetingChoice {
  const meetings = [...d.meetings].sort(
    (a, b) => a.date.localeCompare(b.date) || BODY_ORDER[a.body] - BODY_ORDER[b.body],
  );
  const parsed = parseQuestion(command.rest, [d]);
  // "16 mars 2022" parses as a day and month plus a year; "2022-03-16" as a date that holds its year.
  const years = [
    ...new Set([...parsed.dates.flatMap((x) => x.year ?? []), ...parsed.years.map((y) => y.year)]),
  ];
  const named = [
    ...parsed.dates.map((x) => `${x.year ?? ""} ${x.day}/${x.month}`.trim()),
    ...years.map(String),
  ];
  if (parsed.dates.length > 1 || years.length > 1 || parsed.months.length > 1) {
    return { unclear: named.join(", "), candidates: [] };
  }
  const year = years[0];
  const date = parsed.dates[0];
  if (date) {
    const iso = `${year ?? Number(today.slice(0, 4))}-${pad(date.month)}-${pad(date.day)}`;
    const first = meetings.find((m) => m.date === iso);
    return first ? { meeting: first } : { missing: iso, closest: closestDates(meetings, iso) };
  }
  const month = parsed.months[0];
  if (year !== undefined || month !== undefined) {
    const prefix = `${year ?? Number(today.slice(0, 4))}${month === undefined ? "" : `-${pad(month)}`}`;
    const inPeriod = meetings.filter((m) => m.date.startsWith(prefix));
    const dates = [...new Set(inPeriod.map((m) => m.date))];
    const only = inPeriod[0];
    if (dates.length === 1 && only) return { meeting: only };
    if (dates.length === 0)
      return { missing: prefix, closest: closestDates(meetings, `${prefix}-01`.slice(0, 10)) };
    return { unclear: prefix, candidates: dates };
  }
  const chosen =
    command.task === "meeting"
      ? meetings.find((m) => m.date >= today && m.status !== "cancelled")
      : meetings.filter((m) => m.date <= today && m.status !== "cancelled").at(-1);
  return chosen ? { meeting: chosen } : { missing: today, closest: meetings.slice(-3).map((m) => m.date) };
}

/** The three meeting dates nearest `iso`, in date order. */
function closestDates(meetings: readonly Meeting[], iso: string): string[] {
  const at = Date.parse(iso);
  return [...new Set(meetings.map((m) => m.date))]
    .sort((a, b) => Math.abs(Date.parse(a) - at) - Math.abs(Date.parse(b) - at))
    .slice(0, 3)
    .sort();
}
