import { Decimal } from "decimal.js";

/**
 * An exact fraction of two bigints (den > 0). The engine computes every share as one, so
 * "T × P_i / ΣP" is never approximated and a rounding boundary is decided exactly.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const SMALL = 1n << 30n;

/**
 * Euclid on bigints until the numbers fit in 30 bits, then binary gcd on plain integers, which
 * is exact there and several times cheaper than bigint division (this is the engine's hot path:
 * every quota is reduced once).
 */
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b >= SMALL) {
    const r = a % b;
    a = b;
    b = r;
  }
  if (b === 0n) return a;
  let u = Number(b);
  let v = Number(a % b);
  if (v === 0) return b;
  // Stein's algorithm: both are below 2^30, so the bit operations below are exact.
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
  // Most quotas are already in lowest terms: no new bigint for a gcd of 1.
  return shift === 0 && u === 1 ? 1n : BigInt(u << shift);
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 1n) return { num, den };
  if (den === 0n) throw new RangeError("division by zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

/** A finite decimal (as decimal.js holds it) as an exact fraction. */
export function fromDecimal(d: Decimal | string | number | bigint): Rational {
  if (typeof d === "bigint") return { num: d, den: 1n };
  const dec = d instanceof Decimal ? d : new Decimal(d);
  if (!dec.isFinite()) throw new RangeError(`not a finite amount: ${dec.toString()}`);
  const [mantissa, exponent = "0"] = dec.toExponential().split("e");
  const [whole = "0", frac = ""] = (mantissa ?? "0").split(".");
  const digits = BigInt(`${whole}${frac}`);
  const scale = Number(exponent) - frac.length;
  return scale >= 0
    ? { num: digits * 10n ** BigInt(scale), den: 1n }
    : rational(digits, 10n ** BigInt(-scale));
}

export const add = (a: Rational, b: Rational): Rational =>
  a.den === b.den ? rational(a.num + b.num, a.den) : rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => add(a, { num: -b.num, den: b.den });
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
export const div = (a: Rational, b: Rational): Rational => rational(a.num * b.den, a.den * b.num);
export const cmp = (a: Rational, b: Rational): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const isZero = (a: Rational): boolean => a.num === 0n;
/**
 * The exact sum, normalised once at the end: the terms are brought to the least common multiple
 * of their denominators as they come (one gcd of denominators per term, none when a term shares
 * the running denominator), not reduced after every addition.
 */
export function sum(xs: readonly Rational[]): Rational {
  let num = 0n;
  let den = 1n;
  for (const x of xs) {
    if (x.den === den) {
      num += x.num;
    } else {
      const g = gcd(den, x.den);
      const m = x.den / g;
      num = num * m + x.num * (den / g);
      den *= m;
    }
  }
  return rational(num, den);
}

export function pow(a: Rational, n: number): Rational {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("pow takes a whole exponent ≥ 0");
  return rational(a.num ** BigInt(n), a.den ** BigInt(n));
}

/** Floor division of the fraction: the largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** True when the fraction has a finite decimal expansion (its denominator is 2^x·5^y). */
export function isTerminating(a: Rational): boolean {
  let d = a.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** The exact value as a Decimal when it terminates, else rounded half-up to `places` decimals. */
export function toDecimal(a: Rational, places = 10): Decimal {
  if (isTerminating(a)) {
    const D = Decimal.clone({ precision: 1000 });
    return new Decimal(new D(a.num.toString()).div(a.den.toString()).toFixed());
  }
  const scale = 10n ** BigInt(places);
  const scaled = floor(add(mul(a, { num: scale, den: 1n }), { num: 1n, den: 2n }));
  return new Decimal(scaled.toString()).div(scale.toString());
}
