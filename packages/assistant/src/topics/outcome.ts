import { editDistance, type FinancialStatement, type StatementColumn } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { dateText, listing } from "../phrases.js";
import { municipalitiesIn, resolveYear, yearNote, type ResolvedYear } from "../resolve.js";
import { linesAsked, printing } from "./budget-lines.js";
import { outcomeFollowUps, who } from "./budget-follow-ups.js";
import { deviationAnswer } from "./outcome-deviation.js";
import {
  cellAmount,
  columnNotes,
  cellsOf,
  columnWord,
  inconsistencies,
  netMismatches,
  sourceFacts,
  statementSource,
  type Cell,
} from "./statement-cells.js";
import { conditionRefusal, sideText, statementTable } from "./statement-text.js";

/**
 * Outcomes and forecasts of the interim report (delårsrapport): the detailed table of what was asked
 * (utfall per the report's date, or the full-year prognos), the lines asked about or the totals, and the
 * report's summary line for the same figure — each cell as printed, in its own unit (kr or tkr, never
 * converted). "Avvikelse mot budget" is the deviation answer's (outcome-deviation.ts).
 */
type Figure = StatementColumn["figure"];

const FORECAST = ["prognos", "prognosen", "helarsprognos", "helarsprognosen", "forecast", "forecasts"];
const FULL_YEAR = /^(helar|helaret|helarsprognos|fullyear)$/;
const DEVIATION =
  /^(avvikelse|avvikelsen|avvikelser|avvikelserna|deviation|deviations|variance|differens|differensen)$/;

/** "prognosen", "forecast", "helåret" — or one typo away ("prognosn"), as the parser reads the topic word. */
function asksForecast(turn: Turn): boolean {
  return turn.parsed.words.some(
    (w) =>
      FULL_YEAR.test(w.fold) ||
      FORECAST.includes(w.fold) ||
      (w.fold.length >= 6 && FORECAST.some((x) => editDistance(w.fold, x) <= 1)),
  );
}

/**
 * A deviation asked about without a date ("avvikelse mot budget", "what is the deviation in 2022?") is
 * the deviation against the budget; "avvikelsen per maj" is the outcome table's own column.
 */
function asksDeviationAgainstBudget(turn: Turn): boolean {
  const p = turn.parsed;
  if (!p.words.some((w) => DEVIATION.test(w.fold))) return false;
  return p.topicSignals.has("budget") || (p.months.length === 0 && p.dates.length === 0);
}

function noFigure(turn: Turn, year: ResolvedYear, figure: Figure): Draft {
  const d = turn.dataset;
  const name = turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
  const years = [
    ...new Set(d.statements.filter((s) => s.columns.some((c) => c.figure === figure)).map((s) => s.year)),
  ].sort();
  const what = figure === "forecast" ? say(turn, "prognos", "forecast") : say(turn, "utfall", "outcome");
  const w = who(turn);
  const other =
    figure === "forecast" && printing(d, year.value, "outcome").length > 0
      ? say(turn, ` Det finns utfall för ${year.value}.`, ` There is an outcome for ${year.value}.`)
      : "";
  return {
    intent: "outcome",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text:
      say(
        turn,
        `Det finns ingen ${what} för ${name} ${year.value} i datat${years.length ? `; det finns för ${listing(years.map(String), "sv")}` : ""}.`,
        `There is no ${what} for ${name} for ${year.value} in the data${years.length ? `; there is for ${listing(years.map(String), "en")}` : ""}.`,
      ) + other,
    followUps: years
      .slice(-4)
      .map((y) =>
        figure === "forecast"
          ? say(turn, `Vad är prognosen${w.sv} för ${y}?`, `What is the forecast${w.en} for ${y}?`)
          : say(turn, `Vad blev utfallet${w.sv} ${y}?`, `What was the outcome${w.en} in ${y}?`),
      ),
  };
}

/** What a net deviation column means, said once: it is revenue minus costs, not against the budget. */
function netMeaning(turn: Turn, cells: readonly Cell[]): string {
  const net = cells.find((c) => c.column.figure === "deviation" && c.column.side === "net");
  if (!net) return "";
  const word = columnWord(net.statement, net.column, turn.lang);
  return say(
    turn,
    ` (Kolumnen ${word} är intäkter minus kostnader, inte avvikelse mot budget.)`,
    ` (The ${word} column is revenue minus costs, not the deviation against the budget.)`,
  );
}

/** The summary tables' lines for the same figure (the tkr summary of the interim report). */
function summaryCells(summaries: readonly FinancialStatement[], figure: Figure): Cell[] {
  return summaries.flatMap((s) => {
    const columns = s.columns.filter((c) => c.figure === figure).map((c) => c.key);
    const rows = s.lines.filter((l) =>
      columns.some((k) => l.values[k] !== undefined && l.values[k] !== null),
    );
    return cellsOf(s, rows).filter((c) => c.column.figure === figure || c.column.figure === "deviation");
  });
}

/** " (tkr)" after a summary's title, unless the title says it already. */
const unitNote = (s: FinancialStatement) => (s.title.includes(`(${s.unit})`) ? "" : ` (${s.unit})`);

/** The interim report follows the committee up, not each member: said before the committee's figures. */
function memberNote(turn: Turn): string {
  const names = municipalitiesIn(turn).map((m) => m.name);
  if (names.length === 0) return "";
  return say(
    turn,
    `Uppföljningen redovisar inte utfall per kommun, så det finns inget utfall för ${listing(names, "sv")}; här är nämndens. `,
    `The follow-up reports no outcome per municipality, so there is none for ${listing(names, "en")}; here is the committee's. `,
  );
}

export function outcomeAnswer(turn: Turn): Draft {
  const refused = conditionRefusal(turn);
  if (refused) return refused;
  const d = turn.dataset;
  const year = resolveYear(turn);
  if (asksDeviationAgainstBudget(turn)) {
    const deviation = deviationAnswer(turn, year);
    if (deviation) return deviation;
  }
  const figure: Figure = asksForecast(turn) ? "forecast" : "outcome";
  const wanted = printing(d, year.value, figure).sort((a, b) => b.lines.length - a.lines.length);
  const detail = wanted[0];
  if (!detail) return noFigure(turn, year, figure);
  const summaries = wanted.slice(1);
  const asked = linesAsked(turn, detail);
  const cells = cellsOf(
    detail,
    asked.lines.length > 0 ? asked.lines : detail.totals.length ? detail.totals : detail.lines,
  );
  const asOf = detail.asOf
    ? say(turn, `, per ${dateText(detail.asOf, "sv")}`, `, as of ${dateText(detail.asOf, "en")}`)
    : "";
  let text = memberNote(turn);
  text += `${detail.title}${asOf} (${statementSource(detail, turn.lang)}): ${sideText(turn, cells)}`;
  if (asked.missing.length > 0)
    text += say(
      turn,
      ` ${listing(
        asked.missing.map((i) => i.name),
        "sv",
      )} finns inte som egen rad i tabellen${asked.lines.length ? "" : "; totalen visas"}.`,
      ` ${listing(
        asked.missing.map((i) => i.nameEn),
        "en",
      )} is not a line of its own in the table${asked.lines.length ? "" : "; the total is shown"}.`,
    );
  const summary = summaryCells(summaries, figure);
  for (const s of summaries) {
    const mine = summary.filter((c) => c.statement === s);
    if (mine.length)
      text += say(
        turn,
        ` Sammanfattning i ${s.title}${unitNote(s)}: ${sideText(turn, mine)}`,
        ` Summary in ${s.title}${unitNote(s)}: ${sideText(turn, mine)}`,
      );
  }
  text += netMeaning(turn, [...cells, ...summary]) + columnNotes(turn, [...cells, ...summary]);
  for (const note of [...inconsistencies(turn, detail), ...netMismatches(turn, summary)]) text += ` ${note}.`;
  text += yearNote(turn, year);
  const table = statementTable(turn, detail, asked.lines);
  return {
    intent: "outcome",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts: [...cells, ...summary].map((c) => cellAmount(d, c)),
    ...(table ? { table } : {}),
    facts: [
      ...sourceFacts(turn, detail),
      ...(detail.asOf ? [{ title: say(turn, "Per", "As of"), value: dateText(detail.asOf, turn.lang) }] : []),
    ],
    followUps: [
      ...municipalitiesIn(turn).map((m) =>
        say(turn, `Vad betalar ${m.name} ${year.value}?`, `What does ${m.name} pay in ${year.value}?`),
      ),
      ...outcomeFollowUps(turn, year.value, figure),
    ].slice(0, 4),
  };
}
