/**
 * Conditions a money question can carry that the documents cannot answer: an amount per inhabitant or
 * per month, with or without VAT, in another currency, as a percentage. Answering such a question with
 * the plain amount would answer a different question, so the guard (guard.ts) says what it did not
 * understand instead. Each condition says why, in both languages, and which question comes closest.
 */
export interface Condition {
  readonly id: "perCapita" | "perPeriod" | "vat" | "currency" | "percent";
  readonly phrases: readonly string[];
  /** Why it cannot be answered, completing "…, men …" / "…, but …". */
  readonly why: { readonly sv: string; readonly en: string };
  /** Whether the split of the item is the closest answer (it shows the price per inhabitant, the shares). */
  readonly offerSplit: boolean;
}

/** "per månad" and its kin: answerable for an item the committee prices per month (the datacenter). */
export const MONTH_PHRASES: ReadonlySet<string> = new Set([
  "per månad",
  "i månaden",
  "månadsvis",
  "per month",
  "a month",
  "monthly",
]);

export const CONDITIONS: readonly Condition[] = [
  {
    id: "perCapita",
    phrases: [
      "per invånare",
      "per kommuninvånare",
      "per person",
      "per capita",
      "per inhabitant",
      "per resident",
      "per head",
    ],
    why: {
      sv: "dokumenten anger vad kommunen betalar, inte ett belopp per invånare; fördelningen visar priset per invånare där posten fördelas efter befolkning",
      en: "the documents give what the municipality pays, not an amount per inhabitant; the split shows the price per inhabitant where the item is shared by population",
    },
    offerSplit: true,
  },
  {
    id: "perPeriod",
    phrases: [
      "per månad",
      "i månaden",
      "månadsvis",
      "per kvartal",
      "kvartalsvis",
      "per dag",
      "per vecka",
      "per month",
      "a month",
      "monthly",
      "per quarter",
      "quarterly",
      "per day",
      "per week",
    ],
    why: {
      sv: "beloppen i dokumenten är per år och de säger inte hur de faktureras under året",
      en: "the documents' amounts are per year and they do not say how they are invoiced during the year",
    },
    offerSplit: false,
  },
  {
    id: "vat",
    phrases: [
      "moms",
      "momsen",
      "exklusive moms",
      "inklusive moms",
      "exkl moms",
      "inkl moms",
      "vat",
      "excluding vat",
      "including vat",
      "ex vat",
      "sales tax",
    ],
    why: {
      sv: "dokumenten säger inget om moms",
      en: "the documents say nothing about VAT",
    },
    offerSplit: false,
  },
  {
    id: "currency",
    phrases: ["euro", "euros", "eur", "dollar", "dollars", "usd", "pund", "pounds", "nok", "dkk"],
    why: {
      sv: "beloppen finns bara i kronor",
      en: "the amounts are in kronor only",
    },
    offerSplit: false,
  },
  {
    id: "percent",
    phrases: [
      "i procent",
      "hur många procent",
      "procent av",
      "in percent",
      "what percentage",
      "percentage of",
    ],
    why: {
      sv: "dokumenten anger beloppen, inte kommunens andel i procent; fördelningen visar hur posten delas",
      en: "the documents give the amounts, not the municipality's share as a percentage; the split shows how the item is shared",
    },
    offerSplit: true,
  },
];
