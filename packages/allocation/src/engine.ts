import type { Rounding } from "@samverkan/domain";
import { apportion } from "./apportion.js";
import { add, cmp, div, mul, ONE, pow, rational, sub, sum, ZERO, type Rational } from "./rational.js";

/**
 * A model with everything it needs resolved to exact numbers: the engine's input. The dataset
 * layer (`allocateCostItem`) turns a rule into one of these; developers may build them directly.
 * Totals and rates are in the rule's unit (kr or tkr).
 */
export type EngineModel =
  | { readonly type: "equal"; readonly total: Rational }
  | { readonly type: "population"; readonly total: Rational }
  | { readonly type: "mixed"; readonly total: Rational; readonly equalWeight: Rational }
  | { readonly type: "affine"; readonly total: Rational; readonly fixedPerMember: Rational }
  | { readonly type: "perCapita"; readonly ratePerInhabitant: Rational }
  | { readonly type: "fixedKey"; readonly total: Rational }
  | { readonly type: "tiered"; readonly baseYear: number; readonly indexRate: Rational }
  | { readonly type: "sum" }
  | { readonly type: "usage"; readonly unitPrice: Rational };

/** One participant and the inputs its model reads. */
export interface EngineParticipant {
  readonly municipality: string;
  /** Population (for population, mixed, affine and perCapita models). */
  readonly population?: bigint;
  /** Key weight (fixedKey), e.g. its amount in the published key table. */
  readonly weight?: Rational;
  /** Base amount of its class (tiered). */
  readonly baseAmount?: Rational;
  /** Already computed amounts to add up (sum). */
  readonly parts?: readonly Rational[];
  /** Quantity used (usage), e.g. GB. */
  readonly quantity?: Rational;
  /** Months of the year it takes part (1–12); a part-year member pays pro rata. Default 12. */
  readonly months?: number;
}

export interface EngineCap {
  readonly amount: Rational;
  readonly excess: "redistribute" | "unallocated";
}

export interface EngineOptions {
  readonly year: number;
  readonly rounding: Rounding;
  readonly cap?: EngineCap;
}

/** What the engine found for one participant: the exact quota, its parts, and the rounded amount. */
export interface EngineRow {
  readonly municipality: string;
  /** The exact share of the year before rounding (after pro rata and cap). */
  readonly quota: Rational;
  readonly equalPart?: Rational;
  readonly populationPart?: Rational;
  /** perCapita: rate × population; fixedKey: weight / Σweights; tiered: the index factor. */
  readonly factor?: Rational;
  /** With monthly rounding: the exact monthly quota and the rounded monthly amount. */
  readonly monthly?: { readonly quota: Rational; readonly amount: bigint };
  readonly months: number;
  readonly capped: boolean;
  readonly amount: bigint;
}

export interface EngineResult {
  readonly rows: readonly EngineRow[];
  /** The underlying total the quotas add up to (for perCapita, tiered, usage: their sum). */
  readonly underlyingTotal: Rational;
  /** Σ population of the participants, where the model uses population. */
  readonly populationSum?: bigint;
  readonly rowSum: bigint;
  /** What a cap with `unallocated` left unpaid (0 otherwise). */
  readonly unallocated: Rational;
  /** Largest remainder: rows that received an extra unit. */
  readonly extraUnitTo: readonly string[];
}

function need<T>(value: T | undefined, what: string, who: string): T {
  if (value === undefined) throw new RangeError(`${who} has no ${what}`);
  return value;
}

/** Exact full-year quotas, before pro rata, caps and rounding. */
function fullYearQuotas(model: EngineModel, ps: readonly EngineParticipant[], year: number) {
  const n = rational(BigInt(ps.length));
  const pops = () => ps.map((p) => need(p.population, "population", p.municipality));
  switch (model.type) {
    case "equal":
      return ps.map(() => ({ quota: div(model.total, n) }));
    case "population":
    case "mixed":
    case "affine": {
      const populations = pops();
      const S = populations.reduce((a, b) => a + b, 0n);
      if (S === 0n) throw new RangeError("the participants' population sums to 0");
      const equalShare =
        model.type === "mixed" ? div(mul(model.total, model.equalWeight), n) : model.type === "affine" ? model.fixedPerMember : ZERO;
      const rest =
        model.type === "mixed"
          ? mul(model.total, sub(ONE, model.equalWeight))
          : model.type === "affine"
            ? sub(model.total, mul(model.fixedPerMember, n))
            : model.total;
      if (cmp(rest, ZERO) < 0) throw new RangeError("the fixed amounts exceed the total");
      return populations.map((P) => {
        const populationPart = rational(rest.num * P, rest.den * S);
        return { quota: add(equalShare, populationPart), equalPart: equalShare, populationPart, S };
      });
    }
    case "perCapita":
      return pops().map((P) => ({ quota: mul(model.ratePerInhabitant, rational(P)) }));
    case "fixedKey": {
      const weights = ps.map((p) => need(p.weight, "key weight", p.municipality));
      const W = sum(weights);
      if (W.num === 0n) throw new RangeError("the key's weights sum to 0");
      return weights.map((w) => {
        const factor = div(w, W);
        return { quota: mul(model.total, factor), factor };
      });
    }
    case "tiered": {
      const factor = pow(add(ONE, model.indexRate), year - model.baseYear);
      return ps.map((p) => ({ quota: mul(need(p.baseAmount, "class base amount", p.municipality), factor), factor }));
    }
    case "sum":
      return ps.map((p) => ({ quota: sum(need(p.parts, "parts", p.municipality)) }));
    case "usage":
      return ps.map((p) => ({ quota: mul(model.unitPrice, need(p.quantity, "quantity", p.municipality)) }));
  }
}

/** Water-filling: no quota above the cap; what is cut goes to those below it, by their quotas. */
function applyCap(quotas: Rational[], cap: EngineCap): { quotas: Rational[]; capped: boolean[]; unallocated: Rational } {
  const capped = quotas.map(() => false);
  let current = [...quotas];
  let unallocated = ZERO;
  for (;;) {
    let excess = ZERO;
    current = current.map((q, i) => {
      if (cmp(q, cap.amount) > 0) {
        excess = add(excess, sub(q, cap.amount));
        capped[i] = true;
        return cap.amount;
      }
      return q;
    });
    if (excess.num === 0n) break;
    const open = current.map((q, i) => (capped[i] ? ZERO : q));
    const openSum = sum(open);
    if (cap.excess === "unallocated" || openSum.num === 0n) {
      unallocated = add(unallocated, excess);
      break;
    }
    current = current.map((q, i) => (capped[i] ? q : add(q, mul(excess, div(q, openSum)))));
  }
  return { quotas: current, capped, unallocated };
}

/**
 * Splits one cost among the participants exactly and rounds it as the rule says. Pure.
 * Order of work: full-year quota by the model → pro rata for part-year members → cap →
 * rounding (per year, or per month and × 12).
 */
export function runEngine(model: EngineModel, participants: readonly EngineParticipant[], options: EngineOptions): EngineResult {
  if (participants.length === 0) throw new RangeError("no participants to share the cost");
  const names = participants.map((p) => p.municipality);
  if (new Set(names).size !== names.length) throw new RangeError("a participant is listed twice");
  const full = fullYearQuotas(model, participants, options.year);
  const months = participants.map((p) => p.months ?? 12);
  for (const [i, m] of months.entries()) {
    if (!Number.isInteger(m) || m < 0 || m > 12) throw new RangeError(`${names[i]}: months must be 0–12`);
  }
  let quotas = full.map((f, i) => (months[i] === 12 ? f.quota : mul(f.quota, rational(BigInt(months[i] ?? 12), 12n))));
  let capped = quotas.map(() => false);
  let unallocated = ZERO;
  if (options.cap) ({ quotas, capped, unallocated } = applyCap(quotas, options.cap));

  const { rounding } = options;
  const total = sub(sum(quotas), ZERO);
  let amounts: readonly bigint[];
  let extraUnitTo: readonly number[];
  let monthly: { quota: Rational; amount: bigint }[] | undefined;
  if (rounding.period === "month") {
    const monthQuotas = quotas.map((q) => div(q, rational(12n)));
    const r = apportion(monthQuotas, names, rounding, div(total, rational(12n)));
    monthly = monthQuotas.map((q, i) => ({ quota: q, amount: r.amounts[i] ?? 0n }));
    amounts = r.amounts.map((a) => a * 12n);
    extraUnitTo = r.extraUnitTo;
  } else {
    ({ amounts, extraUnitTo } = apportion(quotas, names, rounding, total));
  }
  const rows: EngineRow[] = participants.map((p, i) => {
    const f = full[i] as { equalPart?: Rational; populationPart?: Rational; factor?: Rational };
    return {
      municipality: p.municipality,
      quota: quotas[i] ?? ZERO,
      ...(f.equalPart ? { equalPart: f.equalPart } : {}),
      ...(f.populationPart ? { populationPart: f.populationPart } : {}),
      ...(f.factor ? { factor: f.factor } : {}),
      ...(monthly ? { monthly: monthly[i] } : {}),
      months: months[i] ?? 12,
      capped: capped[i] ?? false,
      amount: amounts[i] ?? 0n,
    };
  });
  const populationSum = participants.every((p) => p.population !== undefined)
    ? participants.reduce((a, p) => a + (p.population ?? 0n), 0n)
    : undefined;
  return {
    rows,
    underlyingTotal: add(total, unallocated),
    ...(populationSum !== undefined ? { populationSum } : {}),
    rowSum: amounts.reduce((a, b) => a + b, 0n),
    unallocated,
    extraUnitTo: extraUnitTo.map((i) => names[i] ?? ""),
  };
}
