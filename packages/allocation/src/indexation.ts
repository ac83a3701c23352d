import type { Decimal } from "@samverkan/domain";
import { fromDecimal, mul, pow, toDecimal, add, ONE, div } from "./rational.js";

/** A yearly index: a fixed rate ("2 %": 0.02) or a named index's factor for the year (AKI 1.057818…). */
export type Index =
  { readonly rate: Decimal | string } | { readonly name: string; readonly factor: Decimal | string };

/**
 * A total indexed over `years` years, compounding exactly (uppräkning): total × (1 + rate)^years,
 * or total × factor^years for a named index. The result is exact (a terminating decimal).
 */
export function indexTotal(total: Decimal | string, index: Index, years = 1): Decimal {
  const factor = "rate" in index ? add(ONE, fromDecimal(index.rate)) : fromDecimal(index.factor);
  return toDecimal(mul(fromDecimal(total), pow(factor, years)), 20);
}

/** The factor from one year's total to the next's, exactly (e.g. 1 127 000 / 1 065 400). */
export function impliedIndexFactor(from: Decimal | string, to: Decimal | string, places = 6): Decimal {
  return toDecimal(div(fromDecimal(to), fromDecimal(from)), places);
}
