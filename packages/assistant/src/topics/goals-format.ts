import type { Goal } from "@samverkan/domain";
import type { ReportCell, ReportTable } from "@samverkan/reports";
import { say, type Turn } from "../draft.js";
import { dateText } from "../phrases.js";
import { trimStop } from "./goals-risks-shared.js";

/** How goals and their follow-ups read in an answer: forecasts, targets, measurements and the table. */

type Forecast = Goal["followUps"][number]["forecast"];
export type FollowUp = Goal["followUps"][number];
type Measurement = FollowUp["measurements"][number];

/** The forecast of a follow-up in words, as the delårsrapport puts it ("Prognosen är att målet kommer nås"). */
export function forecastText(turn: Turn, f: Forecast): string {
  switch (f) {
    case "met":
      return say(turn, "uppnått", "met");
    case "willBeMet":
      return say(turn, "kommer att nås", "will be met");
    case "atRisk":
      return say(turn, "risk att det inte nås", "at risk of not being met");
    case "notMet":
      return say(turn, "nås inte", "will not be met");
    case "notStarted":
      return say(turn, "ej påbörjat", "not started");
  }
}

/** The latest follow-up of a goal (by its as-of date), if it has any. */
export function latestFollowUp(g: Goal): FollowUp | undefined {
  return [...g.followUps].sort((a, b) => a.asOf.localeCompare(b.asOf)).at(-1);
}

/** A goal's text in the answer's language, without its closing full stop. */
export function goalText(turn: Turn, g: Goal): string {
  return trimStop(turn.lang === "sv" ? g.text : g.textEn);
}

export function kindText(turn: Turn, g: Goal, capital = false): string {
  const sv = g.kind === "goal" ? "mål" : "indikator";
  const en = g.kind === "goal" ? "goal" : "indicator";
  const word = say(turn, sv, en);
  return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** A target in words: "minst 4 sammanträden", "at least 75 % of the members present". */
export function targetText(turn: Turn, g: Goal): string | undefined {
  const t = g.target;
  if (!t) return undefined;
  const min = t.min?.toFixed();
  const pct = t.min?.times(100).toFixed();
  switch (t.metric) {
    case "meetingsHeld":
      return say(turn, `minst ${min} sammanträden`, `at least ${min} committee meetings`);
    case "preparatoryMeetingsHeld":
      return say(turn, `minst ${min} beredningsgruppsmöten`, `at least ${min} preparatory-group meetings`);
    case "attendanceRate":
      return say(turn, `minst ${pct} % av ledamöterna`, `at least ${pct} % of the members`);
    case "preparatoryAttendanceRate":
      return say(
        turn,
        `minst ${pct} % av kommunerna ${t.description ?? "på beredningsgruppens möten"}`,
        `at least ${pct} % of the municipalities at every preparatory-group meeting`,
      );
    case "count":
      return say(turn, t.description ?? `minst ${min}`, `at least ${min}`);
    case "done":
      return say(turn, t.description ?? "genomfört under året", "done during the year");
  }
}

/** "ca 64%" as printed; in English "about 64 %". */
function printedPercent(turn: Turn, printed: string): string {
  const m = /^ca\s*(\d+(?:[,.]\d+)?)\s*%$/u.exec(printed);
  return turn.lang === "en" && m ? `about ${m[1]} %` : printed;
}

/** One measurement as the report prints it: "16 mars 2022: 9 av 14 (ca 64%)", "Avtal tecknade …: 11". */
export function measurementText(turn: Turn, m: Measurement): string {
  const when = m.date ? `${dateText(m.date, turn.lang)}: ` : "";
  if (m.of !== undefined) {
    const count = say(turn, `${m.value} av ${m.of}`, `${m.value} of ${m.of}`);
    return `${when}${count}${m.printed ? ` (${printedPercent(turn, m.printed)})` : ""}`;
  }
  const label = m.label ? `${turn.lang === "sv" ? m.label : `"${m.label}"`}: ` : "";
  // The printed wording adds something only when it is not the number itself ("11 avtal").
  const printed = m.printed && !m.printed.startsWith(String(m.value)) ? ` ("${m.printed}")` : "";
  return `${when}${label}${m.value}${printed}`;
}

/** The measurements of a follow-up, joined. */
export function measurementsText(turn: Turn, f: FollowUp | undefined): string {
  return (f?.measurements ?? []).map((m) => measurementText(turn, m)).join("; ");
}

/** "Delårsrapport januari–maj 2022, per 31 maj 2022". */
export function followUpSource(turn: Turn, f: FollowUp): string {
  return say(
    turn,
    `${f.report}, per ${dateText(f.asOf, "sv")}`,
    `${f.report} (interim report), as of ${dateText(f.asOf, "en")}`,
  );
}

const text = (t: string): ReportCell => (t ? { kind: "text", text: t } : { kind: "empty" });

/** One row per goal: kind, text, target, forecast and measurements of the latest follow-up. */
export function goalsTable(turn: Turn, goals: readonly Goal[], withYear: boolean): ReportTable {
  return {
    columns: [
      ...(withYear ? [{ key: "year", label: say(turn, "År", "Year"), kind: "number" as const }] : []),
      { key: "kind", label: say(turn, "Typ", "Kind"), kind: "text" },
      { key: "goal", label: say(turn, "Mål", "Goal"), kind: "text" },
      // The card shows the first four columns: the target is mostly in the goal's own text.
      { key: "forecast", label: say(turn, "Prognos", "Forecast"), kind: "text" },
      { key: "measured", label: say(turn, "Mätning", "Measured"), kind: "text" },
      { key: "target", label: say(turn, "Målvärde", "Target"), kind: "text" },
    ],
    rows: goals.map((g) => {
      const f = latestFollowUp(g);
      return {
        cells: {
          ...(withYear ? { year: { kind: "number" as const, value: String(g.year) } } : {}),
          kind: text(kindText(turn, g, true)),
          goal: text(goalText(turn, g)),
          target: text(targetText(turn, g) ?? ""),
          forecast: text(
            f ? forecastText(turn, f.forecast) : say(turn, "ingen uppföljning", "not followed up"),
          ),
          measured: text(measurementsText(turn, f)),
        },
      };
    }),
  };
}
