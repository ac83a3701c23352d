import type { TopicWords } from "./topic.js";

/**
 * Words for the plan as a whole (internkontrollplan, riskanalys): "När beslutas internkontrollplanen?"
 * asks the årshjul, not for the plan's rows, so with a "när"/"beslutas" word and none of the row words
 * below the risks topic leaves the question to the annual cycle.
 */
const RISK_PLAN_SV = [
  "riskanalys",
  "riskanalysen",
  "riskanalyser",
  "internkontrollplan",
  "internkontrollplanen",
  "internkontrollplaner",
  "intern kontrollplan",
  "internkontrolplan",
];
const RISK_PLAN_EN = ["risk analysis", "risk assessment", "internal control plan", "internal-control plan"];
export const RISK_PLAN_WORDS: readonly string[] = [...RISK_PLAN_SV, ...RISK_PLAN_EN];

/** Words for the risks themselves, their scores and the way they are handled. */
const RISK_ROW_SV = [
  "risk",
  "risken",
  "risker",
  "riskerna",
  "riskernas",
  "riskens",
  "riskvärde",
  "riskvärdet",
  "riskvärden",
  "riskvärdena",
  "riskbedömning",
  "riskbedömningen",
  "internkontroll",
  "internkontrollen",
  "intern kontroll",
  "kontrollmoment",
  "kontrollmomentet",
  "kontrollmomenten",
  "risjer",
  "rsiker",
  "riskre",
  "riskerana",
  "riskvärd",
];
const RISK_ROW_EN = [
  "risks",
  "the risks",
  "risk value",
  "risk values",
  "risk score",
  "risk scores",
  "internal control",
  "internal controls",
  "control point",
  "control points",
  "riks",
  "rsiks",
];

/** Every word of the risks that is about the rows (not only the plan): see `RISK_PLAN_WORDS`. */
export const RISK_ROW_WORDS: readonly string[] = [...RISK_ROW_SV, ...RISK_ROW_EN];

/**
 * The words of the internal-control plan (internkontrollplan) and its risks. "risk", the same word in both
 * languages, is listed once, as Swedish: an English question has English words besides it ("what is the
 * biggest risk"). A few common misspellings ("risjer") are listed as words: the parser has no fuzzy
 * match for topic words.
 */
export const RISK_WORDS: TopicWords = {
  sv: [...RISK_ROW_SV, ...RISK_PLAN_SV],
  en: [...RISK_ROW_EN, ...RISK_PLAN_EN],
};

/**
 * The decision a question filters by. "Vilka risker accepteras?" asks for the accepted ones. Internal
 * control is also the name of the whole plan ("vilka risker finns i internkontrollen?"), so its words
 * filter only together with a word of handling: "vilka risker hanteras via internkontroll?", "which
 * risks are handled by internal control".
 */
export const ACCEPTED_WORDS: readonly string[] = [
  "accepteras",
  "accepterade",
  "accepterad",
  "accepterat",
  "accepterar",
  "godtas",
  "accepted",
  "accept",
  "accepts",
  "accepting",
];
export const INTERNAL_CONTROL_WORDS: readonly string[] = [
  "internkontroll",
  "internkontrollen",
  "intern kontroll",
  "kontrollmoment",
  "kontrollmomenten",
  "internal control",
  "internal controls",
  "control point",
  "control points",
];
export const HANDLING_WORDS: readonly string[] = [
  "hanteras",
  "hanterade",
  "hanterad",
  "hanterar",
  "via",
  "genom",
  "kontrolleras",
  "följs upp",
  "handled",
  "handles",
  "handle",
  "managed",
  "covered",
  "controlled",
];

/**
 * "De största riskerna", "the biggest risks", "top 3": the highest risk values only. Beginnings of
 * folded words ("störst", "största", "högsta"); "top"/"topp" only as whole words ("topic" is not one).
 */
export const TOP_STEMS: readonly string[] = [
  "storst",
  "hogst",
  "allvarligast",
  "viktigast",
  "varst",
  "biggest",
  "largest",
  "highest",
  "greatest",
  "worst",
  "serious",
  "main",
  "mest",
];
export const TOP_WORDS: readonly string[] = ["top", "topp", "topplista", "most"];

/** The other end: "den minsta risken", "lowest risk value". Beginnings of folded words. */
export const LOW_STEMS: readonly string[] = ["minst", "lagst", "lowest", "smallest", "least"];

/** A ranking or condition on another score than the risk value: "högst sannolikhet", "impact". */
export const KEY_STEMS: Readonly<Record<"likelihood" | "consequence", readonly string[]>> = {
  likelihood: ["sannolik", "likelihood", "likely", "probab"],
  consequence: ["konsekvens", "consequence", "impact"],
};

/** A comparison with the number after it: "riskvärde över 6", "at least 8", "högst 6". */
export const COMPARISONS: readonly (readonly [string, ">" | ">=" | "<" | "<=" | "="])[] = [
  ["över", ">"],
  ["mer än", ">"],
  ["högre än", ">"],
  ["större än", ">"],
  ["above", ">"],
  ["over", ">"],
  ["more than", ">"],
  ["higher than", ">"],
  ["greater than", ">"],
  ["minst", ">="],
  ["at least", ">="],
  ["under", "<"],
  ["below", "<"],
  ["less than", "<"],
  ["lower than", "<"],
  ["lägre än", "<"],
  ["mindre än", "<"],
  ["högst", "<="],
  ["at most", "<="],
  ["lika med", "="],
  ["equal to", "="],
];

/** Words that turn a decision around: "inte accepteras", "not handled by internal control". */
export const NEGATIONS: readonly string[] = ["inte", "ej", "icke", "not", "isn't", "aren't", "isnt", "arent"];

/** Small numbers as words, for "de tre största riskerna" / "the two biggest risks". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  två: 2,
  two: 2,
  tre: 3,
  three: 3,
  fyra: 4,
  four: 4,
  fem: 5,
  five: 5,
};

/**
 * Beginnings of words about risks in general, never of one risk's subject ("vem ansvarar för risken
 * om leverantörsavtal?": "ansvarar" is what is asked, "leverantörsavtal" the subject). Folded.
 */
export const RISK_GENERIC_STEMS: readonly string[] = [
  "ansvar",
  "responsib",
  "handl",
  "hanter",
  "method",
  "metod",
  "likelihood",
  "sannolik",
  "konsekvens",
  "consequence",
  "score",
  "value",
  "beslut",
  "decid",
  "decision",
  "accept",
  "godta",
  "kontroll",
  "control",
  "plan",
  "analys",
  "analysis",
  "finns",
  "there",
  "have",
  "vilk",
  "every",
  "visa",
  "show",
  "berat",
  "namnd",
  "committee",
  "enamnd",
  "norrbotten",
  "about",
  "regard",
  "gallande",
  "angaende",
  "kring",
  "biggest",
  "largest",
  "highest",
  "greatest",
  "worst",
  "serious",
  "storst",
  "hogst",
  "allvarlig",
  "viktig",
  "rank",
  "rang",
  "ordn",
  "order",
  "sort",
  "top",
  "main",
  "sannolik",
  "likel",
  "probab",
  "impact",
  "lowest",
  "lagst",
  "minst",
  "smallest",
  "least",
  "hogre",
  "lagre",
  "mindre",
  "storre",
  "greater",
  "higher",
  "lower",
  "above",
  "below",
];
