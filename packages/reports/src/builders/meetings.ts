import { cmp, div, formatDate, fromDecimal, mul, rational } from "@samverkan/allocation";
import {
  annualCycleForMeeting,
  Decimal,
  formatNumber,
  type Dataset,
  type Meeting,
  type MeetingCycleItem,
} from "@samverkan/domain";
import type { Report, ReportCell, ReportLang, ReportRow, ReportSection } from "../model.js";
import { EMPTY, percentCell, text } from "./cells.js";
import { attendanceGoal, BODY, COUNTS, measuredAs, meetingsOfYear, STATUS } from "./meeting-plan.js";

export interface MeetingsReportOptions {
  readonly year: number;
  readonly lang?: ReportLang;
}

/** What the årshjul puts on a meeting (none where the collaboration has no årshjul). */
function cycleItems(d: Dataset, m: Meeting): MeetingCycleItem[] {
  return d.annualCycle ? annualCycleForMeeting(d.annualCycle, m) : [];
}

/**
 * Sammanträdesplan och årshjul: a year's meetings of the committee and the preparatory group (and strategy
 * days) in date order, with what the årshjul says each committee meeting must decide, attendance where it
 * was recorded against the 75 % goal, and every årshjul entry with the meeting that takes it — or a flag
 * where no meeting in its months does.
 *
 * @example
 * buildMeetingsReport(loadBundledDataset("norrbotten"), { year: 2022 });
 */
export function buildMeetingsReport(d: Dataset, options: MeetingsReportOptions): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const { year } = options;
  const meetings = meetingsOfYear(d, year);

  const rows: ReportRow[] = meetings.map((m) => {
    const items = cycleItems(d, m);
    const cells: Record<string, ReportCell> = {
      date: { kind: "date", value: m.date },
      time: text(
        m.endDate
          ? `${sv ? "till" : "to"} ${formatDate(m.endDate, lang)}`
          : m.startTime
            ? `${m.startTime}–${m.endTime ?? ""}`
            : "",
      ),
      body: text(
        m.body === "strategyDay" && m.participants?.length
          ? `${BODY[lang].strategyDay} (${m.participants.map((p) => BODY[lang][p].toLowerCase()).join(sv ? " och " : " and ")})`
          : BODY[lang][m.body],
      ),
      status: text(STATUS[lang][m.status]),
      cycle: text(items.map(({ item }) => (sv ? item.text.replace(/,$/, "") : item.textEn)).join("; ")),
      attendance: EMPTY,
      rate: EMPTY,
      goal: EMPTY,
    };
    const rowNotes: string[] = [];
    let flagged = false;
    if (m.attendance) {
      const a = m.attendance;
      cells.attendance = text(`${a.present} ${sv ? "av" : "of"} ${a.of} ${COUNTS[lang][a.counts]}`);
      const ratio = mul(div(rational(BigInt(a.present)), rational(BigInt(a.of))), fromDecimal(100));
      cells.rate = percentCell(ratio);
      const goal = attendanceGoal(d.goals, year, measuredAs(m));
      if (goal?.target?.min !== undefined) {
        const min = mul(fromDecimal(goal.target.min), fromDecimal(100));
        const met = cmp(ratio, min) >= 0;
        cells.goal = text(met ? (sv ? "uppnått" : "met") : sv ? "ej uppnått" : "not met");
        if (!met) {
          flagged = true;
          rowNotes.push(
            sv
              ? `${m.date}: ${a.present} av ${a.of} är under målet ${formatNumber(new Decimal(goal.target.min).times(100), undefined, lang)} %.`
              : `${m.date}: ${a.present} of ${a.of} is below the ${formatNumber(new Decimal(goal.target.min).times(100), undefined, lang)} % goal.`,
          );
        }
      }
    }
    return {
      cells,
      ...(flagged ? { emphasis: "flagged" as const } : {}),
      ...(rowNotes.length ? { notes: rowNotes } : {}),
    };
  });

  const withAttendance = meetings.filter((m) => m.attendance);
  const planNotes: string[] = [];
  if (withAttendance.length === 0)
    planNotes.push(
      sv
        ? `Datat har ingen närvaro för något av sammanträdena ${year}; närvaron mot målet kan inte redovisas.`
        : `The data has no attendance for any meeting in ${year}; attendance against the goal cannot be shown.`,
    );
  else {
    const without = meetings.filter((m) => !m.attendance && m.status === "held");
    const last = withAttendance
      .map((m) => m.date)
      .sort()
      .at(-1) as string;
    planNotes.push(
      sv
        ? `Närvaro finns i datat för ${withAttendance.length} av ${meetings.length} möten (till och med ${last}); för övriga möten saknas uppgift${without.length ? `, också för genomförda ${without.map((m) => m.date).join(", ")}` : ""}.`
        : `The data has attendance for ${withAttendance.length} of ${meetings.length} meetings (up to ${last}); for the others it is not recorded${without.length ? `, including the held ${without.map((m) => m.date).join(", ")}` : ""}.`,
    );
  }
  for (const body of ["committee", "preparatoryGroup"] as const) {
    const goal = attendanceGoal(d.goals, year, body);
    if (goal)
      planNotes.push(
        `${sv ? "Mål" : "Goal"} (${BODY[lang][body].toLowerCase()}): ${sv ? goal.text : goal.textEn}`,
      );
  }
  planNotes.push(...rows.flatMap((r) => r.notes ?? []).map((n) => `⚠ ${n}`));

  const sections: ReportSection[] = [
    {
      title: sv ? `Sammanträdesplan ${year}` : `Meeting plan ${year}`,
      table: {
        columns: [
          { key: "date", label: sv ? "Datum" : "Date", kind: "date" },
          { key: "time", label: sv ? "Tid" : "Time", kind: "text" },
          { key: "body", label: sv ? "Organ" : "Body", kind: "text" },
          { key: "status", label: "Status", kind: "text" },
          { key: "cycle", label: sv ? "Enligt årshjulet" : "Per the annual cycle", kind: "text" },
          { key: "attendance", label: sv ? "Närvaro" : "Attendance", kind: "text" },
          { key: "rate", label: sv ? "Andel" : "Share", kind: "percent" },
          { key: "goal", label: sv ? "Mål minst 75 %" : "Goal at least 75 %", kind: "text" },
        ],
        rows,
      },
      notes: planNotes,
    },
  ];

  if (d.annualCycle) {
    const cycle = d.annualCycle;
    const cycleRows: ReportRow[] = cycle.entries.flatMap((entry) =>
      entry.items.map((item) => {
        const at = meetings.filter((m) => cycleItems(d, m).some((x) => x.item === item));
        return {
          cells: {
            months: text(
              sv
                ? entry.label
                : entry.months
                    .map((x) => formatDate(`2000-${String(x).padStart(2, "0")}-01`, "en").split(" ")[1])
                    .join("/"),
            ),
            item: text(sv ? item.text.replace(/,$/, "") : item.textEn),
            kind: text(
              {
                decision: sv ? "beslut" : "decision",
                information: sv ? "information" : "information",
                activity: sv ? "aktivitet" : "activity",
              }[item.kind],
            ),
            meeting: text(
              at.length
                ? at.map((m) => formatDate(m.date, lang)).join(", ")
                : sv
                  ? "inget möte planerat"
                  : "no meeting planned",
            ),
          },
          ...(at.length ? {} : { emphasis: "flagged" as const }),
        };
      }),
    );
    const missing = cycleRows.filter((r) => r.emphasis === "flagged").length;
    sections.push({
      title: sv ? `Årshjul ${year}` : `Annual cycle ${year}`,
      paragraphs: [
        sv
          ? `Vid varje sammanträde: ${cycle.standingItems.map((x) => x.text).join("; ")}.`
          : `At every meeting: ${cycle.standingItems.map((x) => x.textEn).join("; ")}.`,
      ],
      table: {
        columns: [
          { key: "months", label: sv ? "Månad" : "Month", kind: "text" },
          { key: "item", label: sv ? "Punkt" : "Item", kind: "text" },
          { key: "kind", label: sv ? "Typ" : "Kind", kind: "text" },
          { key: "meeting", label: sv ? "Sammanträde" : "Meeting", kind: "text" },
        ],
        rows: cycleRows,
      },
      notes: [
        `${sv ? "Källa" : "Source"}: ${cycle.source}`,
        ...(missing
          ? [
              sv
                ? `⚠ ${missing} punkter i årshjulet har inget möte ${year} i sina månader.`
                : `⚠ ${missing} items of the annual cycle have no meeting in ${year} in their months.`,
            ]
          : []),
      ],
    });
  } else {
    sections[0] = {
      ...(sections[0] as ReportSection),
      notes: [...planNotes, sv ? "Datat har inget årshjul." : "The data has no annual cycle."],
    };
  }

  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  return {
    name: "meetings",
    lang,
    title: sv ? `Sammanträdesplan och årshjul ${year}` : `Meeting plan and annual cycle ${year}`,
    subtitle: collaboration,
    collaboration,
    year,
    sections,
  };
}
