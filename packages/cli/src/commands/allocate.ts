import { parseArgs } from "node:util";
import {
  allocateCostItem,
  describeRounding,
  formatDate,
  modelName,
  type AllocationResult,
} from "@samverkan/allocation";
import { findCostItem, formatNumber, type CostItem, type Dataset } from "@samverkan/domain";
import {
  loadCollaboration,
  notFound,
  parseOptions,
  reportOptions,
  required,
  REPORT_OPTIONS,
  type Command,
  type Lang,
} from "../options.js";
import { csvLine, money, renderTable, sourceText } from "../render.js";

const FORMATS = ["table", "json", "csv"] as const;

const USAGE = `samverkan allocate --collaboration ID --year ÅR --item KOSTNADSPOST [--format table|json|csv] [--explain] [--lang sv|en]
  Vad varje kommun betalar för en kostnadspost ett år: belopp, om det är publicerat eller beräknat,
  och med --explain hur beloppet kom till.

  --collaboration ID      norrbotten eller skanearkiv
  --year ÅR               budgetåret, t.ex. 2023
  --item KOSTNADSPOST     namn, id eller synonym; skiftläge och å/ä/ö spelar ingen roll
                          ("E-arkiv", "e-arkiv", "E-ARKIV", "earkiv")
  --format FORMAT         table (standard), json eller csv (semikolon, decimalpunkt)
  --explain               tabellen får en kolumn med förklaringen (json och csv har den alltid)
  --lang sv|en            språk för rubriker, förklaringar och talformat (standard sv)

Exempel:
  samverkan allocate --collaboration norrbotten --year 2023 --item "E-arkiv" --explain`;

/** The cost item by id, printed name, English name or synonym, ignoring case and å/ä/ö. */
export function resolveItem(d: Dataset, query: string): CostItem {
  const found = findCostItem(d, query);
  if (found.found) return found.value;
  throw notFound(
    `Okänd kostnadspost "${query}" i ${d.collaboration.name}`,
    found.suggestions,
    d.costItems.map((x) => x.name),
    "Kostnadsposter",
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "ett belopp per invånare (1,25 kr per invånare, befolkning SCB 31 december 2017)". */
function describeModel(r: AllocationResult, d: Dataset, lang: Lang): string {
  const sv = lang === "sv";
  const m = r.model;
  const num = (x: Parameters<typeof formatNumber>[0]) => formatNumber(x, undefined, lang);
  const parts: string[] = [];
  if ("total" in m) parts.push(`${sv ? "underlag" : "base"} ${money(m.total, r.unit, lang)}`);
  if (m.type === "mixed" && !m.equalWeight.eq("0.5"))
    parts.push(`${num(m.equalWeight.times(100))} % ${sv ? "i lika delar" : "in equal parts"}`);
  if (m.type === "affine")
    parts.push(`${money(m.fixedPerMember, r.unit, lang)} ${sv ? "per kommun" : "per municipality"}`);
  if (m.type === "perCapita")
    parts.push(`${num(m.ratePerInhabitant)} kr ${sv ? "per invånare" : "per inhabitant"}`);
  if (m.type === "fixedKey" && "fromTable" in m.key) {
    const { fromTable } = m.key;
    const t = d.publishedTables.find((x) => x.id === fromTable);
    parts.push(`${sv ? "nyckel" : "key"}: ${t ? `${t.source.title ?? t.title}, ${t.column}` : fromTable}`);
  }
  if (m.type === "tiered")
    parts.push(
      sv
        ? `basår ${m.baseYear}, uppräkning ${num(m.indexRate.times(100))} % per år`
        : `base year ${m.baseYear}, indexed ${num(m.indexRate.times(100))} % a year`,
    );
  if (m.type === "sum") {
    const names = m.of.map((ref) => {
      const x = d.costItems.find((c) => c.id === ref.costItem);
      return `${x ? (sv ? x.name : x.nameEn) : ref.costItem} ${ref.year}`;
    });
    parts.push(names.join(" + "));
  }
  if (m.type === "usage") parts.push(`${money(m.unitPrice, r.unit, lang)} per ${m.quantityUnit}`);
  if (r.populationYear !== undefined)
    parts.push(`${sv ? "befolkning" : "population"} SCB ${formatDate(`${r.populationYear}-12-31`, lang)}`);
  return `${capitalize(modelName(m, lang))}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

function roundingSourceText(r: AllocationResult, d: Dataset, lang: Lang): string {
  const sv = lang === "sv";
  switch (r.roundingSource) {
    case "rule":
      return sv ? "fördelningsregelns egen" : "set by the allocation rule";
    case "collaborationDefault":
      return sv
        ? `standard för ${d.collaboration.name}`
        : `the collaboration's default (${d.collaboration.name})`;
    case "override":
      return sv ? "angiven" : "given";
  }
}

/** The header lines: what, model, rounding, source, and anything to note. */
function header(r: AllocationResult, item: CostItem, d: Dataset, lang: Lang, explain: boolean): string[] {
  const sv = lang === "sv";
  const itemYear = item.years.find((y) => y.year === r.year);
  const lines = [
    `${sv ? item.name : item.nameEn} ${r.year} — ${sv ? d.collaboration.name : d.collaboration.nameEn}`,
  ];
  if (itemYear?.status === "proposed")
    lines.push(
      sv
        ? "Status: förslag (kostnadskalkyl), inte en budgeterad avgift"
        : "Status: proposed (a cost calculation), not a budgeted charge",
    );
  if (item.category === "billedBySupplier")
    lines.push(
      sv
        ? "Faktureras direkt av leverantören till varje kommun; ingår inte i nämndens budget"
        : "Invoiced directly by the supplier to each municipality; not part of the committee's budget",
    );
  lines.push(`${sv ? "Modell" : "Model"}: ${describeModel(r, d, lang)}`);
  lines.push(
    `${sv ? "Avrundning" : "Rounding"}: ${describeRounding(r.rounding, r.unit, lang)} — ${roundingSourceText(r, d, lang)}`,
  );
  const table = r.publishedTable ? d.publishedTables.find((t) => t.id === r.publishedTable?.id) : undefined;
  if (r.publishedTable) {
    lines.push(`${sv ? "Källa" : "Source"}: ${sourceText(r.publishedTable.source, table?.title, lang)}`);
    if (table?.markers.length)
      lines.push(`${sv ? "Tryckt anmärkning" : "Printed note"}: ${table.markers.join("; ")}`);
  } else {
    const budget = itemYear?.totalSource ? sourceText(itemYear.totalSource, undefined, lang) : undefined;
    lines.push(
      sv
        ? `Källa: beräknad, ingen publicerad tabell för ${r.year}${budget ? `; budgeten ur ${budget}` : ""}`
        : `Source: computed, no published table for ${r.year}${budget ? `; the budget from ${budget}` : ""}`,
    );
  }
  if (explain && r.reason) lines.push(`${sv ? "Grund" : "Basis"}: ${sv ? r.reason.sv : r.reason.en}`);
  // The analyst's note (MODELS.md), as written in the data, for whoever checks the model.
  if (explain && r.basis) lines.push(`${sv ? "Analys" : "Analysis"}: ${r.basis}`);
  return lines;
}

function table(r: AllocationResult, item: CostItem, d: Dataset, lang: Lang, explain: boolean): string {
  const sv = lang === "sv";
  const provenance = (row: AllocationResult["rows"][number]) => {
    const word =
      row.provenance === "published" ? (sv ? "publicerad" : "published") : sv ? "beräknad" : "computed";
    return row.published && !row.published.matchesComputed
      ? `${word} (${sv ? "beräknat" : "computed"} ${money(row.computed, row.unit, lang)})`
      : word;
  };
  const head = [sv ? "Kommun" : "Municipality", sv ? "Belopp" : "Amount", sv ? "Ursprung" : "Provenance"];
  if (explain) head.push(sv ? "Förklaring" : "Explanation");
  const rows = r.rows.map((row) => [
    row.municipality,
    money(row.amount, row.unit, lang),
    provenance(row),
    ...(explain ? [row.explanation[lang]] : []),
  ]);
  rows.push([sv ? "Summa" : "Total", money(r.rowSum, r.unit, lang), ""]);
  const notes: string[] = [];
  const printed = r.publishedTable?.totalPrinted;
  if (printed && !printed.eq(r.rowSum))
    notes.push(`${sv ? "Tryckt summa" : "Printed total"}: ${money(printed, r.unit, lang)}`);
  if (r.budgetTotal && !r.budgetTotal.eq(r.rowSum) && !(printed && printed.eq(r.budgetTotal)))
    notes.push(`${sv ? "Budgeterad total" : "Budgeted total"}: ${money(r.budgetTotal, r.unit, lang)}`);
  if (!r.unallocated.value.isZero())
    notes.push(
      `${sv ? "Ofördelat (över takbeloppet)" : "Unallocated (above the cap)"}: ${money(r.unallocated.value, r.unit, lang)}`,
    );
  return [...header(r, item, d, lang, explain), "", ...renderTable(head, rows, [1]), ...notes].join("\n");
}

function json(r: AllocationResult): string {
  return JSON.stringify(
    r.rows.map((row) => ({
      municipality: row.municipality,
      costItem: r.costItem.id,
      year: r.year,
      amount: row.amount.toFixed(),
      unit: row.unit,
      provenance: row.provenance,
      computed: row.computed.toFixed(),
      explanation: { sv: row.explanation.sv, en: row.explanation.en },
    })),
    null,
    2,
  );
}

function csv(r: AllocationResult, lang: Lang): string {
  return [
    csvLine(["municipality", "amount", "unit", "provenance", "explanation"]),
    ...r.rows.map((row) =>
      csvLine([row.municipality, row.amount.toFixed(), row.unit, row.provenance, row.explanation[lang]]),
    ),
  ].join("\n");
}

export const allocateCommand: Command = {
  name: "allocate",
  synopsis: "samverkan allocate --collaboration ID --year ÅR --item KOSTNADSPOST",
  summary: "Vad varje kommun betalar för en kostnadspost ett år",
  usage: USAGE,
  run(args, io) {
    const { values } = parseOptions(() =>
      parseArgs({
        args: [...args],
        strict: true,
        options: { ...REPORT_OPTIONS, item: { type: "string" } },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const { collaboration, year, format, lang, explain } = reportOptions(values, FORMATS);
    const itemQuery = required(values.item, "item");

    const d = loadCollaboration(collaboration);
    const item = resolveItem(d, itemQuery);
    const result = allocateCostItem(d, item, year);
    io.out(
      format === "json"
        ? json(result)
        : format === "csv"
          ? csv(result, lang)
          : table(result, item, d, lang, explain),
    );
    return 0;
  },
};
