import type { TopicWords } from "./topic.js";

export const DECISION_WORDS: TopicWords = { sv: [], en: [] };
