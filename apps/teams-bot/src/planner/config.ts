/**
 * The optional language model's settings, read from the environment. No settings is the default and
 * means no model at all: the bot stays deterministic and offline. A half-set group is a mistake the
 * operator should hear about at start-up, so it throws and names the variable that is missing.
 */

/** Azure OpenAI: a deployment of a chat model in the operator's own Azure resource. */
export interface AzureOpenAIConfig {
  readonly provider: "azure-openai";
  readonly apiKey: string;
  /** `https://<resource>.openai.azure.com` (teams-ai's OpenAIModel accepts HTTPS only for Azure). */
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion: string;
}

/** OpenAI, or any server that speaks its chat-completions API with tools (`OPENAI_ENDPOINT`). */
export interface OpenAIConfig {
  readonly provider: "openai";
  readonly apiKey: string;
  readonly model: string;
  /** Base URL up to and including `/v1`; absent means api.openai.com. */
  readonly endpoint?: string;
}

export type PlannerConfig = AzureOpenAIConfig | OpenAIConfig;

/** The first Azure OpenAI API version that has both tools and `tool_choice: "required"` as GA. */
export const DEFAULT_AZURE_OPENAI_API_VERSION = "2024-10-21";
/** Small and cheap: the model only rephrases a question, it never computes. */
export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

const AZURE_VARIABLES = [
  "AZURE_OPENAI_API_KEY",
  "AZURE_OPENAI_ENDPOINT",
  "AZURE_OPENAI_DEPLOYMENT",
  "AZURE_OPENAI_API_VERSION",
] as const;
const OPENAI_VARIABLES = ["OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_ENDPOINT"] as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The language-model settings in `env`, or `undefined` when there are none (the default: no model).
 * Throws an `Error` naming the variable when a group is incomplete or a value is unusable, and when
 * both Azure OpenAI and OpenAI are configured (which one would answer should never be a guess).
 */
export function readPlannerConfig(env: Env): PlannerConfig | undefined {
  const azureSet = AZURE_VARIABLES.filter((name) => value(env, name) !== undefined);
  const openaiSet = OPENAI_VARIABLES.filter((name) => value(env, name) !== undefined);
  if (azureSet.length > 0 && openaiSet.length > 0) {
    throw new Error(
      `Both Azure OpenAI (${azureSet.join(", ")}) and OpenAI (${openaiSet.join(", ")}) settings are set; ` +
        "set only one of them",
    );
  }
  if (azureSet.length > 0) {
    const endpoint = required(env, "AZURE_OPENAI_ENDPOINT", azureSet);
    return {
      provider: "azure-openai",
      apiKey: required(env, "AZURE_OPENAI_API_KEY", azureSet),
      endpoint: checkedEndpoint("AZURE_OPENAI_ENDPOINT", endpoint, { httpsOnly: true }),
      deployment: required(env, "AZURE_OPENAI_DEPLOYMENT", azureSet),
      apiVersion: value(env, "AZURE_OPENAI_API_VERSION") ?? DEFAULT_AZURE_OPENAI_API_VERSION,
    };
  }
  if (openaiSet.length > 0) {
    const endpoint = value(env, "OPENAI_ENDPOINT");
    return {
      provider: "openai",
      apiKey: required(env, "OPENAI_API_KEY", openaiSet),
      model: value(env, "OPENAI_MODEL") ?? DEFAULT_OPENAI_MODEL,
      ...(endpoint ? { endpoint: checkedEndpoint("OPENAI_ENDPOINT", endpoint, { httpsOnly: false }) } : {}),
    };
  }
  return undefined;
}

/** One line for the start-up log: which model, where. Never the key. */
export function describePlannerConfig(config: PlannerConfig): string {
  return config.provider === "azure-openai"
    ? `Azure OpenAI deployment "${config.deployment}" at ${config.endpoint} (API ${config.apiVersion})`
    : `OpenAI model "${config.model}" at ${config.endpoint ?? "https://api.openai.com/v1"}`;
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === "" ? undefined : raw.trim();
}

function required(env: Env, name: string, present: readonly string[]): string {
  const found = value(env, name);
  if (found === undefined) {
    throw new Error(`${present.join(", ")} ${present.length === 1 ? "is" : "are"} set but ${name} is not`);
  }
  return found;
}

/**
 * An endpoint the API key may be sent to: HTTPS, or plain HTTP only to this machine (a local
 * OpenAI-compatible server), since the key would otherwise cross the network in clear text.
 */
function checkedEndpoint(name: string, endpoint: string, { httpsOnly }: { httpsOnly: boolean }): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`${name} must be a URL, not "${endpoint}"`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol === "https:" || (!httpsOnly && url.protocol === "http:" && loopback)) {
    return endpoint.replace(/\/+$/, "");
  }
  throw new Error(
    httpsOnly
      ? `${name} must be an https:// URL, not "${endpoint}"`
      : `${name} must be an https:// URL (http:// only for 127.0.0.1 or localhost), not "${endpoint}"`,
  );
}
