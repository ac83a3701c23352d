import { isoLocal, type Dataset, type Meeting } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { dayBefore, MONTHS_EN, MONTHS_SV } from "../words.js";

/**
 * Meetings: for every planned meeting, "when is the next one" asked the day before (per body), and for
 * every month with meetings, "which meetings are there in that month". Expected starts come from the data.
 */
export const topic = "meetings";

const NEXT: Record<string, { sv: string; en: string }> = {
  committee: { sv: "När är nästa sammanträde?", en: "When is the next committee meeting?" },
  preparatoryGroup: {
    sv: "När träffas beredningsgruppen nästa gång?",
    en: "When is the next preparatory group meeting?",
  },
  strategyDay: { sv: "När är nästa strategidag?", en: "When is the next strategy day?" },
};

const start = (d: Dataset, m: Meeting) => isoLocal(m.date, m.startTime, d.collaboration.timeZone);

export function cases({ norrbotten: d }: { norrbotten: Dataset }): EvalCase[] {
  const meetings = [...d.meetings]
    .filter((m) => m.status !== "cancelled" && m.date.startsWith("2022"))
    .sort((a, b) => (a.date + (a.startTime ?? "")).localeCompare(b.date + (b.startTime ?? "")));
  const out: EvalCase[] = [];
  for (const m of meetings) {
    const phrase = NEXT[m.body];
    if (!phrase) continue;
    const now = dayBefore(m.date);
    const next = meetings.find((x) => x.body === m.body && x.date > now);
    if (next !== m) continue;
    for (const lang of ["sv", "en"] as const)
      out.push({ q: phrase[lang], now, lang, intent: "nextMeeting", meetings: [start(d, m)] });
  }
  const months = [...new Set(meetings.map((m) => Number(m.date.slice(5, 7))))];
  for (const month of months) {
    const inMonth = meetings.filter((m) => Number(m.date.slice(5, 7)) === month).map((m) => start(d, m));
    out.push(
      {
        q: `Vilka möten är det i ${MONTHS_SV[month - 1]} 2022?`,
        now: "2022-01-10",
        lang: "sv",
        intent: "meetingsInPeriod",
        meetings: inMonth,
      },
      {
        q: `Which meetings are there in ${MONTHS_EN[month - 1]} 2022?`,
        now: "2022-01-10",
        lang: "en",
        intent: "meetingsInPeriod",
        meetings: inMonth,
      },
    );
  }
  return out;
}
