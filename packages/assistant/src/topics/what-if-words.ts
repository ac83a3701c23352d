import type { TopicWords } from "./topic.js";

export const WHAT_IF_WORDS: TopicWords = { sv: [], en: [] };
