import { parseArgs } from "node:util";
import {
  municipalityStatement,
  type MunicipalityStatement,
  type StatementExtra,
  type StatementLine,
  type StatementTotal,
} from "@samverkan/allocation";
import { findMunicipality, formatNumber, type Dataset } from "@samverkan/domain";
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
import { money, renderTable, signedMoney, type TableRow } from "../render.js";

const FORMATS = ["table", "json"] as const;

const USAGE = `samverkan statement --collaboration ID --municipality KOMMUN --year ÅR [--format table|json] [--explain] [--lang sv|en]
  Kommunbesked: allt en kommun betalar ett år — varje kostnadspost med belopp, ursprung och förändring
  mot året innan, summan, det som tillkommer (engångskostnader, lagring, transaktionskostnader) och det
  som leverantören fakturerar direkt (redovisat för sig, utanför nämndens summa).

  --collaboration ID      norrbotten eller skanearkiv
  --municipality KOMMUN   namn eller kommunkod; skiftläge och å/ä/ö spelar ingen roll
                          ("Kalix", "overkalix", "2514")
  --year ÅR               budgetåret, t.ex. 2023
  --format FORMAT         table (standard) eller json
  --explain               en förklaring under varje kostnadspost
  --lang sv|en            språk för rubriker, namn och förklaringar (standard sv)

Exempel:
  samverkan statement --collaboration norrbotten --municipality Kalix --year 2023`;

/** The municipality's printed name; unknown names get the closest ones. */
function resolveMunicipality(d: Dataset, query: string): string {
  const found = findMunicipality(d, query);
  if (found.found) return found.value.name;
  throw notFound(
    `Okänd kommun "${query}" i ${d.collaboration.name}`,
    found.suggestions,
    d.municipalities.map((m) => m.name),
    "Kommuner",
  );
}

function totals(t: readonly StatementTotal[], lang: Lang): string {
  if (t.length === 0) return "0 kr";
  return t.map((x) => money(x.amount, x.unit, lang)).join(lang === "sv" ? " och " : " and ");
}

function changeText(l: StatementLine, lang: Lang): string {
  const sv = lang === "sv";
  if (!l.change) return sv ? "ingen året innan" : "none the year before";
  const kr = signedMoney(l.change.amount, l.unit, lang);
  const p = l.change.percent;
  if (!p || l.change.amount.isZero()) return kr;
  const pct = formatNumber(p.value.toDecimalPlaces(2), 2, lang);
  return `${kr} (${p.value.isPositive() ? "+" : ""}${pct} %)`;
}

function extraText(x: StatementExtra, lang: Lang): string {
  const sv = lang === "sv";
  const amount = x.amountMax
    ? `${formatNumber(x.amount, undefined, lang)}–${money(x.amountMax, x.unit, lang)}`
    : money(x.amount, x.unit, lang);
  return `${sv ? x.costItem.name : x.costItem.nameEn} — ${sv ? x.name : x.nameEn}: ${amount} per ${x.per}`;
}

function table(s: MunicipalityStatement, lang: Lang, explain: boolean): string {
  const sv = lang === "sv";
  const line = (l: StatementLine): TableRow[] => [
    [
      sv ? l.costItem.name : l.costItem.nameEn,
      money(l.amount, l.unit, lang),
      l.provenance === "published" ? (sv ? "publicerad" : "published") : sv ? "beräknad" : "computed",
      changeText(l, lang),
    ],
    ...(explain ? [{ line: `    ${l.explanation[lang]}` }] : []),
  ];
  const rows: TableRow[] = [
    ...s.items.flatMap(line),
    [
      s.billedBySupplier.length === 0
        ? sv
          ? "Summa"
          : "Total"
        : sv
          ? "Summa (faktureras av nämnden)"
          : "Total (billed by the committee)",
      totals(s.total, lang),
      "",
      "",
    ],
  ];
  if (s.billedBySupplier.length > 0) {
    rows.push(
      { line: "" },
      {
        line: sv
          ? "Faktureras direkt av leverantören (ingår inte i nämndens summa):"
          : "Invoiced directly by the supplier (not in the committee's total):",
      },
      ...s.billedBySupplier.flatMap(line),
      [
        sv ? "Summa inklusive leverantörsfakturerat" : "Total including supplier invoices",
        totals(s.totalIncludingSupplier, lang),
        "",
        "",
      ],
    );
  }
  const head = [
    sv ? "Kostnadspost" : "Cost item",
    sv ? "Belopp" : "Amount",
    sv ? "Ursprung" : "Provenance",
    sv ? `Förändring mot ${s.year - 1}` : `Change from ${s.year - 1}`,
  ];
  const out = [
    sv
      ? `Kommunbesked ${s.year} — ${s.municipality}, ${s.collaboration.name}`
      : `Statement ${s.year} — ${s.municipality}, ${s.collaboration.nameEn}`,
    "",
    ...renderTable(head, rows, [1]),
  ];
  if (s.extras.length > 0) {
    out.push(
      "",
      sv ? "Tillkommer (ingår inte i summorna):" : "On top (not in the totals):",
      ...s.extras.map((x) => `  ${extraText(x, lang)}`),
    );
  }
  return out.join("\n");
}

function json(s: MunicipalityStatement): string {
  const line = (l: StatementLine) => ({
    costItem: l.costItem.id,
    name: l.costItem.name,
    nameEn: l.costItem.nameEn,
    category: l.costItem.category,
    amount: l.amount.toFixed(),
    unit: l.unit,
    provenance: l.provenance,
    explanation: { sv: l.explanation.sv, en: l.explanation.en },
    change: l.change
      ? {
          previousYear: l.change.previousYear,
          previous: l.change.previous.toFixed(),
          previousProvenance: l.change.previousProvenance,
          amount: l.change.amount.toFixed(),
          percent: l.change.percent ? l.change.percent.value.toFixed() : null,
          percentExact: l.change.percent ? l.change.percent.exact : null,
        }
      : null,
  });
  const total = (t: readonly StatementTotal[]) =>
    t.map((x) => ({ amount: x.amount.toFixed(), unit: x.unit }));
  return JSON.stringify(
    {
      collaboration: s.collaboration.id,
      municipality: s.municipality,
      year: s.year,
      items: s.items.map(line),
      total: total(s.total),
      billedBySupplier: s.billedBySupplier.map(line),
      billedBySupplierNote: s.billedBySupplierNote,
      totalIncludingSupplier: total(s.totalIncludingSupplier),
      extras: s.extras.map((x) => ({
        costItem: x.costItem.id,
        kind: x.kind,
        name: x.name,
        nameEn: x.nameEn,
        amount: x.amount.toFixed(),
        ...(x.amountMax ? { amountMax: x.amountMax.toFixed() } : {}),
        unit: x.unit,
        per: x.per,
        ...(x.note ? { note: x.note } : {}),
      })),
    },
    null,
    2,
  );
}

export const statementCommand: Command = {
  name: "statement",
  synopsis: "samverkan statement --collaboration ID --municipality KOMMUN --year ÅR",
  summary: "Kommunbesked: allt en kommun betalar ett år",
  usage: USAGE,
  run(args, io) {
    const { values } = parseOptions(() =>
      parseArgs({
        args: [...args],
        strict: true,
        options: { ...REPORT_OPTIONS, municipality: { type: "string" } },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const { collaboration, year, format, lang, explain } = reportOptions(values, FORMATS);
    const municipalityQuery = required(values.municipality, "municipality");

    const d = loadCollaboration(collaboration);
    const s = municipalityStatement(d, resolveMunicipality(d, municipalityQuery), year);
    io.out(format === "json" ? json(s) : table(s, lang, explain));
    return 0;
  },
};
