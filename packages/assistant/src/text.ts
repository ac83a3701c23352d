import { foldName } from "@samverkan/domain";

/**
 * One word of the question: as typed, in lower case (å/ä/ö kept, for telling words apart that
 * only differ by them: "för"/"for", "över"/"over"), and folded as names are (`foldName`).
 */
export interface Word {
  readonly raw: string;
  readonly lower: string;
  readonly fold: string;
  /** Index in the question's word list. */
  readonly index: number;
  /** Where the word starts and ends (exclusive) in the text, to quote what was typed as typed. */
  readonly start: number;
  readonly end: number;
  /** Whether an ellipsis ("…" or "...") follows it: "Över…" is the start of a name. */
  readonly trailingEllipsis: boolean;
}

/** The longest question the parser reads; the rest is ignored (a question is a sentence or two). */
export const MAX_QUESTION_LENGTH = 600;

/** Splits a question into words: letters and digits, everything else separates. */
export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const raw = m[0];
    const after = text.slice((m.index ?? 0) + raw.length, (m.index ?? 0) + raw.length + 3);
    const fold = foldName(raw).replace(/ /g, "");
    if (!fold) continue;
    words.push({
      raw,
      lower: raw.normalize("NFC").toLowerCase(),
      fold,
      index: words.length,
      start: m.index ?? 0,
      end: (m.index ?? 0) + raw.length,
      trailingEllipsis: after.startsWith("…") || after.startsWith("..."),
    });
  }
  return words;
}

/** A phrase's compact key: folded, without spaces or hyphens ("E-arkiv" → "earkiv"). */
export function compactKey(phrase: string): string {
  return foldName(phrase).replace(/ /g, "");
}

export interface PhraseMatch<T> {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly value: T;
}

/**
 * A dictionary of phrases looked up in a word list. Every run of up to `maxWords` consecutive words
 * is joined without spaces and compared with each phrase's compact key, so "e-arkiv", "e arkiv" and
 * "earkiv" all match the phrase "e-arkiv", whatever the question's spacing.
 */
export class PhraseIndex<T> {
  private readonly map = new Map<string, T>();
  private maxWords = 1;

  add(phrase: string, value: T): this {
    const key = compactKey(phrase);
    if (!key) return this;
    if (!this.map.has(key)) this.map.set(key, value);
    this.maxWords = Math.max(this.maxWords, foldName(phrase).split(" ").length + 1);
    return this;
  }

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  /** Non-overlapping matches, longest first from left to right. */
  find(words: readonly Word[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < words.length) {
      let matched = false;
      for (let len = Math.min(this.maxWords, words.length - i); len >= 1; len--) {
        let key = "";
        for (let k = i; k < i + len; k++) key += (words[k] as Word).fold;
        const value = this.map.get(key);
        if (value !== undefined) {
          found.push({ start: i, end: i + len, value });
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return found;
  }

  /** Whether any phrase matches. */
  has(words: readonly Word[]): boolean {
    return this.find(words).length > 0;
  }
}

/** A PhraseIndex of phrases that all mean `true`: a set of signal words. */
export function signalIndex(phrases: readonly string[]): PhraseIndex<true> {
  const index = new PhraseIndex<true>();
  for (const p of phrases) index.add(p, true);
  return index;
}

/**
 * The text a run of words covers, as typed: "e-arkivet", "the base platform", "Datacenter Norrbotten
 * (DCBD)" (a bracket the run opens is closed with it).
 */
export function spanText(text: string, words: readonly Word[], start: number, end: number): string {
  const from = words[start]?.start ?? 0;
  let to = words[end - 1]?.end ?? from;
  const opened = (text.slice(from, to).match(/\(/g) ?? []).length;
  const closed = (text.slice(from, to).match(/\)/g) ?? []).length;
  if (opened > closed && text[to] === ")") to += 1;
  return text.slice(from, to);
}
