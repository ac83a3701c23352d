import type { FinancialStatement } from "@samverkan/domain";
import { buildBudgetReport, buildInterimReport, type ReportTable } from "@samverkan/reports";
import { say, type Draft, type Turn } from "../draft.js";
import { listing, money, signedMoney } from "../phrases.js";
import { municipalitiesIn, resolveYear } from "../resolve.js";
import type { AnswerAmount } from "../types.js";
import {
  changeAmount,
  cellsOf,
  columnWord,
  compact,
  statementSource,
  type Cell,
  type StatementRow,
} from "./statement-cells.js";
import type { TopicId } from "./topic.js";

/**
 * What the budget and outcome answers share: when they answer, how a table's cells read in a sentence,
 * the change between two printed budgets, the card's table (the reports package's own budget and
 * interim tables), and the refusal of a condition the tables cannot answer ("per invånare").
 */

/** Signals that make a question about a committee's costs someone else's: a member's share, a split. */
const NOT_THE_COMMITTEE = [
  "maxWithdrawal",
  "extras",
  "split",
  "why",
  "members",
  "participants",
  "most",
  "least",
] as const;

/** Cost words of a year gone by, which the cost questions (about the budget year) do not read. */
const PAST_COST = /^(kostade|kostat|kostats|spent|cost)$/;

/**
 * "SkånEarkivs kostnader 2020", "Vad kostade SkånEarkiv 2020?": the collaboration named with a cost
 * word, no member, item or project, and a table for the year — the committee's own costs.
 */
function asksCommitteeCosts(turn: Turn): boolean {
  const p = turn.parsed;
  const costWord = p.signals.has("cost") || p.words.some((w) => PAST_COST.test(w.fold));
  if (!p.collaborationsNamed.includes(turn.dataset.collaboration.id) || !costWord) return false;
  if (p.municipalities.length > 0 || p.items.length > 0 || p.projects.length > 0) return false;
  if (NOT_THE_COMMITTEE.some((s) => p.signals.has(s)) || p.topicSignals.size > 0) return false;
  const year = resolveYear(turn).value;
  return turn.dataset.statements.some((s) => s.year === year);
}

/**
 * Whether the budget or the outcome topic answers: its own words (or the committee's costs named
 * outright), but not "när beslutas budgeten?" (the annual cycle), not a municipality's own payments
 * ("Vad betalar Kalix enligt budgeten?" is its statement), and a question with both budget and outcome
 * words ("avvikelse mot budget") is the outcome's.
 */
export function claimsStatementTopic(turn: Turn, id: Extract<TopicId, "budget" | "outcome">): boolean {
  const p = turn.parsed;
  const own = p.topicSignals.has(id) || (id === "budget" && asksCommitteeCosts(turn));
  if (!own) return false;
  if (id === "budget" && p.topicSignals.has("outcome")) return false;
  if (p.signals.has("when") || p.signals.has("decide")) return false;
  const member = municipalitiesIn(turn).length > 0;
  // "Vad är utfallet för Kalix?": the report has no outcome per member, which the outcome answer says;
  // "Vad betalar Kalix enligt budgeten?" is the member's own statement.
  if (member && id === "outcome") return !p.signals.has("cost");
  if (member && (p.collaborationsNamed.length === 0 || p.signals.has("cost"))) return false;
  return true;
}

/**
 * "E-arkiv 322 000 kr" for a line with one cell (or the same amount in each of its columns, e.g. the
 * budget's intäkter and kostnader: said once, with the columns), "E-arkiv: intäkter 1 kr, kostnader 2 kr"
 * for several.
 */
function lineText(turn: Turn, cells: readonly Cell[]): string {
  const first = cells[0] as Cell;
  const s = first.statement;
  const word = (c: Cell) => columnWord(s, c.column, turn.lang);
  if (cells.every((c) => c.value.eq(first.value))) {
    const words = [...new Set(cells.map(word))];
    const columns = cells.length > 1 ? ` (${words.join(", ")})` : "";
    return `${first.line.label} ${money(first.value, s.unit, turn.lang)}${columns}`;
  }
  return `${first.line.label}: ${cells.map((c) => `${word(c)} ${money(c.value, s.unit, turn.lang)}`).join(", ")}`;
}

/** The cells line by line in print order (lines of the same label together), ending with a full stop. */
export function sideText(turn: Turn, cells: readonly Cell[]): string {
  const byLabel = new Map<string, Cell[]>();
  for (const c of cells) byLabel.set(c.line.label, [...(byLabel.get(c.line.label) ?? []), c]);
  return `${[...byLabel.values()].map((x) => lineText(turn, x)).join("; ")}.`;
}

export interface Change {
  readonly text: string;
  /** Each difference as a `statementChange`, naming both printed cells. */
  readonly amounts: AnswerAmount[];
}

/**
 * The change from one printed budget to another on the cost side (a budget's revenue mirrors its
 * costs): cell by cell where the same line and column are in both — the difference of two printed
 * cells, computed and said so — and the lines that are new or gone.
 */
export function changeText(
  turn: Turn,
  from: FinancialStatement,
  to: FinancialStatement,
  only?: readonly StatementRow[],
): Change {
  if (from.unit !== to.unit)
    return {
      text: say(
        turn,
        `${from.title} är i ${from.unit} och ${to.title} i ${to.unit}; de jämförs inte.`,
        `${from.title} is in ${from.unit} and ${to.title} in ${to.unit}; they are not compared.`,
      ),
      amounts: [],
    };
  const costs = (s: FinancialStatement, rows: readonly StatementRow[]) =>
    cellsOf(s, rows).filter((c) => c.column.side === "costs" || s.columns.length === 1);
  const fromCells = costs(from, [...from.lines, ...from.totals]);
  const changes: string[] = [];
  const amounts: AnswerAmount[] = [];
  for (const c of costs(to, [...(only ?? to.lines), ...to.totals])) {
    const before = fromCells.find(
      (x) => compact(x.line.label) === compact(c.line.label) && x.column.key === c.column.key,
    );
    if (!before) {
      changes.push(
        say(
          turn,
          `ny rad ${c.line.label} ${money(c.value, to.unit, "sv")}`,
          `new line ${c.line.label} ${money(c.value, to.unit, "en")}`,
        ),
      );
      continue;
    }
    const diff = c.value.minus(before.value);
    amounts.push(changeAmount(turn.dataset, c, before, turn.lang));
    changes.push(
      `${c.line.label} ${money(before.value, to.unit, turn.lang)} → ${money(c.value, to.unit, turn.lang)} (${signedMoney(diff, to.unit, turn.lang)})`,
    );
  }
  if (!only)
    for (const b of costs(from, from.lines))
      if (!to.lines.some((l) => compact(l.label) === compact(b.line.label)))
        changes.push(
          say(
            turn,
            `${b.line.label} (${money(b.value, from.unit, "sv")}) finns inte med ${to.year}`,
            `${b.line.label} (${money(b.value, from.unit, "en")}) is not in ${to.year}`,
          ),
        );
  return {
    text: say(
      turn,
      `Jämfört med ${from.title} (kostnadssidan; skillnaden beräknad ur de tryckta beloppen): ${changes.join("; ")}.`,
      `Compared with ${from.title} (the cost side; the difference computed from the printed amounts): ${changes.join("; ")}.`,
    ),
    amounts,
  };
}

/** A card shows this many columns; a wider table loses the rest. */
const CARD_COLUMNS = 4;

const FIGURE_WORDS = {
  sv: {
    budget: "Budget",
    forecast: "Prognos",
    outcome: "Utfall",
    deviation: "Avvikelse",
    result: "Resultat",
  },
  en: {
    budget: "Budget",
    forecast: "Forecast",
    outcome: "Outcome",
    deviation: "Deviation",
    result: "Result",
  },
} as const;

/**
 * A table too wide for a card whose every line prints one value per figure (the full-year forecast:
 * "INTÄKTER E-arkiv" has a budget, a prognos and an avvikelse) as one column per figure, the lines'
 * labels saying the side; printed totals that fit are rows of their own. Every cell as printed.
 */
function byFigure(turn: Turn, s: FinancialStatement): ReportTable | undefined {
  const fits = (l: StatementRow) => {
    const figures = s.columns.filter((c) => l.values[c.key] != null).map((c) => c.figure);
    return new Set(figures).size === figures.length;
  };
  if (!s.lines.every(fits)) return undefined;
  const figures = [...new Set(s.columns.map((c) => c.figure))].filter((f) =>
    s.lines.some((l) => s.columns.some((c) => c.figure === f && l.values[c.key] != null)),
  );
  if (figures.length + 1 > CARD_COLUMNS) return undefined;
  const source = statementSource(s, turn.lang);
  const row = (l: StatementRow, emphasis?: "subtotal") => ({
    cells: {
      label: { kind: "text" as const, text: l.label },
      ...Object.fromEntries(
        s.columns.flatMap((c) => {
          const v = l.values[c.key];
          return v === undefined || v === null || !figures.includes(c.figure)
            ? []
            : [
                [
                  c.figure,
                  {
                    kind: "money" as const,
                    value: v.toFixed(),
                    unit: s.unit,
                    provenance: "published" as const,
                    source,
                  },
                ],
              ];
        }),
      ),
    },
    ...(emphasis ? { emphasis } : {}),
  });
  return {
    columns: [
      { key: "label", label: say(turn, "Rad", "Line"), kind: "text" },
      ...figures.map((f) => ({
        key: f,
        label: FIGURE_WORDS[turn.lang][f],
        kind: "money" as const,
        unit: s.unit,
      })),
    ],
    rows: [...s.lines.map((l) => row(l)), ...s.totals.filter(fits).map((l) => row(l, "subtotal"))],
  };
}

/**
 * The card's table: the statement as the budget or interim report prints it (every printed cell
 * published, the totals row the exact sum of the rows), cut to the lines asked about.
 */
export function statementTable(
  turn: Turn,
  s: FinancialStatement,
  rows: readonly StatementRow[],
): ReportTable | undefined {
  const followUp = s.columns.some((c) => c.figure === "outcome" || c.figure === "forecast");
  const options = { year: s.year, lang: turn.lang };
  let table: ReportTable | undefined;
  try {
    const report = followUp
      ? buildInterimReport(turn.dataset, options)
      : buildBudgetReport(turn.dataset, options);
    table = report.sections.find((x) => x.title === s.title)?.table;
  } catch {
    return undefined; // the report refuses the year; the answer's text says what there is
  }
  if (table && table.columns.length > CARD_COLUMNS) table = byFigure(turn, s) ?? table;
  if (!table || rows.length === 0) return table;
  const labels = new Set(rows.map((r) => r.label));
  const kept = table.rows.filter((r) => {
    const cell = r.cells.label;
    return cell?.kind === "text" && labels.has(cell.text);
  });
  return kept.length > 0 ? { columns: table.columns, rows: kept } : table;
}

/**
 * "Vad är budgeten per invånare?": the tables print the committee's amounts as they are, so a
 * condition on them would be a different question; it is refused, naming the question that can be
 * answered.
 */
export function conditionRefusal(turn: Turn): Draft | undefined {
  const conditions = turn.parsed.conditions;
  if (conditions.length === 0) return undefined;
  const typed = conditions.map((c) => `"${c.typed}"`);
  let narrower = turn.parsed.question;
  for (const c of conditions) narrower = narrower.replace(c.typed, "");
  narrower = narrower
    .replace(/\s+([?.,!])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return {
    intent: "unknown",
    collaboration: turn.dataset.collaboration.id,
    text: say(
      turn,
      `Jag förstod inte hela frågan: ${listing(typed, "sv")} — budgeten och uppföljningen trycker nämndens belopp som de är, inte ${conditions.length > 1 ? "så" : conditions[0]?.typed}. Jag ger inget belopp för en annan fråga än den du ställde; det här kan jag svara på: "${narrower}".`,
      `I did not understand all of the question: ${listing(typed, "en")} — the budget and the follow-up print the committee's amounts as they are, not ${conditions.length > 1 ? "so" : conditions[0]?.typed}. I give no amount for a different question than the one you asked; this is what I can answer: "${narrower}".`,
    ),
    followUps: [narrower],
  };
}
