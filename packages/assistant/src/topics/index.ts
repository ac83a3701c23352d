import type { Topic } from "./topic.js";
import { budgetTopic, outcomeTopic } from "./budget.js";
import { decisionsTopic } from "./decisions.js";
import { goalsTopic } from "./goals.js";
import { projectsTopic } from "./projects.js";
import { risksTopic } from "./risks.js";
import { whatIfTopic } from "./what-if.js";

/**
 * The topics `route` asks, in this order, before the cost questions. A hypothetical comes first: "vad
 * händer om Kalix lämnar e-arkivet?" names a municipality and an item, and must never be answered as
 * "what does Kalix pay for the e-archive".
 */
export const TOPICS: readonly Topic[] = [
  whatIfTopic,
  decisionsTopic,
  goalsTopic,
  risksTopic,
  projectsTopic,
  outcomeTopic,
  budgetTopic,
];

export type { Topic, TopicId, TopicWords } from "./topic.js";
