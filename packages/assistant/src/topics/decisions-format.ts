import type { Dataset, Decision, Meeting } from "@samverkan/domain";
import type { ReportTable } from "@samverkan/reports";
import { say, type Turn } from "../draft.js";
import { BODY_NAMES, dateText, listing } from "../phrases.js";
import { minutesDocument } from "./decisions-source.js";

/** The meeting a decision was taken at: the committee's meeting of that day in the meeting plan. */
export function meetingOf(d: Dataset, x: Decision): Meeting | undefined {
  const same = d.meetings.filter((m) => m.date === x.meetingDate);
  return same.find((m) => m.body === "committee") ?? same[0];
}

/** "nämndens sammanträde 22 juni 2022" / "the committee meeting of 22 June 2022". */
export function meetingName(turn: Turn, date: string | undefined): string {
  if (!date) return say(turn, "ett sammanträde utan datum i datat", "a meeting with no date in the data");
  const m = turn.dataset.meetings.find((x) => x.date === date && x.body === "committee");
  const body = BODY_NAMES[m?.body ?? "committee"]?.[turn.lang].meeting;
  return m && body
    ? say(turn, `${body} ${dateText(date, "sv")}`, `the ${body} of ${dateText(date, "en")}`)
    : say(turn, `sammanträdet ${dateText(date, "sv")}`, `the meeting of ${dateText(date, "en")}`);
}

/**
 * What the meeting plan notes about the minutes of a meeting (that the date is inferred, not printed),
 * quoted: only the sentences of its note about the minutes (§, protokoll), never the rest.
 */
export function minutesNote(turn: Turn, meetings: readonly (Meeting | undefined)[]): string {
  const notes = [...new Set(meetings)].flatMap((m) => {
    const sentences = (m?.note ?? "").split(/(?<=\.)\s+(?=\p{Lu})/u);
    const about = sentences.filter((s) => /§|protokoll/i.test(s)).join(" ");
    return m && about ? [{ date: m.date, about }] : [];
  });
  return notes
    .map((n) =>
      say(
        turn,
        ` Om datumet säger sammanträdesplanen: "${n.about}"`,
        ` On the date, the meeting plan says (in Swedish): "${n.about}"`,
      ),
    )
    .join("");
}

/** "protokollet från nämndens sammanträde 22 juni 2022, 004_….txt": where the decisions are minuted. */
export function minutesSource(turn: Turn, decisions: readonly Decision[]): string {
  const dates = [...new Set(decisions.map((x) => x.meetingDate))];
  return dates
    .map((date) => {
      const document = minutesDocument(turn.dataset, { meetingDate: date });
      const what = say(
        turn,
        `protokollet från ${meetingName(turn, date)}`,
        `the minutes of ${meetingName(turn, date)}`,
      );
      return document ? `${what}, ${document}` : what;
    })
    .join("; ");
}

/** "§ 8–§ 16" for a run of paragraphs, else "§ 8, § 12 och § 16". */
export function paragraphsText(decisions: readonly Decision[], lang: "sv" | "en"): string {
  const ns = [...new Set(decisions.map((x) => x.paragraph))].sort((a, b) => a - b);
  const first = ns[0];
  const last = ns.at(-1);
  if (first === undefined || last === undefined) return "";
  if (ns.length > 2 && last - first === ns.length - 1) return `§ ${first}–§ ${last}`;
  return listing(
    ns.map((n) => `§ ${n}`),
    lang,
  );
}

/** "Gällivare och Kiruna" as the decision's recipients, or nothing. */
function sentToText(turn: Turn, x: Decision): string {
  if (x.sentTo.length === 0) return "";
  return say(
    turn,
    ` Beslutet skickas till ${listing(x.sentTo, "sv")}.`,
    ` Sent to ${listing(x.sentTo, "en")}.`,
  );
}

function caseText(turn: Turn, x: Decision): string {
  if (x.caseNumber === undefined) return say(turn, "utan ärendenr", "no case no.");
  return say(turn, `ärendenr ${x.caseNumber}`, `case no. ${x.caseNumber}`);
}

/** The decision as minuted, in quotes, ending with one full stop. */
function quoted(text: string): string {
  return `"${text.trim().replace(/\.$/, "")}"`;
}

/** One line of a list: "§ 12 Budget 2023 (ärendenr 2022/13-2.2.0.1): "E- nämnden beslutar …"." */
export function decisionLine(turn: Turn, x: Decision): string {
  return `§ ${x.paragraph} ${x.title} (${caseText(turn, x)}): ${quoted(x.decision)}.${sentToText(turn, x)}`;
}

/** One decision in full: the meeting, the decision as minuted, the summary, the recipients. */
export function decisionDetail(turn: Turn, x: Decision): string {
  const where = meetingName(turn, x.meetingDate);
  const summary = x.summary
    ? say(turn, ` Sammanfattning: ${x.summary}`, ` Summary (in Swedish): ${x.summary}`)
    : "";
  return say(
    turn,
    `§ ${x.paragraph} ${x.title} (${caseText(turn, x)}), ${where}. Beslut: ${quoted(x.decision)}.${summary}${sentToText(turn, x)}`,
    `§ ${x.paragraph} ${x.title} (${caseText(turn, x)}), ${where}. The decision, quoted in Swedish as minuted: ${quoted(x.decision)}.${summary}${sentToText(turn, x)}`,
  );
}

/** The card's table: one row a decision. */
export function decisionsTable(turn: Turn, decisions: readonly Decision[]): ReportTable {
  const text = (t: string) => ({ kind: "text" as const, text: t });
  return {
    columns: [
      { key: "p", label: "§", kind: "text" },
      { key: "case", label: say(turn, "Ärendenr", "Case no."), kind: "text" },
      { key: "title", label: say(turn, "Ärende", "Matter"), kind: "text" },
      { key: "decision", label: say(turn, "Beslut", "Decision (as minuted)"), kind: "text" },
      { key: "date", label: say(turn, "Sammanträde", "Meeting"), kind: "text" },
    ],
    rows: decisions.map((x) => ({
      cells: {
        p: text(`§ ${x.paragraph}`),
        case: text(x.caseNumber ?? "–"),
        title: text(x.title),
        decision: text(x.decision),
        date: text(x.meetingDate ? dateText(x.meetingDate, turn.lang) : "–"),
      },
    })),
  };
}

/** "nämndens sammanträde 22 juni 2022 (§ 8–§ 16)": every meeting the data has minutes of. */
export function minutedMeetings(turn: Turn): string {
  const byDate = new Map<string | undefined, Decision[]>();
  for (const x of turn.dataset.decisions)
    byDate.set(x.meetingDate, [...(byDate.get(x.meetingDate) ?? []), x]);
  return listing(
    [...byDate].map(([date, xs]) => `${meetingName(turn, date)} (${paragraphsText(xs, turn.lang)})`),
    turn.lang,
  );
}
