/**
 * What the model may do: call the deterministic assistant, nothing else. Each action picks one of
 * the assistant's own answers for the turn and stops the plan, so there is exactly one model request
 * per question and the reply the member gets is always an `Answer` of `@samverkan/assistant`. The
 * model's own text (a SAY command) is dropped: numbers come from the engine, never from the model.
 */
import { AI, type TurnState } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { Answer } from "@samverkan/assistant";
import { introducedNumbers } from "./numbers.js";

export const ASK_ASSISTANT = "ask_assistant";
export const LIST_EXAMPLES = "list_examples";

/** A rephrased question longer than this is not a question the assistant reads any better. */
export const MAX_REPHRASED_LENGTH = 500;

/** One member's question while the model works on it. */
export interface PlannerTurn {
  /** What the member asked (mention removed). */
  readonly question: string;
  /** The assistant's answer to it, an `unknown`: what the member gets unless an action picks another. */
  readonly deterministic: Answer;
  /** The assistant's answer an action picked. */
  chosen?: Answer;
}

export interface AssistantActionsOptions {
  readonly ask: (question: string) => Promise<Answer>;
  readonly turnOf: (context: TurnContext) => PlannerTurn | undefined;
  readonly logError: (message: string, error: unknown) => void;
}

export function registerAssistantActions(ai: AI<TurnState>, options: AssistantActionsOptions): void {
  const { ask, turnOf, logError } = options;

  ai.action<Record<string, unknown>>(ASK_ASSISTANT, async (context, _state, parameters) => {
    const turn = turnOf(context);
    if (!turn) return AI.StopCommandName;
    const question = rephrasedQuestion(parameters);
    if (question === undefined) {
      logError("teams-bot: the language model called ask_assistant without a usable question", parameters);
      return AI.StopCommandName;
    }
    const added = introducedNumbers(turn.question, question);
    if (added.length > 0) {
      logError(
        "teams-bot: the language model's question was not used",
        new Error(`it adds numbers the member did not write: ${added.join(", ")}`),
      );
      return AI.StopCommandName;
    }
    turn.chosen = await ask(question);
    return AI.StopCommandName;
  });

  ai.action(LIST_EXAMPLES, async (context) => {
    const turn = turnOf(context);
    // The language is the one the assistant read in the member's question, not the model's guess.
    if (turn) turn.chosen = await ask(turn.deterministic.language === "en" ? "help" : "hjälp");
    return AI.StopCommandName;
  });

  // The model answered in its own words: never shown. The member gets the assistant's answer.
  ai.action(AI.SayCommandActionName, async () => AI.StopCommandName);
  ai.action(AI.UnknownActionName, async (_context, _state, _plan, action) => {
    logError("teams-bot: the language model asked for an action that does not exist", action);
    return AI.StopCommandName;
  });
  ai.action(AI.FlaggedInputActionName, async () => AI.StopCommandName);
  ai.action(AI.FlaggedOutputActionName, async () => AI.StopCommandName);
  // teams-ai's defaults throw here, which would turn into the apology; the deterministic answer is better.
  ai.action(AI.HttpErrorActionName, async (_context, _state, error) => {
    logError("teams-bot: the language model failed; answering without it", error);
    return AI.StopCommandName;
  });
  ai.action(AI.TooManyStepsActionName, async (_context, _state, data) => {
    logError("teams-bot: the language model took too long; answering without it", data);
    return AI.StopCommandName;
  });
}

function rephrasedQuestion(parameters: unknown): string | undefined {
  if (!parameters || typeof parameters !== "object") return undefined;
  const question = (parameters as { question?: unknown }).question;
  if (typeof question !== "string") return undefined;
  const trimmed = question.replace(/\s+/g, " ").trim();
  return trimmed === "" || trimmed.length > MAX_REPHRASED_LENGTH ? undefined : trimmed;
}
