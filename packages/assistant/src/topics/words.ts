import type { TopicId, TopicWords } from "./topic.js";
import { BUDGET_WORDS, OUTCOME_WORDS } from "./budget-words.js";
import { DECISION_WORDS } from "./decisions-words.js";
import { GOAL_WORDS } from "./goals-words.js";
import { PROJECT_WORDS } from "./projects-words.js";
import { RISK_WORDS } from "./risks-words.js";
import { WHAT_IF_WORDS } from "./what-if-words.js";

/** Every topic's signal words, for the parser (no other imports, so parse.ts can read them). */
export const TOPIC_WORDS: Readonly<Record<TopicId, TopicWords>> = {
  whatIf: WHAT_IF_WORDS,
  goals: GOAL_WORDS,
  risks: RISK_WORDS,
  projects: PROJECT_WORDS,
  decisions: DECISION_WORDS,
  budget: BUDGET_WORDS,
  outcome: OUTCOME_WORDS,
};
