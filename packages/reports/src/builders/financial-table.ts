import {
  checkStatement,
  Decimal,
  formatMoney,
  type FinancialStatement,
  type StatementColumn,
} from "@samverkan/domain";
import type { ReportCell, ReportColumn, ReportLang, ReportRow, ReportTable } from "../model.js";
import { computedMoney, EMPTY, publishedMoney, sourceText, sumTotals, text, WORDS } from "./cells.js";

type Side = StatementColumn["side"];

const FIGURE = {
  sv: {
    budget: "budget",
    forecast: "prognos",
    outcome: "utfall",
    deviation: "avvikelse",
    result: "resultat",
  },
  en: {
    budget: "budget",
    forecast: "forecast",
    outcome: "outcome",
    deviation: "deviation",
    result: "result",
  },
} as const;
const SIDE = {
  sv: { revenue: "intäkter", costs: "kostnader", net: "netto" },
  en: { revenue: "revenue", costs: "costs", net: "net" },
} as const;

/** A column's heading: as printed in Swedish; made from its figure and side in English. */
function columnLabel(c: StatementColumn, lang: ReportLang): string {
  if (lang === "sv") return c.label;
  const figure = FIGURE.en[c.figure];
  return c.side === "net"
    ? figure.charAt(0).toUpperCase() + figure.slice(1)
    : `${SIDE.en[c.side].replace(/^./, (x) => x.toUpperCase())}, ${figure}`;
}

/** One printed cell: published, with the table it is printed in. */
function printedCell(s: FinancialStatement, value: Decimal | null | undefined, lang: ReportLang): ReportCell {
  if (value === undefined || value === null) return EMPTY;
  return publishedMoney(value, s.unit, sourceText(s.source, lang));
}

export interface FinancialTable {
  readonly table: ReportTable;
  /** The document's own inconsistencies and how the table was read, in the report's language. */
  readonly notes: string[];
}

/**
 * A statement whose every line has at most one value per side (intäkter, kostnader, netto) reads best
 * as one column per side; lines with the same label and different sides (a budget's "Grundfinansiering"
 * under revenue and again under costs) become one row.
 */
function pivotable(s: FinancialStatement): boolean {
  return s.lines.every((l) => {
    const sides = Object.entries(l.values)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => s.columns.find((c) => c.key === k)?.side);
    return new Set(sides).size === sides.length;
  });
}

interface PivotRow {
  label: string;
  values: Partial<Record<Side, { value: Decimal | null }>>;
}

function pivotRows(s: FinancialStatement): PivotRow[] {
  const rows: PivotRow[] = [];
  for (const l of s.lines) {
    const entries = Object.entries(l.values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [s.columns.find((c) => c.key === k)?.side as Side, v] as const);
    const target = rows.find((r) => r.label === l.label && entries.every(([side]) => !(side in r.values)));
    const row = target ?? { label: l.label, values: {} };
    for (const [side, value] of entries) row.values[side] = { value: value ?? null };
    if (!target) rows.push(row);
  }
  return rows;
}

/**
 * A budget / prognos / utfall table as a report table: every printed number published with its
 * document line; a computed "intäkter − kostnader" next to a printed net figure, flagged where they
 * differ; a totals row of exact column sums (only where the document prints totals) and a note for every
 * printed total that is not the sum of its rows. Nothing printed is changed.
 */
export function financialTable(s: FinancialStatement, lang: ReportLang): FinancialTable {
  const sv = lang === "sv";
  const w = WORDS[lang];
  const money = (v: Decimal) => formatMoney(v, s.unit, lang);
  const notes: string[] = [];
  const hasTotals = s.totals.length > 0;

  if (pivotable(s)) {
    // A net column only where some line prints one (a budget prints its result only as a total).
    const sides = (["revenue", "costs", "net"] as const).filter((side) =>
      s.columns.some(
        (c) => c.side === side && (side !== "net" || s.lines.some((l) => l.values[c.key] !== undefined)),
      ),
    );
    const netColumn = s.columns.find((c) => c.side === "net");
    const netLabel = netColumn ? columnLabel(netColumn, lang) : "";
    const showComputedNet = sides.includes("revenue") && sides.includes("costs");
    const columns: ReportColumn[] = [
      { key: "label", label: w.line, kind: "text" },
      ...sides.map((side) => ({
        key: side,
        label: side === "revenue" ? w.revenue : side === "costs" ? w.costs : netLabel,
        kind: "money" as const,
        unit: s.unit,
      })),
      ...(showComputedNet
        ? [
            {
              key: "computedNet",
              label: sv ? "Intäkter − kostnader" : "Revenue − costs",
              kind: "money" as const,
              unit: s.unit,
            },
          ]
        : []),
    ];
    const rows: ReportRow[] = pivotRows(s).map((r) => {
      const rev = r.values.revenue?.value ?? null;
      const cost = r.values.costs?.value ?? null;
      const net = r.values.net;
      const cells: Record<string, ReportCell> = { label: text(r.label) };
      for (const side of sides) cells[side] = printedCell(s, r.values[side]?.value, lang);
      const rowNotes: string[] = [];
      if (showComputedNet) {
        const diff = new Decimal(rev ?? 0).minus(cost ?? 0);
        cells.computedNet =
          rev === null && cost === null
            ? EMPTY
            : computedMoney(
                diff,
                s.unit,
                sv ? `${w.revenue} − ${w.costs.toLowerCase()} på raden` : "Revenue − costs on the row",
              );
        if (net && net.value !== null && !net.value.eq(diff) && (rev !== null || cost !== null))
          rowNotes.push(
            sv
              ? `${r.label}: dokumentet trycker ${netLabel.toLowerCase()} ${money(net.value)}, men ${money(new Decimal(rev ?? 0))} − ${money(new Decimal(cost ?? 0))} = ${money(diff)}.`
              : `${r.label}: the document prints ${netLabel.toLowerCase()} ${money(net.value)}, but ${money(new Decimal(rev ?? 0))} − ${money(new Decimal(cost ?? 0))} = ${money(diff)}.`,
          );
        if (net && net.value === null)
          rowNotes.push(
            sv
              ? `${r.label}: ${netLabel.toLowerCase()} är tom i dokumentet; intäkter − kostnader = ${money(diff)}.`
              : `${r.label}: ${netLabel.toLowerCase()} is blank in the document; revenue − costs = ${money(diff)}.`,
          );
      }
      notes.push(...rowNotes.map((n) => `⚠ ${n}`));
      return { cells, ...(rowNotes.length ? { emphasis: "flagged" as const, notes: rowNotes } : {}) };
    });
    const moneyKeys = columns.filter((c) => c.kind === "money").map((c) => c.key);
    const table: ReportTable = {
      columns,
      rows,
      ...(hasTotals ? { totals: sumTotals(rows, moneyKeys, s.unit, { key: "label", text: w.total }) } : {}),
    };
    if (hasTotals) notes.push(...printedTotalNotes(s, lang));
    notes.push(...transcriptionNote(s, lang));
    return { table, notes };
  }

  // As printed: one column per printed column that some line fills (a result printed only as a total is
  // in the notes).
  const printed = s.columns.filter((c) => s.lines.some((l) => l.values[c.key] !== undefined));
  const columns: ReportColumn[] = [
    { key: "label", label: w.line, kind: "text" },
    ...printed.map((c) => ({
      key: c.key,
      label: columnLabel(c, lang),
      kind: "money" as const,
      unit: s.unit,
    })),
  ];
  const rows: ReportRow[] = s.lines.map((l) => ({
    cells: {
      label: text(l.label),
      ...Object.fromEntries(printed.map((c) => [c.key, printedCell(s, l.values[c.key], lang)])),
    },
  }));
  const sumKeys = printed.filter((c) => c.figure !== "result").map((c) => c.key);
  const table: ReportTable = {
    columns,
    rows,
    ...(hasTotals ? { totals: sumTotals(rows, sumKeys, s.unit, { key: "label", text: w.total }) } : {}),
  };
  if (hasTotals) notes.push(...printedTotalNotes(s, lang));
  notes.push(...transcriptionNote(s, lang));
  return { table, notes };
}

/** What the transcriber noted about the table (kept in English in the data), said as such. */
function transcriptionNote(s: FinancialStatement, lang: ReportLang): string[] {
  if (!s.notes) return [];
  return [
    lang === "sv"
      ? `Transkriberingens anmärkning (på engelska): ${s.notes}`
      : `Transcription note: ${s.notes}`,
  ];
}

/** Every printed total compared with the sum of its column: a note either way, flagged when it differs. */
function printedTotalNotes(s: FinancialStatement, lang: ReportLang): string[] {
  const sv = lang === "sv";
  const money = (v: Decimal) => formatMoney(v, s.unit, lang);
  const notes: string[] = [];
  for (const check of checkStatement(s)) {
    const column = s.columns.find((c) => c.key === check.column) as StatementColumn;
    const label = sv ? column.label : columnLabel(column, lang);
    for (const printed of check.printed) {
      if (!printed.eq(check.rowSum))
        notes.push(
          sv
            ? `⚠ ${label}: dokumentets tryckta summa är ${money(printed)}, men raderna summerar till ${money(check.rowSum)} (skillnad ${money(printed.minus(check.rowSum))}). Summaraden visar radernas summa; dokumentets siffra är inte ändrad.`
            : `⚠ ${label}: the document prints a total of ${money(printed)}, but the rows add up to ${money(check.rowSum)} (difference ${money(printed.minus(check.rowSum))}). The totals row shows the row sum; the document's figure is left as printed.`,
        );
    }
  }
  const result = s.columns.find((c) => c.figure === "result");
  if (result) {
    const revenue = s.columns.filter((c) => c.side === "revenue" && c.figure === "budget");
    const costs = s.columns.filter((c) => c.side === "costs" && c.figure === "budget");
    const sumOf = (cols: StatementColumn[]) =>
      s.lines.reduce((a, l) => cols.reduce((b, c) => b.plus(l.values[c.key] ?? 0), a), new Decimal(0));
    const printed = s.totals
      .map((t) => t.values[result.key])
      .find((v): v is Decimal => v !== undefined && v !== null);
    if (revenue.length === 1 && costs.length === 1 && printed !== undefined) {
      const computed = sumOf(revenue).minus(sumOf(costs));
      notes.push(
        computed.eq(printed)
          ? sv
            ? `Rörelseresultat: ${money(printed)} som tryckt, lika med intäkter − kostnader (en nämnd som finansieras av kommunernas avgifter går jämnt ut).`
            : `Operating result: ${money(printed)} as printed, equal to revenue − costs (a committee funded by the members' charges breaks even).`
          : sv
            ? `⚠ Rörelseresultat: tryckt ${money(printed)}, men intäkter − kostnader = ${money(computed)}.`
            : `⚠ Operating result: printed ${money(printed)}, but revenue − costs = ${money(computed)}.`,
      );
    }
  }
  return notes;
}
