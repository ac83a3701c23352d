import type { Decimal } from "decimal.js";

/**
 * Swedish number formatting, used for every amount a person reads: thousands separated by a space,
 * decimal comma ("1 065 400", "20 211,25"). Exact: works on the decimal's digits, never on a float.
 */
export function formatNumber(value: Decimal, decimals?: number): string {
  const fixed = decimals === undefined ? value.toFixed() : value.toFixed(decimals);
  const [whole = "0", fraction] = fixed.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value.isNegative() && !value.isZero() ? "−" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** "1 065 400 kr", "8 541 tkr". */
export function formatMoney(value: Decimal, unit: "kr" | "tkr" = "kr"): string {
  return `${formatNumber(value)} ${unit}`;
}
