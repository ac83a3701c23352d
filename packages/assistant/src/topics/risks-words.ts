import type { TopicWords } from "./topic.js";

export const RISK_WORDS: TopicWords = { sv: [], en: [] };
