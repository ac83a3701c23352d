import type { TopicWords } from "./topic.js";

export const BUDGET_WORDS: TopicWords = { sv: [], en: [] };
export const OUTCOME_WORDS: TopicWords = { sv: [], en: [] };
