/** The optional language-model planner: off unless the environment configures a model. */
export {
  readPlannerConfig,
  describePlannerConfig,
  DEFAULT_AZURE_OPENAI_API_VERSION,
  DEFAULT_OPENAI_MODEL,
  type PlannerConfig,
  type AzureOpenAIConfig,
  type OpenAIConfig,
} from "./config.js";
export {
  createPlanner,
  createPlannerFromEnv,
  DEFAULT_MODEL_TIMEOUT_MS,
  type CreatePlannerOptions,
} from "./planner.js";
export { createPlanning, type Planning, type CreatePlanningOptions } from "./planning.js";
export { shouldAskPlanner } from "./policy.js";
export { ASK_ASSISTANT, LIST_EXAMPLES } from "./actions.js";
export { introducedNumbers } from "./numbers.js";
export { PROMPTS_FOLDER, PROMPT_NAME } from "./prompts.js";
