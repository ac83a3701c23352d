import {
  allocateCostItem,
  AllocationError,
  resolveCostItem,
  type AllocationResult,
} from "@samverkan/allocation";
import { foldName, formatMoney, type CostItem, type Dataset } from "@samverkan/domain";
import type { Report, ReportCell, ReportColumn, ReportLang, ReportRow } from "../model.js";
import {
  columnSum,
  computedMoney,
  derivedMoney,
  EMPTY,
  publishedMoney,
  sourceText,
  text,
  WORDS,
} from "./cells.js";

export interface AllocationReportOptions {
  readonly year: number;
  /** Cost items by id, name or synonym, in column order. Default: every item budgeted for the year. */
  readonly items?: readonly string[];
  /**
   * A published table's heading ("Fördelning årskostnader 2022", "Gemensamma tjänster 2023"): the
   * columns are the items that table prints for the year, in its order.
   */
  readonly table?: string;
  readonly lang?: ReportLang;
}

/** The items to show: the table's, the ones asked for, or every item with a budgeted rule for the year. */
function selectItems(d: Dataset, o: AllocationReportOptions): CostItem[] {
  if (o.table !== undefined) {
    const wanted = foldName(o.table);
    const tables = d.publishedTables.filter(
      (t) => t.year === o.year && t.costItem && foldName(t.title) === wanted,
    );
    if (tables.length === 0) {
      const titles = [
        ...new Set(d.publishedTables.filter((t) => t.year === o.year && t.costItem).map((t) => t.title)),
      ];
      throw new AllocationError(
        `Ingen publicerad tabell "${o.table}" för ${o.year}${titles.length ? `; det finns ${titles.join(", ")}` : ""}`,
        titles,
      );
    }
    return tables.map((t) => resolveCostItem(d, t.costItem as string));
  }
  if (o.items && o.items.length > 0) return o.items.map((q) => resolveCostItem(d, q));
  const items = d.costItems.filter((item) =>
    item.years.some((y) => y.year === o.year && y.rule && y.status === "budgeted"),
  );
  if (items.length === 0) {
    const years = [
      ...new Set(
        d.costItems.flatMap((i) =>
          i.years.filter((y) => y.rule && y.status === "budgeted").map((y) => y.year),
        ),
      ),
    ].sort((a, b) => a - b);
    throw new AllocationError(
      `${d.collaboration.name} har ingen budgeterad fördelning för ${o.year}${years.length ? `; det finns för ${years.join(", ")}` : ""}`,
      years.map(String),
    );
  }
  return items;
}

/** A row's amount as a cell: published with its source, or computed with the working in words. */
function amountCell(d: Dataset, row: AllocationResult["rows"][number], lang: ReportLang): ReportCell {
  if (row.published) {
    const { tableId, source } = row.published;
    const heading = d.publishedTables.find((t) => t.id === tableId)?.title;
    return publishedMoney(row.amount, row.unit, sourceText(source, lang, heading));
  }
  return computedMoney(row.amount, row.unit, row.explanation[lang]);
}

/**
 * Fördelning per kostnadspost och år: one row per municipality, one column per cost item, a totals row,
 * each cell published (with the table it is printed in) or computed (with the model in words). Printed
 * totals that are not the row sum, budgeted totals the rows do not reach, items billed directly by the
 * supplier and proposals are said in the notes.
 *
 * @example
 * buildAllocationReport(loadBundledDataset("norrbotten"), { year: 2023, table: "Gemensamma tjänster 2023" });
 */
export function buildAllocationReport(d: Dataset, options: AllocationReportOptions): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const w = WORDS[lang];
  const items = selectItems(d, options);
  const results = items.map((item) => allocateCostItem(d, item, options.year));

  const municipalities: string[] = [];
  for (const r of results)
    for (const row of r.rows)
      if (!municipalities.includes(row.municipality)) municipalities.push(row.municipality);

  const columns: ReportColumn[] = [
    { key: "municipality", label: w.municipality, kind: "text" },
    ...results.map((r) => ({
      key: r.costItem.id,
      label: sv ? r.costItem.name : r.costItem.nameEn,
      kind: "money" as const,
      unit: r.unit,
    })),
  ];
  const rows: ReportRow[] = municipalities.map((m) => ({
    cells: {
      municipality: text(m),
      ...Object.fromEntries(
        results.map((r) => {
          const row = r.rows.find((x) => x.municipality === m);
          return [r.costItem.id, row ? amountCell(d, row, lang) : EMPTY];
        }),
      ),
    },
  }));
  const totals = {
    cells: {
      municipality: text(w.total),
      ...Object.fromEntries(
        results.map((r) => [
          r.costItem.id,
          derivedMoney(columnSum(rows.map((x) => x.cells[r.costItem.id])), r.unit),
        ]),
      ),
    },
    sumOf: results.map((r) => r.costItem.id),
  };

  const notes: string[] = [];
  const money = (v: Parameters<typeof formatMoney>[0], unit: "kr" | "tkr") => formatMoney(v, unit, lang);
  for (const [i, r] of results.entries()) {
    const name = sv ? r.costItem.name : r.costItem.nameEn;
    const item = items[i] as CostItem;
    const itemYear = item.years.find((y) => y.year === options.year);
    const printed = r.publishedTable?.totalPrinted;
    if (printed && !printed.eq(r.rowSum))
      notes.push(
        sv
          ? `${name}: dokumentets tryckta summa är ${money(printed, r.unit)}, men raderna summerar till ${money(r.rowSum, r.unit)} (skillnad ${money(printed.minus(r.rowSum), r.unit)}). Summaraden visar radernas summa; dokumentets siffra är inte ändrad.`
          : `${name}: the document prints a total of ${money(printed, r.unit)}, but its rows add up to ${money(r.rowSum, r.unit)} (difference ${money(printed.minus(r.rowSum), r.unit)}). The totals row shows the row sum; the document's figure is left as printed.`,
      );
    if (r.budgetTotal && !r.budgetTotal.eq(r.rowSum) && !(printed && printed.eq(r.budgetTotal)))
      notes.push(
        sv
          ? `${name}: budgeterat ${money(r.budgetTotal, r.unit)}; fördelningen summerar till ${money(r.rowSum, r.unit)}.`
          : `${name}: budgeted ${money(r.budgetTotal, r.unit)}; the allocation adds up to ${money(r.rowSum, r.unit)}.`,
      );
    const differing = r.rows.filter((x) => x.published && !x.published.matchesComputed);
    if (differing.length > 0)
      notes.push(
        sv
          ? `${name}: det publicerade beloppet avviker från modellens beräkning för ${differing.map((x) => `${x.municipality} (beräknat ${money(x.computed, x.unit)})`).join(", ")}; tabellen visar det publicerade.`
          : `${name}: the published amount differs from the model's computation for ${differing.map((x) => `${x.municipality} (computed ${money(x.computed, x.unit)})`).join(", ")}; the table shows the published one.`,
      );
    if (r.costItem.category === "billedBySupplier")
      notes.push(
        sv
          ? `${name} faktureras direkt av leverantören till varje kommun och ingår inte i nämndens budget.`
          : `${name} is invoiced directly by the supplier to each municipality and is not part of the committee's budget.`,
      );
    if (itemYear?.status === "proposed")
      notes.push(
        sv
          ? `${name} är ett förslag (kostnadskalkyl), inte en budgeterad avgift.`
          : `${name} is a proposal (a cost calculation), not a budgeted charge.`,
      );
    if (r.rows.every((x) => x.provenance === "computed"))
      notes.push(
        sv
          ? `${name}: ingen publicerad tabell för ${options.year}; alla belopp är beräknade.`
          : `${name}: no published table for ${options.year}; every amount is computed.`,
      );
  }
  const published = new Set(
    results.flatMap((r) => (r.publishedTable ? [sourceText(r.publishedTable.source, lang)] : [])),
  );

  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  const title =
    options.table ??
    (sv ? `Fördelning per kostnadspost ${options.year}` : `Allocation per cost item ${options.year}`);
  return {
    name: "allocation",
    lang,
    title,
    subtitle: collaboration,
    collaboration,
    year: options.year,
    sections: [
      {
        title: sv ? `Fördelning ${options.year}` : `Allocation ${options.year}`,
        table: { columns, rows, totals },
        ...(notes.length ? { notes } : {}),
      },
    ],
    notes: [
      sv
        ? "Publicerade belopp är tryckta i dokumentet som anges; beräknade belopp kommer från fördelningsmotorn med den modell som står i cellen. Summaraden är radernas exakta summa."
        : "Published amounts are printed in the document given; computed amounts come from the allocation engine with the model stated in the cell. The totals row is the exact sum of the rows.",
      ...[...published].map((s) => (sv ? `Källa: ${s}` : `Source: ${s}`)),
    ],
  };
}
