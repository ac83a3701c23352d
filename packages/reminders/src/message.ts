import { formatDate } from "@samverkan/allocation";
import { escapeCardText } from "@samverkan/reports";
import {
  annualCycleForMeeting,
  localDateTime,
  type AnnualCycle,
  type Collaboration,
  type OpenItem,
  type ReminderLanguage,
  type ReminderSettings,
} from "@samverkan/domain";
import type { DueReminder } from "./due.js";
import { daysBefore, type RemindedMeeting } from "./schedule.js";

/** A reminder ready to send: plain text (the notification and fallback) and an Adaptive Card. */
export interface ReminderMessage {
  readonly text: string;
  readonly card: Record<string, unknown>;
  readonly language: ReminderLanguage;
}

/** What a reminder's text draws on besides the meeting: the årshjul and the open items. */
export interface ReminderContext {
  readonly collaboration: Pick<Collaboration, "name" | "nameEn">;
  readonly annualCycle?: AnnualCycle;
  readonly openItems: readonly OpenItem[];
  readonly settings: ReminderSettings;
  /** When it is sent; a late reminder says when it was due. */
  readonly now: Date;
  readonly timeZone: string;
}

const WEEKDAYS = {
  sv: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;

function weekday(iso: string, lang: ReminderLanguage): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? "";
}

/** "onsdag 22 juni 2022 kl. 13:00–16:00" / "Wednesday 22 June 2022, 13:00–16:00". */
function when(m: Pick<RemindedMeeting, "date" | "startTime" | "endTime">, lang: ReminderLanguage): string {
  const day = `${weekday(m.date, lang)} ${formatDate(m.date, lang)}`;
  if (!m.startTime) return day;
  const time = m.endTime ? `${m.startTime}–${m.endTime}` : m.startTime;
  return lang === "sv" ? `${day} kl. ${time}` : `${day}, ${time}`;
}

/** "nämndens sammanträde" / "the committee meeting", by the meeting's body. */
export function meetingName(m: Pick<RemindedMeeting, "body">, lang: ReminderLanguage): string {
  if (m.body === "committee") return lang === "sv" ? "nämndens sammanträde" : "the committee meeting";
  if (m.body === "preparatoryGroup")
    return lang === "sv" ? "beredningsgruppens möte" : "the preparatory group meeting";
  return lang === "sv" ? "strategidagen" : "the strategy day";
}

/** Whole days from one calendar date to another ("2022-06-01" → "2022-06-22": 21). */
function calendarDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

interface Section {
  readonly heading: string;
  readonly lines: readonly string[];
}

/**
 * The reminder's words, in the chat's language. A secretary's agenda reminder says when and where the
 * committee meets, what the årshjul says must be decided then, the standing items, the open items
 * carried over, and the last day to send the notice (kallelse); a member's reminder says when and where.
 * A moved meeting says where it was before; a late reminder says when it was due.
 */
export function reminderMessage(due: DueReminder, context: ReminderContext): ReminderMessage {
  const lang = due.subscription.language;
  const sv = lang === "sv";
  const { meeting } = due.reminder;
  // Counted from the day it goes out: a late reminder (the bot was down) must not say "in 7 days" when
  // the meeting is 4 days away. A preview, made before its time, reads as it will when sent.
  const sentAt = context.now > due.reminder.dueAt ? context.now : due.reminder.dueAt;
  const days = calendarDays(localDateTime(sentAt, context.timeZone).date, meeting.date);
  const committee = sv ? context.collaboration.name : context.collaboration.nameEn;
  const title = sv
    ? `Påminnelse: ${meetingName(meeting, lang)} ${when(meeting, lang)}`
    : `Reminder: ${meetingName(meeting, lang)} on ${when(meeting, lang)}`;
  const intro = sv
    ? `${committee}: ${days === 0 ? "i dag" : days === 1 ? "i morgon" : `om ${days} dagar`} är det ${meetingName(meeting, lang)}.`
    : `${committee}: ${days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`} is ${meetingName(meeting, lang)}.`;

  const facts: { title: string; value: string }[] = [
    { title: sv ? "När" : "When", value: when(meeting, lang) },
    {
      title: sv ? "Var" : "Where",
      value: meeting.place ?? (sv ? "Ingen plats angiven i planen" : "No place given in the plan"),
    },
  ];
  if (meeting.status === "moved" && meeting.movedFrom) {
    facts.push({
      title: sv ? "Flyttat från" : "Moved from",
      value: when(meeting.movedFrom, lang) + (meeting.reason ? ` (${meeting.reason})` : ""),
    });
  }

  const sections: Section[] = [];
  if (due.reminder.role === "secretary") {
    const deadline = daysBefore(meeting.date, context.settings.noticeDaysBefore);
    facts.push({
      title: sv ? "Kallelsen senast" : "Send the notice by",
      value: `${weekday(deadline, lang)} ${formatDate(deadline, lang)}`,
    });
    const cycle = context.annualCycle ? annualCycleForMeeting(context.annualCycle, meeting) : [];
    sections.push({
      heading: sv ? "Enligt årshjulet ska nämnden då" : "The annual cycle (årshjul) puts on this meeting",
      lines: cycle.length
        ? cycle.map(({ item }) => (sv ? item.text.replace(/,$/, "") : item.textEn))
        : [sv ? "Inget särskilt enligt årshjulet." : "Nothing in particular according to the annual cycle."],
    });
    const standing = context.annualCycle?.standingItems ?? [];
    if (standing.length)
      sections.push({
        heading: sv ? "Stående punkter" : "Standing items",
        lines: standing.map((s) => (sv ? s.text : s.textEn)),
      });
    sections.push({
      heading: sv ? "Öppna punkter som följer med" : "Open items carried over",
      lines: context.openItems.length
        ? context.openItems.map((o) => `${o.text} (#${o.id}${o.meetingId ? `, ${o.meetingId}` : ""})`)
        : [sv ? "Inga öppna punkter." : "No open items."],
    });
  }

  const notes: string[] = [];
  if (due.late) {
    const local = localDateTime(due.reminder.dueAt, context.timeZone);
    const dueAt = `${local.date} ${local.time}`;
    notes.push(
      sv
        ? `Den här påminnelsen är sen: den skulle ha skickats ${dueAt}.`
        : `This reminder is late: it was due at ${dueAt}.`,
    );
  }

  const text = [
    title,
    intro,
    ...facts.map((f) => `${f.title}: ${f.value}`),
    ...sections.flatMap((s) => [`${s.heading}:`, ...s.lines.map((l) => `- ${l}`)]),
    ...notes,
  ].join("\n");

  const card: Record<string, unknown> = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    lang,
    fallbackText: text,
    body: [
      { type: "TextBlock", text: title, size: "Medium", weight: "Bolder", wrap: true },
      { type: "TextBlock", text: intro, wrap: true },
      { type: "FactSet", facts },
      ...sections.flatMap((s) => [
        { type: "TextBlock", text: s.heading, weight: "Bolder", wrap: true, spacing: "Medium" },
        // Adaptive Card text is Markdown: one list, each line escaped so a "1." or "*" stays text.
        { type: "TextBlock", text: s.lines.map((l) => `- ${escapeCardText(l)}`).join("\r"), wrap: true },
      ]),
      ...notes.map((n) => ({ type: "TextBlock", text: n, wrap: true, isSubtle: true, spacing: "Medium" })),
    ],
  };
  return { text, card, language: lang };
}
