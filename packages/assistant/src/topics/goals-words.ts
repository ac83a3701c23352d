import type { TopicWords } from "./topic.js";

export const GOAL_WORDS: TopicWords = { sv: [], en: [] };
