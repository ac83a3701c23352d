import { foldName, type CostItem, type FinancialStatement } from "@samverkan/domain";
import type { ReportTable } from "@samverkan/reports";
import { say, type Draft, type Turn } from "../draft.js";
import { money, signedMoney } from "../phrases.js";
import { itemsIn, municipalitiesIn } from "../resolve.js";
import { cellsOf, type Cell, type StatementRow } from "./statement-cells.js";
import type { TopicId } from "./topic.js";

/** The cost items the question names (one id each; an ambiguous word is the cost questions' to ask back). */
export function itemsAsked(turn: Turn): CostItem[] {
  const ids = [
    ...new Set(
      itemsIn(turn)
        .filter((x) => x.ids.length === 1)
        .flatMap((x) => x.ids),
    ),
  ];
  return ids.flatMap((id) => turn.dataset.costItems.filter((c) => c.id === id));
}

/**
 * Whether the budget or the outcome topic answers: its own words, but not "när beslutas budgeten?"
 * (the annual cycle), not a municipality's own costs ("Vad betalar Kalix enligt budgeten?" is its
 * statement), and a question with both budget and outcome words ("avvikelse mot budget") is the outcome's.
 */
export function claimsStatementTopic(turn: Turn, id: Extract<TopicId, "budget" | "outcome">): boolean {
  const p = turn.parsed;
  if (!p.topicSignals.has(id)) return false;
  if (id === "budget" && p.topicSignals.has("outcome")) return false;
  if (p.signals.has("when") || p.signals.has("decide")) return false;
  if (municipalitiesIn(turn).length > 0 && p.collaborationsNamed.length === 0) return false;
  return true;
}

/**
 * "E-arkiv 322 000 kr" for a line with one cell (or the same amount in each of its columns, e.g. the
 * budget's intäkter and kostnader: said once), "E-arkiv: intäkter 1 kr, kostnader 2 kr" for several.
 */
function lineText(turn: Turn, cells: readonly Cell[]): string {
  const first = cells[0] as Cell;
  const unit = first.statement.unit;
  if (cells.every((c) => c.value.eq(first.value))) {
    const columns = cells.length > 1 ? ` (${cells.map((c) => c.column.label.toLowerCase()).join(", ")})` : "";
    return `${first.line.label} ${money(first.value, unit, turn.lang)}${columns}`;
  }
  return `${first.line.label}: ${cells
    .map((c) => `${c.column.label.toLowerCase()} ${money(c.value, unit, turn.lang)}`)
    .join(", ")}`;
}

/** The cells line by line in print order (lines of the same label together), ending with a full stop. */
export function sideText(turn: Turn, cells: readonly Cell[]): string {
  const byLabel = new Map<string, Cell[]>();
  for (const c of cells) byLabel.set(c.line.label, [...(byLabel.get(c.line.label) ?? []), c]);
  return `${[...byLabel.values()].map((x) => lineText(turn, x)).join("; ")}.`;
}

const key = (label: string) => foldName(label).replace(/[^a-z0-9]/g, "");

/**
 * The change from one printed statement to another, cell by cell where the same line and column are in
 * both (a difference of two printed cells, computed), and the lines that are new or gone.
 */
export function changeText(
  turn: Turn,
  from: FinancialStatement,
  to: FinancialStatement,
  only?: readonly StatementRow[],
): string {
  if (from.unit !== to.unit)
    return say(
      turn,
      `${from.title} är i ${from.unit} och ${to.title} i ${to.unit}; de jämförs inte.`,
      `${from.title} is in ${from.unit} and ${to.title} in ${to.unit}; they are not compared.`,
    );
  const costs = (s: FinancialStatement, rows: readonly StatementRow[]) =>
    cellsOf(s, rows).filter((c) => c.column.side === "costs" || s.columns.length === 1);
  const toRows = only ?? to.lines;
  const fromCells = costs(from, [...from.lines, ...from.totals]);
  const changes: string[] = [];
  for (const c of costs(to, [...toRows, ...to.totals])) {
    const before = fromCells.find(
      (x) => key(x.line.label) === key(c.line.label) && x.column.key === c.column.key,
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
    changes.push(
      `${c.line.label} ${money(before.value, to.unit, turn.lang)} → ${money(c.value, to.unit, turn.lang)} (${signedMoney(diff, to.unit, turn.lang)})`,
    );
  }
  if (!only)
    for (const b of costs(from, from.lines))
      if (!to.lines.some((l) => key(l.label) === key(b.line.label)))
        changes.push(
          say(turn, `${b.line.label} finns inte med ${to.year}`, `${b.line.label} is not in ${to.year}`),
        );
  return say(
    turn,
    `Jämfört med ${from.title} (kostnadssidan; skillnaden beräknad ur de tryckta beloppen): ${changes.join("; ")}.`,
    `Compared with ${from.title} (the cost side; the difference computed from the printed amounts): ${changes.join("; ")}.`,
  );
}

/** The statement's lines as the card's table: one row per label, one money column per printed column. */
export function cellsTable(turn: Turn, s: FinancialStatement, rows: readonly StatementRow[]): Draft["table"] {
  const labels = [...new Set([...rows, ...s.totals].map((r) => r.label))];
  const table: ReportTable = {
    columns: [
      { key: "line", label: say(turn, "Rad", "Line"), kind: "text" },
      ...s.columns.map((c) => ({ key: c.key, label: c.label, kind: "money" as const, unit: s.unit })),
    ],
    rows: labels.map((label) => {
      const cells = cellsOf(
        s,
        [...rows, ...s.totals].filter((r) => r.label === label),
      );
      return {
        cells: {
          line: { kind: "text" as const, text: label },
          ...Object.fromEntries(
            cells.map((c) => [
              c.column.key,
              {
                kind: "money" as const,
                value: c.value.toFixed(),
                unit: s.unit,
                provenance: "published" as const,
              },
            ]),
          ),
        },
        ...(s.totals.some((t) => t.label === label) ? { emphasis: "subtotal" as const } : {}),
      };
    }),
  };
  return table;
}
