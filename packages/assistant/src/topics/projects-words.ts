import type { TopicWords } from "./topic.js";

export const PROJECT_WORDS: TopicWords = { sv: [], en: [] };
