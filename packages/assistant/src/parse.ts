import { Decimal, type Dataset } from "@samverkan/domain";
import { collaborationIndex, lexiconOf, nearItems, nearMunicipalities, type Lexicon } from "./lexicon.js";
import { MAX_QUESTION_LENGTH, PhraseIndex, signalIndex, spanText, tokenize, type Word } from "./text.js";
import type { Lang } from "./types.js";
import {
  BODY_WORDS,
  LANGUAGE_MARKERS,
  MEETING_WORDS,
  MONTHS,
  NOT_NAMES,
  RELATIVE_MONTHS,
  RELATIVE_YEARS,
  SIGNALS,
  TOPIC_WORDS,
} from "./vocabulary.js";
import type { TopicId } from "./topics/topic.js";
import { nearTopic, topicLanguage, topicSignalIndex } from "./topic-signals.js";
import { CONDITIONS, type Condition } from "./conditions.js";

export type Signal = keyof typeof SIGNALS;
export type Body = keyof typeof BODY_WORDS;

/** A municipality the question names, and how it was recognised. */
export interface NamedMunicipality {
  readonly name: string;
  readonly collaboration: string;
  /** As typed. */
  readonly typed: string;
  /** `exact`: name, alias, genitive or kommunkod; `typo`/`prefix`: an interpretation the answer states. */
  readonly how: "exact" | "typo" | "prefix";
  /** The word's position in the question (names are listed in the order written). */
  readonly at: number;
}

/** A cost item named, per collaboration (the same word can name an item in each). */
export interface NamedItem {
  readonly collaboration: string;
  /** One id, or several when the word is ambiguous. */
  readonly ids: readonly string[];
  readonly typed: string;
  readonly how: "exact" | "typo";
}

/** What the parser read in a question: the pieces, not yet the intent. */
export interface ParsedQuestion {
  readonly question: string;
  readonly lang: Lang;
  readonly words: readonly Word[];
  readonly signals: ReadonlySet<Signal>;
  readonly collaborationsNamed: readonly string[];
  readonly municipalities: readonly NamedMunicipality[];
  /** Words that could be several municipalities ("Över…"). */
  readonly ambiguous: readonly { readonly typed: string; readonly options: readonly NamedMunicipality[] }[];
  readonly items: readonly NamedItem[];
  readonly projects: readonly {
    readonly collaboration: string;
    readonly id: string;
    readonly typed: string;
  }[];
  /** Words that look like a name the data does not have ("Stockholm"). */
  readonly unknownNames: readonly string[];
  /** A word where an item was expected ("för bredband") that names no item. */
  readonly unknownItem: string | undefined;
  /** Content words nothing explains (not a name, signal, month or common word), in order. */
  readonly unrecognised: readonly string[];
  /** Years, in the order written; relative ones as offsets from the budget year of now. */
  readonly years: readonly { readonly year?: number; readonly offset?: number }[];
  readonly months: readonly number[];
  readonly monthOffset: number | undefined;
  /** Day-and-month dates ("16 mars", "2022-03-16"). */
  readonly dates: readonly { readonly year?: number; readonly month: number; readonly day: number }[];
  /** Amounts written with a unit ("21 000 kr"). */
  readonly amounts: readonly { readonly value: Decimal; readonly unit: "kr" | "tkr" }[];
  readonly bodies: ReadonlySet<Body>;
  /** Whether a word for a meeting (of any body) is there. */
  readonly meetingWord: boolean;
  readonly topics: readonly string[];
  /** The topics whose own words the question uses (goals, risks, decisions, budget, what-if, …). */
  readonly topicSignals: ReadonlySet<TopicId>;
  /** Conditions on an amount the documents cannot answer ("per invånare", "exklusive moms"), as typed. */
  readonly conditions: readonly { readonly id: Condition["id"]; readonly typed: string }[];
}

const signalIndexes = Object.fromEntries(
  Object.entries(SIGNALS).map(([k, phrases]) => [k, signalIndex(phrases)]),
) as Record<Signal, PhraseIndex<true>>;

const bodyIndex = new PhraseIndex<Body>();
for (const [body, phrases] of Object.entries(BODY_WORDS) as [Body, readonly string[]][])
  for (const p of phrases) bodyIndex.add(p, body);
/** Body words that also name the collaboration itself: a body only when a meeting is asked about. */
const WEAK_BODY_WORDS = new Set(["namnden", "enamnden", "committee"]);
const meetingIndex = signalIndex([...MEETING_WORDS, "träffas", "ses", "meets", "meet", "sammanträder"]);
const relativeYearIndex = new PhraseIndex<number>();
for (const r of RELATIVE_YEARS) relativeYearIndex.add(r.phrase, r.offset);
const relativeMonthIndex = new PhraseIndex<number>();
for (const r of RELATIVE_MONTHS) relativeMonthIndex.add(r.phrase, r.offset);
const topicIndex = new PhraseIndex<string>();
for (const [topic, phrases] of Object.entries(TOPIC_WORDS)) for (const p of phrases) topicIndex.add(p, topic);

const conditionIndex = new PhraseIndex<Condition["id"]>();
for (const c of CONDITIONS) for (const p of c.phrases) conditionIndex.add(p, c.id);

/** Words after which an item name is expected: "för e-arkiv", "for the e-archive". */
const MONTH_ABBREVIATIONS = new Set([
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "okt",
  "oct",
  "nov",
  "dec",
]);

const ITEM_PREPOSITIONS = new Set(["for", "till", "on", "of", "av", "pa"]);

const AMOUNT =
  /(?<![\p{L}\p{N}])(\d{1,3}(?:[   ]\d{3})+|\d+)(?:[,.](\d+))?\s*(kronor|kr|sek|tkr|:-)(?![\p{L}\p{N}])/giu;
const ISO_DATE = /(?<!\d)((?:19|20|21)\d{2})-(\d{2})-(\d{2})(?!\d)/g;
const YEAR = /(?<![\p{L}\p{N}])((?:19|20|21)\d{2})(?![\p{N}])/gu;
const MONTH_NAMES = Object.keys(MONTHS).join("|");
const DAY_MONTH = new RegExp(
  `(?<![\\p{N}])(\\d{1,2})(?:\\s*(?:e|:e|st|nd|rd|th))?\\.?\\s+(${MONTH_NAMES})(?![\\p{L}])`,
  "giu",
);
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}])(${MONTH_NAMES})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])`,
  "giu",
);

/**
 * Swedish unless the question reads as English: more English marker words than Swedish ones, and
 * either an English function word ("what", "the", "does", …) or at least two English words. A
 * question with no words of either language ("'; DROP TABLE municipalities; --") is Swedish.
 */
function detectLanguage(words: readonly Word[]): Lang {
  let sv = 0;
  let en = 0;
  let function_ = 0;
  for (const w of words) {
    if (LANGUAGE_MARKERS.sv.has(w.lower)) sv++;
    if (LANGUAGE_MARKERS.en.has(w.lower)) en++;
    if (LANGUAGE_MARKERS.enFunction.has(w.lower)) function_++;
  }
  sv += topicLanguage.sv.find(words).length;
  en += topicLanguage.en.find(words).length;
  return en > sv && (function_ > 0 || en >= 2) ? "en" : "sv";
}

/** A word as echoed in an answer: at most 40 characters. */
function short(word: string): string {
  return word.length > 40 ? `${word.slice(0, 39)}…` : word;
}

/** Blanks out a matched span so that later patterns do not read it again (a year inside a date). */
function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + " ".repeat(length) + text.slice(start + length);
}

/** Reads a question into its pieces. Never throws on any string. */
export function parseQuestion(question: string, datasets: readonly Dataset[]): ParsedQuestion {
  let text = question.normalize("NFC").slice(0, MAX_QUESTION_LENGTH);

  const amounts: { value: Decimal; unit: "kr" | "tkr" }[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const whole = (m[1] ?? "").replace(/[   ]/g, "");
    if (whole.length > 40) continue; // beyond any amount; not read as a number at all
    amounts.push({
      value: new Decimal(`${whole}${m[2] ? `.${m[2]}` : ""}`),
      unit: (m[3] ?? "").toLowerCase() === "tkr" ? "tkr" : "kr",
    });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  const dates: { year?: number; month: number; day: number }[] = [];
  const years: { year?: number; offset?: number; at: number }[] = [];
  for (const m of text.matchAll(ISO_DATE)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) dates.push({ year: Number(m[1]), month, day });
    years.push({ year: Number(m[1]), at: m.index ?? 0 });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  for (const pattern of [DAY_MONTH, MONTH_DAY]) {
    for (const m of text.matchAll(pattern)) {
      const dayFirst = pattern === DAY_MONTH;
      const day = Number(dayFirst ? m[1] : m[2]);
      const month = MONTHS[(dayFirst ? m[2] : m[1])?.toLowerCase() ?? ""];
      if (month && day >= 1 && day <= 31) dates.push({ month, day });
    }
  }
  for (const m of text.matchAll(YEAR)) {
    years.push({ year: Number(m[1]), at: m.index ?? 0 });
    text = blank(text, m.index ?? 0, m[0].length);
  }

  const words = tokenize(text);
  const lang = detectLanguage(words);
  const claimed = new Set<number>();
  const claim = (start: number, end: number) => {
    for (let i = start; i < end; i++) claimed.add(i);
  };

  const signals = new Set<Signal>();
  for (const [signal, index] of Object.entries(signalIndexes) as [Signal, PhraseIndex<true>][]) {
    const found = index.find(words);
    if (found.length > 0) signals.add(signal);
  }
  // "Är Kalix med?" — "är … med" around a name asks about membership.
  if (words[0]?.lower === "är" && words.at(-1)?.lower === "med") signals.add("members");

  for (const m of relativeYearIndex.find(words)) {
    years.push({ offset: m.value, at: Number.MAX_SAFE_INTEGER - 1000 + m.start });
    claim(m.start, m.end);
  }
  years.sort((a, b) => a.at - b.at);
  let monthOffset: number | undefined;
  for (const m of relativeMonthIndex.find(words)) {
    monthOffset = m.value;
    claim(m.start, m.end);
  }

  const lexicons: Lexicon[] = datasets.map(lexiconOf);
  const collaborationsNamed = [
    ...new Set(
      collaborationIndex(datasets)
        .find(words)
        .map((m) => m.value),
    ),
  ];

  // Municipalities: exact spellings first.
  const municipalities: NamedMunicipality[] = [];
  for (const lexicon of lexicons) {
    for (const m of lexicon.municipalities.find(words)) {
      if (municipalities.some((x) => x.name === m.value.name)) continue;
      municipalities.push({
        ...m.value,
        typed: words
          .slice(m.start, m.end)
          .map((w) => w.raw)
          .join(" "),
        how: "exact",
        at: m.start,
      });
      claim(m.start, m.end);
    }
  }

  // Items and projects, per collaboration.
  const items: NamedItem[] = [];
  const projects: { collaboration: string; id: string; typed: string }[] = [];
  // A one-word item inside a municipality's name is not an item; the same word may be an item of each
  // collaboration ("earchive"), so only what was claimed before the items counts.
  const claimedBeforeItems = new Set(claimed);
  for (const lexicon of lexicons) {
    for (const m of lexicon.items.find(words)) {
      if (m.end - m.start === 1 && claimedBeforeItems.has(m.start)) continue;
      const typed = spanText(text, words, m.start, m.end);
      items.push({ collaboration: lexicon.collaboration, ids: m.value, typed, how: "exact" });
      claim(m.start, m.end);
    }
    for (const m of lexicon.projects.find(words)) {
      projects.push({
        collaboration: lexicon.collaboration,
        id: m.value,
        typed: words
          .slice(m.start, m.end)
          .map((w) => w.raw)
          .join(" "),
      });
      claim(m.start, m.end);
    }
  }

  const months: number[] = [];
  const topics = [...new Set(topicIndex.find(words).map((m) => m.value))];
  const topicSignals = new Set<TopicId>(topicSignalIndex.find(words).flatMap((m) => m.value));
  const conditions = conditionIndex.find(words).map((m) => ({
    id: m.value,
    typed: spanText(text, words, m.start, m.end),
  }));
  const bodies = new Set<Body>();
  const meetingWord = meetingIndex.has(words);
  for (const m of bodyIndex.find(words)) {
    const key = words
      .slice(m.start, m.end)
      .map((w) => w.fold)
      .join("");
    if (!WEAK_BODY_WORDS.has(key) || meetingWord || signals.has("attendance") || signals.has("decide"))
      bodies.add(m.value);
  }

  // Everything a word could be besides a name: signals, months, meeting words.
  const known = new Set<number>(claimed);
  for (const index of [
    ...Object.values(signalIndexes),
    meetingIndex,
    bodyIndex,
    topicIndex,
    topicSignalIndex,
    conditionIndex,
    collaborationIndex(datasets),
  ])
    for (const m of index.find(words)) for (let i = m.start; i < m.end; i++) known.add(i);
  for (const w of words) {
    const month = MONTHS[w.fold];
    if (month === undefined) continue;
    known.add(w.index);
    // Abbreviations ("okt", "dec") count only when capitalised; "maj" and "mars" always.
    if (MONTH_ABBREVIATIONS.has(w.fold) && !/^\p{Lu}/u.test(w.raw)) continue;
    if (!months.includes(month) && !dates.some((d) => d.month === month)) months.push(month);
  }

  // Typos and prefixes of municipality names, then of item names, in words nothing else explains.
  const ambiguous: { typed: string; options: NamedMunicipality[] }[] = [];
  const unknownNames: string[] = [];
  const unrecognised: string[] = [];
  let unknownItem: string | undefined;
  for (const w of words) {
    if (known.has(w.index) || /^\d+$/.test(w.fold)) continue;
    const capitalised = /^\p{Lu}/u.test(w.raw) && w.index > 0;
    const nameLike = capitalised || w.trailingEllipsis;
    if (NOT_NAMES.has(w.lower) && !nameLike) continue;
    const near = w.fold.length >= 4 || nameLike ? nearMunicipalities(w.fold, lexicons) : undefined;
    if (near && !(near.how === "prefix" && w.fold.length < 4 && !nameLike)) {
      const options = near.names
        .filter((n) => !municipalities.some((m) => m.name === n.name))
        .map((n) => ({ ...n, typed: w.raw, how: near.how, at: w.index }));
      if (options.length === 1) municipalities.push(options[0] as NamedMunicipality);
      else if (options.length > 1) ambiguous.push({ typed: w.raw, options });
      known.add(w.index);
      continue;
    }
    let itemFound = false;
    const before = words[w.index - 1];
    // A misspelt item may span the word before it too ("e-arkv" is "e" + "arkv").
    const runs: [string, string][] = [[w.fold, w.raw]];
    if (before && !known.has(before.index)) runs.push([before.fold + w.fold, `${before.raw}-${w.raw}`]);
    for (const lexicon of lexicons) {
      for (const [key, typed] of runs) {
        const ids = nearItems(key, lexicon);
        if (ids) {
          items.push({ collaboration: lexicon.collaboration, ids, typed, how: "typo" });
          itemFound = true;
          break;
        }
      }
    }
    if (itemFound) {
      known.add(w.index);
      continue;
    }
    const topicIds = nameLike ? undefined : nearTopic(w.fold);
    if (topicIds) {
      for (const id of topicIds) topicSignals.add(id);
      known.add(w.index);
      continue;
    }
    if (NOT_NAMES.has(w.lower)) continue;
    if (w.fold.length >= 3 && !/^\d+$/.test(w.fold)) unrecognised.push(short(w.raw));
    const previous = words[w.index - 1];
    const next = words[w.index + 1];
    const beforeKommun = next?.fold === "kommun" || next?.fold === "kommuns" || next?.fold === "municipality";
    if (nameLike || beforeKommun || (w.index === 0 && words.length <= 4 && /^\p{Lu}/u.test(w.raw))) {
      if (w.fold.length >= 3) unknownNames.push(short(w.raw.replace(/s$/u, (s) => (beforeKommun ? "" : s))));
    } else if (previous && ITEM_PREPOSITIONS.has(previous.fold) && !unknownItem && w.fold.length >= 3) {
      unknownItem = short(w.raw);
    }
  }

  return {
    question,
    lang,
    words,
    signals,
    collaborationsNamed,
    municipalities: [...municipalities].sort((a, b) => a.at - b.at),
    ambiguous,
    items,
    projects,
    unknownNames,
    unknownItem,
    unrecognised,
    years: years.map(({ year, offset }) => (year !== undefined ? { year } : { offset: offset ?? 0 })),
    months,
    monthOffset,
    dates,
    amounts,
    bodies,
    meetingWord,
    topics,
    topicSignals,
    conditions,
  };
}
