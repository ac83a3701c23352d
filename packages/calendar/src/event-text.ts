import { annualCycleForMeeting, type Dataset, type Meeting, type MeetingBody } from "@samverkan/domain";

export type CalendarLang = "sv" | "en";

/**
 * A meeting as the feed reads it: the dataset's meeting, or the store's meeting as it stands (moved,
 * cancelled), whose extra fields say how often and when its time changed. Read structurally so this
 * package needs no store.
 */
export type CalendarMeeting = Meeting & {
  /** How often its time, place or status was changed: the VEVENT's SEQUENCE. */
  readonly sequence?: number;
  /** When its time, place or status last changed (ISO 8601): LAST-MODIFIED. */
  readonly scheduleChangedAt?: string;
  readonly movedFrom?: {
    readonly date: string;
    readonly startTime?: string;
    readonly endTime?: string;
  };
  readonly reason?: string;
};

const BODY: Record<CalendarLang, Record<MeetingBody, string>> = {
  sv: {
    committee: "Nämndens sammanträde",
    preparatoryGroup: "Beredningsgruppens möte",
    strategyDay: "Strategidag",
  },
  en: {
    committee: "Committee meeting",
    preparatoryGroup: "Preparatory group meeting",
    strategyDay: "Strategy day",
  },
};

const WORDS = {
  sv: {
    cycle: "Enligt årshjulet:",
    decision: "Beslut",
    information: "Information",
    activity: "Aktivitet",
    standing: "Stående punkter:",
    moved: "Flyttat från",
    cancelled: "INSTÄLLT",
    reason: "Skäl:",
    source: "Källa: sammanträdesplanen",
  },
  en: {
    cycle: "The annual cycle puts on this meeting:",
    decision: "Decision",
    information: "Information",
    activity: "Activity",
    standing: "Standing items:",
    moved: "Moved from",
    cancelled: "CANCELLED",
    reason: "Reason:",
    source: "Source: the meeting plan",
  },
} as const;

/** "Norrbottens e-nämnd: Nämndens sammanträde" — and "INSTÄLLT: …" first when it is cancelled. */
export function eventSummary(d: Dataset, m: CalendarMeeting, lang: CalendarLang): string {
  const what = `${d.collaboration.name}: ${BODY[lang][m.body]}`;
  return m.status === "cancelled" ? `${WORDS[lang].cancelled}: ${what}` : what;
}

function when(t: { date: string; startTime?: string; endTime?: string }): string {
  return [t.date, t.startTime && (t.endTime ? `${t.startTime}–${t.endTime}` : t.startTime)]
    .filter(Boolean)
    .join(" ");
}

/**
 * What a member reads when opening the event: what the årshjul says is decided or reported there (so the
 * calendar doubles as the agenda's outline), the standing items, and for a moved or cancelled meeting
 * what changed and why.
 */
export function eventDescription(d: Dataset, m: CalendarMeeting, lang: CalendarLang): string {
  const w = WORDS[lang];
  const blocks: string[][] = [];
  const change = [
    ...(m.status === "cancelled" ? [`${w.cancelled}.`] : []),
    ...(m.movedFrom ? [`${w.moved} ${when(m.movedFrom)}.`] : []),
    ...(m.reason ? [`${w.reason} ${m.reason}`] : []),
  ];
  blocks.push(change);
  const items = d.annualCycle ? annualCycleForMeeting(d.annualCycle, m) : [];
  if (items.length > 0)
    blocks.push([
      w.cycle,
      ...items.map(({ item }) => `- ${w[item.kind]}: ${lang === "sv" ? item.text : item.textEn}`),
    ]);
  const standing = m.body === "committee" ? (d.annualCycle?.standingItems ?? []) : [];
  if (standing.length > 0)
    blocks.push([w.standing, ...standing.map((s) => `- ${lang === "sv" ? s.text : s.textEn}`)]);
  blocks.push([w.source]);
  return blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join("\n"))
    .join("\n\n");
}
