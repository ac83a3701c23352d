import type { TopicWords } from "./topic.js";

/** The minutes' own Swedish words: a paragraph, a case number, the protocol. */
const MINUTES_SV = [
  "paragraf",
  "paragrafen",
  "paragrafer",
  "paragraferna",
  "protokoll",
  "protokollet",
  "protokollen",
  "protokollets",
  "protokollsparagraf",
  "protokollsparagrafer",
  "protokollsutdrag",
  "ärende",
  "ärendet",
  "ärenden",
  "ärendena",
  "ärendenr",
  "ärendenummer",
  "ärendenumret",
  "diarienummer",
  "dnr",
];

/**
 * The words of the minutes (protokoll) and their items (§). "beslutas", "besluta" and "beslutar" are not
 * here: "Vad ska beslutas i juni?" asks the årshjul what is to be decided, which the annual cycle answers
 * (the parser's "decide" signal). "beslut", "decided" and "decide" are, and the topic then claims only
 * questions about decisions already taken (see `PAST_WORDS` and `PLANNED_WORDS`). A few common
 * misspellings are listed as words: the parser has no fuzzy match for topic words.
 */
export const DECISION_WORDS: TopicWords = {
  sv: [
    "beslut",
    "beslutet",
    "besluten",
    "beslutens",
    "besluts",
    "beslutade",
    "beslutat",
    "beslutades",
    "beslutats",
    ...MINUTES_SV,
    "beslutt",
    "beslyt",
    "besult",
    "beslutde",
    "beslutadde",
    "protokol",
    "protokolet",
    "paragraff",
  ],
  en: [
    "decision",
    "decisions",
    "decided",
    "decide",
    "minutes",
    "minuted",
    "resolution",
    "resolutions",
    "resolved",
    "case number",
    "case no",
    "paragraph",
    "desicion",
    "desicions",
    "decison",
    "decisons",
    "descision",
    "descisions",
    "decsion",
  ],
};

/**
 * Words that say the question is about the minutes themselves, whatever its tense: a paragraph, a case
 * number, the protocol. With one of these the topic claims even "Vad står i protokollet om budgeten?".
 */
export const MINUTES_WORDS: readonly string[] = [
  ...MINUTES_SV,
  "protokol",
  "protokolet",
  "paragraff",
  "minutes",
  "minuted",
  "case number",
  "case no",
  "paragraph",
];

/**
 * Decisions already taken, for certain: the past tense of deciding, taking, sending ("beslutade",
 * "togs", "skickades", "did … decide", "was decided"). These win over a word of planning: "När
 * beslutades budgeten?" asks when it was decided, which the minutes answer.
 */
export const PAST_WORDS: readonly string[] = [
  "beslutade",
  "beslutat",
  "beslutades",
  "beslutats",
  "beslutde",
  "beslutadde",
  "har beslutat",
  "togs",
  "tagits",
  "fattade",
  "fattades",
  "fattat",
  "fattats",
  "skickades",
  "skickats",
  "godkändes",
  "godkände",
  "did",
  "was decided",
  "were decided",
  "has decided",
  "have decided",
  "had decided",
  "were made",
  "was made",
  "were taken",
  "was taken",
  "were passed",
  "was passed",
  "were sent",
  "was sent",
  "resolved",
  "minuted",
];

/**
 * Words that lean to the past without a verb of deciding ("senaste besluten", "beslut förra
 * sammanträdet", "What decisions have been made?"): they claim unless a word of planning is there too.
 */
export const RECENT_WORDS: readonly string[] = [
  "senaste",
  "senast",
  "förra",
  "tidigare",
  "var",
  "blev",
  "tog",
  "was",
  "were",
  "has",
  "have",
  "had",
  "been",
  "made",
  "taken",
  "took",
  "passed",
  "sent",
  "approved",
  "latest",
  "recent",
  "most recent",
  "last",
  "previous",
  "earlier",
];

/**
 * English asks the past with an auxiliary before its subject ("When was the budget decided?", "What has
 * the committee decided?"): one of these together with one of `ENGLISH_PAST_VERBS` anywhere is the past.
 */
export const ENGLISH_PAST_AUXILIARIES: readonly string[] = ["was", "were", "has", "have", "had", "did"];
export const ENGLISH_PAST_VERBS: readonly string[] = [
  "decided",
  "decide",
  "taken",
  "made",
  "passed",
  "approved",
];

/** What is still to be decided, whatever else the question says ("What has to be decided in June?"). */
export const TO_BE_DECIDED_WORDS: readonly string[] = [
  "to be decided",
  "to be made",
  "to be taken",
  "to decide",
  "will be",
  "is to be",
  "are to be",
  "ska beslutas",
  "skall beslutas",
  "ska fattas",
  "ska tas",
  "kommer att beslutas",
  "behöver beslutas",
  "måste beslutas",
];

/**
 * What is to be decided: the årshjul's questions ("Vad ska beslutas i juni?", "What is decided at the next
 * meeting?", "När beslutas budgeten?"). With one of these and no word of the minutes, the topic leaves
 * the question to the annual cycle.
 */
export const PLANNED_WORDS: readonly string[] = [
  "ska",
  "skall",
  "kommer",
  "kommande",
  "nästa",
  "planerade",
  "planerat",
  "planeras",
  "beslutas",
  "besluta",
  "beslutar",
  "fattas",
  "fattar",
  "tas",
  "tar",
  "när",
  "årshjul",
  "årshjulet",
  "dagordning",
  "dagordningen",
  "agenda",
  "will",
  "shall",
  "going to",
  "is decided",
  "are decided",
  "is to be decided",
  "to be decided",
  "be decided",
  "gets decided",
  "get decided",
  "does",
  "next",
  "upcoming",
  "planned",
  "when",
  "annual cycle",
  "on the agenda",
];

/** "Vilka beslut skickades till Kiruna?": the decision's recipients ("Beslutet skickas till"). */
export const RECIPIENT_WORDS: readonly string[] = [
  "skickades till",
  "skickas till",
  "skickats till",
  "skickat till",
  "sändes till",
  "expedierades till",
  "mottagare",
  "mottagarna",
  "sändlista",
  "sändlistan",
  "sent to",
  "were sent to",
  "was sent to",
  "recipient",
  "recipients",
  "addressed to",
];

/** "senaste besluten", "the latest decisions": the most recent meeting's decisions. */
export const LATEST_WORDS: readonly string[] = [
  "senaste",
  "senast",
  "latest",
  "most recent",
  "recent",
  "last",
  "newest",
  "nyaste",
];

/**
 * English subject words and the Swedish terms the minutes use for them: the decisions are minuted in
 * Swedish, so "What did the committee decide about the interim report?" looks for "delårsrapport".
 */
export const ENGLISH_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  budget: ["budget"],
  "interim report": ["delårsrapport"],
  "interim reports": ["delårsrapport"],
  interim: ["delårsrapport"],
  audit: ["granskning", "revision"],
  audits: ["granskning", "revision"],
  "basic audit": ["grundläggande granskning"],
  "basic review": ["grundläggande granskning"],
  review: ["granskning"],
  reviews: ["granskning"],
  auditors: ["revisor", "revisionens"],
  auditor: ["revisor", "revisionens"],
  "internal control": ["internkontroll", "kontrollmoment"],
  "internal controls": ["internkontroll", "kontrollmoment"],
  "final report": ["slutrapport"],
  "pre-study directive": ["förstudiedirektiv"],
  "pre-study": ["förstudie"],
  payroll: ["löneprocesserna"],
  salaries: ["löneprocesserna"],
  regulations: ["reglemente"],
  charter: ["reglemente"],
  "rules of procedure": ["reglemente"],
  "cooperation agreement": ["samverkansavtal"],
  "collaboration agreement": ["samverkansavtal"],
  agreement: ["samverkansavtal"],
  activities: ["aktiviteter"],
  "ongoing activities": ["pågående aktiviteter"],
  "current activities": ["aktuella aktiviteter"],
  "status report": ["statusrapport"],
  "operational plan": ["verksamhetsplan"],
  revision: ["revidering"],
  "social services": ["socialtjänstens"],
  "data centre": ["datacenter"],
  "data center": ["datacenter"],
  "e-archive": ["e-arkivet"],
  "pupil health": ["elevhälsan"],
  "digital signatures": ["digitala signaturer"],
  "internal structure": ["intern struktur"],
  "municipal council": ["kommunfullmäktige"],
  "municipal councils": ["kommunfullmäktige"],
};

/**
 * Words of a question that never name a decision's subject: how people ask about decisions ("vilka",
 * "om", "gällande", "about") and the committee itself. Folded, compared with whole words.
 */
export const NOT_SUBJECT_WORDS: readonly string[] = [
  "finns",
  "fanns",
  "gäller",
  "gällde",
  "gällande",
  "angående",
  "rörande",
  "kring",
  "beträffande",
  "nämnd",
  "nämnden",
  "nämndens",
  "e-nämnden",
  "e-nämndens",
  "e-nämnd",
  "norrbottens",
  "norrbotten",
  "sammanträde",
  "sammanträdet",
  "mötet",
  "möte",
  "visa",
  "lista",
  "alla",
  "någon",
  "några",
  "något",
  "inga",
  "ingen",
  "står",
  "stod",
  "sägs",
  "sades",
  "skrivs",
  "rör",
  "rörde",
  "berör",
  "berörde",
  "handlar",
  "handlade",
  "about",
  "regarding",
  "concerning",
  "concern",
  "concerns",
  "concerned",
  "relate",
  "relates",
  "related",
  "affect",
  "affects",
  "affected",
  "involve",
  "involves",
  "committee",
  "committee's",
  "there",
  "any",
  "taken",
  "made",
  "show",
  "list",
  "say",
  "says",
  "said",
  "written",
];
