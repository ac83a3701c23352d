import { editDistance, type FinancialStatement, type StatementColumn } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { dateText, listing } from "../phrases.js";
import { resolveYear, yearNote } from "../resolve.js";
import {
  cellAmount,
  cellsOf,
  inconsistencies,
  linesByWords,
  linesForItem,
  statementSource,
} from "./statement-cells.js";
import { cellsTable, itemsAsked, sideText } from "./statement-text.js";

/**
 * Outcomes and forecasts of the interim report (delårsrapport): the detailed table of what was asked
 * (utfall per the report's date, or the full-year forecast), one item's lines or the totals, and the
 * report's summary line for the same figure — each cell as printed, in its own unit (kr or tkr).
 */
type Figure = StatementColumn["figure"];

const FORECAST_WORDS =
  /^(prognos|prognosen|helarsprognos|helarsprognosen|helar|helaret|forecast|forecasts|fullyear)$/;

function has(s: FinancialStatement, figure: Figure): boolean {
  return s.columns.some((c) => c.figure === figure);
}

export function outcomeAnswer(turn: Turn): Draft {
  const d = turn.dataset;
  const year = resolveYear(turn);
  const name = turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
  const base = { intent: "outcome" as const, collaboration: d.collaboration.id };
  // "prognosen", "forecast" — or one typo away ("prognosn"), as the parser reads the topic word itself.
  const wantsForecast = turn.parsed.words.some(
    (w) =>
      FORECAST_WORDS.test(w.fold) ||
      (w.fold.length >= 6 && ["prognos", "prognosen", "forecast"].some((x) => editDistance(w.fold, x) <= 1)),
  );
  const figure: Figure = wantsForecast ? "forecast" : "outcome";
  const ofYear = d.statements.filter(
    (s) => s.year === year.value && (has(s, "outcome") || has(s, "forecast")),
  );
  const wanted = ofYear.filter((s) => has(s, figure)).sort((a, b) => b.lines.length - a.lines.length);
  if (wanted.length === 0) {
    const years = [...new Set(d.statements.filter((s) => has(s, figure)).map((s) => s.year))];
    const what = figure === "forecast" ? say(turn, "prognos", "forecast") : say(turn, "utfall", "outcome");
    const other =
      ofYear.length > 0 && figure === "forecast"
        ? say(turn, " Det finns utfall för året.", " There is an outcome for the year.")
        : "";
    return {
      ...base,
      text:
        say(
          turn,
          `Det finns ingen ${what} för ${name} ${year.value} i datat${years.length ? `; det finns för ${listing(years.map(String), "sv")}` : ""}.`,
          `There is no ${what} for ${name} for ${year.value} in the data${years.length ? `; there is for ${listing(years.map(String), "en")}` : ""}.`,
        ) + other,
      followUps: years.map((y) =>
        figure === "forecast"
          ? say(turn, `Vad är prognosen för ${y}?`, `What is the forecast for ${y}?`)
          : say(turn, `Vad blev utfallet ${y}?`, `What was the outcome in ${y}?`),
      ),
    };
  }
  const detail = wanted[0] as FinancialStatement;
  const summaries = wanted.slice(1);
  const items = itemsAsked(turn);
  const folds = new Set(turn.parsed.words.map((w) => w.fold));
  const byItem = items.flatMap((item) => linesForItem(detail, item));
  const itemLines = byItem.length > 0 ? byItem : linesByWords(detail, folds);
  const missing = items.filter((item) => linesForItem(detail, item).length === 0);
  const cells =
    itemLines.length > 0
      ? cellsOf(detail, itemLines)
      : cellsOf(detail, detail.totals.length ? detail.totals : detail.lines);
  const asOf = detail.asOf
    ? say(turn, `, per ${dateText(detail.asOf, "sv")}`, `, as of ${dateText(detail.asOf, "en")}`)
    : "";
  let text = say(
    turn,
    `${detail.title}${asOf} (${statementSource(detail, "sv")}): ${sideText(turn, cells)}`,
    `${detail.title}${asOf} (${statementSource(detail, "en")}): ${sideText(turn, cells)}`,
  );
  if (missing.length > 0)
    text += say(
      turn,
      ` ${listing(
        missing.map((i) => i.name),
        "sv",
      )} finns inte som egen rad i tabellen; totalen visas.`,
      ` ${listing(
        missing.map((i) => i.nameEn),
        "en",
      )} is not a line of its own in the table; the total is shown.`,
    );
  const summaryCells = summaries
    .flatMap((s) =>
      cellsOf(
        s,
        s.lines.filter((l) =>
          s.columns.some(
            (c) => c.figure === figure && l.values[c.key] !== undefined && l.values[c.key] !== null,
          ),
        ),
      ),
    )
    .filter((c) => c.column.figure === figure || c.column.figure === "deviation");
  const summaryLines = summaries
    .map((s) => {
      const mine = summaryCells.filter(
        (c) =>
          c.statement === s &&
          c.line.label.toLowerCase().includes(figure === "forecast" ? "prognos" : "utfall"),
      );
      return mine.length
        ? say(
            turn,
            ` Sammanfattning i ${s.title} (${s.unit}): ${sideText(turn, mine)}`,
            ` Summary in ${s.title} (${s.unit}): ${sideText(turn, mine)}`,
          )
        : "";
    })
    .join("");
  text += summaryLines;
  for (const note of inconsistencies(turn, detail)) text += ` ${note}.`;
  text += yearNote(turn, year);
  const shownSummary = summaryCells.filter((c) =>
    c.line.label.toLowerCase().includes(figure === "forecast" ? "prognos" : "utfall"),
  );
  return {
    ...base,
    year: { value: year.value, source: year.source },
    text,
    amounts: [...cells, ...shownSummary].map((c) => cellAmount(d, c, turn.lang)),
    table: cellsTable(turn, detail, itemLines.length > 0 ? itemLines : detail.lines),
    facts: [{ title: say(turn, "Källa", "Source"), value: statementSource(detail, turn.lang) }],
    followUps: [
      figure === "forecast"
        ? say(turn, `Vad blev utfallet ${year.value}?`, `What was the outcome in ${year.value}?`)
        : say(turn, `Vad är prognosen för ${year.value}?`, `What is the forecast for ${year.value}?`),
      say(turn, `Vad är budgeten för ${year.value}?`, `What is the budget for ${year.value}?`),
    ],
  };
}
