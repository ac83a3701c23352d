import {
  allocateCostItem,
  modelName,
  municipalityStatement,
  type MunicipalityStatement,
  type StatementLine,
  type StatementTotal,
} from "@samverkan/allocation";
import { Decimal, formatMoney, type Dataset, type MoneyUnit } from "@samverkan/domain";
import type { Report, ReportCell, ReportColumn, ReportLang, ReportRow, ReportSection } from "../model.js";
import {
  capitalize,
  computedMoney,
  derivedMoney,
  EMPTY,
  publishedMoney,
  sourceText,
  text,
  WORDS,
} from "./cells.js";

export interface StatementReportOptions {
  /** Name, alias or kommunkod, as people type it. */
  readonly municipality: string;
  readonly year: number;
  readonly lang?: ReportLang;
}

/** The cell for an amount from an allocation row: published with where, computed with how. */
function rowCell(d: Dataset, row: StatementLine["row"], lang: ReportLang): ReportCell {
  if (row.published) {
    const heading = d.publishedTables.find((t) => t.id === row.published?.tableId)?.title;
    return publishedMoney(row.amount, row.unit, sourceText(row.published.source, lang, heading));
  }
  return computedMoney(row.amount, row.unit, row.explanation[lang]);
}

/** Last year's amount for the line, from the same engine, with its own provenance. */
function previousCell(
  d: Dataset,
  line: StatementLine,
  s: MunicipalityStatement,
  lang: ReportLang,
): ReportCell {
  if (!line.change) return EMPTY;
  const previous = allocateCostItem(d, line.costItem.id, line.change.previousYear).rows.find(
    (r) => r.municipality === s.municipality,
  );
  if (!previous || previous.unit !== line.unit)
    return computedMoney(
      line.change.previous,
      line.unit,
      lang === "sv"
        ? `Beloppet ${line.change.previousYear}, omräknat till ${line.unit}`
        : `The ${line.change.previousYear} amount, converted to ${line.unit}`,
    );
  return rowCell(d, previous, lang);
}

function percentOf(line: StatementLine): ReportCell {
  const p = line.change?.percent;
  if (!p) return EMPTY;
  return p.exact
    ? { kind: "percent", value: p.value.toFixed() }
    : { kind: "percent", value: p.value.toDecimalPlaces(2).toFixed(), exact: false };
}

function linesTable(
  d: Dataset,
  s: MunicipalityStatement,
  lines: readonly StatementLine[],
  unit: MoneyUnit,
  lang: ReportLang,
) {
  const sv = lang === "sv";
  const w = WORDS[lang];
  const columns: ReportColumn[] = [
    { key: "item", label: sv ? "Kostnadspost" : "Cost item", kind: "text" },
    { key: "amount", label: sv ? `Belopp ${s.year}` : `Amount ${s.year}`, kind: "money", unit },
    { key: "provenance", label: sv ? "Ursprung" : "Provenance", kind: "text" },
    { key: "model", label: sv ? "Modell" : "Model", kind: "text" },
    { key: "previous", label: sv ? `Belopp ${s.year - 1}` : `Amount ${s.year - 1}`, kind: "money", unit },
    { key: "change", label: sv ? "Förändring" : "Change", kind: "money", unit },
    { key: "changePercent", label: sv ? "Förändring %" : "Change %", kind: "percent" },
  ];
  const rows: ReportRow[] = lines.map((l) => ({
    cells: {
      item: text(sv ? l.costItem.name : l.costItem.nameEn),
      amount: rowCell(d, l.row, lang),
      provenance: text(l.provenance === "published" ? w.published : w.computed),
      model: text(capitalize(modelName(l.allocation.model, lang))),
      previous: previousCell(d, l, s, lang),
      change: l.change
        ? computedMoney(
            l.change.amount,
            l.unit,
            `${formatMoney(l.amount, l.unit, lang)} − ${formatMoney(l.change.previous, l.unit, lang)} (${sv ? `${s.year} mot ${s.year - 1}` : `${s.year} against ${s.year - 1}`})`,
          )
        : EMPTY,
      changePercent: percentOf(l),
    },
    ...(l.change
      ? {}
      : {
          notes: [
            sv
              ? `${l.costItem.name}: ingen avgift ${s.year - 1}, så ingen förändring.`
              : `${l.costItem.nameEn}: no charge in ${s.year - 1}, so no change.`,
          ],
        }),
  }));
  const sum = (key: string) =>
    lines.reduce((a, l) => {
      const c = rows[lines.indexOf(l)]?.cells[key];
      return c && c.kind === "money" ? a.plus(c.value) : a;
    }, new Decimal(0));
  return {
    columns,
    rows,
    totals: {
      cells: {
        item: text(w.total),
        amount: derivedMoney(sum("amount"), unit),
        previous: derivedMoney(sum("previous"), unit),
        change: derivedMoney(sum("change"), unit),
      },
      sumOf: ["amount", "previous", "change"],
    },
  };
}

/** The lines, one table per unit (kr and tkr are never added together). */
function byUnit(lines: readonly StatementLine[]): [MoneyUnit, StatementLine[]][] {
  return (["kr", "tkr"] as const)
    .map((u): [MoneyUnit, StatementLine[]] => [u, lines.filter((l) => l.unit === u)])
    .filter(([, ls]) => ls.length > 0);
}

const totalText = (t: readonly StatementTotal[], lang: ReportLang) =>
  t.length === 0
    ? formatMoney(new Decimal(0), "kr", lang)
    : t.map((x) => formatMoney(x.amount, x.unit, lang)).join(lang === "sv" ? " och " : " and ");

/**
 * Kommunbesked: everything one municipality pays in a year — each item with its amount (published or
 * computed), the model, last year's amount and the change in kr and %; items the supplier invoices
 * directly in their own section; the extras (start fees, storage per GB, BankID transactions) listed and
 * never summed; the grand totals. Built on `municipalityStatement`.
 *
 * @example
 * buildStatementReport(loadBundledDataset("norrbotten"), { municipality: "Kalix", year: 2023 });
 */
export function buildStatementReport(d: Dataset, options: StatementReportOptions): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const s = municipalityStatement(d, options.municipality, options.year);
  const sections: ReportSection[] = [];

  for (const [unit, lines] of byUnit(s.items)) {
    const changed = lines.filter((l) => l.change && !l.change.amount.isZero());
    sections.push({
      title: sv ? `Avgifter till nämnden ${s.year}` : `Charges by the committee ${s.year}`,
      table: linesTable(d, s, lines, unit, lang),
      notes: [
        sv
          ? `Förändringen är mot ${s.year - 1}; ${changed.length} av ${lines.length} poster har ändrats.`
          : `The change is from ${s.year - 1}; ${changed.length} of ${lines.length} items changed.`,
      ],
    });
  }
  for (const [unit, lines] of byUnit(s.billedBySupplier)) {
    sections.push({
      title: sv ? "Faktureras direkt av leverantören" : "Invoiced directly by the supplier",
      paragraphs: [s.billedBySupplierNote[lang]],
      table: linesTable(d, s, lines, unit, lang),
    });
  }
  if (s.extras.length > 0) {
    sections.push({
      title: sv ? "Tillkommer" : "On top",
      paragraphs: [
        sv
          ? "Avgifter utöver de fördelade beloppen, som de är tryckta: de beror på uppstart eller nyttjande och ingår inte i summorna."
          : "Charges on top of the allocated amounts, as printed: they depend on start-up or usage and are not in the totals.",
      ],
      table: {
        columns: [
          { key: "item", label: sv ? "Kostnadspost" : "Cost item", kind: "text" },
          { key: "charge", label: sv ? "Avgift" : "Charge", kind: "text" },
          { key: "amount", label: sv ? "Belopp" : "Amount", kind: "money", unit: "kr" },
          { key: "amountMax", label: sv ? "Högst" : "At most", kind: "money", unit: "kr" },
          { key: "per", label: sv ? "Per" : "Per", kind: "text" },
        ],
        rows: s.extras.map((x) => {
          const item = d.costItems.find((c) => c.id === x.costItem.id);
          const where = x.source ?? item?.years.find((y) => y.year === s.year)?.totalSource;
          const src = where
            ? sourceText(where, lang)
            : sv
              ? `${x.costItem.name}, kostnadsposten i datat`
              : `${x.costItem.nameEn}, the cost item in the data`;
          return {
            cells: {
              item: text(sv ? x.costItem.name : x.costItem.nameEn),
              charge: text(sv ? x.name : x.nameEn),
              amount: publishedMoney(x.amount, x.unit, src),
              amountMax: x.amountMax ? publishedMoney(x.amountMax, x.unit, src) : EMPTY,
              per: text(x.per),
            },
            ...(x.note ? { notes: [x.note] } : {}),
          };
        }),
      },
    });
  }
  const summary: string[] = [
    sv
      ? `Summa att betala till nämnden ${s.year}: ${totalText(s.total, lang)}.`
      : `Total payable to the committee in ${s.year}: ${totalText(s.total, lang)}.`,
  ];
  if (s.billedBySupplier.length > 0)
    summary.push(
      sv
        ? `Inklusive det leverantören fakturerar direkt: ${totalText(s.totalIncludingSupplier, lang)}.`
        : `Including what the supplier invoices directly: ${totalText(s.totalIncludingSupplier, lang)}.`,
    );
  if (s.extras.length > 0)
    summary.push(
      sv ? "Därtill kommer avgifterna under Tillkommer." : "The charges under On top come in addition.",
    );
  sections.push({ title: sv ? "Totalt" : "Total", paragraphs: summary });

  const collaboration = sv ? s.collaboration.name : s.collaboration.nameEn;
  return {
    name: "statement",
    lang,
    title: sv
      ? `Kommunbesked ${s.year} — ${s.municipality}`
      : `Municipality statement ${s.year} — ${s.municipality}`,
    subtitle: collaboration,
    collaboration,
    year: s.year,
    sections,
    notes: [
      sv
        ? "Publicerade belopp är tryckta i dokumentet som anges; beräknade belopp kommer från fördelningsmotorn med modellen i ord. Procent är exakta där de går jämnt ut, annars avrundade (≈)."
        : "Published amounts are printed in the document given; computed amounts come from the allocation engine with the model in words. Percentages are exact where they terminate, otherwise rounded (≈).",
    ],
  };
}
