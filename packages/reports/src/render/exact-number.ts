import { Decimal } from "@samverkan/domain";

/**
 * A report's exact decimal string as the IEEE double a spreadsheet stores, refusing any value the
 * double would change. Whole kronor and amounts in öre (≤ 2 decimals, < 10¹³ kr) survive the trip
 * unchanged; if a value ever would not (a 17-digit amount, a long fraction), rendering fails loudly
 * instead of writing a number that differs from the report.
 *
 * @throws RangeError when `Number(value)` does not read back as exactly `value`.
 */
export function exactNumber(value: string, what: string): number {
  const exact = new Decimal(value);
  const number = exact.toNumber();
  // String(number) is the shortest decimal that reads back as this double; if it is not the
  // report's own value, the double is not that value.
  if (!Number.isFinite(number) || !new Decimal(String(number)).equals(exact)) {
    throw new RangeError(
      `${what}: ${value} cannot be stored exactly as a spreadsheet number (it would read back as ${String(number)})`,
    );
  }
  return number;
}

/**
 * A percentage ("21.5" meaning 21,5 %) as the fraction a spreadsheet percent cell holds (0.215).
 * Exact percentages must survive as `exactNumber` demands; a value marked inexact (a rounding of
 * a non-terminating fraction) is first rounded to 12 significant digits, far below what is shown.
 */
export function percentFraction(value: string, exact: boolean, what: string): number {
  const fraction = new Decimal(value).dividedBy(100);
  return exactNumber(exact ? fraction.toFixed() : fraction.toSignificantDigits(12).toFixed(), what);
}

/** Decimal places in an exact decimal string: "20211.25" → 2, "1127000" → 0. */
export function decimalPlaces(value: string): number {
  return new Decimal(value).decimalPlaces();
}
