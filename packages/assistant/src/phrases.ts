import { formatDate } from "@samverkan/allocation";
import { describeSource, formatMoney, type Decimal, type SourceRef } from "@samverkan/domain";
import type { Lang } from "./types.js";

/** "21 000 kr", "2 238 tkr"; English takes a decimal point. */
export function money(value: Decimal, unit: "kr" | "tkr", lang: Lang): string {
  return formatMoney(value, unit, lang);
}

/** "+4 400 kr", "−1 200 kr", "±0 kr". */
export function signedMoney(value: Decimal, unit: "kr" | "tkr", lang: Lang): string {
  if (value.isZero()) return `±0 ${unit}`;
  return `${value.isPositive() ? "+" : ""}${money(value, unit, lang)}`;
}

/** "Kalix, Luleå och Piteå" / "Kalix, Luleå and Piteå". */
export function listing(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? "";
  const and = lang === "sv" ? " och " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items.at(-1)}`;
}

/** "Kalix, Luleå eller Piteå" / "… or …". */
export function alternatives(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? "";
  const or = lang === "sv" ? " eller " : " or ";
  return `${items.slice(0, -1).join(", ")}${or}${items.at(-1)}`;
}

/** "12 oktober 2022" / "12 October 2022". */
export function dateText(iso: string, lang: Lang): string {
  return formatDate(iso, lang);
}

/** "juni" / "June": the engine's month names, so dates and months read the same everywhere. */
export { monthName } from "@samverkan/allocation";

/** Where a published number is printed, in words. */
export function sourceText(source: SourceRef, lang: Lang): string {
  return describeSource(source, lang);
}

/** The Swedish genitive: "Luleås", but "Kalix", "Pajalas", "Bjuv" → "Bjuvs"; names ending in s, x or z take none. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** Sentence case: the first letter upper case. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const BODY_NAMES: Record<
  string,
  Record<Lang, { the: string; meeting: string; next: string; plural: string }>
> = {
  committee: {
    sv: {
      the: "nämnden",
      meeting: "nämndens sammanträde",
      next: "sammanträde i nämnden",
      plural: "sammanträden i nämnden",
    },
    en: {
      the: "the committee",
      meeting: "committee meeting",
      next: "committee meeting",
      plural: "committee meetings",
    },
  },
  preparatoryGroup: {
    sv: {
      the: "beredningsgruppen",
      meeting: "beredningsgruppens möte",
      next: "möte i beredningsgruppen",
      plural: "möten i beredningsgruppen",
    },
    en: {
      the: "the preparatory group",
      meeting: "preparatory group meeting",
      next: "preparatory group meeting",
      plural: "preparatory group meetings",
    },
  },
  strategyDay: {
    sv: { the: "strategidagen", meeting: "strategidag", next: "strategidag", plural: "strategidagar" },
    en: { the: "the strategy day", meeting: "strategy day", next: "strategy day", plural: "strategy days" },
  },
};
