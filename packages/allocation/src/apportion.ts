import type { Rounding } from "@samverkan/domain";
import { cmp, floor, rational, sub, sum, type Rational } from "./rational.js";
import { roundToUnit } from "./rounding.js";

export interface Apportionment {
  /** Each row's amount, a multiple of the rounding unit. */
  readonly amounts: readonly bigint[];
  /** Largest remainder only: the rows that received one extra unit, in the order they got it. */
  readonly extraUnitTo: readonly number[];
  /** Largest remainder only: the total the rows were made to add up to. */
  readonly target?: bigint;
}

/**
 * Turns exact quotas into amounts.
 *
 * - `independent`: each quota is rounded on its own with the rule's mode; the row sum may differ
 *   from the total (the published tables do this; their "Summa" is the row sum).
 * - `largestRemainder` (Hamilton): every quota is rounded down to the unit, and the units still
 *   missing to reach the target (the total, rounded half-up to the unit) go one each to the rows
 *   with the largest remainders. Ties: the larger quota first, then the name in Swedish
 *   alphabetical order. The mode is not used: this method has its own rounding.
 *
 * Example: 100 kr split 1:1:1 to whole kronor gives 34/33/33 (A has the tie's alphabetical
 * edge), where independent half-up gives 33/33/33 = 99 kr.
 */
export function apportion(
  quotas: readonly Rational[],
  names: readonly string[],
  rounding: Pick<Rounding, "unit" | "mode" | "total">,
  total: Rational = sum(quotas),
): Apportionment {
  if (rounding.total === "independent") {
    return { amounts: quotas.map((q) => roundToUnit(q, rounding.unit, rounding.mode)), extraUnitTo: [] };
  }
  const u = BigInt(rounding.unit);
  const floors = quotas.map((q) => floor(rational(q.num, q.den * u)) * u);
  const target = roundToUnit(total, rounding.unit, "halfUp");
  const missing = (target - floors.reduce((a, b) => a + b, 0n)) / u;
  if (missing < 0n || missing > BigInt(quotas.length)) {
    throw new RangeError(`largest remainder cannot reach ${target} from quotas summing to another total`);
  }
  const order = quotas
    .map((q, i) => ({ i, remainder: sub(q, rational(floors[i] ?? 0n)), q }))
    .sort((a, b) => cmp(b.remainder, a.remainder) || cmp(b.q, a.q) || (names[a.i] ?? "").localeCompare(names[b.i] ?? "", "sv"));
  const extraUnitTo = order.slice(0, Number(missing)).map((o) => o.i);
  const amounts = floors.map((f, i) => (extraUnitTo.includes(i) ? f + u : f));
  return { amounts, extraUnitTo, target };
}
