import type { Draft, Turn } from "../draft.js";

/**
 * The words that signal a topic, in Swedish and in English. The parser reads them as known words (never
 * as a misspelt name), counts them towards the question's language, and sets `parsed.topicSignals`.
 * Phrases are written as people type them; matching folds case and å/ä/ö and treats hyphens and spaces
 * alike, as for every other phrase (see vocabulary.ts).
 */
export interface TopicWords {
  readonly sv: readonly string[];
  readonly en: readonly string[];
}

/**
 * A topic of the committee's documents the assistant answers (goals, risks, decisions, the budget, …).
 * `route` asks each topic in `TOPICS` order, before the cost questions, whether it answers the turn.
 */
export interface Topic {
  /** The topic's id: a key of `TOPIC_WORDS`. */
  readonly id: TopicId;
  /** Whether this topic answers the question. Must be conservative: its own words, not just a name. */
  claims(turn: Turn): boolean;
  answer(turn: Turn): Draft;
}

/** The topics with words of their own (the ids of `TOPIC_WORDS` in topics/words.ts). */
export type TopicId = "whatIf" | "goals" | "risks" | "projects" | "decisions" | "budget" | "outcome";
