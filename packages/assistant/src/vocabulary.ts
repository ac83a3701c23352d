/**
 * Everything the assistant recognises by word, as data, in one place: the everyday names of cost
 * items and projects beyond those the datasets carry, the collaborations' names, meeting bodies,
 * months, relative years, the words that signal each kind of question, and the words that are
 * never names. Phrases are written as people type them; matching folds case and å/ä/ö, and treats
 * hyphens and spaces alike ("e-arkiv" = "e arkiv"; the compact form "earkiv" is tried too).
 *
 * To teach the assistant a new synonym, add it here (or to the dataset's `synonyms`), then add a
 * question using it to test/eval/questions.json.
 */

/**
 * Extra names of cost items, per collaboration and item id, on top of each item's printed name,
 * English name and dataset `synonyms`.
 */
export const ITEM_SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  norrbotten: {
    grundfinansiering: ["grundavgift", "grundavgiften", "basavgift", "basic funding", "base fee"],
    "verksamhetsutvecklare-e-tjanster": [
      "verksamhetsutvecklaren",
      "e-kontoret",
      "business developer e-services",
    ],
    "forvaltningsledare-soc": [
      "förvaltningsledaren",
      "eco förvaltningen",
      "förvaltningen av eco",
      "eco-systemets förvaltning",
      "operations lead",
    ],
    "eco-grundplattform": [
      "eco-plattformen",
      "eco grundplattformen",
      "eco-systemet",
      "socialtjänstens system",
      "socialtjänstens verksamhetssystem",
      "social services system",
    ],
    "e-tjansteplattform": [
      "e-tjänsteplattformen",
      "etjänsteplattformen",
      "e-tjänsteplattformens",
      "e-services platform",
      "eservice platform",
    ],
    "raddningstjanstens-verksamhetssystem": [
      "räddningstjänstens",
      "räddningssystemet",
      "räddningstjänstsystemet",
      "fire and rescue system",
      "rescue services system",
      "fire rescue system",
    ],
    "e-arkiv": ["e-arkivets", "earkivet", "e archive", "e-arkivering", "digital archive"],
    "datacenter-norrbotten": [
      "datacentret",
      "datacentrets",
      "datacentralen",
      "datacenter norrbotten",
      "data center",
      "datacenter norrbotten dcbd",
      "dcbd:n",
    ],
    "hr-forstudie": ["hr-förstudie", "löneförstudien", "payroll", "hr pre-study"],
  },
  skanearkiv: {
    "maximalt-uttag": ["maximala uttag", "maximala uttaget", "maxuttaget", "uttag", "max withdrawal"],
  },
};

/**
 * Items that a word names in more than one sense: the word alone is ambiguous, and the assistant asks
 * which one is meant (listing the item ids). "SOC" alone is both the ECO base platform ("SOC system")
 * and its shared management ("SOC förvaltning"); "ECO" follows the dataset (the base platform).
 */
export const AMBIGUOUS_ITEM_WORDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  norrbotten: {
    soc: ["eco-grundplattform", "forvaltningsledare-soc"],
  },
};

/** How the collaborations are named in questions. */
export const COLLABORATION_NAMES: Readonly<Record<string, readonly string[]>> = {
  norrbotten: [
    "norrbotten",
    "norrbottens",
    "e-nämnden",
    "e-nämnd",
    "enämnden",
    "norrbottens e-nämnd",
    "e-committee",
    "the e-committee",
  ],
  skanearkiv: ["skånearkiv", "skånearkivs", "skåne earkiv", "skåne e-arkiv", "skåne", "skånes"],
};

/** Meeting bodies as people name them. */
export const BODY_WORDS: Readonly<
  Record<"committee" | "preparatoryGroup" | "strategyDay", readonly string[]>
> = {
  committee: [
    "sammanträde",
    "sammanträdet",
    "sammanträden",
    "sammanträdena",
    "nämndmöte",
    "nämndmötet",
    "nämndmöten",
    "nämndsammanträde",
    "nämndsammanträdet",
    "nämndsammanträden",
    "nämnden",
    "e-nämnden",
    "committee",
    "committee meeting",
    "committee meetings",
    "board meeting",
  ],
  preparatoryGroup: [
    "beredningsgrupp",
    "beredningsgruppen",
    "beredningsgruppens",
    "beredningsgruppsmöte",
    "beredningsgruppsmötet",
    "beredningsgruppsmöten",
    "beredning",
    "beredningsmöte",
    "beredningsmötet",
    "preparatory group",
    "preparatory meeting",
    "preparatory group meeting",
    "preparatory",
  ],
  strategyDay: [
    "strategidag",
    "strategidagen",
    "strategidagar",
    "strategidagarna",
    "strategy day",
    "strategy days",
  ],
};

/** Words for any meeting (no body named). */
export const MEETING_WORDS: readonly string[] = [
  "möte",
  "mötet",
  "möten",
  "mötena",
  "träff",
  "meeting",
  "meetings",
  "sammanträdesplan",
  "sammanträdesplanen",
  "mötesplan",
  "mötesplanen",
  "meeting plan",
  "kalender",
  "calendar",
];

/** Month names and abbreviations, folded, to their number. */
export const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augusti: 8,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Relative years, as offsets from the budget year of "now". */
export const RELATIVE_YEARS: readonly { readonly phrase: string; readonly offset: number }[] = [
  { phrase: "i år", offset: 0 },
  { phrase: "iår", offset: 0 },
  { phrase: "detta år", offset: 0 },
  { phrase: "det här året", offset: 0 },
  { phrase: "innevarande år", offset: 0 },
  { phrase: "innevarande budgetår", offset: 0 },
  { phrase: "årets", offset: 0 },
  { phrase: "this year", offset: 0 },
  { phrase: "this year's", offset: 0 },
  { phrase: "current year", offset: 0 },
  { phrase: "nästa år", offset: 1 },
  { phrase: "nästa års", offset: 1 },
  { phrase: "kommande år", offset: 1 },
  { phrase: "till nästa år", offset: 1 },
  { phrase: "next year", offset: 1 },
  { phrase: "next year's", offset: 1 },
  { phrase: "förra året", offset: -1 },
  { phrase: "förra årets", offset: -1 },
  { phrase: "i fjol", offset: -1 },
  { phrase: "ifjol", offset: -1 },
  { phrase: "fjolårets", offset: -1 },
  { phrase: "föregående år", offset: -1 },
  { phrase: "last year", offset: -1 },
  { phrase: "last year's", offset: -1 },
  { phrase: "previous year", offset: -1 },
];

/** Relative months. */
export const RELATIVE_MONTHS: readonly { readonly phrase: string; readonly offset: number }[] = [
  { phrase: "denna månad", offset: 0 },
  { phrase: "den här månaden", offset: 0 },
  { phrase: "this month", offset: 0 },
  { phrase: "nästa månad", offset: 1 },
  { phrase: "next month", offset: 1 },
  { phrase: "förra månaden", offset: -1 },
  { phrase: "last month", offset: -1 },
];

/**
 * The words that signal each kind of question (folded matching, whole words or phrases). The parser
 * weighs them together with what else the question names (a municipality, an item, a year).
 */
export const SIGNALS = {
  help: [
    "hjälp",
    "help",
    "vad kan du",
    "vad kan jag fråga",
    "what can you",
    "what can i ask",
    "hur fungerar du",
    "how do you work",
    "exempel",
    "examples",
    "hej",
    "hello",
    "hi",
    "tjena",
    "hallå",
  ],
  cost: [
    "betalar",
    "betala",
    "betalat",
    "betalade",
    "kostar",
    "kosta",
    "kostnad",
    "kostnaden",
    "kostnader",
    "kostnaderna",
    "avgift",
    "avgiften",
    "belopp",
    "beloppet",
    "debiteras",
    "faktureras",
    "pay",
    "pays",
    "paying",
    "paid",
    "cost",
    "costs",
    "charge",
    "charged",
    "fee",
    "how much",
    "hur mycket",
    "andel",
    "share",
  ],
  total: [
    "totalt",
    "total",
    "totalen",
    "totala",
    "sammanlagt",
    "summa",
    "summan",
    "alla kommuner",
    "all municipalities",
    "altogether",
    "in total",
    "hela",
    "budget",
    "budgeten",
  ],
  most: ["mest", "störst", "högst", "dyrast", "most", "largest", "highest", "biggest"],
  least: ["minst", "lägst", "billigast", "least", "smallest", "lowest", "cheapest"],
  split: [
    "fördelas",
    "fördelning",
    "fördelningen",
    "fördelningsmodell",
    "fördelningsmodellen",
    "fördelningsnyckel",
    "fördelningsnyckeln",
    "fördelad",
    "fördelat",
    "delas",
    "räknas",
    "beräknas",
    "modell",
    "modellen",
    "split",
    "divided",
    "shared",
    "allocated",
    "apportioned",
    "allocation",
    "model",
    "key",
    "calculated",
    "computed",
  ],
  why: [
    "varför",
    "why",
    "hur kommer det sig",
    "förklara",
    "explain",
    "hur räknas",
    "how is",
    "how come",
    "förklaring",
  ],
  statement: [
    "kommunbesked",
    "allt",
    "alla kostnader",
    "sammanställning",
    "statement",
    "everything",
    "all costs",
    "altogether",
    "totalt",
    "total",
    "in total",
  ],
  compare: [
    "jämfört",
    "jämför",
    "jämförelse",
    "jämfört med",
    "förändring",
    "förändringen",
    "skillnad",
    "skillnaden",
    "ökning",
    "ökat",
    "ökar",
    "minskat",
    "mot",
    "compared",
    "compare",
    "change",
    "changed",
    "difference",
    "increase",
    "versus",
    "vs",
  ],
  extras: [
    "tillkommer",
    "tillkommande",
    "extra",
    "extrakostnad",
    "extrakostnader",
    "engångskostnad",
    "engångskostnaden",
    "engångsavgift",
    "startavgift",
    "startkostnad",
    "uppstart",
    "lagring",
    "lagringen",
    "backup",
    "per gb",
    "gb",
    "transaktionskostnad",
    "transaktionskostnader",
    "transaktioner",
    "bankid",
    "freja",
    "sms",
    "faktureras direkt",
    "direkt av leverantören",
    "leverantören",
    "leverantör",
    "on top",
    "in addition",
    "additional",
    "extras",
    "start fee",
    "one-time",
    "one time",
    "setup fee",
    "storage",
    "transaction",
    "transaction costs",
    "billed directly",
    "invoiced directly",
    "supplier",
  ],
  members: [
    "medlemmar",
    "medlem",
    "medlemmarna",
    "medlemskommuner",
    "ingående kommuner",
    "vilka kommuner",
    "hur många kommuner",
    "är med",
    "ingår",
    "samverkar",
    "members",
    "member",
    "which municipalities",
    "how many municipalities",
    "part of",
    "belong",
  ],
  participants: [
    "deltar",
    "deltog",
    "deltagare",
    "deltagarna",
    "delta",
    "med i",
    "ingår i",
    "är med i",
    "participate",
    "participates",
    "participating",
    "participants",
    "take part",
    "takes part",
    "involved",
  ],
  project: [
    "förstudie",
    "förstudien",
    "förstudier",
    "projekt",
    "projektet",
    "projekten",
    "tjänst",
    "tjänsten",
    "pre-study",
    "prestudy",
    "project",
    "projects",
    "service",
  ],
  next: [
    "nästa",
    "närmaste",
    "kommande",
    "nästkommande",
    "next",
    "upcoming",
    "när är",
    "when is",
    "när har",
    "när ses",
  ],
  when: ["när", "when", "datum", "date", "vilken dag", "what day"],
  list: [
    "vilka",
    "which",
    "lista",
    "list",
    "alla",
    "all",
    "schema",
    "plan",
    "planen",
    "hur många",
    "how many",
    "antal",
  ],
  decide: [
    "beslutas",
    "besluta",
    "beslut",
    "beslutar",
    "besluten",
    "fattas",
    "tas upp",
    "behandlas",
    "årshjul",
    "årshjulet",
    "dagordning",
    "på agendan",
    "agenda",
    "decided",
    "decide",
    "decision",
    "decisions",
    "annual cycle",
    "on the agenda",
  ],
  attendance: [
    "närvaro",
    "närvaron",
    "närvarande",
    "närvarade",
    "deltagande",
    "deltagandet",
    "hur många deltog",
    "hur många kom",
    "attendance",
    "attended",
    "turnout",
    "present",
    "75 %",
    "75%",
  ],
  maxWithdrawal: [
    "maximalt uttag",
    "maximala uttag",
    "maximala uttaget",
    "max uttag",
    "maxuttag",
    "uttag",
    "tak",
    "taket",
    "maximum withdrawal",
    "max withdrawal",
    "withdrawal",
    "cap",
  ],
} as const;

/** Which kind of extra a question asks about ("lagring" → the storage price); none named means all. */
export const EXTRA_KINDS: Readonly<
  Record<"oneTimeFee" | "usagePrice" | "transactionCost" | "billedBySupplier", readonly string[]>
> = {
  oneTimeFee: [
    "engångskostnad",
    "engångskostnaden",
    "engångsavgift",
    "startavgift",
    "startkostnad",
    "uppstart",
    "start fee",
    "one-time",
    "one time",
    "setup fee",
  ],
  usagePrice: ["lagring", "lagringen", "backup", "per gb", "gb", "storage"],
  transactionCost: [
    "transaktionskostnad",
    "transaktionskostnader",
    "transaktioner",
    "bankid",
    "freja",
    "sms",
    "transaction",
    "transaction costs",
    "signering",
  ],
  billedBySupplier: [
    "faktureras direkt",
    "direkt av leverantören",
    "leverantören",
    "leverantör",
    "billed directly",
    "invoiced directly",
    "supplier",
  ],
};

/** Annual-cycle topics by word, so that "när beslutas budgeten?" finds the June entry. */
export const TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  budget: ["budget", "budgeten"],
  annualReport: ["verksamhetsberättelse", "verksamhetsberättelsen", "annual report", "activity report"],
  interimReport1: ["delårsrapport 1", "första delårsrapporten", "interim report 1", "first interim report"],
  interimReport2: ["delårsrapport 2", "andra delårsrapporten", "interim report 2", "second interim report"],
  riskAnalysis: ["riskanalys", "riskanalysen", "risk analysis"],
  operationalPlan: [
    "verksamhetsplan",
    "verksamhetsplanen",
    "internkontrollplan",
    "internkontrollplanen",
    "operational plan",
    "internal control plan",
    "internal-control plan",
  ],
};

/**
 * Words that are never municipality names, however close they are to one ("kund" is not Lund,
 * "over" is not Överkalix): the typo and prefix matching skip them. Lower case, with å/ä/ö.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `vad vem vilka vilken vilket hur när var varför mycket kostar kostnad betalar betala för och eller med
  till från som det den de att är år året års i på av om per en ett till inte ingen alla allt hela kommun
  kommuner kommunen kommunens kommunerna totalt summa nästa förra möte möten mötet sammanträde kund hund
  land band fund mund bland under över sedan efter innan mellan medan också samt även både här där
  kan ska skall vill får måste bör har hade blir blev vara varit jag du vi ni han hon man mig dig oss
  what which who when where why how much many does do did is are was were the a an for of in on at to
  from with and or not this that next last year years pay pays cost costs total over under about between
  municipality municipalities meeting meetings committee please tell me show give list all each every
  kalla kall stad lunda lunch hör bod tre tom sim äng visa berätta ge jämför lista hej tack ok okej
  show tell give compare thanks`
    .split(/\s+/)
    .filter(Boolean),
);

/** Swedish and English marker words for telling the question's language apart. */
export const LANGUAGE_MARKERS: {
  readonly sv: ReadonlySet<string>;
  readonly en: ReadonlySet<string>;
  /** English words that only a sentence has (not a name, a table or a code): one of them is a sign of English. */
  readonly enFunction: ReadonlySet<string>;
} = {
  sv: new Set(
    `vad vem vilka vilken vilket hur när var varför mycket kostar betalar betala för och med till från som
    det den de att är år året i på av om per en ett inte alla hela kommun kommuner kommunen nästa förra
    möte möten sammanträde sammanträdet beslutas fördelas deltar närvaro totalt mest minst tillkommer
    medlemmar ska skall kan jag du hjälp hej årets fjol månad betalade uttag maximala`
      .split(/\s+/)
      .filter(Boolean),
  ),
  en: new Set(
    `what which who when where why how much many does do did is are was were the a an for of in on at to
    from with and this that next last year pay pays paid cost costs total most least meeting meetings
    committee decided split members member municipality municipalities attendance extras help can you
    please tell me show give list each every whole share withdrawal maximum month take part participate
    explain shared base funding archive platform centre center system services developer payroll pre-study
    operations lead data rescue fire storage supplier transaction costs charges`
      .split(/\s+/)
      .filter(Boolean),
  ),
  enFunction: new Set(
    `what which who whom whose when where why how does do did is are was were the an of for in on at to
    from with and this that these those next last pay pays paid can could would should will if about
    much many there their its it's what's whats who's help hello`
      .split(/\s+/)
      .filter(Boolean),
  ),
};
