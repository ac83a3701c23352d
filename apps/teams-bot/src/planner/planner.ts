/**
 * Builds the teams-ai `ActionPlanner`: an `OpenAIModel` (Azure OpenAI or OpenAI-compatible) and the
 * shipped prompt, whose only tools are the assistant's actions (see `actions.ts`).
 */
import { ActionPlanner, OpenAIModel, type BaseOpenAIModelOptions, type TurnState } from "@microsoft/teams-ai";
import { readPlannerConfig, type PlannerConfig } from "./config.js";
import { createPromptManager, PROMPT_NAME, PROMPTS_FOLDER } from "./prompts.js";

export interface CreatePlannerOptions {
  /**
   * How long one model request may take. The member waits for it, and Teams gives a turn about 15 s,
   * so a slow model must give way to the deterministic answer well before that.
   */
  readonly timeoutMs?: number;
  /** Retries of a failed request; none by default for the same reason. */
  readonly maxRetries?: number;
  /** The prompt folder; the one shipped with the package by default. */
  readonly promptsFolder?: string;
  /** The HTTP client's `fetch` (a proxy, or a test that answers for the model); the client's own by default. */
  readonly fetch?: NonNullable<BaseOpenAIModelOptions["clientOptions"]>["fetch"];
}

export const DEFAULT_MODEL_TIMEOUT_MS = 10_000;

export function createPlanner(
  config: PlannerConfig,
  options: CreatePlannerOptions = {},
): ActionPlanner<TurnState> {
  return new ActionPlanner<TurnState>({
    model: createModel(config, options),
    prompts: createPromptManager(options.promptsFolder ?? PROMPTS_FOLDER),
    defaultPrompt: PROMPT_NAME,
    // The tools augmentation accepts any response, so there is nothing to repair; never ask twice.
    max_repair_attempts: 0,
  });
}

/** The planner the environment asks for, or `undefined` (no model, fully offline) when it asks for none. */
export function createPlannerFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: CreatePlannerOptions = {},
): ActionPlanner<TurnState> | undefined {
  const config = readPlannerConfig(env);
  return config ? createPlanner(config, options) : undefined;
}

function createModel(config: PlannerConfig, options: CreatePlannerOptions): OpenAIModel {
  const common = {
    // In the client's options: teams-ai 1.7.4 does not pass its own `maxRetries` on to the client.
    clientOptions: {
      timeout: options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? 0,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
    // The instructions go as a system message, so the member's text cannot pass itself off as them.
    useSystemMessages: true,
    // Same question, same rephrasing, as far as the service allows.
    seed: 0,
  };
  return config.provider === "azure-openai"
    ? new OpenAIModel({
        ...common,
        azureApiKey: config.apiKey,
        azureEndpoint: config.endpoint,
        azureDefaultDeployment: config.deployment,
        azureApiVersion: config.apiVersion,
      })
    : new OpenAIModel({
        ...common,
        apiKey: config.apiKey,
        defaultModel: config.model,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      });
}
