import type { AllocationModel, Rounding } from "@samverkan/domain";

export type Lang = "sv" | "en";

/** The model's name in a sentence: "50/50-modellen", "lika delar". */
export function modelName(model: AllocationModel, lang: Lang): string {
  const sv: Record<AllocationModel["type"], string> = {
    equal: "lika delar",
    population: "invånarantal",
    mixed: "en del i lika delar och en del efter invånarantal",
    affine: "ett fast belopp per kommun och resten efter invånarantal",
    perCapita: "ett belopp per invånare",
    fixedKey: "en fast fördelningsnyckel",
    tiered: "klassbelopp med årlig uppräkning",
    sum: "summan av delposterna",
    usage: "nyttjande",
  };
  const en: Record<AllocationModel["type"], string> = {
    equal: "equal parts",
    population: "population",
    mixed: "part in equal parts and part by population",
    affine: "a fixed amount per municipality and the rest by population",
    perCapita: "an amount per inhabitant",
    fixedKey: "a fixed allocation key",
    tiered: "class amounts with yearly indexation",
    sum: "the sum of its parts",
    usage: "usage",
  };
  if (model.type === "mixed" && model.equalWeight.eq("0.5"))
    return lang === "sv" ? "50/50-modellen" : "the 50/50 model";
  return (lang === "sv" ? sv : en)[model.type];
}

function unitWord(unit: number, currency: "kr" | "tkr", lang: Lang): string {
  if (currency === "tkr" && unit === 1) return "tkr";
  const kr = currency === "kr" ? unit : unit * 1000;
  const sv: Record<number, string> = {
    1: "kronor",
    100: "hundratal kronor",
    1000: "tusental kronor",
    100000: "hundratusental kronor",
    1000000: "miljoner kronor",
  };
  const en: Record<number, string> = {
    1: "kronor",
    100: "hundreds of kronor",
    1000: "thousands of kronor",
    100000: "hundred thousands of kronor",
    1000000: "millions of kronor",
  };
  return (lang === "sv" ? sv : en)[kr] ?? `${kr} kr`;
}

/** "avrundat uppåt till hela tusental kronor" / "rounded up to whole thousands of kronor". */
export function roundingPhrase(r: Rounding, currency: "kr" | "tkr", lang: Lang): string {
  const w = unitWord(r.unit, currency, lang);
  if (r.total === "largestRemainder") {
    return lang === "sv"
      ? `fördelat med största rest till hela ${w}`
      : `apportioned by largest remainder to whole ${w}`;
  }
  const sv = {
    ceil: `avrundat uppåt till hela ${w}`,
    floor: `avrundat nedåt till hela ${w}`,
    halfUp: `avrundat till närmaste hela ${w}`,
    halfEven: `avrundat till närmaste hela ${w} (lika avstånd till jämnt)`,
  };
  const en = {
    ceil: `rounded up to whole ${w}`,
    floor: `rounded down to whole ${w}`,
    halfUp: `rounded to the nearest whole ${w}`,
    halfEven: `rounded to the nearest whole ${w} (ties to even)`,
  };
  return (lang === "sv" ? sv : en)[r.mode];
}

/** A short description of the whole rounding choice, for results and CLI output. */
export function describeRounding(r: Rounding, currency: "kr" | "tkr", lang: Lang): string {
  const base = roundingPhrase(r, currency, lang);
  const rows =
    r.total === "independent"
      ? lang === "sv"
        ? "varje kommun för sig (summan blir radernas summa)"
        : "each municipality on its own (the total is the row sum)"
      : lang === "sv"
        ? "så att raderna summerar till totalen"
        : "so that the rows add up to the total";
  const period =
    r.period === "month" ? (lang === "sv" ? ", per månad och × 12" : ", per month and × 12") : "";
  return `${base}, ${rows}${period}`;
}

const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "31 december 2017" / "31 December 2017". */
/** "juni" / "June": the month (1–12) by name, lower case in Swedish as Swedish writes it. */
export function monthName(month: number, lang: Lang): string {
  return (lang === "sv" ? MONTHS_SV : MONTHS_EN)[month - 1] ?? String(month);
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${monthName(m ?? 1, lang)} ${y}`;
}
