import { formatDate } from "@samverkan/allocation";
import { Decimal, type Goal, type Meeting } from "@samverkan/domain";
import type { ChartGoal, ReportCell, ReportTable } from "@samverkan/reports";
import { attendanceBars } from "../charts.js";
import { say, type Draft, type Turn } from "../draft.js";
import { BODY_NAMES, capitalise } from "../phrases.js";
import { answerMeeting, meetingText, ofBodies, sorted, upcoming } from "./meetings.js";

/**
 * Attendance at meetings as the documents record it: a count (9 of 14 members, 11 of 14 municipalities),
 * never who. Each meeting is measured against its year's goal (the 75 % goal of the operational plan),
 * and a year's meetings are summed per body, because the committee counts members and the preparatory
 * group counts municipalities.
 */

/** "≈ 64 %": a share as a whole percentage, marked approximate when it is rounded. */
function percentText(present: number, of: number): string {
  const percent = new Decimal(present).times(100).div(of);
  const shown = percent.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return `${shown.eq(percent) ? "" : "≈ "}${shown.toFixed()} %`;
}

/** The goal that a meeting's attendance is measured against: its body's attendance goal of its year. */
function goalFor(turn: Turn, m: Meeting): Goal | undefined {
  const metric = m.attendance?.counts === "members" ? "attendanceRate" : "preparatoryAttendanceRate";
  return turn.dataset.goals.find((g) => g.target?.metric === metric && g.year === Number(m.date.slice(0, 4)));
}

function goalText(turn: Turn, present: number, of: number, goal: Goal | undefined): string {
  const min = goal?.target?.min;
  if (!min) return "";
  const goalPct = min.times(100).toFixed();
  return new Decimal(present).gte(min.times(of))
    ? say(turn, `, når målet ${goalPct} %`, `, meets the ${goalPct} % goal`)
    : say(turn, `, under målet ${goalPct} %`, `, below the ${goalPct} % goal`);
}

function whoCounted(turn: Turn, counts: string): string {
  return counts === "members" ? say(turn, "ledamöter", "members") : say(turn, "kommuner", "municipalities");
}

/** The meetings the question is about: a date, a month, a year, or every meeting with attendance. */
function meetingsAsked(turn: Turn, onlyYear?: number): { meetings: Meeting[]; year?: number } {
  const p = turn.parsed;
  const year = onlyYear ?? p.years[0]?.year;
  const inYear = (m: Meeting) => year === undefined || Number(m.date.slice(0, 4)) === year;
  const all = sorted(ofBodies(turn.dataset.meetings, p.bodies));
  if (p.dates.length > 0)
    return {
      meetings: all.filter((m) =>
        p.dates.some(
          (x) =>
            Number(m.date.slice(5, 7)) === x.month &&
            Number(m.date.slice(8, 10)) === x.day &&
            (x.year !== undefined ? Number(m.date.slice(0, 4)) === x.year : inYear(m)),
        ),
      ),
    };
  if (p.months.length > 0) {
    const y = year ?? turn.now.year;
    return {
      meetings: all.filter(
        (m) => p.months.includes(Number(m.date.slice(5, 7))) && Number(m.date.slice(0, 4)) === y,
      ),
    };
  }
  return {
    meetings: all.filter((m) => m.attendance && !upcoming(turn, m) && inYear(m)),
    ...(year !== undefined ? { year } : {}),
  };
}

/** "Totalt 2022, nämnden: 9 av 14 ledamöter (≈ 64 %) på 1 sammanträde, under målet 75 %." per body. */
function yearSummary(turn: Turn, meetings: readonly Meeting[], year: number): string[] {
  const bodies = [...new Set(meetings.filter((m) => m.attendance).map((m) => m.body))];
  return bodies.map((body) => {
    const held = meetings.filter((m) => m.body === body && m.attendance);
    const present = held.reduce((n, m) => n + (m.attendance?.present ?? 0), 0);
    const of = held.reduce((n, m) => n + (m.attendance?.of ?? 0), 0);
    const counts = held[0]?.attendance?.counts ?? "members";
    const name = BODY_NAMES[body]?.[turn.lang].plural ?? body;
    const goal = held[0] ? goalFor(turn, held[0]) : undefined;
    const min = goal?.target?.min;
    const reaching = min
      ? held.filter((m) => new Decimal(m.attendance?.present ?? 0).gte(min.times(m.attendance?.of ?? 1)))
          .length
      : undefined;
    const meetingsWord = (n: number) =>
      say(turn, n === 1 ? "möte" : "möten", n === 1 ? "meeting" : "meetings");
    return (
      say(
        turn,
        `Sammantaget ${year}, ${name}: ${present} av ${of} ${whoCounted(turn, counts)} över ${held.length} ${meetingsWord(held.length)} med registrerad närvaro (${percentText(present, of)})`,
        `Overall in ${year}, ${name}: ${present} of ${of} ${whoCounted(turn, counts)} over ${held.length} ${meetingsWord(held.length)} with recorded attendance (${percentText(present, of)})`,
      ) +
      goalText(turn, present, of, goal) +
      (reaching !== undefined
        ? say(
            turn,
            `; ${reaching} av ${held.length} ${meetingsWord(held.length)} når målet`,
            `; ${reaching} of ${held.length} ${meetingsWord(held.length)} ${held.length === 1 ? "meets" : "meet"} the goal`,
          )
        : "")
    );
  });
}

/** The share as the text says it ("≈ 79 %"): a whole percentage, not exact when rounded. */
function percentCell(present: number, of: number): ReportCell {
  const percent = new Decimal(present).times(100).div(of);
  const shown = percent.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return { kind: "percent", value: shown.toFixed(), ...(shown.eq(percent) ? {} : { exact: false }) };
}

/** A year's meetings with recorded attendance, one row each: meeting, present, of, share. */
function attendanceTable(turn: Turn, meetings: readonly Meeting[]): ReportTable {
  const text = (t: string): ReportCell => ({ kind: "text", text: t });
  const num = (n: number): ReportCell => ({ kind: "number", value: String(n) });
  return {
    columns: [
      { key: "meeting", label: say(turn, "Möte", "Meeting"), kind: "text" },
      { key: "present", label: say(turn, "Närvarande", "Present"), kind: "number" },
      { key: "of", label: say(turn, "Av", "Of"), kind: "number" },
      { key: "rate", label: say(turn, "Andel", "Share"), kind: "percent" },
    ],
    rows: meetings.flatMap((m) => {
      const a = m.attendance;
      if (!a || a.of === 0) return [];
      const body = BODY_NAMES[m.body]?.[turn.lang].the ?? m.body;
      return [
        {
          cells: {
            meeting: text(`${formatDate(m.date, turn.lang)}, ${body}`),
            present: num(a.present),
            of: num(a.of),
            rate: percentCell(a.present, a.of),
          },
        },
      ];
    }),
  };
}

/** The goal every one of the meetings is measured against ("Mål 75 %"), if they share one. */
function sharedGoal(turn: Turn, meetings: readonly Meeting[]): ChartGoal | undefined {
  const mins = meetings.flatMap((m) => (m.attendance ? [goalFor(turn, m)?.target?.min] : []));
  const [first] = mins;
  if (!first || mins.some((x) => !x || !x.eq(first))) return undefined;
  const pct = first.times(100).toFixed();
  return { value: pct, text: `${pct} %`, label: say(turn, `Mål ${pct} %`, `Goal ${pct} %`) };
}

/** A year's table and its chart: attendance per meeting against the goal. */
function yearTableAndChart(turn: Turn, meetings: readonly Meeting[], year: number): Partial<Draft> {
  const table = attendanceTable(turn, meetings);
  if (table.rows.length === 0) return {};
  const chart = attendanceBars(
    table,
    say(turn, `Närvaro per möte ${year}`, `Attendance per meeting ${year}`),
    turn.lang,
    sharedGoal(turn, meetings),
  );
  return { table, ...(chart ? { chart } : {}) };
}

/**
 * Attendance at meetings (as recorded), each against the 75 % goal of its year; `onlyYear` when the
 * question asks about several years and each is answered on its own.
 */
export function attendance(turn: Turn, onlyYear?: number): Draft {
  const d = turn.dataset;
  const { meetings, year } = meetingsAsked(turn, onlyYear);
  const asksWho = turn.parsed.signals.has("attendanceWho");
  if (meetings.length === 0)
    return {
      intent: "attendance",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        year !== undefined
          ? `Det finns ingen registrerad närvaro för ${year} i datat.`
          : "Det finns ingen registrerad närvaro för det mötet i datat.",
        year !== undefined
          ? `There is no recorded attendance for ${year} in the data.`
          : "There is no recorded attendance for that meeting in the data.",
      ),
      followUps: [
        say(turn, "Hur var närvaron på sammanträdena?", "What was the attendance at the committee meetings?"),
      ],
    };
  const lines = meetings.map((m) => {
    const a = m.attendance;
    const what = capitalise(meetingText(turn, m));
    if (!a)
      return say(
        turn,
        `${what}: ingen närvaro registrerad${upcoming(turn, m) ? " (mötet har inte hållits än)" : ""}`,
        `${what}: no attendance recorded${upcoming(turn, m) ? " (not held yet)" : ""}`,
      );
    return (
      say(
        turn,
        `${what}: ${a.present} av ${a.of} ${whoCounted(turn, a.counts)} (${percentText(a.present, a.of)})`,
        `${what}: ${a.present} of ${a.of} ${whoCounted(turn, a.counts)} (${percentText(a.present, a.of)})`,
      ) + goalText(turn, a.present, a.of, goalFor(turn, m))
    );
  });
  const summary = year !== undefined ? yearSummary(turn, meetings, year) : [];
  // The report each count is quoted from, once each (its wording up to the quotation).
  const sources = [
    ...new Set(
      meetings.flatMap((m) => (m.attendance?.source ? [m.attendance.source.replace(/:\s*".*$/s, "")] : [])),
    ),
  ];
  const who = asksWho
    ? say(
        turn,
        " Dokumenten anger bara hur många som deltog, inte vilka.",
        " The documents record how many attended, not who.",
      )
    : "";
  return {
    intent: "attendance",
    collaboration: d.collaboration.id,
    ...(year !== undefined ? { year: { value: year, source: "question" as const } } : {}),
    text:
      say(turn, `Närvaro: ${lines.join("; ")}.`, `Attendance: ${lines.join("; ")}.`) +
      summary.map((x) => ` ${x}.`).join("") +
      who +
      (sources.length ? say(turn, ` Källa: ${sources.join("; ")}.`, ` Source: ${sources.join("; ")}.`) : ""),
    meetings: meetings.map((m) => answerMeeting(turn, m)),
    ...(year !== undefined ? yearTableAndChart(turn, meetings, year) : {}),
    followUps: [
      say(turn, "När är nästa sammanträde?", "When is the next committee meeting?"),
      ...(year === undefined
        ? [say(turn, `Hur var närvaron ${turn.now.year}?`, `What was the attendance in ${turn.now.year}?`)]
        : []),
    ],
  };
}
