import type { TopicWords } from "./topic.js";

/** Indicator words: a question with these and no goal word asks for the indicators only. */
const INDICATOR_SV = [
  "indikator",
  "indikatorn",
  "indikatorer",
  "indikatorerna",
  "indikatorernas",
  "indikatorena",
];
const INDICATOR_EN = [
  "indicator",
  "indicators",
  "performance indicator",
  "performance indicators",
  "indicaters",
];

/**
 * The words of the committee's goals (mål) and indicators (indikatorer) of the operational plan, and
 * their follow-up. A few common misspellings ("målenn", "goasl") are listed as words of their own:
 * the parser matches topic words exactly (after folding case and å/ä/ö), with no fuzzy match.
 */
export const GOAL_WORDS: TopicWords = {
  sv: [
    "mål",
    "målen",
    "målet",
    "målens",
    "målets",
    "verksamhetsmål",
    "verksamhetsmålen",
    "resultatmål",
    "resultatmålen",
    "nämndmål",
    "nämndmålen",
    "målsättning",
    "målsättningen",
    "målsättningar",
    "måluppföljning",
    "måluppföljningen",
    "målvärde",
    "målvärdet",
    "målvärden",
    "måluppfyllelse",
    "måluppfyllelsen",
    "måluppfyllnad",
    "målstyrning",
    "målarbete",
    "målarbetet",
    "målenn",
    "måleen",
    "målne",
    ...INDICATOR_SV,
  ],
  en: [
    "goal",
    "goals",
    "target",
    "targets",
    "objective",
    "objectives",
    "goal follow-up",
    "goal attainment",
    "kpi",
    "kpis",
    "goasl",
    "gaols",
    ...INDICATOR_EN,
  ],
};

/** The indicator words of both languages. */
export const INDICATOR_WORDS: readonly string[] = [...INDICATOR_SV, ...INDICATOR_EN];

/**
 * Phrases that ask which goals are at risk ("Vilka mål riskerar att inte nås?", "which goals are at
 * risk?"): with them a goal question stays a goal question although "risk" is also a risk word, and the
 * answer lists the goals whose forecast is at risk or not met.
 */
export const AT_RISK_PHRASES: readonly string[] = [
  "riskerar",
  "i risk",
  "risk att",
  "risken att",
  "inte nås",
  "ej nås",
  "inte uppnås",
  "ej uppnås",
  "inte kommer att nås",
  "nåddes inte",
  "inte nåddes",
  "uppnåddes inte",
  "inte uppnåtts",
  "inte nåtts",
  "at risk",
  "risk of",
  "not be met",
  "not met",
  "won't be met",
  "not be reached",
  "off track",
  "not achieved",
  "not on track",
];

/**
 * Beginnings of words about goals in general, never of one goal's subject: "Hur går det med målen?",
 * "how are the goals followed up", "kommer målen att nås?". Folded (no å/ä/ö), compared with the start
 * of each word of the question (and its inflections: at most six letters more).
 */
export const GOAL_GENERIC_STEMS: readonly string[] = [
  "folj",
  "uppfolj",
  "follow",
  "prognos",
  "forecast",
  "status",
  "progress",
  "going",
  "doing",
  "reach",
  "achiev",
  "uppna",
  "kommer",
  "namnd",
  "committee",
  "enamnd",
  "norrbotten",
  "verksamhetsplan",
  "operational",
  "plan",
  "delarsrapport",
  "interim",
  "report",
  "rapport",
  "finns",
  "there",
  "have",
  "ligger",
  "track",
  "current",
  "vilk",
  "every",
  "visa",
  "show",
  "berat",
  "nagot",
  "something",
  "about",
  "regard",
  "gallande",
  "angaende",
  "kring",
  "bra",
  "well",
  "badly",
  "daligt",
  "klarar",
];
