import type { Dataset } from "@samverkan/domain";
import type { Turn } from "../draft.js";
import { compactKey, PhraseIndex, tokenize, type Word } from "../text.js";
import { NOT_NAMES } from "../vocabulary.js";
import { wordMatch } from "./word-match.js";

/**
 * What the goals and the risks topics share: the years a question is answered for, the document a
 * plan is printed in, and finding one goal or risk by the words of its subject.
 */

/** The years to answer, the years asked for that the data lacks, and where the year came from. */
export interface AnsweredYears {
  readonly years: readonly number[];
  readonly missing: readonly number[];
  readonly source: "question" | "now" | "relative";
  /** Set when no year was asked, "now"'s year has none, and the latest year before it is answered instead. */
  readonly insteadOf?: number;
}

/**
 * The years named in the question that the data has (and those it lacks); with none named, the budget
 * year of now, or, when the data has nothing for it, the latest year before it (the answer says so:
 * never a silent switch to another year).
 */
export function answeredYears(turn: Turn, available: readonly number[]): AnsweredYears {
  const { parsed, now } = turn;
  const named = [
    ...new Map(
      parsed.years.map((y) => {
        const value = y.year ?? now.year + (y.offset ?? 0);
        return [value, y.year !== undefined ? ("question" as const) : ("relative" as const)];
      }),
    ),
  ];
  if (named.length > 0)
    return {
      years: named.map(([y]) => y).filter((y) => available.includes(y)),
      missing: named.map(([y]) => y).filter((y) => !available.includes(y)),
      source: (named[0] as (typeof named)[number])[1],
    };
  if (available.includes(now.year) || available.length === 0)
    return { years: available.includes(now.year) ? [now.year] : [], missing: [], source: "now" };
  const earlier = available.filter((y) => y < now.year);
  const latest = earlier.length > 0 ? Math.max(...earlier) : Math.min(...available);
  return { years: [latest], missing: [], source: "now", insteadOf: now.year };
}

/**
 * The seed document (file name) a document title is printed in: goals and risks carry no source
 * reference of their own, but their plan ("Verksamhetsplan 2022") is a document other sources name.
 */
export { documentTitled } from "./decisions-source.js";

/** Common words of the goal and risk texts and of questions, which never tell one subject from another. */
const COMMON = new Set(
  `take takes place make made been have has their they them will would should could shall year during
  with within into upon after before other others these those such some more most least than also only
  inom efter andra samt dessa finns gäller sker ska skall inte eller även både mycket minst mest utan
  genom enligt vilket vilken vilka något några ingen inga alla varje hela kommer kunna blir detta denna
  year's years årets året under över does doing done`
    .split(/\s+/)
    .filter(Boolean)
    .map(compactKey),
);

/** The content words of a text, folded: at least four letters, no digits, no common word. */
function contentWords(words: readonly Word[], skip: ReadonlySet<number> = new Set()): string[] {
  return words
    .filter(
      (w) =>
        !skip.has(w.index) &&
        w.fold.length >= 4 &&
        !/\d/.test(w.fold) &&
        !NOT_NAMES.has(w.lower) &&
        !COMMON.has(w.fold),
    )
    .map((w) => w.fold);
}

/** The plans' texts are long sentences: a stem of five letters, a word of six inside a compound count. */
const PLAN_LIMITS = { stem: 5, inside: 6 };

/**
 * Words that introduce what a goal or risk is about: "målet om närvaro", "the risk about supplier
 * agreements", "the target for attendance", "målet med e-arkivet". Only the words after one of them (or
 * inside quotation marks) can name a subject: "Vilka mål har nämnden beslutat?" names none, however
 * close "beslutat" is to a word of some goal's text.
 */
const SUBJECT_MARKERS = new Set(
  `om för kring gällande angående rörande med beträffande about on for regarding concerning of with around`
    .split(/\s+/)
    .filter(Boolean),
);

/** The indexes of the words inside quotation marks ("Vilket riskvärde har "…"?"). */
function quoted(turn: Turn): Set<number> {
  const inside = new Set<number>();
  for (const m of turn.parsed.question.matchAll(/["“”„«»]([^"“”„«»]+)["“”„«»]/gu)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    for (const w of turn.parsed.words) if (w.start >= from && w.end <= to) inside.add(w.index);
  }
  return inside;
}

/**
 * The words of the question that could name a subject: content words after a subject marker (or quoted)
 * that are not the topic's own words, a name the question gives (municipality, collaboration), or a
 * generic word of the topic (`genericStems`).
 */
export function subjectWords(
  turn: Turn,
  topicWords: PhraseIndex<true>,
  genericStems: readonly string[],
): string[] {
  const p = turn.parsed;
  const marker = p.words.findIndex((w) => SUBJECT_MARKERS.has(w.lower));
  const inQuotes = quoted(turn);
  const skip = new Set<number>(
    p.words.filter((w) => !inQuotes.has(w.index) && (marker < 0 || w.index <= marker)).map((w) => w.index),
  );
  for (const m of topicWords.find(p.words)) for (let i = m.start; i < m.end; i++) skip.add(i);
  const names = new Set(
    p.municipalities
      .flatMap((m) => tokenize(m.typed).map((w) => w.fold))
      .concat(
        turn.datasets
          .filter((d) => p.collaborationsNamed.includes(d.collaboration.id))
          .flatMap((d) =>
            [d.collaboration.name, d.collaboration.nameEn, d.collaboration.id].flatMap((n) =>
              tokenize(n).map((w) => w.fold),
            ),
          ),
      ),
  );
  // A generic stem covers its inflections ("uppföljningen", "followed"), not a compound that names a
  // subject of its own ("uppföljningsdialoger").
  return contentWords(p.words, skip).filter(
    (w) => !names.has(w) && !genericStems.some((s) => w.startsWith(s) && w.length <= s.length + 6),
  );
}

/** The subject words as the question writes them, hyphenated words whole ("e-arkivet", not "arkivet"). */
export function typedSubject(turn: Turn, words: readonly string[]): string {
  const q = turn.parsed.question;
  const typed = turn.parsed.words
    .filter((w) => words.includes(w.fold))
    .map((w) => {
      let start = w.start;
      let end = w.end;
      while (start > 0 && /[\p{L}\p{N}-]/u.test(q.charAt(start - 1))) start--;
      while (end < q.length && /[\p{L}\p{N}-]/u.test(q.charAt(end))) end++;
      return q.slice(start, end);
    });
  return [...new Set(typed)].join(" ");
}

/**
 * The entries (goals, risks) the question's subject words name best: each word scores its best match in
 * an entry's texts; a word that matches every entry tells none apart and counts for nothing. Returns
 * the entries with the highest total, or none when no word matches any entry.
 */
export function bestMatches<T>(
  entries: readonly T[],
  textsOf: (entry: T) => readonly string[],
  words: readonly string[],
): T[] {
  if (words.length === 0 || entries.length === 0) return [];
  const vocab = entries.map((e) => contentWords(tokenize(textsOf(e).join(" "))));
  const scores = entries.map(() => 0);
  for (const q of words) {
    const per = vocab.map((ws) => Math.max(0, ...ws.map((t) => wordMatch(q, t, PLAN_LIMITS))));
    if (entries.length > 1 && per.every((s) => s > 0)) continue;
    per.forEach((s, i) => (scores[i] = (scores[i] ?? 0) + s));
  }
  const best = Math.max(...scores);
  return best > 0 ? entries.filter((_, i) => scores[i] === best) : [];
}

/** A PhraseIndex of phrases that all mean `true`. */
export function phraseSet(phrases: readonly string[]): PhraseIndex<true> {
  const index = new PhraseIndex<true>();
  for (const p of phrases) index.add(p, true);
  return index;
}

/** A collaboration's name in the answer's language, inside a sentence ("the Norrbotten e-committee"). */
export function collaborationName(turn: Turn, d: Dataset): string {
  return turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn.replace(/^The /, "the ");
}

/** The other collaborations whose datasets have what this one lacks (goals, risks), by name. */
export function collaborationsWith(turn: Turn, has: (d: Dataset) => boolean): Dataset[] {
  return turn.datasets.filter((d) => d !== turn.dataset && has(d));
}

/** A text without its closing full stop, to end it with punctuation of the answer's own. */
export function trimStop(s: string): string {
  return s.trim().replace(/[.\s]+$/u, "");
}
