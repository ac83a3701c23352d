import type { ReportColumn, ReportRow, ReportTable } from "@samverkan/reports";
import { say, type Draft, type Turn } from "../draft.js";
import { listing } from "../phrases.js";
import { interpretationNote } from "../resolve.js";
import { moneyCell } from "../tables.js";
import { yearLines } from "../charts.js";
import type { AnswerAmount } from "../types.js";
import { sourceFacts } from "./cost.js";
import {
  amountsSentence,
  changes,
  collect,
  missingNote,
  seriesFollowUps,
  seriesIntent,
  seriesName,
  type Collected,
  type YearSeriesOf,
} from "./year-series.js";

/**
 * Several series over several years in one answer: "Vad betalar Kalix och Luleå för e-arkiv
 * 2021–2023?", or one municipality and two items. Each series is answered as `yearSeries` answers one
 * (every year asked, the changes, the years the data does not hold), one paragraph each; the card gets
 * a table of the years by series and a line per series. Before, such a question got the last year and
 * a comparison with the first, and the years between were dropped without a word.
 */

/** One series asked about: a municipality and what of it is followed. */
export interface SeriesAsked {
  readonly municipality: string;
  readonly of: YearSeriesOf;
}

interface Answered extends SeriesAsked {
  readonly c: Collected;
  /** The series' column heading: the municipality, with the item when several are followed. */
  readonly heading: string;
}

/** The table's rows: each year that has an amount in some series, its amount per series. */
function yearsBySeries(turn: Turn, answered: readonly Answered[]): ReportTable | undefined {
  const columns: ReportColumn[] = [{ key: "label", label: say(turn, "År", "Year"), kind: "text" }];
  for (const [i, a] of answered.entries()) {
    const units = new Set(a.c.points.map((p) => p.unit));
    // A column holds one unit (kr or tkr); a series in both is told in the text only.
    if (units.size > 1) return undefined;
    const unit = a.c.points[0]?.unit ?? "kr";
    columns.push({ key: `s${i}`, label: a.heading, kind: "money", unit });
  }
  const years = [...new Set(answered.flatMap((a) => a.c.points.map((p) => p.year)))].sort((x, y) => x - y);
  const rows: ReportRow[] = years.map((year) => ({
    cells: Object.fromEntries([
      ["label", { kind: "text", text: String(year) }],
      ...answered.map((a, i) => {
        const point = a.c.points.find((p) => p.year === year);
        return [`s${i}`, point ? moneyCell(point.amount, turn.lang) : { kind: "empty" }];
      }),
    ]),
  }));
  return { columns, rows };
}

/**
 * The answer for every series and every year asked, or undefined when a series cannot be set side by
 * side over the years (a statement total in more than one unit): then the question is answered as
 * before.
 */
export function yearSeriesMany(
  turn: Turn,
  asked: readonly SeriesAsked[],
  years: readonly number[],
): Draft | undefined {
  const severalOf = new Set(asked.map((a) => JSON.stringify(a.of))).size > 1;
  const severalPlaces = new Set(asked.map((a) => a.municipality)).size > 1;
  const answered: Answered[] = [];
  for (const a of asked) {
    const c = collect(turn, a.municipality, a.of, years);
    if (!c) return undefined;
    const name = seriesName(turn, a.of);
    const heading = severalOf ? (severalPlaces ? `${a.municipality}, ${name}` : name) : a.municipality;
    answered.push({ ...a, c, heading });
  }
  const amounts: AnswerAmount[] = answered.flatMap((a) => a.c.points.map((p) => p.amount));
  const paragraphs = answered.map(({ municipality, of, c }) => {
    const told = c.points.length > 0 ? amountsSentence(turn, municipality, of, c.points) : "";
    const moved = c.points.length > 1 ? changes(turn, municipality, of, c.points, amounts) : "";
    return (told + moved + missingNote(turn, municipality, of, c)).trim();
  });
  const d = turn.dataset;
  const first = years[0] as number;
  const lastYear = years.at(-1) as number;
  const table = yearsBySeries(turn, answered);
  const names = answered.map((a) => a.heading);
  const chart = table
    ? yearLines(
        table,
        `${listing(names, turn.lang)} ${first}–${lastYear}`,
        turn.lang,
        answered.map((_, i) => `s${i}`),
      )
    : undefined;
  const kinds = new Set(asked.map((a) => seriesIntent(a.of)));
  const lastAnswered = Math.max(...amounts.map((a) => a.year), first);
  const withAllocation = answered.find((a) => a.c.last);
  return {
    intent: kinds.size === 1 ? seriesIntent((asked[0] as SeriesAsked).of) : "itemCost",
    collaboration: d.collaboration.id,
    year: { value: lastAnswered, source: "question" },
    text: paragraphs.join("\n\n") + interpretationNote(turn),
    amounts,
    followUps: [
      ...new Set(answered.flatMap((a) => seriesFollowUps(turn, a.municipality, a.of, lastAnswered))),
    ].slice(0, 4),
    ...(table ? { table } : {}),
    ...(chart ? { chart } : {}),
    ...(withAllocation?.c.last ? { facts: sourceFacts(turn, withAllocation.c.last) } : {}),
  };
}
