import type { Decimal } from "decimal.js";

/**
 * Swedish number formatting, used for every amount a person reads: thousands separated by a space,
 * decimal comma ("1 065 400", "20 211,25"). Exact: works on the decimal's digits, never on a float.
 */
export function formatNumber(value: Decimal, decimals?: number, lang: "sv" | "en" = "sv"): string {
  const fixed = decimals === undefined ? value.toFixed() : value.toFixed(decimals);
  const [whole = "0", fraction] = fixed.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  // English keeps the SI grouping (a space) but takes a decimal point.
  const point = lang === "en" ? "." : ",";
  return `${value.isNegative() && !value.isZero() ? "−" : ""}${grouped}${fraction ? `${point}${fraction}` : ""}`;
}

/** "1 065 400 kr", "8 541 tkr". */
export function formatMoney(value: Decimal, unit: "kr" | "tkr" = "kr", lang: "sv" | "en" = "sv"): string {
  return `${formatNumber(value, undefined, lang)} ${unit}`;
}
