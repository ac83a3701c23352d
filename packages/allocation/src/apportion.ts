import type { Rounding } from "@samverkan/domain";
import { cmp, sum, type Rational } from "./rational.js";
import { roundToMultiple } from "./rounding.js";

/**
 * Both remainders r/d are in [0, 1). Number(bigint) and the division each round to nearest, so
 * each approximation is within 2^-51 of its value (or NaN when d is beyond a double's range:
 * every comparison with NaN is false, so the exact test decides). A difference
 * larger than 2^-49 therefore has the sign of the exact difference.
 */
const APPROX_MARGIN = 2 ** -49;

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
  const u = BigInt(rounding.unit);
  const n = quotas.length;
  if (rounding.total === "independent") {
    const amounts = new Array<bigint>(n);
    for (let i = 0; i < n; i++) amounts[i] = roundToMultiple(quotas[i] as Rational, u, rounding.mode);
    return { amounts, extraUnitTo: [] };
  }
  // Quota i in units is f + r/d with 0 ≤ r < d: f × unit is its floor amount, r/d its remainder
  // (unreduced; only compared). A double approximation of r/d orders most pairs; pairs it cannot
  // tell apart are compared exactly, so the order is the exact one.
  const floors = new Array<bigint>(n);
  const rs = new Array<bigint>(n);
  const ds = new Array<bigint>(n);
  const approx = new Array<number>(n).fill(0); // a plain array: cheaper to create than a typed one
  let floorSum = 0n;
  // The fast sort needs a consistent comparator: quotas with a negative denominator make
  // `cmp` on quotas inconsistent, so they (and remainders beyond a double) take the built-in sort.
  let fast = true;
  // Rows often share a denominator (population quotas mostly keep Σ population): reuse its
  // scaled value and its double instead of recomputing them.
  let lastDen = 0n;
  let d = 0n;
  let dn = 0;
  for (let i = 0; i < n; i++) {
    const q = quotas[i] as Rational;
    let num = q.num;
    if (q.den !== lastDen || i === 0) {
      lastDen = q.den;
      d = q.den * u;
      if (d === 0n) throw new RangeError("division by zero");
      if (d < 0n) {
        d = -d;
        fast = false;
      }
      dn = Number(d);
      if (dn === Infinity) fast = false;
    }
    if (lastDen < 0n) num = -num;
    let f = num / d;
    let r = num % d;
    if (r < 0n) {
      f -= 1n;
      r += d;
    }
    const amount = u === 1n ? f : f * u;
    floors[i] = amount;
    floorSum += amount;
    rs[i] = r;
    ds[i] = d;
    approx[i] = dn === Infinity ? NaN : Number(r) / dn;
  }
  const target = roundToMultiple(total, u, "halfUp");
  const missing = (target - floorSum) / u;
  if (missing < 0n || missing > BigInt(n)) {
    throw new RangeError(`largest remainder cannot reach ${target} from quotas summing to another total`);
  }
  // Descending remainder; ties: the larger quota, then the name in Swedish alphabetical order.
  const after = (a: number, b: number): number => {
    const delta = (approx[b] as number) - (approx[a] as number);
    if (delta > APPROX_MARGIN) return 1;
    if (delta < -APPROX_MARGIN) return -1;
    const c = (rs[b] as bigint) * (ds[a] as bigint) - (rs[a] as bigint) * (ds[b] as bigint);
    if (c !== 0n) return c > 0n ? 1 : -1;
    return (
      cmp(quotas[b] as Rational, quotas[a] as Rational) ||
      (names[a] ?? "").localeCompare(names[b] ?? "", "sv")
    );
  };
  const order = fast ? sortByRemainder(approx, after) : Array.from({ length: n }, (_, i) => i).sort(after);
  const extraUnitTo = order.slice(0, Number(missing));
  const amounts = floors;
  for (const i of extraUnitTo) amounts[i] = (amounts[i] as bigint) + u;
  return { amounts, extraUnitTo, target };
}

/**
 * The row indices in the order `indices.sort(after)` gives, faster. `after` is a consistent
 * ordering here (exact remainders, then exact quotas, then collation), so the stable built-in
 * sort returns the one order that breaks its remaining ties by index; any correct sort under
 * "after, then index" returns that same order. This one first deals the rows into buckets by
 * their approximate remainder, which leaves them almost sorted, then runs a merge sort that
 * takes sorted stretches in one comparison each (O(n log n) at worst, about 2n comparisons in
 * the usual case), with the comparator where the JIT can inline it.
 */
function sortByRemainder(approx: readonly number[], after: (a: number, b: number) => number): number[] {
  const n = approx.length;
  const before = (a: number, b: number): boolean => {
    const c = after(a, b);
    return c < 0 || (c === 0 && a < b);
  };
  // Counting sort into n buckets, the largest remainders first.
  const bucketOf = new Array<number>(n).fill(0);
  const starts = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(n - 1, Math.max(0, Math.floor((1 - (approx[i] as number)) * n)));
    bucketOf[i] = b;
    starts[b + 1] = (starts[b + 1] as number) + 1;
  }
  for (let b = 0; b < n; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  let src = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const b = bucketOf[i] as number;
    src[starts[b] as number] = i;
    starts[b] = (starts[b] as number) + 1;
  }
  // Insertion sort on short runs, then bottom-up merges.
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = src[i] as number;
      let j = i - 1;
      while (j >= lo && before(x, src[j] as number)) {
        src[j + 1] = src[j] as number;
        j--;
      }
      src[j + 1] = x;
    }
  }
  let dst = new Array<number>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let k = lo;
      if (mid < hi && before(src[mid] as number, src[mid - 1] as number)) {
        let i = lo;
        let j = mid;
        while (i < mid && j < hi)
          dst[k++] = before(src[j] as number, src[i] as number) ? (src[j++] as number) : (src[i++] as number);
        while (i < mid) dst[k++] = src[i++] as number;
        while (j < hi) dst[k++] = src[j++] as number;
      } else {
        while (k < hi) dst[k] = src[k++] as number; // already in order
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}
