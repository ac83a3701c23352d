import { AllocationError } from "@samverkan/allocation";
import {
  Decimal,
  foldName,
  formatMoney,
  type CostItem,
  type Dataset,
  type FinancialStatement,
} from "@samverkan/domain";
import type { Report, ReportLang, ReportRow, ReportSection, ReportTable } from "../model.js";
import { columnSum, computedMoney, derivedMoney, sourceText, text } from "./cells.js";
import { financialTable } from "./financial-table.js";

export interface BudgetReportOptions {
  readonly year: number;
  readonly lang?: ReportLang;
}

/** A budget: only budget figures (and the result line), not a follow-up at a date. */
const isBudget = (s: FinancialStatement) =>
  !s.asOf && s.columns.every((c) => c.figure === "budget" || c.figure === "result");

const names = (item: CostItem) => [item.name, item.nameEn, ...item.synonyms].map(foldName);

/** Whether a statement has a line for an item the supplier bills directly (the "inkl. Datacenter" variant). */
function includesSupplier(s: FinancialStatement, supplierItems: readonly CostItem[]): boolean {
  return s.lines.some((l) => supplierItems.some((item) => names(item).includes(foldName(l.label))));
}

/** The budget's revenue lines by label, for comparing two printed budgets. */
function revenueLines(s: FinancialStatement): Map<string, Decimal> {
  const revenue = s.columns.filter((c) => c.side === "revenue").map((c) => c.key);
  const out = new Map<string, Decimal>();
  for (const l of s.lines)
    for (const k of revenue) {
      const v = l.values[k];
      if (v !== undefined && v !== null) out.set(l.label, v);
    }
  return out;
}

/** What one printed budget has that the other lacks, and whether the totals reconcile. */
function compareVariants(base: FinancialStatement, variant: FinancialStatement, lang: ReportLang): string[] {
  const sv = lang === "sv";
  const money = (v: Decimal) => formatMoney(v, base.unit, lang);
  const a = revenueLines(base);
  const b = revenueLines(variant);
  const missing = [...a].filter(([label]) => !b.has(label));
  const added = [...b].filter(([label]) => !a.has(label));
  const total = (m: Map<string, Decimal>) => [...m.values()].reduce((x, y) => x.plus(y), new Decimal(0));
  const notes: string[] = [];
  for (const [label, value] of missing)
    notes.push(
      sv
        ? `⚠ ${variant.title} saknar raden ${label} (${money(value)}) som finns i ${base.title}; den är inte tillagd här.`
        : `⚠ ${variant.title} lacks the line ${label} (${money(value)}) that ${base.title} has; it is not added here.`,
    );
  if (missing.length || added.length) {
    const sum = total(a)
      .minus(missing.reduce((x, [, v]) => x.plus(v), new Decimal(0)))
      .plus(added.reduce((x, [, v]) => x.plus(v), new Decimal(0)));
    const terms = [
      money(total(a)),
      ...missing.map(([, v]) => `− ${money(v)}`),
      ...added.map(([, v]) => `+ ${money(v)}`),
    ].join(" ");
    notes.push(
      sv
        ? `${base.title} ${terms} = ${money(sum)}; ${variant.title} summerar intäkterna till ${money(total(b))}.`
        : `${base.title} ${terms} = ${money(sum)}; ${variant.title} adds its revenue up to ${money(total(b))}.`,
    );
  }
  return notes;
}

/**
 * "Budget inkl. Datacenter" where the document prints none: the budget plus, for every item the
 * supplier bills directly, its budgeted total as revenue and as cost — computed, and said so.
 */
function computedVariant(
  base: FinancialStatement,
  table: ReportTable,
  supplierItems: readonly CostItem[],
  year: number,
  lang: ReportLang,
): { table: ReportTable; notes: string[] } | undefined {
  const sv = lang === "sv";
  const extras = supplierItems.flatMap((item) => {
    const y = item.years.find((x) => x.year === year && x.total !== undefined && x.unit === base.unit);
    return y ? [{ item, total: y.total as Decimal, source: y.totalSource }] : [];
  });
  if (extras.length === 0) return undefined;
  const rows: ReportRow[] = [
    ...table.rows,
    ...extras.map(({ item, total, source }) => {
      const how = sv
        ? `${item.name}s budgeterade total ${year}${source ? ` (${sourceText(source, lang)})` : ""}, lagd till som intäkt och kostnad`
        : `${item.nameEn}'s budgeted total for ${year}${source ? ` (${sourceText(source, lang)})` : ""}, added as revenue and cost`;
      const cells: Record<string, ReturnType<typeof computedMoney>> = {
        revenue: computedMoney(total, base.unit, how),
        costs: computedMoney(total, base.unit, how),
      };
      if (table.columns.some((c) => c.key === "computedNet"))
        cells.computedNet = computedMoney(
          new Decimal(0),
          base.unit,
          sv ? "Intäkter − kostnader på raden" : "Revenue − costs on the row",
        );
      return { cells: { label: text(sv ? item.name : item.nameEn), ...cells } };
    }),
  ];
  const keys = table.totals?.sumOf ?? table.columns.filter((c) => c.kind === "money").map((c) => c.key);
  return {
    table: {
      columns: table.columns,
      rows,
      totals: {
        cells: {
          label: text(sv ? "Summa" : "Total"),
          ...Object.fromEntries(
            keys.map((k) => [k, derivedMoney(columnSum(rows.map((r) => r.cells[k])), base.unit)]),
          ),
        },
        sumOf: keys,
      },
    },
    notes: [
      sv
        ? `Dokumentet trycker ingen budget ${year} inklusive det som faktureras direkt av leverantören; den här varianten är beräknad: ${base.title} plus ${extras.map((x) => `${x.item.name} ${formatMoney(x.total, base.unit, lang)}`).join(" och ")}.`
        : `The document prints no ${year} budget including what the supplier invoices directly; this variant is computed: ${base.title} plus ${extras.map((x) => `${x.item.nameEn} ${formatMoney(x.total, base.unit, lang)}`).join(" and ")}.`,
    ],
  };
}

/**
 * Budget: revenue and costs per line for a year, as printed, with revenue − costs per line and the
 * operating result (0 for a committee funded by its members' charges); and the "inkl. Datacenter" variant —
 * printed where the document has it (with what it lacks compared with the budget flagged), else computed
 * from the budget and the supplier-billed items' totals.
 *
 * @example
 * buildBudgetReport(loadBundledDataset("norrbotten"), { year: 2022 });
 */
export function buildBudgetReport(d: Dataset, options: BudgetReportOptions): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const supplierItems = d.costItems.filter((c) => c.category === "billedBySupplier");
  const budgets = d.statements.filter((s) => s.year === options.year && isBudget(s));
  if (budgets.length === 0) {
    const years = [...new Set(d.statements.filter(isBudget).map((s) => s.year))].sort((a, b) => a - b);
    throw new AllocationError(
      `${d.collaboration.name} har ingen budget för ${options.year}${years.length ? `; det finns för ${years.join(", ")}` : ""}`,
      years.map(String),
    );
  }
  const bases = budgets.filter((s) => !includesSupplier(s, supplierItems));
  const variants = budgets.filter((s) => includesSupplier(s, supplierItems));
  const sections: ReportSection[] = [];
  const labelNote = sv ? [] : ["Line labels are printed as in the Swedish document."];

  for (const s of bases.length ? bases : budgets) {
    const { table, notes } = financialTable(s, lang);
    sections.push({
      title: s.title,
      paragraphs: [sv ? `Källa: ${sourceText(s.source, lang)}.` : `Source: ${sourceText(s.source, lang)}.`],
      table,
      ...(notes.length ? { notes } : {}),
    });
    if (variants.length === 0 && bases.length > 0) {
      const computed = computedVariant(s, table, supplierItems, options.year, lang);
      if (computed)
        sections.push({
          title: sv
            ? `${s.title} inkl. ${supplierItems.map((i) => i.name).join(", ")} (beräknad)`
            : `${s.title} incl. ${supplierItems.map((i) => i.nameEn).join(", ")} (computed)`,
          table: computed.table,
          notes: computed.notes,
        });
    }
  }
  if (bases.length > 0)
    for (const v of variants) {
      const { table, notes } = financialTable(v, lang);
      sections.push({
        title: v.title,
        paragraphs: [
          sv ? `Källa: ${sourceText(v.source, lang)}.` : `Source: ${sourceText(v.source, lang)}.`,
          sv
            ? "Varianten visar också det som leverantören fakturerar direkt till kommunerna."
            : "This variant also shows what the supplier invoices directly to the municipalities.",
        ],
        table,
        notes: [...notes, ...bases.flatMap((b) => compareVariants(b, v, lang))],
      });
    }

  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  return {
    name: "budget",
    lang,
    title: sv ? `Budget ${options.year}` : `Budget ${options.year}`,
    subtitle: collaboration,
    collaboration,
    year: options.year,
    sections,
    notes: [
      sv
        ? "Beloppen är tryckta i budgetdokumentet (publicerade, med rad); kolumnen Intäkter − kostnader och summaraden är beräknade. Där dokumentets egna summor inte stämmer står det under tabellen (⚠)."
        : "The amounts are printed in the budget document (published, with the line); the Revenue − costs column and the totals row are computed. Where the document's own totals do not add up, the note under the table says so (⚠).",
      ...labelNote,
    ],
  };
}
