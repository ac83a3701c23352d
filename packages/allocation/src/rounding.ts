import type { Rounding } from "@samverkan/domain";
import type { Rational } from "./rational.js";

export type RoundingMode = Rounding["mode"];

/**
 * Rounds an exact amount to a multiple of `unit` (1, 100 or 1 000 of the rule's currency unit).
 * `ceil` is the Norrbotten house convention; `halfUp` rounds .5 away from zero only for
 * positive amounts (there are no negative charges); `halfEven` sends ties to the even multiple.
 */
export function roundToUnit(x: Rational, unit: number, mode: RoundingMode): bigint {
  return roundToMultiple(x, BigInt(unit), mode);
}

/** `roundToUnit` with the unit already a bigint (the apportionment loop converts it once). */
export function roundToMultiple(x: Rational, u: bigint, mode: RoundingMode): bigint {
  // x / u = f + r / d with 0 ≤ r < d. Nothing is reduced: every test below compares r with d,
  // which does not change when both are divided by a common factor.
  let num = x.num;
  let d = x.den * u;
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) {
    num = -num;
    d = -d;
  }
  let f = num / d;
  let r = num % d;
  if (r < 0n) {
    f -= 1n;
    r += d;
  }
  let n: bigint;
  switch (mode) {
    case "floor":
      n = f;
      break;
    case "ceil":
      n = r === 0n ? f : f + 1n;
      break;
    case "halfUp":
      n = r * 2n >= d ? f + 1n : f;
      break;
    case "halfEven": {
      const twice = r * 2n;
      n = twice > d || (twice === d && f % 2n !== 0n) ? f + 1n : f;
      break;
    }
  }
  return n * u;
}
