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

const SMALL = 1n << 30n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** gcd of two whole numbers below 2^30 (Stein's algorithm; exact in 32-bit operations). */
function smallGcd(u: number, v: number): number {
  if (u === 0) return v;
  if (v === 0) return u;
  const shift = 31 - Math.clz32((u | v) & -(u | v));
  u >>>= 31 - Math.clz32(u & -u);
  do {
    v >>>= 31 - Math.clz32(v & -v);
    if (u > v) {
      const t = u;
      u = v;
      v = t;
    }
    v -= u;
  } while (v !== 0);
  return u << shift;
}

/**
 * `each(rational(a.num × w, a.den × W))` for every weight w: the same fractions in lowest terms,
 * with one bigint gcd per call instead of one per row. With x/D = a/W in lowest terms, x and D
 * are coprime, so gcd(x × w, D) = gcd(w, D); for weights below 2^30 and D below 2^53 that gcd
 * is found exactly in doubles (D mod w, then 32-bit Stein). Other rows take `rational`.
 */
function shares<T>(a: Rational, weights: readonly bigint[], W: bigint, each: (share: Rational) => T): T[] {
  const out = new Array<T>(weights.length);
  const r = rational(a.num, a.den);
  const D0 = r.den * W;
  const { num: x, den: D } = D0 > 0n ? rational(r.num, D0) : { num: 0n, den: 0n };
  const Dn = D > 0n && D <= SAFE ? Number(D) : 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as bigint;
    if (Dn > 0 && w > 0n && w < SMALL) {
      const wn = Number(w);
      const g = smallGcd(wn, Dn % wn);
      if (g === 1) {
        out[i] = each({ num: x * w, den: D });
      } else {
        const G = BigInt(g);
        out[i] = each({ num: x * (w / G), den: D / G });
      }
    } else {
      out[i] = each(rational(a.num * w, a.den * W));
    }
  }
  return out;
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
        model.type === "mixed"
          ? div(mul(model.total, model.equalWeight), n)
          : model.type === "affine"
            ? model.fixedPerMember
            : ZERO;
      const rest =
        model.type === "mixed"
          ? mul(model.total, sub(ONE, model.equalWeight))
          : model.type === "affine"
            ? sub(model.total, mul(model.fixedPerMember, n))
            : model.total;
      if (cmp(rest, ZERO) < 0) throw new RangeError("the fixed amounts exceed the total");
      return shares(rest, populations, S, (populationPart) => ({
        // 0 + x is x itself (already reduced): skip the addition for the plain population model.
        quota: equalShare.num === 0n ? populationPart : add(equalShare, populationPart),
        equalPart: equalShare,
        populationPart,
        S,
      }));
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
      return ps.map((p) => ({
        quota: mul(need(p.baseAmount, "class base amount", p.municipality), factor),
        factor,
      }));
    }
    case "sum":
      return ps.map((p) => ({ quota: sum(need(p.parts, "parts", p.municipality)) }));
    case "usage":
      return ps.map((p) => ({ quota: mul(model.unitPrice, need(p.quantity, "quantity", p.municipality)) }));
  }
}

/** Water-filling: no quota above the cap; what is cut goes to those below it, by their quotas. */
function applyCap(
  quotas: Rational[],
  cap: EngineCap,
): { quotas: Rational[]; capped: boolean[]; unallocated: Rational } {
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

type PartsOf = {
  readonly equalPart?: Rational;
  readonly populationPart?: Rational;
  readonly factor?: Rational;
};

/**
 * One result row. The common shapes are object literals (one allocation, no property-by-
 * property growth); every shape keeps the same key order and leaves absent parts out.
 */
function row(
  municipality: string,
  quota: Rational,
  { equalPart, populationPart, factor }: PartsOf,
  monthlyRow: { quota: Rational; amount: bigint } | undefined,
  hasMonthly: boolean,
  months: number,
  capped: boolean,
  amount: bigint,
): EngineRow {
  if (!hasMonthly && !factor) {
    if (equalPart && populationPart)
      return { municipality, quota, equalPart, populationPart, months, capped, amount };
    if (!equalPart && !populationPart) return { municipality, quota, months, capped, amount };
  }
  return {
    municipality,
    quota,
    ...(equalPart ? { equalPart } : {}),
    ...(populationPart ? { populationPart } : {}),
    ...(factor ? { factor } : {}),
    ...(hasMonthly ? { monthly: monthlyRow } : {}),
    months,
    capped,
    amount,
  };
}

/**
 * Splits one cost among the participants exactly and rounds it as the rule says. Pure.
 * Order of work: full-year quota by the model → pro rata for part-year members → cap →
 * rounding (per year, or per month and × 12).
 */
export function runEngine(
  model: EngineModel,
  participants: readonly EngineParticipant[],
  options: EngineOptions,
): EngineResult {
  const n = participants.length;
  if (n === 0) throw new RangeError("no participants to share the cost");
  const names = participants.map((p) => p.municipality);
  if (new Set(names).size !== n) throw new RangeError("a participant is listed twice");
  const full = fullYearQuotas(model, participants, options.year);
  // Plain indexed loops below: this function runs once per cost item and participant set, and
  // iterator destructuring and per-row closures showed up in profiles of 290-row splits.
  const months = new Array<number>(n);
  for (let i = 0; i < n; i++) months[i] = participants[i]?.months ?? 12;
  for (let i = 0; i < n; i++) {
    const m = months[i] as number;
    if (!Number.isInteger(m) || m < 0 || m > 12) throw new RangeError(`${names[i]}: months must be 0–12`);
  }
  let quotas = new Array<Rational>(n);
  for (let i = 0; i < n; i++) {
    const q = (full[i] as { quota: Rational }).quota;
    const m = months[i] as number;
    quotas[i] = m === 12 ? q : mul(q, rational(BigInt(m), 12n));
  }
  let capped = new Array<boolean>(n).fill(false);
  let unallocated = ZERO;
  if (options.cap) ({ quotas, capped, unallocated } = applyCap(quotas, options.cap));

  const { rounding } = options;
  const total = sum(quotas);
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
  const rows = new Array<EngineRow>(n);
  let rowSum = 0n;
  for (let i = 0; i < n; i++) {
    const amount = amounts[i] ?? 0n;
    rowSum += amount;
    rows[i] = row(
      names[i] as string,
      quotas[i] ?? ZERO,
      full[i] as PartsOf,
      monthly?.[i],
      monthly !== undefined,
      months[i] ?? 12,
      capped[i] ?? false,
      amount,
    );
  }
  // The population models have summed the populations already.
  let populationSum: bigint | undefined = (full[0] as { S?: bigint } | undefined)?.S;
  if (populationSum === undefined) {
    populationSum = 0n;
    for (const p of participants) {
      if (p.population === undefined) {
        populationSum = undefined;
        break;
      }
      populationSum += p.population ?? 0n;
    }
  }
  return {
    rows,
    underlyingTotal: add(total, unallocated),
    ...(populationSum !== undefined ? { populationSum } : {}),
    rowSum,
    unallocated,
    extraUnitTo: extraUnitTo.map((i) => names[i] ?? ""),
  };
}
