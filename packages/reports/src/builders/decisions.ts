import { AllocationError } from "@samverkan/allocation";
import type { Dataset, Decision } from "@samverkan/domain";
import type { Report, ReportCell, ReportLang, ReportRow } from "../model.js";
import { EMPTY, text } from "./cells.js";

export interface DecisionsReportOptions {
  /** Only the decisions of that year's meetings; every decision when left out. */
  readonly year?: number;
  readonly lang?: ReportLang;
}

/**
 * The date a decision was made: its own meeting date, else (for one recorded against a meeting of the
 * plan without a date of its own) that meeting's date. Undefined when neither is known.
 */
function decidedOn(d: Dataset, decision: Decision): string | undefined {
  if (decision.meetingDate) return decision.meetingDate;
  if (decision.meetingId) return d.meetings.find((m) => m.id === decision.meetingId)?.date;
  return undefined;
}

/**
 * Beslutsregister: every decision (§) of the minutes and every one the secretary recorded, by meeting
 * date and §, with its ärendenr, the matter, what was decided and where it is written down.
 *
 * @example
 * buildDecisionsReport(loadBundledDataset("norrbotten"), { year: 2022 });
 */
export function buildDecisionsReport(d: Dataset, options: DecisionsReportOptions = {}): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const { year } = options;
  const dated = d.decisions.map((decision) => ({ decision, date: decidedOn(d, decision) }));
  const selected = dated
    .filter((x) => year === undefined || x.date?.startsWith(`${year}-`))
    // Undated decisions go last: the register reads as a timeline, and they have no place in it.
    .sort(
      (a, b) =>
        (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.decision.paragraph - b.decision.paragraph,
    );
  if (selected.length === 0) {
    const years = [...new Set(dated.flatMap((x) => (x.date ? [Number(x.date.slice(0, 4))] : [])))].sort(
      (a, b) => a - b,
    );
    throw new AllocationError(
      `${d.collaboration.name} har inga beslut${year !== undefined ? ` för ${year}` : ""}${years.length ? `; det finns beslut för ${years.join(", ")}` : ""}`,
      years.map(String),
    );
  }

  const minutes = sv ? "Protokoll" : "Minutes";
  const rows: ReportRow[] = selected.map(({ decision, date }) => {
    const cells: Record<string, ReportCell> = {
      date: date ? { kind: "date", value: date } : EMPTY,
      paragraph: { kind: "number", value: String(decision.paragraph) },
      caseNumber: decision.caseNumber ? text(decision.caseNumber) : EMPTY,
      title: text(decision.title),
      decision: text(decision.decision),
      // The dataset's decisions are the minutes'; the store gives each recorded one its own source.
      source: text(decision.source ?? minutes),
    };
    return { cells };
  });

  const meetingDates = [...new Set(selected.flatMap((x) => (x.date ? [x.date] : [])))];
  const recorded = selected.filter((x) => x.decision.source !== undefined).length;
  const undated = selected.filter((x) => !x.date).length;
  const from =
    meetingDates.length === 1
      ? `${sv ? "sammanträdet" : "the meeting of"} ${meetingDates[0]}`
      : `${meetingDates.length} ${sv ? "sammanträden" : "meetings"}${meetingDates.length ? ` (${meetingDates.join(", ")})` : ""}`;
  const notes = [
    sv
      ? `${selected.length} beslut från ${from}; ${selected.length - recorded} ur protokollen, ${recorded} registrerade av sekreteraren.`
      : `${selected.length} decisions from ${from}; ${selected.length - recorded} from the minutes, ${recorded} recorded by the secretary.`,
    sv
      ? "Källa: ”Protokoll” är nämndens protokoll så som det återges i datat; registrerade beslut anger när sekreteraren registrerade dem."
      : 'Source: "Minutes" is the committee\'s minutes as the data gives them; recorded decisions say when the secretary recorded them.',
    ...(undated
      ? [
          sv
            ? `⚠ ${undated} beslut saknar sammanträdesdatum och står sist.`
            : `⚠ ${undated} decisions have no meeting date and are listed last.`,
        ]
      : []),
  ];

  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  const title = sv
    ? `Beslutsregister${year !== undefined ? ` ${year}` : ""}`
    : `Decisions register${year !== undefined ? ` ${year}` : ""}`;
  return {
    name: "decisions",
    lang,
    title,
    subtitle: collaboration,
    collaboration,
    ...(year !== undefined ? { year } : {}),
    sections: [
      {
        title,
        table: {
          columns: [
            { key: "date", label: sv ? "Datum" : "Date", kind: "date" },
            { key: "paragraph", label: "§", kind: "number" },
            { key: "caseNumber", label: sv ? "Ärendenr" : "Case number", kind: "text" },
            { key: "title", label: sv ? "Ärende" : "Matter", kind: "text" },
            { key: "decision", label: sv ? "Beslut" : "Decision", kind: "text" },
            { key: "source", label: sv ? "Källa" : "Source", kind: "text" },
          ],
          rows,
        },
        notes,
      },
    ],
  };
}
