import { editDistance } from "@samverkan/domain";
import { compactKey, PhraseIndex } from "./text.js";
import type { TopicId } from "./topics/topic.js";
import { TOPIC_WORDS as TOPIC_SIGNAL_WORDS } from "./topics/words.js";

/**
 * The topics' own words (goals, risks, decisions, budget, what-if, …) as the parser reads them: a phrase
 * index that tells which topics a question uses, a one-edit reading of a misspelt topic word, and the
 * words by language for telling the question's language.
 */

export const topicSignalIndex = new PhraseIndex<TopicId[]>();
{
  const byPhrase = new Map<string, { phrase: string; ids: TopicId[] }>();
  for (const [id, words] of Object.entries(TOPIC_SIGNAL_WORDS) as [
    TopicId,
    (typeof TOPIC_SIGNAL_WORDS)[TopicId],
  ][])
    for (const phrase of [...words.sv, ...words.en]) {
      const entry = byPhrase.get(phrase.toLowerCase()) ?? { phrase, ids: [] };
      if (!entry.ids.includes(id)) entry.ids.push(id);
      byPhrase.set(phrase.toLowerCase(), entry);
    }
  for (const { phrase, ids } of byPhrase.values()) topicSignalIndex.add(phrase, ids);
}
/**
 * One-word topic words of five letters or more, for reading a misspelt one ("riskerr", "budgeen"): a
 * word nothing else explains that is one edit away counts as the topic's word.
 */
const topicTypoKeys: { key: string; ids: TopicId[] }[] = [];
for (const [id, words] of Object.entries(TOPIC_SIGNAL_WORDS) as [
  TopicId,
  (typeof TOPIC_SIGNAL_WORDS)[TopicId],
][])
  for (const phrase of [...words.sv, ...words.en]) {
    const key = compactKey(phrase);
    if (/[\s-]/.test(phrase) || key.length < 5) continue;
    const entry = topicTypoKeys.find((x) => x.key === key);
    if (!entry) topicTypoKeys.push({ key, ids: [id] });
    else if (!entry.ids.includes(id)) entry.ids.push(id);
  }

export function nearTopic(fold: string): TopicId[] | undefined {
  if (fold.length < 5) return undefined;
  return topicTypoKeys.find(
    (x) => Math.abs(x.key.length - fold.length) <= 1 && editDistance(x.key, fold) <= 1,
  )?.ids;
}

/** Topic words by language, as compact keys, for telling the question's language. */
export const topicLanguage = {
  sv: new PhraseIndex<true>(),
  en: new PhraseIndex<true>(),
};
for (const words of Object.values(TOPIC_SIGNAL_WORDS)) {
  for (const w of words.sv) topicLanguage.sv.add(w, true);
  for (const w of words.en) topicLanguage.en.add(w, true);
}
