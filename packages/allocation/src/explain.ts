import {
  Decimal,
  formatNumber,
  type AllocationModel,
  type CostItem,
  type MoneyUnit,
  type PublishedTable,
  type Rounding,
  type SourceRef,
} from "@samverkan/domain";
import type { EngineParticipant } from "./engine.js";
import { toDecimal } from "./rational.js";
import { formatDate, modelName, roundingPhrase, type Lang } from "./words.js";

interface ExplainedAmount {
  readonly value: Decimal;
  readonly exact: boolean;
}

/** The parts of a row the sentence needs (a subset of AllocationRow). */
export interface ExplainRowInput {
  readonly municipality: string;
  readonly amount: Decimal;
  readonly computed: Decimal;
  readonly provenance: "published" | "computed";
  readonly published?: { readonly source: SourceRef; readonly matchesComputed: boolean };
  readonly quota: ExplainedAmount;
  readonly population?: number;
  readonly equalPart?: ExplainedAmount;
  readonly populationPart?: ExplainedAmount;
  readonly factor?: ExplainedAmount;
  readonly monthly?: { readonly quota: ExplainedAmount; readonly amount: Decimal };
  readonly months: number;
  readonly capped: boolean;
}

export interface ExplainContext {
  readonly costItem: Pick<CostItem, "name" | "nameEn">;
  readonly year: number;
  readonly unit: MoneyUnit;
  readonly model: AllocationModel;
  readonly rounding: Rounding;
  readonly populationDate: string | undefined;
  readonly populationSum: bigint | undefined;
  readonly participantCount: number;
  readonly keyTable: PublishedTable | undefined;
  readonly partNames: readonly string[];
  readonly table: PublishedTable | undefined;
}

/**
 * One Swedish and one English sentence per member: the inputs, the exact share, the rounding and
 * the source, e.g. "Kalix, E-arkiv 2023: 1,25 kr per invånare × 16 169 invånare (SCB 31 december 2017)
 * = 20 211,25 kr, avrundat uppåt till hela tusental kronor = 21 000 kr. Publicerat i Budget 2023,
 * Gemensamma tjänster 2023."
 */
export function explainRow(
  row: ExplainRowInput,
  input: EngineParticipant,
  ctx: ExplainContext,
): { sv: string; en: string } {
  return { sv: sentence(row, input, ctx, "sv"), en: sentence(row, input, ctx, "en") };
}

function sentence(row: ExplainRowInput, input: EngineParticipant, ctx: ExplainContext, lang: Lang): string {
  const sv = lang === "sv";
  const u = ctx.unit;
  const num = (d: Decimal | number | bigint, places?: number) =>
    formatNumber(new Decimal(d.toString()), places, lang);
  const amt = (x: ExplainedAmount) => `${x.exact ? "" : "≈ "}${x.exact ? num(x.value) : num(x.value, 2)}`;
  const money = (d: Decimal) => `${num(d)} ${u}`;
  /** "= 20 211,25" when exact, "≈ 38 302,28" when the share does not terminate. */
  const eq = (x: ExplainedAmount) => (x.exact ? `= ${num(x.value)}` : `≈ ${num(x.value, 2)}`);
  const pop = ctx.populationDate
    ? sv
      ? `SCB ${formatDate(ctx.populationDate, lang)}`
      : `SCB, ${formatDate(ctx.populationDate, lang)}`
    : "";
  const inhabitants = sv ? "invånare" : "inhabitants";
  const P = row.population !== undefined ? num(row.population) : "?";
  const S = ctx.populationSum !== undefined ? num(ctx.populationSum) : "?";
  const m = ctx.model;
  const zero = { value: new Decimal(0), exact: true };
  const equalPart = row.equalPart ?? zero;
  const populationPart = row.populationPart ?? zero;

  let working: string;
  switch (m.type) {
    case "equal":
      working = sv
        ? `${money(m.total)} i lika delar mellan ${ctx.participantCount} kommuner`
        : `${money(m.total)} in equal parts between ${ctx.participantCount} municipalities`;
      break;
    case "population":
      working = `${money(m.total)} × ${P} / ${S} ${inhabitants} (${pop})`;
      break;
    case "mixed": {
      const a = m.equalWeight.times(100);
      const b = new Decimal(100).minus(a);
      working = sv
        ? `${num(a)} % av ${money(m.total)} i lika delar (${amt(equalPart)} ${u}) + ${num(b)} % efter invånarantal, ${P} av ${S} ${inhabitants} (${pop}) (${amt(populationPart)} ${u})`
        : `${num(a)} % of ${money(m.total)} in equal parts (${amt(equalPart)} ${u}) + ${num(b)} % by population, ${P} of ${S} ${inhabitants} (${pop}) (${amt(populationPart)} ${u})`;
      break;
    }
    case "affine": {
      const rest = m.total.minus(m.fixedPerMember.times(ctx.participantCount));
      working = sv
        ? `${money(m.fixedPerMember)} per kommun + ${money(rest)} × ${P} / ${S} ${inhabitants} (${pop}) (${amt(populationPart)} ${u})`
        : `${money(m.fixedPerMember)} per municipality + ${money(rest)} × ${P} / ${S} ${inhabitants} (${pop}) (${amt(populationPart)} ${u})`;
      break;
    }
    case "perCapita":
      working = sv
        ? `${num(m.ratePerInhabitant)} kr per invånare × ${P} ${inhabitants} (${pop})`
        : `${num(m.ratePerInhabitant)} kr per inhabitant × ${P} ${inhabitants} (${pop})`;
      break;
    case "fixedKey": {
      const w = input.weight ? toDecimal(input.weight, 6) : new Decimal(0);
      const W = ctx.keyTable
        ? Object.values(ctx.keyTable.rows).reduce((acc, v) => acc.plus(v), new Decimal(0))
        : undefined;
      const keyName = ctx.keyTable
        ? `${ctx.keyTable.source.title ?? ctx.keyTable.title}, ${ctx.keyTable.column}`
        : sv
          ? "fast nyckel"
          : "fixed key";
      working = sv
        ? `${money(m.total)} × fördelningsnyckeln ${num(w)}${W ? ` / ${num(W)}` : ""} (${keyName})`
        : `${money(m.total)} × the allocation key ${num(w)}${W ? ` / ${num(W)}` : ""} (${keyName})`;
      break;
    }
    case "tiered": {
      const cls = m.classes.find((c) => c.members.includes(row.municipality));
      const k = ctx.year - m.baseYear;
      const pct = num(m.indexRate.times(100));
      const factor = num(new Decimal(1).plus(m.indexRate));
      working = sv
        ? `klass ${cls?.label ?? "?"}: ${num(cls?.baseAmount ?? 0)} ${u} × ${factor}^${k} (uppräkning ${pct} % per år från ${m.baseYear})`
        : `class ${cls?.label ?? "?"}: ${num(cls?.baseAmount ?? 0)} ${u} × ${factor}^${k} (indexed ${pct} % a year from ${m.baseYear})`;
      break;
    }
    case "sum":
      working = (input.parts ?? [])
        .map((p, i) => `${ctx.partNames[i] ?? ""} ${num(toDecimal(p))} ${u}`)
        .join(" + ");
      break;
    case "usage":
      working = `${num(toDecimal(input.quantity ?? { num: 0n, den: 1n }))} ${m.quantityUnit} × ${money(m.unitPrice)}`;
      break;
  }
  if (row.months < 12) working += sv ? ` × ${row.months}/12 månader` : ` × ${row.months}/12 months`;
  if (row.capped) working += sv ? " (begränsat av takbeloppet)" : " (limited by the cap)";

  const head = `${row.municipality}, ${sv ? ctx.costItem.name : ctx.costItem.nameEn} ${ctx.year}: ${working}`;
  const rounded = roundingPhrase(ctx.rounding, u, lang);
  let body: string;
  if (row.monthly) {
    body = sv
      ? ` ${eq(row.quota)} ${u} per år, ${amt(row.monthly.quota)} ${u} per månad, ${rounded} = ${money(row.monthly.amount)} per månad × 12 = ${money(row.computed)}`
      : ` ${eq(row.quota)} ${u} a year, ${amt(row.monthly.quota)} ${u} a month, ${rounded} = ${money(row.monthly.amount)} a month × 12 = ${money(row.computed)}`;
  } else if (row.quota.exact && row.quota.value.eq(row.computed)) {
    body = ` = ${money(row.computed)}`;
  } else {
    body = ` ${eq(row.quota)} ${u}, ${rounded} = ${money(row.computed)}`;
  }
  let provenance: string;
  if (row.published) {
    const where = [row.published.source.title, row.published.source.section]
      .filter(Boolean)
      .join(", ")
      .replace(/\.$/, "");
    provenance = sv ? ` Publicerat i ${where}.` : ` Published in ${where}.`;
    if (!row.published.matchesComputed) {
      provenance += sv
        ? ` Publicerat belopp: ${money(row.amount)} (avviker från beräkningen).`
        : ` Published amount: ${money(row.amount)} (differs from the computation).`;
    }
  } else {
    provenance = sv
      ? ` Beräknat med ${modelName(m, lang)}, inte publicerat.`
      : ` Computed with ${modelName(m, lang)}, not published.`;
  }
  return `${head}${body}.${provenance}`;
}
