import type { ReportColumn, ReportRow, ReportTable } from "@samverkan/reports";
import { say, type Draft, type Turn } from "../draft.js";
import { yearLine } from "../charts.js";
import type { ResolvedYear } from "../resolve.js";
import { amountsTable } from "../tables.js";

/**
 * An item's split or total asked for several years ("Hur fördelas e-arkivet 2022–2023?", "Vad kostar
 * e-arkivet 2021–2023?"): each year answered as that year alone would be, one paragraph a year, so a
 * year without an allocation says so. The card's table sets the years side by side: municipalities by
 * year for a split, one row a year (and a line) for a total. Before, the last year was answered and
 * the others were dropped without a word.
 */

/**
 * The years' tables side by side, when each is a label column and one money column (an item's split,
 * SkånEarkiv's caps): a row per label, a column per year, with each year's printed total. Undefined
 * when a year has no such table, or the years are in different units.
 */
function tablesByYear(
  turn: Turn,
  drafts: readonly Draft[],
  years: readonly number[],
): ReportTable | undefined {
  const tables: { year: number; table: ReportTable }[] = [];
  for (const [i, d] of drafts.entries()) {
    const t = d.table;
    // A year without an allocation says so in the text and has no column.
    if (!t) continue;
    const amount = t.columns.find((c) => c.key === "amount");
    if (t.columns.length !== 2 || !t.columns.some((c) => c.key === "label") || amount?.kind !== "money")
      return undefined;
    tables.push({ year: years[i] as number, table: t });
  }
  if (tables.length < 2) return undefined;
  const units = new Set(tables.map((t) => t.table.columns.find((c) => c.key === "amount")?.unit));
  if (units.size !== 1) return undefined;
  const unit = [...units][0];
  const first = (tables[0] as (typeof tables)[number]).table;
  const columns: ReportColumn[] = [
    first.columns.find((c) => c.key === "label") as ReportColumn,
    ...tables.map(({ year }) => ({
      key: `y${year}`,
      label: String(year),
      kind: "money" as const,
      ...(unit ? { unit } : {}),
    })),
  ];
  const labelOf = (r: ReportRow) => {
    const cell = r.cells["label"];
    return cell?.kind === "text" ? cell.text : "";
  };
  const labels = [...new Set(tables.flatMap(({ table }) => table.rows.map(labelOf)))];
  const rows: ReportRow[] = labels.map((label) => ({
    cells: Object.fromEntries([
      ["label", { kind: "text", text: label }],
      ...tables.map(({ year, table }) => [
        `y${year}`,
        table.rows.find((r) => labelOf(r) === label)?.cells["amount"] ?? { kind: "empty" },
      ]),
    ]),
  }));
  const withTotals = tables.every(({ table }) => table.totals?.cells["amount"]);
  return {
    columns,
    rows,
    ...(withTotals
      ? {
          totals: {
            cells: Object.fromEntries([
              ["label", first.totals?.cells["label"] ?? { kind: "text", text: say(turn, "Summa", "Total") }],
              ...tables.map(({ year, table }) => [
                `y${year}`,
                table.totals?.cells["amount"] ?? { kind: "empty" },
              ]),
            ]),
            sumOf: tables.map(({ year }) => `y${year}`),
          },
        }
      : {}),
  };
}

/** Each year's answer, joined; the table and chart set the years side by side where they can. */
export function eachYear(
  turn: Turn,
  years: readonly number[],
  answerFor: (year: ResolvedYear) => Draft,
): Draft {
  const drafts = years.map((value) => answerFor({ value, source: "question" }));
  const last = drafts.at(-1) as Draft;
  const amounts = drafts.flatMap((d) => d.amounts ?? []);
  const totals = amounts.filter((a) => a.role === "itemTotal");
  let table: ReportTable | undefined;
  let chart = last.chart;
  if (last.intent === "itemTotal" && totals.length > 1 && new Set(totals.map((a) => a.unit)).size === 1) {
    table = amountsTable(
      totals,
      (a) => String(a.year),
      { label: say(turn, "År", "Year"), amount: say(turn, "Totalt", "Total") },
      turn.lang,
    );
    const first = totals[0];
    chart = first
      ? yearLine(table, `${first.item} ${first.year}–${totals.at(-1)?.year ?? first.year}`, turn.lang)
      : undefined;
  } else table = tablesByYear(turn, drafts, years);
  return {
    ...last,
    text: drafts.map((d) => d.text).join("\n\n"),
    amounts,
    followUps: [...new Set(drafts.flatMap((d) => d.followUps ?? []))].slice(0, 4),
    ...(table ? { table } : {}),
    ...(chart ? { chart } : {}),
  };
}
