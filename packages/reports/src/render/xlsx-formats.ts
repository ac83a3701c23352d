import type { ReportColumn, ReportLang } from "../model.js";

/*
 * Number formats for the XLSX renderer.
 *
 * A format code in an .xlsx file is always written in the invariant (en-US) syntax: "," means
 * "group thousands" and "." means "decimal separator", and the program that opens the file shows
 * them in a locale's own symbols. A literal space instead (`# ##0`) is a trap: the space sits at a
 * fixed digit position, so 1 127 000 shows as "1127 000", small numbers get leading blanks and
 * negatives read "- 4 400" (checked in LibreOffice 7.4).
 *
 * So Swedish reports prefix every format with the locale tag `[$-41D]` (sv-SE, LCID 0x041D):
 * - LibreOffice then formats the cell as Swedish whatever the user's own locale: "1 127 000 kr"
 *   (no-break spaces), "20 211,25 kr", "21,5 %", "12 oktober 2022" — checked under sv_SE and
 *   en_US, and by test/xlsx-libreoffice.test.ts when LibreOffice is installed.
 * - Excel takes the separators from the reader's regional settings (the tag sets month names), so
 *   Swedish Excel shows "1 127 000 kr" and "12 oktober 2022"; an English Excel shows
 *   "1,127,000 kr", which is what its reader expects.
 * English reports leave numbers to the reader's locale and write dates with en-GB month names
 * (`[$-809]`): "12 October 2022", the order `formatCell` uses.
 */

const NUMBER_LOCALE: Record<ReportLang, string> = { sv: "[$-41D]", en: "" };
const DATE_LOCALE: Record<ReportLang, string> = { sv: "[$-41D]", en: "[$-809]" };

function fraction(decimals: number): string {
  return decimals > 0 ? `.${"0".repeat(decimals)}` : "";
}

/** `[$-41D]#,##0 "kr"`, `[$-41D]#,##0.00 "kr"`, `[$-41D]#,##0 "tkr"`. */
export function moneyFormat(unit: "kr" | "tkr", decimals: number, lang: ReportLang): string {
  return `${NUMBER_LOCALE[lang]}#,##0${fraction(decimals)} "${unit}"`;
}

/** A percent cell holds the fraction (0.215) and shows "21,5 %": Swedish style puts a space before %. */
export function percentFormat(decimals: number, lang: ReportLang): string {
  return `${NUMBER_LOCALE[lang]}0${fraction(decimals)} %`;
}

export function numberFormat(decimals: number, lang: ReportLang): string {
  return `${NUMBER_LOCALE[lang]}#,##0${fraction(decimals)}`;
}

/** "12 oktober 2022", or "12 oktober 2022 09:30" for a date-time. */
export function dateFormat(withTime: boolean, lang: ReportLang): string {
  return `${DATE_LOCALE[lang]}d mmmm yyyy${withTime ? " hh:mm" : ""}`;
}

/** The unit of a money column, for formats; kr unless the column says tkr. */
export function columnUnit(column: ReportColumn): "kr" | "tkr" {
  return column.unit ?? "kr";
}
