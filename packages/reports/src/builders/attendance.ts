import { cmp, div, fromDecimal, mul, rational, type Rational } from "@samverkan/allocation";
import {
  Decimal,
  foldName,
  formatNumber,
  membersOn,
  type Dataset,
  type Goal,
  type Meeting,
  type MeetingBody,
} from "@samverkan/domain";
import type { Report, ReportCell, ReportLang, ReportRow, ReportSection } from "../model.js";
import { EMPTY, percentCell, text } from "./cells.js";
import { attendanceGoal, BODY, COUNTS, measuredAs, meetingsOfYear, STATUS } from "./meeting-plan.js";

export interface AttendanceReportOptions {
  readonly year: number;
  readonly lang?: ReportLang;
}

/**
 * A meeting as the store hands it out: with the municipalities the secretary recorded as present. Read
 * structurally so that the reports stay free of the store (and of I/O); a published dataset has none.
 */
type MeetingWithAttendees = Meeting & {
  readonly attendees?: { readonly municipalities: readonly string[]; readonly recordedAt?: string };
};

const W = {
  sv: { yes: "ja", no: "nej", noGoal: "inget mål", notRecorded: "ej registrerad", total: "Summa" },
  en: { yes: "yes", no: "no", noGoal: "no goal", notRecorded: "not recorded", total: "Total" },
} as const;

/**
 * The bar for a figure that pools meetings of several bodies: the strictest of their goals, so that a
 * "met" never rests on the laxer goal. Undefined when none of the bodies has a goal that year.
 */
function pooledGoal(goals: readonly Goal[], year: number, bodies: readonly MeetingBody[]): Goal | undefined {
  return [...new Set(bodies)]
    .map((b) => attendanceGoal(goals, year, b))
    .filter((g): g is Goal => g !== undefined)
    .sort((a, b) => new Decimal(b.target?.min ?? 0).cmp(a.target?.min ?? 0))[0];
}

/** present / of as an exact percentage. */
const percentOf = (present: number, of: number): Rational =>
  mul(div(rational(BigInt(present)), rational(BigInt(of))), fromDecimal(100));

/** The goal's and the outcome's cells for a percentage: "75 %" and ja/nej, or "inget mål" and nothing. */
function judge(
  ratio: Rational | undefined,
  goal: Goal | undefined,
  lang: ReportLang,
): { goal: ReportCell; met: ReportCell; missed: boolean } {
  const min = goal?.target?.min;
  if (min === undefined) return { goal: text(W[lang].noGoal), met: EMPTY, missed: false };
  const goalCell = text(`${formatNumber(new Decimal(min).times(100), undefined, lang)} %`);
  if (!ratio) return { goal: goalCell, met: EMPTY, missed: false };
  const met = cmp(ratio, mul(fromDecimal(min), fromDecimal(100))) >= 0;
  return { goal: goalCell, met: text(met ? W[lang].yes : W[lang].no), missed: !met };
}

const num = (n: number): ReportCell => ({ kind: "number", value: String(n) });

/**
 * Närvaro: a year's attendance, per meeting (present of possible, against the 75 % goal, with a totals
 * row over the year) and per member municipality (how many of the meetings whose attendees were recorded
 * it took part in). Per-municipality figures come only from recorded attendees; where the minutes give
 * only a count, the section says so rather than guessing who was there.
 *
 * @example
 * buildAttendanceReport(loadBundledDataset("norrbotten"), { year: 2022 });
 */
export function buildAttendanceReport(d: Dataset, options: AttendanceReportOptions): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const w = W[lang];
  const { year } = options;
  const meetings: readonly MeetingWithAttendees[] = meetingsOfYear(d, year);

  // --- Section 1: per meeting ---
  const flaggedNotes: string[] = [];
  const rows: ReportRow[] = meetings.map((m) => {
    const a = m.attendance;
    const ratio = a ? percentOf(a.present, a.of) : undefined;
    const verdict = judge(ratio, attendanceGoal(d.goals, year, measuredAs(m)), lang);
    const cells: Record<string, ReportCell> = {
      date: { kind: "date", value: m.date },
      body: text(BODY[lang][m.body]),
      status: text(STATUS[lang][m.status]),
      present: a ? num(a.present) : EMPTY,
      of: a ? num(a.of) : EMPTY,
      // A cancelled meeting had nobody to record; "not recorded" would suggest a gap in the records.
      counted: text(
        a ? COUNTS[lang][a.counts] : m.status === "cancelled" ? STATUS[lang].cancelled : w.notRecorded,
      ),
      rate: ratio ? percentCell(ratio) : EMPTY,
      goal: verdict.goal,
      met: verdict.met,
    };
    // Only a recorded attendance can miss the goal.
    if (!verdict.missed || !a) return { cells };
    const note = sv
      ? `${m.date}: ${a.present} av ${a.of} ${COUNTS.sv[a.counts]} är under målet ${words(verdict.goal)}.`
      : `${m.date}: ${a.present} of ${a.of} ${COUNTS.en[a.counts]} is below the ${words(verdict.goal)} goal.`;
    flaggedNotes.push(note);
    return { cells, emphasis: "flagged" as const, notes: [note] };
  });

  const recorded = meetings.filter((m) => m.attendance);
  const present = recorded.reduce((s, m) => s + (m.attendance?.present ?? 0), 0);
  const possible = recorded.reduce((s, m) => s + (m.attendance?.of ?? 0), 0);
  const totalRatio = possible > 0 ? percentOf(present, possible) : undefined;
  const totalGoal = pooledGoal(d.goals, year, recorded.map(measuredAs));
  const totalVerdict = judge(totalRatio, totalGoal, lang);
  const kinds = [...new Set(recorded.map((m) => COUNTS[lang][m.attendance?.counts ?? "members"]))];

  const meetingNotes: string[] = [];
  if (recorded.length === 0)
    meetingNotes.push(
      sv
        ? `Datat har ingen närvaro för något av sammanträdena ${year}; närvaron mot målet kan inte redovisas.`
        : `The data has no attendance for any meeting in ${year}; attendance against the goal cannot be shown.`,
    );
  else
    meetingNotes.push(
      sv
        ? `Summan är alla närvarande (${present}) av alla möjliga (${possible}) vid de ${recorded.length} av ${meetings.length} möten där närvaron är registrerad; övriga möten räknas inte.`
        : `The total is everyone present (${present}) of everyone possible (${possible}) at the ${recorded.length} of ${meetings.length} meetings with recorded attendance; the other meetings are not counted.`,
    );
  for (const body of ["committee", "preparatoryGroup"] as const) {
    const goal = attendanceGoal(d.goals, year, body);
    if (goal)
      meetingNotes.push(
        `${sv ? "Mål" : "Goal"} (${BODY[lang][body].toLowerCase()}): ${sv ? goal.text : goal.textEn}`,
      );
  }
  meetingNotes.push(...flaggedNotes.map((n) => `⚠ ${n}`));
  // Where each count comes from: the minutes or report quoted in the data, or the secretary's record.
  for (const m of recorded)
    if (m.attendance?.source)
      meetingNotes.push(`${sv ? "Källa" : "Source"} ${m.date}: ${m.attendance.source}`);

  const sections: ReportSection[] = [
    {
      title: sv ? `Närvaro per sammanträde ${year}` : `Attendance per meeting ${year}`,
      table: {
        columns: [
          { key: "date", label: sv ? "Datum" : "Date", kind: "date" },
          { key: "body", label: sv ? "Organ" : "Body", kind: "text" },
          { key: "status", label: "Status", kind: "text" },
          { key: "present", label: sv ? "Närvarande" : "Present", kind: "number" },
          { key: "of", label: sv ? "Av" : "Of", kind: "number" },
          { key: "counted", label: sv ? "Räknas" : "Counted", kind: "text" },
          { key: "rate", label: sv ? "Andel" : "Share", kind: "percent" },
          { key: "goal", label: sv ? "Mål minst" : "Goal at least", kind: "text" },
          { key: "met", label: sv ? "Uppnått" : "Met", kind: "text" },
        ],
        rows,
        totals: {
          cells: {
            date: text(`${w.total} ${year}`),
            present: num(present),
            of: num(possible),
            counted: text(
              recorded.length
                ? `${recorded.length} ${sv ? "möten" : "meetings"} (${kinds.join(sv ? " och " : " and ")})`
                : w.notRecorded,
            ),
            rate: totalRatio ? percentCell(totalRatio) : EMPTY,
            goal: totalVerdict.goal,
            met: totalVerdict.met,
          },
          // Counts, not money: nothing for the XLSX renderer to write as a SUM formula.
          sumOf: [],
        },
      },
      notes: meetingNotes,
    },
    perMunicipality(d, year, meetings, lang),
  ];

  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  return {
    name: "attendance",
    lang,
    title: sv ? `Närvaro ${year}` : `Attendance ${year}`,
    subtitle: collaboration,
    collaboration,
    year,
    sections,
    notes: [
      sv
        ? "Antal närvarande per sammanträde är protokollens och uppföljningarnas siffror så som de återges i datat; närvaro per kommun är sekreterarens registrerade närvaro."
        : "The number present at each meeting is the figure of the minutes and follow-ups as the data gives it; attendance per municipality is the secretary's recorded attendance.",
    ],
  };
}

/** The words of a text cell ("75 %" of a goal cell), for the notes that repeat them. */
function words(c: ReportCell): string {
  return c.kind === "text" ? c.text : "";
}

/**
 * Section 2: each municipality that was a member on the dates of the meetings whose attendees were
 * recorded, with how many of those it attended. A municipality is only counted for the meetings it
 * was a member on, so a member that joined or left during the year is not held to the others.
 */
function perMunicipality(
  d: Dataset,
  year: number,
  meetings: readonly MeetingWithAttendees[],
  lang: ReportLang,
): ReportSection {
  const sv = lang === "sv";
  const title = sv ? `Närvaro per kommun ${year}` : `Attendance per municipality ${year}`;
  const recorded = meetings.filter((m) => m.attendees && m.status !== "cancelled");
  if (recorded.length === 0)
    return {
      title,
      paragraphs: [
        sv
          ? `Närvaro per kommun är inte registrerad för ${year}; protokollen anger bara antal närvarande.`
          : `Attendance per municipality is not recorded for ${year}; the minutes give only the number present.`,
      ],
    };

  const present = new Map(
    recorded.map((m) => [m.id, new Set((m.attendees?.municipalities ?? []).map(foldName))]),
  );
  const members = new Map(recorded.map((m) => [m.id, membersOn(d.collaboration, m.date)]));
  const names = [...new Set([...members.values()].flat())].sort((a, b) => a.localeCompare(b, "sv"));
  const goal = pooledGoal(d.goals, year, recorded.map(measuredAs));

  const flagged: string[] = [];
  const rows: ReportRow[] = names.map((name) => {
    const counted = recorded.filter((m) => members.get(m.id)?.includes(name));
    const attended = counted.filter((m) => present.get(m.id)?.has(foldName(name))).length;
    const ratio = percentOf(attended, counted.length);
    const verdict = judge(ratio, goal, lang);
    const cells: Record<string, ReportCell> = {
      municipality: text(name),
      attended: num(attended),
      meetings: num(counted.length),
      rate: percentCell(ratio),
      goal: verdict.goal,
      met: verdict.met,
    };
    if (!verdict.missed) return { cells };
    flagged.push(name);
    return { cells, emphasis: "flagged" as const };
  });

  const held = meetings.filter((m) => m.status === "held" || m.attendance);
  const notes: string[] = [];
  if (recorded.length < held.length)
    notes.push(
      sv
        ? `Närvaro per kommun är registrerad för ${recorded.length} av ${held.length} genomförda möten ${year}; de övriga räknas inte här.`
        : `Attendance per municipality is recorded for ${recorded.length} of ${held.length} held meetings in ${year}; the others are not counted here.`,
    );
  if (goal)
    notes.push(
      sv
        ? `Varje kommuns andel av mötena mäts mot målet ${words(judge(undefined, goal, lang).goal)} (${goal.text}).`
        : `Each municipality's share of the meetings is measured against the ${words(judge(undefined, goal, lang).goal)} goal (${goal.textEn}).`,
    );
  if (flagged.length)
    notes.push(sv ? `⚠ Under målet: ${flagged.join(", ")}.` : `⚠ Below the goal: ${flagged.join(", ")}.`);
  notes.push(
    ...recorded.map((m) =>
      sv
        ? `Källa ${m.date}: sekreterarens registrerade närvaro${m.attendees?.recordedAt ? ` ${m.attendees.recordedAt.slice(0, 10)}` : ""}.`
        : `Source ${m.date}: the secretary's recorded attendance${m.attendees?.recordedAt ? ` ${m.attendees.recordedAt.slice(0, 10)}` : ""}.`,
    ),
  );

  return {
    title,
    paragraphs: [
      sv
        ? `Räknat över de ${recorded.length} möten där närvarande kommuner är registrerade: ${recorded.map((m) => m.date).join(", ")}.`
        : `Counted over the ${recorded.length} meetings whose attending municipalities are recorded: ${recorded.map((m) => m.date).join(", ")}.`,
    ],
    table: {
      columns: [
        { key: "municipality", label: sv ? "Kommun" : "Municipality", kind: "text" },
        { key: "attended", label: sv ? "Närvarande" : "Attended", kind: "number" },
        { key: "meetings", label: sv ? "Av möten" : "Of meetings", kind: "number" },
        { key: "rate", label: sv ? "Andel" : "Share", kind: "percent" },
        { key: "goal", label: sv ? "Mål minst" : "Goal at least", kind: "text" },
        { key: "met", label: sv ? "Uppnått" : "Met", kind: "text" },
      ],
      rows,
    },
    notes,
  };
}
