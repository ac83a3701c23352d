import type { Rounding } from "@samverkan/domain";
import { floor, rational, type Rational } from "./rational.js";

export type RoundingMode = Rounding["mode"];

/**
 * Rounds an exact amount to a multiple of `unit` (1, 100 or 1 000 of the rule's currency unit).
 * `ceil` is the Norrbotten house convention; `halfUp` rounds .5 away from zero only for
 * positive amounts (there are no negative charges); `halfEven` sends ties to the even multiple.
 */
export function roundToUnit(x: Rational, unit: number, mode: RoundingMode): bigint {
  const u = BigInt(unit);
  const q = rational(x.num, x.den * u);
  const f = floor(q);
  const remainder = rational(q.num - f * q.den, q.den); // in [0, 1)
  const twice = remainder.num * 2n;
  let n: bigint;
  switch (mode) {
    case "floor":
      n = f;
      break;
    case "ceil":
      n = remainder.num === 0n ? f : f + 1n;
      break;
    case "halfUp":
      n = twice >= remainder.den ? f + 1n : f;
      break;
    case "halfEven":
      n = twice > remainder.den || (twice === remainder.den && f % 2n !== 0n) ? f + 1n : f;
      break;
  }
  return n * u;
}
