import type { Dataset } from "@samverkan/domain";
import { parseQuestion, type ParsedQuestion } from "./parse.js";
import { listing } from "./phrases.js";
import { tokenize, type Word } from "./text.js";
import type { ConversationTurn, Lang } from "./types.js";
import { MONTHS, RELATIVE_YEARS } from "./vocabulary.js";

/**
 * Follow-ups: a short question that leaves out what the previous one said ("och 2022?", "och Luleå?",
 * "varför?", "in English?", "jämfört med förra året?") is read as the previous question with the new
 * parts put in, and answered as that whole question, which the answer states ("Jag tolkade
 * följdfrågan som …"). A follow-up that cannot be put together is never answered as something else:
 * `unresolved` says so, and the answer says what it did not understand.
 */
export type FollowUp =
  | { readonly kind: "rewritten"; readonly question: string; readonly lang: Lang }
  | { readonly kind: "unresolved"; readonly what: string; readonly lang: Lang };

/** Words that open a follow-up: "och 2022?", "and Luleå?", "what about Piteå?", "hur är det med Boden?". */
const OPENERS = [
  "och",
  "and",
  "men",
  "but",
  "what about",
  "how about",
  "and what about",
  "hur är det med",
  "hur blir det med",
  "än",
  "samma för",
  "same for",
  "then",
  "då",
];

/** Words a follow-up may have besides the names, years and items it brings. */
const FILLER = new Set(
  `och and men but what about how hur är det med blir än samma same for för i in then då also också
  too så so the den det is it ok okej please tack thanks year året år`
    .split(/\s+/)
    .filter(Boolean),
);

const LANGUAGE_SWITCH =
  /^\s*(?:och|and|men|but)?\s*(?:(?:kan du svara|svara|answer|can you answer|say it|säg det|samma|the same)\s+)?(?:på|in)\s+(engelska|english|svenska|swedish)\s*(?:tack|please)?\s*[?.!]*\s*$/iu;

const WHY =
  /^\s*(?:och|and|men|but)?\s*(?:varför|why|hur då|how so|how come|förklara|explain)\s*(?:det|that|då|then)?\s*[?.!]*\s*$/iu;

const COMPARE =
  /^\s*(?:och|and)?\s*(?:jämfört med|jämför med|mot|compared (?:with|to)|versus|vs\.?)\s+(?<what>förra året|föregående år|året innan|i fjol|ifjol|last year|the year before|the previous year|(?:19|20|21)\d{2})\s*[?.!]*\s*$/iu;

/** An item as it stands in the question's text ("e-arkivet", "räddningstjänstens system"). */
function typedIn(text: string, typed: string): string {
  const span = spanOf(text, typed.split("-"));
  return span ? text.slice(span.start, span.end) : typed.replace(/-/g, " ");
}

/** A span of the question's text that a list of words covers, for replacing it. */
function spanOf(text: string, raws: readonly string[]): { start: number; end: number } | undefined {
  const pattern = raws.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^\\p{L}\\p{N}]+");
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "iu").exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function splice(text: string, span: { start: number; end: number }, insert: string): string {
  return text.slice(0, span.start) + insert + text.slice(span.end);
}

/** Adds words at the end of a question, before its closing punctuation. */
function append(text: string, words: string): string {
  const m = /[\s?.!]*$/u.exec(text);
  const at = m ? m.index : text.length;
  return `${text.slice(0, at)} ${words}${text.slice(at) || "?"}`;
}

/** Where the previous question says its year: "2023", or a relative year ("i år", "nästa år"). */
function yearSpan(text: string, year: number | undefined): { start: number; end: number } | undefined {
  if (year !== undefined) {
    const m = new RegExp(`(?<!\\d)${year}(?!\\d)`).exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  const phrases = [...RELATIVE_YEARS].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const r of phrases) {
    const span = spanOf(text, r.phrase.split(" "));
    if (span) return span;
  }
  const any = /(?<!\d)(?:19|20|21)\d{2}(?!\d)/.exec(text);
  return any ? { start: any.index, end: any.index + any[0].length } : undefined;
}

function startsWithOpener(words: readonly Word[]): boolean {
  const head = words
    .slice(0, 4)
    .map((w) => w.lower)
    .join(" ");
  return OPENERS.some((o) => head === o || head.startsWith(`${o} `));
}

/** The words of a follow-up that are neither a name, a year, an item nor filler: what it also asks. */
function otherWords(p: ParsedQuestion): Word[] {
  const named = new Set(
    [...p.municipalities.map((m) => m.typed), ...p.items.map((x) => x.typed)]
      .flatMap((t) => t.split(/[\s-]+/))
      .map((t) => t.toLowerCase()),
  );
  return p.words.filter(
    (w) =>
      !FILLER.has(w.lower) && !named.has(w.lower) && !/^\d+$/.test(w.fold) && MONTHS[w.fold] === undefined,
  );
}

/** Whether the question is elliptic: it brings names, years or items and asks nothing of its own. */
function isElliptic(p: ParsedQuestion): boolean {
  return brings(p) && otherWords(p).length === 0 && p.ambiguous.length === 0;
}

/** "Kalix och Luleå" in the previous question's language. */
function names(list: readonly string[], lang: Lang): string {
  return listing(list, lang);
}

/**
 * Reads `question` as a follow-up of `previous`, or returns undefined when it stands on its own.
 * Pure: the same question and previous turn always give the same reading.
 */
export function readFollowUp(
  question: string,
  previous: ConversationTurn | undefined,
  datasets: readonly Dataset[],
): FollowUp | undefined {
  if (!previous) return undefined;
  const lang = previous.language;
  const switchTo = LANGUAGE_SWITCH.exec(question)?.[1]?.toLowerCase();
  if (switchTo) {
    const to: Lang = switchTo === "engelska" || switchTo === "english" ? "en" : "sv";
    return { kind: "rewritten", question: previous.question, lang: to };
  }
  const p = parseQuestion(question, datasets);
  // The answer keeps the conversation's language unless the follow-up itself reads as English.
  const followLang: Lang = p.lang === "en" ? "en" : lang;
  const pp = parseQuestion(previous.question, datasets);
  // Words put into the previous question are in that question's language, whatever the answers were in.
  const textLang = pp.lang;

  if (WHY.test(question)) {
    const m = pp.municipalities[0];
    const item = pp.items[0];
    const year = previous.year !== undefined ? ` ${previous.year}` : "";
    const itemWords = item ? typedIn(previous.question, item.typed) : undefined;
    if (["itemCost", "explainAmount"].includes(previous.intent) && m && itemWords)
      return {
        kind: "rewritten",
        question:
          textLang === "sv"
            ? `Varför betalar ${m.name} det beloppet för ${itemWords}${year}?`
            : `Why does ${m.name} pay that amount for ${itemWords}${year}?`,
        lang: followLang,
      };
    if (["itemTotal", "itemSplit"].includes(previous.intent) && itemWords)
      return {
        kind: "rewritten",
        question:
          textLang === "sv"
            ? `Hur fördelas ${itemWords}${year}?`
            : `How is ${itemWords} split${year ? ` in${year}` : ""}?`,
        lang: followLang,
      };
    return { kind: "unresolved", what: question.trim(), lang: followLang };
  }

  const compare = COMPARE.exec(question)?.groups?.what;
  if (compare) {
    const explicit = /^(?:19|20|21)\d{2}$/.test(compare) ? Number(compare) : undefined;
    const base = previous.year;
    if (base === undefined && explicit === undefined)
      return { kind: "unresolved", what: question.trim(), lang: followLang };
    const other = explicit ?? (base as number) - 1;
    const words = textLang === "sv" ? `jämfört med ${other}` : `compared with ${other}`;
    if (COMPARABLE.has(previous.intent))
      return { kind: "rewritten", question: append(previous.question, words), lang: followLang };
    // "Varför betalar Kalix …?" then "jämfört med förra året?": the comparison is of what Kalix pays.
    const m = pp.municipalities[0];
    const item = pp.items[0];
    if (previous.intent === "explainAmount" && m && item && base !== undefined) {
      const itemWords = typedIn(previous.question, item.typed);
      return {
        kind: "rewritten",
        question:
          textLang === "sv"
            ? `Vad betalar ${m.name} för ${itemWords} ${base} ${words}?`
            : `What does ${m.name} pay for ${itemWords} in ${base} ${words}?`,
        lang: followLang,
      };
    }
    return { kind: "unresolved", what: question.trim(), lang: followLang };
  }

  // "och om Kalix lämnar?" after a question about an item: the scenario is for that item and year.
  const hypothetical =
    /^\s*(?:och|and|men|but)\s+(?:om|if|what if|tänk om)\s+(?<clause>.+?)\s*[?.!]*\s*$/iu.exec(question)
      ?.groups?.clause;
  if (hypothetical && p.items.length === 0 && pp.items[0] && WITH_ITEM.has(previous.intent)) {
    const itemWords = typedIn(previous.question, pp.items[0].typed);
    const year = previous.year;
    // The clause is the member's own words: the whole question is put together in their language.
    return {
      kind: "rewritten",
      question:
        p.lang === "sv"
          ? `Vad händer med ${itemWords}${year ? ` ${year}` : ""} om ${hypothetical}?`
          : `What happens to ${itemWords}${year ? ` in ${year}` : ""} if ${hypothetical}?`,
      lang: p.lang,
    };
  }

  // "och vad betalar Piteå?": an opener, the question words of the previous question, and a new name.
  const openedAsk =
    startsWithOpener(p.words) &&
    brings(p) &&
    p.topicSignals.size === 0 &&
    !p.meetingWord &&
    otherWords(p).every((w) => ASKING.has(w.lower));
  if (!isElliptic(p) && !openedAsk) return undefined;
  return substitute(question, previous, p, pp, followLang);
}

/** The answers about one item, that a scenario follow-up ("och om Kalix lämnar?") can be about. */
const WITH_ITEM = new Set(["itemCost", "itemTotal", "itemSplit", "explainAmount", "whatIf"]);

/** The answers a comparison with another year can be added to. */
const COMPARABLE = new Set(["itemCost", "statement", "budget", "maxWithdrawal"]);

/** Question words a follow-up opened with "och"/"and" may repeat from the question it follows. */
const ASKING = new Set(
  "vad vem hur mycket betalar betala kostar what who how much does do pay pays cost costs".split(" "),
);

function brings(p: ParsedQuestion): boolean {
  return p.municipalities.length + p.items.length + p.years.length + p.months.length + p.dates.length > 0;
}

/** A day and month as typed ("16 mars", "23 March", "2022-03-23"), or a month alone ("oktober"). */
function dateSpan(
  text: string,
  words: readonly Word[],
  withDay: boolean,
): { start: number; end: number } | undefined {
  const iso = /(?<!\d)(?:19|20|21)\d{2}-\d{2}-\d{2}(?!\d)/.exec(text);
  if (withDay && iso) return { start: iso.index, end: iso.index + iso[0].length };
  for (const w of words) {
    if (MONTHS[w.fold] === undefined) continue;
    const before = /(?<!\d)(\d{1,2})\.?\s+$/u.exec(text.slice(0, w.start));
    if (withDay && before) return { start: before.index, end: w.end };
    if (!withDay && !before) return { start: w.start, end: w.end };
  }
  return undefined;
}

function parseQuestionWordsOf(text: string): Word[] {
  return tokenize(text);
}

/** The follow-up's date or month put in place of the previous question's ("och 23 mars?", "och i oktober?"). */
function substituteDate(text: string, question: string, p: ParsedQuestion): string | undefined {
  const withDay = p.dates.length > 0;
  const from = dateSpan(question, p.words, withDay);
  const pp = parseQuestionWordsOf(text);
  const to = dateSpan(text, pp, withDay);
  if (!from || !to) return undefined;
  const insert = question.slice(from.start, from.end);
  // An ISO date brings its own year: "16 mars 2022" becomes "2022-04-27", not "2022-04-27 2022".
  const year = /^\s+(?:19|20|21)\d{2}(?!\d)/.exec(text.slice(to.end));
  const end = /^\d{4}-/.test(insert) && year ? to.end + year[0].length : to.end;
  return splice(text, { start: to.start, end }, insert);
}

/** The previous question with the follow-up's municipalities, items and years put in place of its own. */
function substitute(
  question: string,
  previous: ConversationTurn,
  p: ParsedQuestion,
  pp: ParsedQuestion,
  lang: Lang,
): FollowUp {
  const prevLang = pp.lang;
  let text = previous.question;
  // Each replacement looks its span up again in the text as it stands after the one before.
  const newYear = p.years.find((y) => y.year !== undefined)?.year;
  if (newYear !== undefined) {
    const span = yearSpan(text, previous.year);
    text = span ? splice(text, span, String(newYear)) : append(text, String(newYear));
  } else if (p.years.length > 0) {
    return { kind: "unresolved", what: question.trim(), lang };
  }
  if (p.dates.length > 0 || p.months.length > 0) {
    const replaced = substituteDate(text, question, p);
    if (replaced === undefined) return { kind: "unresolved", what: question.trim(), lang };
    text = replaced;
  }
  if (p.municipalities.length > 0) {
    const newNames = names(
      p.municipalities.map((m) => m.name),
      prevLang,
    );
    const spans = pp.municipalities
      .map((m) => spanOf(text, m.typed.split(/\s+/)))
      .filter((s): s is { start: number; end: number } => s !== undefined);
    if (spans.length > 0) {
      const start = Math.min(...spans.map((s) => s.start));
      const end = Math.max(...spans.map((s) => s.end));
      const genitive =
        /s$/u.test(text.slice(start, end)) && !pp.municipalities.some((m) => /s$/u.test(m.name));
      text = splice(text, { start, end }, genitive ? `${newNames}s` : newNames);
    } else {
      const item = pp.items[0];
      if (!item || !["itemTotal", "itemSplit", "extras", "itemCost"].includes(previous.intent))
        return { kind: "unresolved", what: question.trim(), lang };
      const itemWords = typedIn(text, item.typed);
      const year = previous.year ?? newYear;
      text =
        prevLang === "sv"
          ? `Vad betalar ${newNames} för ${itemWords}${year ? ` ${year}` : ""}?`
          : `What does ${newNames} pay for ${itemWords}${year ? ` in ${year}` : ""}?`;
    }
  }
  if (p.items.length > 0) {
    const newItem = typedIn(question, p.items[0]?.typed ?? "");
    const old = pp.items[0];
    const span = old ? spanOf(text, old.typed.split("-")) : undefined;
    if (span) text = splice(text, span, newItem);
    else {
      const who =
        p.municipalities.length > 0
          ? names(
              p.municipalities.map((x) => x.name),
              prevLang,
            )
          : pp.municipalities[0]?.name;
      if (!who) return { kind: "unresolved", what: question.trim(), lang };
      const year = newYear ?? previous.year;
      text =
        prevLang === "sv"
          ? `Vad betalar ${who} för ${newItem}${year ? ` ${year}` : ""}?`
          : `What does ${who} pay for ${newItem}${year ? ` in ${year}` : ""}?`;
    }
  }
  return { kind: "rewritten", question: text, lang };
}
