import {
  add,
  allocateCostItem,
  AllocationError,
  fromDecimal,
  mul,
  ONE,
  pow,
  resolveCostItem,
  sub,
  div,
  toDecimal,
  type AllocationResult,
} from "@samverkan/allocation";
import { Decimal, formatMoney, formatNumber, type CostItem, type Dataset } from "@samverkan/domain";
import type { Report, ReportCell, ReportColumn, ReportLang, ReportRow } from "../model.js";
import {
  columnSum,
  computedMoney,
  derivedMoney,
  EMPTY,
  percentCell,
  publishedMoney,
  sourceText,
  text,
  WORDS,
} from "./cells.js";

export interface MaxWithdrawalReportOptions {
  /** The years to show; default every year the item has a rule for. */
  readonly years?: readonly number[];
  /** The cost item (id, name or synonym); default the first item whose rule has class amounts with indexation. */
  readonly item?: string;
  readonly lang?: ReportLang;
}

type Tiered = Extract<AllocationResult["model"], { type: "tiered" }>;

function tieredItem(d: Dataset, query: string | undefined): CostItem {
  if (query !== undefined) return resolveCostItem(d, query);
  const item = d.costItems.find((c) => c.years.some((y) => y.rule?.model.type === "tiered"));
  if (!item)
    throw new AllocationError(
      `${d.collaboration.name} har ingen kostnadspost med klassbelopp och uppräkning (maximalt uttag finns för SkånEarkiv)`,
      ["skanearkiv"],
    );
  return item;
}

/**
 * SkånEarkiv: maximalt uttag per member and year — the published amounts (with the engine's check), the
 * share (Andel), the yearly indexation of the total (2,5 % a year by the agreement: printed totals, the
 * change in tkr and %) and the class amounts compounding on the unrounded base year by year.
 *
 * @example
 * buildMaxWithdrawalReport(loadBundledDataset("skanearkiv"), {});
 */
export function buildMaxWithdrawalReport(d: Dataset, options: MaxWithdrawalReportOptions = {}): Report {
  const lang = options.lang ?? "sv";
  const sv = lang === "sv";
  const w = WORDS[lang];
  const item = tieredItem(d, options.item);
  const ruleYears = item.years.filter((y) => y.rule).map((y) => y.year);
  const years = options.years?.length ? [...options.years].sort((a, b) => a - b) : ruleYears;
  for (const y of years)
    if (!ruleYears.includes(y))
      throw new AllocationError(
        `${item.name} har ingen fördelning för ${y}; det finns för ${ruleYears.join(", ")}`,
        ruleYears.map(String),
      );
  const results = years.map((y) => allocateCostItem(d, item, y));
  const name = sv ? item.name : item.nameEn;
  const unit = results[0]?.unit ?? "tkr";
  const money = (v: Decimal) => formatMoney(v, unit, lang);

  // Andel: the printed share table valid for the years, if any.
  const shares = d.publishedTables.find(
    (t) =>
      t.unit === "share" &&
      t.year <= (years[0] as number) &&
      (t.toYear ?? t.year) >= (years.at(-1) as number),
  );
  const municipalities = [...new Set(results.flatMap((r) => r.rows.map((x) => x.municipality)))];
  const columns: ReportColumn[] = [
    { key: "municipality", label: w.municipality, kind: "text" },
    ...(shares ? [{ key: "share", label: sv ? "Andel" : "Share", kind: "number" as const }] : []),
    ...results.map((r) => ({
      key: `y${r.year}`,
      label: `${name} ${r.year}`,
      kind: "money" as const,
      unit: r.unit,
    })),
  ];
  const rows: ReportRow[] = municipalities.map((m) => {
    const cells: Record<string, ReportCell> = { municipality: text(m) };
    if (shares) cells.share = shares.rows[m] ? { kind: "number", value: shares.rows[m].toFixed() } : EMPTY;
    for (const r of results) {
      const row = r.rows.find((x) => x.municipality === m);
      cells[`y${r.year}`] = !row
        ? EMPTY
        : row.published
          ? publishedMoney(row.amount, row.unit, sourceText(row.published.source, lang))
          : computedMoney(row.amount, row.unit, row.explanation[lang]);
    }
    return { cells };
  });
  const shareSum = shares
    ? municipalities.reduce((a, m) => a.plus(shares.rows[m] ?? 0), new Decimal(0))
    : undefined;
  const notes: string[] = [];
  for (const r of results) {
    const printed = r.publishedTable?.totalPrinted;
    if (printed && !printed.eq(r.rowSum))
      notes.push(
        sv
          ? `⚠ ${r.year}: dokumentets tryckta summa är ${money(printed)}, men raderna summerar till ${money(r.rowSum)}.`
          : `⚠ ${r.year}: the document prints a total of ${money(printed)}, but the rows add up to ${money(r.rowSum)}.`,
      );
    const off = r.rows.filter((x) => x.published && !x.published.matchesComputed);
    notes.push(
      off.length === 0
        ? sv
          ? `${r.year}: modellen (klassbelopp uppräknade från ${(r.model as Tiered).baseYear}, avrundade till hela tkr) ger exakt de publicerade beloppen.`
          : `${r.year}: the model (class amounts indexed from ${(r.model as Tiered).baseYear}, rounded to whole tkr) gives exactly the published amounts.`
        : sv
          ? `⚠ ${r.year}: modellen avviker från det publicerade för ${off.map((x) => `${x.municipality} (beräknat ${money(x.computed)})`).join(", ")}.`
          : `⚠ ${r.year}: the model differs from the published amount for ${off.map((x) => `${x.municipality} (computed ${money(x.computed)})`).join(", ")}.`,
    );
  }
  if (shares && shareSum) {
    notes.push(
      shares.totalPrinted && !shares.totalPrinted.eq(1)
        ? sv
          ? `Andelarna är tryckta med två decimaler och summerar till ${formatNumber(shareSum, undefined, lang)} (tryckt summa ${formatNumber(shares.totalPrinted, undefined, lang)}), inte 1; beloppen följer klasserna, inte de avrundade andelarna.`
          : `The shares are printed with two decimals and add up to ${formatNumber(shareSum, undefined, lang)} (printed total ${formatNumber(shares.totalPrinted, undefined, lang)}), not 1; the amounts follow the classes, not the rounded shares.`
        : sv
          ? `Andelarna summerar till ${formatNumber(shareSum, undefined, lang)}.`
          : `The shares add up to ${formatNumber(shareSum, undefined, lang)}.`,
    );
  }

  // Indexation of the total.
  const model = results.find((r) => r.model.type === "tiered")?.model as Tiered | undefined;
  const indexRows: ReportRow[] = results.map((r, i) => {
    const itemYear = item.years.find((y) => y.year === r.year);
    const printed = r.publishedTable?.totalPrinted ?? itemYear?.total;
    const where = r.publishedTable?.source ?? itemYear?.totalSource;
    const totalCell: ReportCell =
      printed && where
        ? publishedMoney(printed, r.unit, sourceText(where, lang))
        : computedMoney(
            r.rowSum,
            r.unit,
            sv ? `Radernas summa ${r.year}` : `The sum of the rows for ${r.year}`,
          );
    const prevResult =
      results[i - 1]?.year === r.year - 1
        ? results[i - 1]
        : ruleYears.includes(r.year - 1)
          ? allocateCostItem(d, item, r.year - 1)
          : undefined;
    const prev = prevResult ? (prevResult.publishedTable?.totalPrinted ?? prevResult.rowSum) : undefined;
    const now = printed ?? r.rowSum;
    const factor = model
      ? toDecimal(pow(add(ONE, fromDecimal(model.indexRate)), r.year - model.baseYear), 20)
      : undefined;
    return {
      cells: {
        year: text(String(r.year)),
        indexation: text(
          itemYear?.indexation ?? (model && r.year === model.baseYear ? (sv ? "basår" : "base year") : ""),
        ),
        factor: factor ? { kind: "number", value: factor.toFixed() } : EMPTY,
        total: totalCell,
        change: prev
          ? computedMoney(
              now.minus(prev),
              r.unit,
              `${formatMoney(now, r.unit, lang)} − ${formatMoney(prev, r.unit, lang)} (${sv ? `summan ${r.year} mot ${r.year - 1}` : `the ${r.year} total against ${r.year - 1}`})`,
            )
          : EMPTY,
        changePercent: prev
          ? percentCell(
              mul(div(sub(fromDecimal(now), fromDecimal(prev)), fromDecimal(prev)), fromDecimal(100)),
              2,
            )
          : EMPTY,
      },
    };
  });

  // Class amounts: the unrounded base compounding year by year, then rounded.
  const classRows: ReportRow[] = model
    ? model.classes.map((c) => ({
        cells: {
          class: text(c.label),
          members: text(c.members.join(", ")),
          ...Object.fromEntries(
            results.map((r) => {
              const k = r.year - model.baseYear;
              const exact = toDecimal(
                mul(fromDecimal(c.baseAmount), pow(add(ONE, fromDecimal(model.indexRate)), k)),
                20,
              );
              const how = sv
                ? `${formatNumber(c.baseAmount, undefined, lang)} ${unit} × ${formatNumber(new Decimal(1).plus(model.indexRate), undefined, lang)}^${k} (klassens basbelopp ${model.baseYear}, uppräknat ${formatNumber(model.indexRate.times(100), undefined, lang)} % per år), före avrundning`
                : `${formatNumber(c.baseAmount, undefined, lang)} ${unit} × ${formatNumber(new Decimal(1).plus(model.indexRate), undefined, lang)}^${k} (the class's ${model.baseYear} base amount, indexed ${formatNumber(model.indexRate.times(100), undefined, lang)} % a year), before rounding`;
              return [`y${r.year}`, computedMoney(exact, unit, how)];
            }),
          ),
        },
        ...(c.note
          ? {
              notes: [
                sv
                  ? `Basbeloppet är känt bara inom ${c.note.replace("interval", "intervallet")}.`
                  : `The base amount is known only within the ${c.note}.`,
              ],
            }
          : {}),
      }))
    : [];

  const collaboration = sv ? d.collaboration.name : d.collaboration.nameEn;
  return {
    name: "max-withdrawal",
    lang,
    title: sv
      ? `${item.name} per kommun ${years[0]}–${years.at(-1)}`
      : `${item.nameEn} per municipality ${years[0]}–${years.at(-1)}`,
    subtitle: collaboration,
    collaboration,
    sections: [
      {
        title: sv ? `${item.name} per kommun` : `${item.nameEn} per municipality`,
        table: {
          columns,
          rows,
          totals: {
            cells: {
              municipality: text(w.total),
              ...(shareSum ? { share: { kind: "number", value: shareSum.toFixed() } } : {}),
              ...Object.fromEntries(
                results.map((r) => [
                  `y${r.year}`,
                  derivedMoney(columnSum(rows.map((x) => x.cells[`y${r.year}`])), r.unit),
                ]),
              ),
            },
            sumOf: results.map((r) => `y${r.year}`),
          },
        },
        notes,
      },
      {
        title: sv ? "Uppräkning" : "Indexation",
        paragraphs: model
          ? [
              sv
                ? `Totalbudgeten räknas upp med ${formatNumber(model.indexRate.times(100), undefined, lang)} % per år enligt samverkansavtalet, från ${model.baseYear}. Faktorn är (1 + ${formatNumber(model.indexRate, undefined, lang)})^(år − ${model.baseYear}).`
                : `The total budget is indexed by ${formatNumber(model.indexRate.times(100), undefined, lang)} % a year under the cooperation agreement, from ${model.baseYear}. The factor is (1 + ${formatNumber(model.indexRate, undefined, lang)})^(year − ${model.baseYear}).`,
            ]
          : [],
        table: {
          columns: [
            { key: "year", label: sv ? "År" : "Year", kind: "text" },
            {
              key: "indexation",
              label: sv ? "Uppräkning enligt dokumentet" : "Indexation per the document",
              kind: "text",
            },
            { key: "factor", label: sv ? "Faktor" : "Factor", kind: "number" },
            { key: "total", label: sv ? "Summa" : "Total", kind: "money", unit },
            { key: "change", label: sv ? "Förändring" : "Change", kind: "money", unit },
            { key: "changePercent", label: sv ? "Förändring %" : "Change %", kind: "percent" },
          ],
          rows: indexRows,
        },
        notes: [
          sv
            ? "Summorna är de tryckta. Förändringen i procent skiljer sig från uppräkningen eftersom varje kommuns belopp avrundas till hela tkr efter uppräkningen."
            : "The totals are the printed ones. The change in per cent differs from the indexation because each member's amount is rounded to whole tkr after indexing.",
        ],
      },
      ...(model
        ? [
            {
              title: sv ? "Klassbelopp" : "Class amounts",
              paragraphs: [
                sv
                  ? "Varje klass (tryckt som Andel) har ett basbelopp som räknas upp på det oavrundade beloppet år för år; varje kommun betalar klassens belopp avrundat till hela tkr."
                  : "Each class (printed as Andel) has a base amount indexed on the unrounded amount year by year; each member pays its class's amount rounded to whole tkr.",
              ],
              table: {
                columns: [
                  { key: "class", label: sv ? "Klass (andel)" : "Class (share)", kind: "text" as const },
                  { key: "members", label: sv ? "Kommuner" : "Municipalities", kind: "text" as const },
                  ...results.map((r) => ({
                    key: `y${r.year}`,
                    label: String(r.year),
                    kind: "money" as const,
                    unit,
                  })),
                ],
                rows: classRows,
              },
              notes: [
                sv
                  ? "Basbeloppen står inte i dokumentet: klassernas basbelopp är kända bara inom ett intervall (som de publicerade beloppen avgör), och värdena här ligger inom intervallen."
                  : "The base amounts are not in the document: each class's base amount is known only within an interval (fixed by the published amounts), and the value here lies inside it.",
              ],
            },
          ]
        : []),
    ],
    notes: [
      sv
        ? `Beloppen är i ${unit}. Publicerade belopp är tryckta i dokumentet som anges; beräknade belopp kommer från fördelningsmotorn.`
        : `Amounts are in ${unit}. Published amounts are printed in the document given; computed amounts come from the allocation engine.`,
    ],
  };
}
