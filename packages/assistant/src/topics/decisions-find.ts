import type { Dataset, Decision } from "@samverkan/domain";
import type { Turn } from "../draft.js";
import { collaborationIndex } from "../lexicon.js";
import { compactKey, PhraseIndex, tokenize, type Word } from "../text.js";
import { BODY_WORDS, MEETING_WORDS, MONTHS, NOT_NAMES } from "../vocabulary.js";
import {
  DECISION_WORDS,
  ENGLISH_PAST_AUXILIARIES,
  ENGLISH_PAST_VERBS,
  ENGLISH_SUBJECTS,
  LATEST_WORDS,
  MINUTES_WORDS,
  NOT_SUBJECT_WORDS,
  PAST_WORDS,
  PLANNED_WORDS,
  RECENT_WORDS,
  RECIPIENT_WORDS,
  TO_BE_DECIDED_WORDS,
} from "./decisions-words.js";
import { wordMatch } from "./word-match.js";

/** The minutes' titles are short: a stem of four letters, a word of five inside a compound count. */
const MINUTES_LIMITS = { stem: 4, inside: 5 };

/** A PhraseIndex of phrases that all mean `true`. */
export function phrases(list: readonly string[]): PhraseIndex<true> {
  const index = new PhraseIndex<true>();
  for (const p of list) index.add(p, true);
  return index;
}

export const minutesIndex = phrases(MINUTES_WORDS);
export const pastIndex = phrases(PAST_WORDS);
export const recentIndex = phrases(RECENT_WORDS);
export const plannedIndex = phrases(PLANNED_WORDS);
export const toBeDecidedIndex = phrases(TO_BE_DECIDED_WORDS);
const auxiliaries = new Set(ENGLISH_PAST_AUXILIARIES);
const pastVerbs = new Set(ENGLISH_PAST_VERBS);

/** "When was the budget decided?": an English past auxiliary and a verb of deciding, anywhere. */
export function englishPast(words: readonly Word[]): boolean {
  return words.some((w) => auxiliaries.has(w.lower)) && words.some((w) => pastVerbs.has(w.lower));
}
const recipientIndex = phrases(RECIPIENT_WORDS);
const latestIndex = phrases(LATEST_WORDS);
const englishIndex = new PhraseIndex<readonly string[]>();
for (const [en, sv] of Object.entries(ENGLISH_SUBJECTS)) englishIndex.add(en, sv);
/** Words of the question that are how it asks, not what about. */
const askingIndex = phrases([
  ...DECISION_WORDS.sv,
  ...DECISION_WORDS.en,
  ...PAST_WORDS,
  ...RECENT_WORDS,
  ...PLANNED_WORDS,
  ...RECIPIENT_WORDS,
  ...LATEST_WORDS,
  ...NOT_SUBJECT_WORDS,
  ...MEETING_WORDS,
  ...Object.values(BODY_WORDS).flat(),
]);
const notSubject = new Set([
  ...NOT_NAMES,
  ..."många antal hur how many number vilket vilken vilka which what".split(" "),
]);

/** What a question about the minutes asks for. */
export interface DecisionQuestion {
  /** Paragraph numbers (§) asked for. */
  readonly paragraphs: readonly number[];
  /** Case numbers (ärendenr) as asked, e.g. "2022/13-2.2.0.1" or "2022/13". */
  readonly caseNumbers: readonly string[];
  /** A meeting day: the month and day, and the year when given. */
  readonly date?: { readonly year?: number; readonly month: number; readonly day: number };
  readonly month?: number;
  readonly year?: number;
  /** The words of the subject, each with the (folded) terms it is looked for as. */
  readonly subjects: readonly { readonly typed: string; readonly keys: readonly string[] }[];
  /** Municipalities named: in the decision's text, or among its recipients. */
  readonly municipalities: readonly string[];
  /** Whether the question asks who the decisions were sent to ("skickades till"). */
  readonly recipient: boolean;
  /** "senaste besluten": the latest meeting's decisions. */
  readonly latest: boolean;
}

const PARAGRAPH =
  /§§?\s*(\d{1,3})(?!\d)(?:\s*(?:-|–|—|till|to)\s*§?\s*(\d{1,3})(?!\d))?|(?<![\p{L}])(?:paragraf(?:en|erna|er)?|paragraph|paragraff)\s*(?:nr\.?|nummer|number|no\.?)?\s*(\d{1,3})(?!\d)/giu;
const CASE_NUMBER = /(?<!\d)((?:19|20)\d{2})\s*\/\s*(\d{1,4})(?:\s*-\s*(\d+(?:\.\d+)*))?(?!\d)/g;

/** The paragraphs (§ 12, § 8–10, paragraf 14) a question names. */
export function paragraphsIn(question: string): number[] {
  const out: number[] = [];
  for (const m of question.matchAll(PARAGRAPH)) {
    const first = Number(m[1] ?? m[3]);
    const last = m[2] ? Number(m[2]) : first;
    for (let n = first; n <= Math.min(last, first + 50); n++) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** The case numbers (2022/13-2.2.0.1, 2022/13) a question names. */
export function caseNumbersIn(question: string): string[] {
  return [...question.matchAll(CASE_NUMBER)].map((m) => `${m[1]}/${m[2]}${m[3] ? `-${m[3]}` : ""}`);
}

/** The span of words a municipality's name covers, from where the parser found it. */
function nameSpan(typed: string, at: number): number[] {
  return tokenize(typed).map((_, i) => at + i);
}

/** The subject words: what is left of the question when names, dates and the words of asking are out. */
function subjectsOf(turn: Turn): { typed: string; keys: string[] }[] {
  const p = turn.parsed;
  const skip = new Set<number>();
  const cover = (from: number, to: number) => {
    for (let i = from; i < to; i++) skip.add(i);
  };
  for (const m of p.municipalities) for (const i of nameSpan(m.typed, m.at)) skip.add(i);
  for (const m of collaborationIndex(turn.datasets).find(p.words)) cover(m.start, m.end);
  const out: { typed: string; keys: string[] }[] = [];
  // The minutes are in Swedish: an English question's subject is looked for by the Swedish terms too.
  for (const m of turn.lang === "en" ? englishIndex.find(p.words) : []) {
    cover(m.start, m.end);
    const typed = p.words
      .slice(m.start, m.end)
      .map((w) => w.raw)
      .join(" ");
    // "basic review" → "grundläggande" and "granskning": each Swedish word counts as a subject word.
    const words = m.value.map((sv) => tokenize(sv).map((w) => w.fold));
    const longest = Math.max(...words.map((w) => w.length));
    for (let i = 0; i < longest; i++)
      out.push({
        typed,
        keys: [
          ...words.map((w) => w[i]).filter((k): k is string => !!k),
          ...(i === 0 ? [compactKey(typed)] : []),
        ],
      });
  }
  for (const m of askingIndex.find(p.words)) cover(m.start, m.end);
  for (const w of p.words) {
    if (skip.has(w.index) || /\d/.test(w.fold) || MONTHS[w.fold] !== undefined) continue;
    if (notSubject.has(w.lower)) continue;
    const acronym = /^\p{Lu}{2,}$/u.test(w.raw);
    if (w.fold.length < 3 && !acronym) continue;
    out.push({ typed: w.raw, keys: [w.fold] });
  }
  return out;
}

/** Reads what a question about the minutes asks. */
export function readDecisionQuestion(turn: Turn): DecisionQuestion {
  const p = turn.parsed;
  const caseNumbers = caseNumbersIn(p.question);
  const named = (y: { year?: number; offset?: number }) => y.year ?? turn.now.year + (y.offset ?? 0);
  // A case number's first part is a year to the parser ("2022/13"): it says nothing of the meeting.
  const years = caseNumbers.length > 0 ? [] : p.years.map(named);
  const day = caseNumbers.length > 0 ? undefined : p.dates[0];
  const date = day
    ? { ...day, ...((day.year ?? years[0]) ? { year: day.year ?? years[0] } : {}) }
    : undefined;
  const month = date ? undefined : p.months[0];
  const year = date ? undefined : years[0];
  return {
    paragraphs: paragraphsIn(p.question),
    caseNumbers,
    ...(date ? { date } : {}),
    ...(month !== undefined ? { month } : {}),
    ...(year !== undefined ? { year } : {}),
    subjects: subjectsOf(turn),
    municipalities: p.municipalities
      .filter((m) => m.collaboration === turn.dataset.collaboration.id)
      .map((m) => m.name),
    recipient: recipientIndex.has(p.words),
    latest: latestIndex.has(p.words),
  };
}

const vocabularies = new WeakMap<Decision, { title: string[]; decision: string[]; summary: string[] }>();

/** A text's folded words, and each pair of neighbours joined ("e arkivet" → also "earkivet"). */
function vocabulary(text: string): string[] {
  const words = tokenize(text).map((w: Word) => w.fold);
  return [...words, ...words.slice(1).map((w, i) => `${words[i]}${w}`)];
}

function vocabularyOf(x: Decision): { title: string[]; decision: string[]; summary: string[] } {
  let v = vocabularies.get(x);
  if (!v) {
    v = {
      title: vocabulary(x.title),
      decision: vocabulary(x.decision),
      summary: vocabulary(x.summary ?? ""),
    };
    vocabularies.set(x, v);
  }
  return v;
}

/** A subject word's score in a decision: its best match, the title weighing most, the summary least. */
function subjectScore(x: Decision, keys: readonly string[]): number {
  const v = vocabularyOf(x);
  const best = (words: readonly string[]) =>
    Math.max(0, ...keys.flatMap((k) => words.map((t) => wordMatch(k, t, MINUTES_LIMITS))));
  return Math.max(3 * best(v.title), 2 * best(v.decision), best(v.summary));
}

/** Whether the decision mentions the municipality (in any form: "Kirunas", "Älvsbyns kommun"). */
function mentions(x: Decision, name: string): boolean {
  const key = compactKey(name);
  const v = vocabularyOf(x);
  return [...v.title, ...v.decision, ...v.summary].some((t) => t === key || t === `${key}s`);
}

/** What the search found, and what it looked for without finding it. */
export interface DecisionSearch {
  readonly found: readonly Decision[];
  /** The decisions that matched before the subject was read (the meeting, the paragraph, …). */
  readonly pool: readonly Decision[];
  /** Subject words no decision of the pool mentions. */
  readonly unmatched: readonly string[];
  /** Subject words that picked the decisions found. */
  readonly matched: readonly string[];
}

function byOrder(a: Decision, b: Decision): number {
  return (a.meetingDate ?? "").localeCompare(b.meetingDate ?? "") || a.paragraph - b.paragraph;
}

/** The decisions the question asks for: by paragraph, case number, meeting, recipient and subject. */
export function findDecisions(turn: Turn, q: DecisionQuestion): DecisionSearch {
  const d: Dataset = turn.dataset;
  let pool = [...d.decisions].sort(byOrder);
  if (q.caseNumbers.length > 0)
    pool = pool.filter((x) =>
      q.caseNumbers.some((c) => x.caseNumber === c || (x.caseNumber?.startsWith(`${c}-`) ?? false)),
    );
  if (q.paragraphs.length > 0) pool = pool.filter((x) => q.paragraphs.includes(x.paragraph));
  const iso = (x: Decision) => x.meetingDate ?? "";
  if (q.date) {
    const { year, month, day } = q.date;
    const md = `-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    pool = pool.filter((x) => iso(x).endsWith(md) && (year === undefined || iso(x).startsWith(`${year}-`)));
  }
  if (q.month !== undefined) {
    const mm = `-${String(q.month).padStart(2, "0")}-`;
    pool = pool.filter(
      (x) => iso(x).slice(4, 8) === mm && (q.year === undefined || iso(x).startsWith(`${q.year}-`)),
    );
  }
  const subjects = q.subjects;
  if (q.year !== undefined && q.month === undefined) {
    const y = String(q.year);
    // "budget 2023" names the budget's year, "beslut 2022" the meeting's: with a subject, either will do.
    pool = pool.filter(
      (x) =>
        iso(x).startsWith(`${y}-`) ||
        (subjects.length > 0 && [x.title, x.decision, x.summary ?? ""].some((t) => t.includes(y))),
    );
  }
  for (const name of q.municipalities)
    pool = pool.filter((x) => x.sentTo.includes(name) || (!q.recipient && mentions(x, name)));
  if (q.recipient && q.municipalities.length === 0) pool = pool.filter((x) => x.sentTo.length > 0);
  if (q.latest && pool.length > 0) {
    const held = pool.filter((x) => iso(x) <= turn.now.date);
    const last = (held.length > 0 ? held : pool).map(iso).sort().at(-1);
    pool = pool.filter((x) => iso(x) === last);
  }
  if (subjects.length === 0 || pool.length === 0) return { found: pool, pool, unmatched: [], matched: [] };

  const scores = pool.map(() => 0);
  const unmatched: string[] = [];
  const matched: string[] = [];
  for (const s of subjects) {
    const per = pool.map((x) => subjectScore(x, s.keys));
    if (per.every((v) => v === 0)) {
      if (!unmatched.includes(s.typed)) unmatched.push(s.typed);
      continue;
    }
    // A word every decision has ("nämnden", "information") tells none apart.
    if (pool.length > 1 && per.every((v) => v > 0)) continue;
    if (!matched.includes(s.typed)) matched.push(s.typed);
    per.forEach((v, i) => (scores[i] = (scores[i] ?? 0) + v));
  }
  const best = Math.max(0, ...scores);
  const found = best > 0 ? pool.filter((_, i) => scores[i] === best) : matched.length > 0 ? [] : pool;
  return { found: unmatched.length > 0 && matched.length === 0 ? [] : found, pool, unmatched, matched };
}
