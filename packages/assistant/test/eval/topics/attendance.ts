import { Decimal, isoLocal, type Dataset } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { dayText } from "../words.js";

/**
 * Attendance: every meeting with recorded attendance asked in several ways (the count "9 av 14" and
 * whether it meets the year's goal come from the data), a year overall, "who was there" (the documents
 * count, they do not name), and planned meetings that have no attendance yet.
 */
export const topic = "attendance";

export function cases({ norrbotten: d }: { norrbotten: Dataset }): EvalCase[] {
  const out: EvalCase[] = [];
  const zone = d.collaboration.timeZone;
  const now = "2022-09-01";
  for (const m of d.meetings) {
    const a = m.attendance;
    if (!a) continue;
    const start = [isoLocal(m.date, m.startTime, zone)];
    const metric = a.counts === "members" ? "attendanceRate" : "preparatoryAttendanceRate";
    const goal = d.goals.find((g) => g.target?.metric === metric && g.year === Number(m.date.slice(0, 4)));
    const min = goal?.target?.min;
    const met = min ? new Decimal(a.present).gte(min.times(a.of)) : undefined;
    const sv = [`${a.present} av ${a.of}`, ...(met === undefined ? [] : [met ? "når målet" : "under målet"])];
    const en = [`${a.present} of ${a.of}`, ...(met === undefined ? [] : [met ? "meets the" : "below the"])];
    const base = { now, intent: "attendance", meetings: start };
    out.push(
      { ...base, q: `Hur många deltog ${dayText(m.date, "sv")}?`, lang: "sv", text: sv },
      { ...base, q: `Hur var närvaron den ${dayText(m.date, "sv")}?`, lang: "sv", text: sv },
      { ...base, q: `Närvaro ${m.date}`, lang: "sv", text: sv },
      { ...base, q: `Hur många var där ${dayText(m.date, "sv")}?`, lang: "sv", text: sv },
      { ...base, q: `How many attended on ${dayText(m.date, "en")}?`, lang: "en", text: en },
      { ...base, q: `What was the turnout on ${dayText(m.date, "en")}?`, lang: "en", text: en },
      { ...base, q: `attendance on ${dayText(m.date, "en")}`, lang: "en", text: en },
      {
        ...base,
        q: `Vilka var där ${dayText(m.date, "sv")}?`,
        lang: "sv",
        text: [...sv, "inte vilka"],
      },
      { ...base, q: `Who attended on ${dayText(m.date, "en")}?`, lang: "en", text: [...en, "not who"] },
    );
  }
  const years = [...new Set(d.meetings.filter((m) => m.attendance).map((m) => Number(m.date.slice(0, 4))))];
  for (const year of years) {
    out.push(
      {
        q: `Hur var närvaron ${year}?`,
        now,
        lang: "sv",
        intent: "attendance",
        text: [`Sammantaget ${year}`],
      },
      {
        q: `Nådde vi närvaromålet ${year}?`,
        now,
        lang: "sv",
        intent: "attendance",
        text: [`Sammantaget ${year}`],
      },
      {
        q: `What was the attendance in ${year}?`,
        now,
        lang: "en",
        intent: "attendance",
        text: [`Overall in ${year}`],
      },
    );
  }
  for (const m of d.meetings.filter((x) => x.date > now && x.status !== "cancelled" && x.startTime)) {
    out.push(
      {
        q: `Hur var närvaron den ${dayText(m.date, "sv")}?`,
        now,
        lang: "sv",
        intent: "attendance",
        text: ["ingen närvaro registrerad"],
      },
      {
        q: `What was the attendance on ${dayText(m.date, "en")}?`,
        now,
        lang: "en",
        intent: "attendance",
        text: ["no attendance recorded"],
      },
    );
  }
  return out;
}
