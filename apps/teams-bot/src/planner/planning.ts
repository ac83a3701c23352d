/**
 * Runs the planner for one question the assistant did not understand, and returns the assistant's
 * answer an action picked — or `undefined`, and the caller sends the deterministic answer. Never
 * throws: a failing, slow or misbehaving model costs the member nothing but the model's help.
 */
import { AI, type Planner, type TurnState } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { Answer } from "@samverkan/assistant";
import type { Dataset } from "@samverkan/domain";
import { registerAssistantActions, type PlannerTurn } from "./actions.js";
import { PROMPT_VARIABLES, promptExamples, promptNames } from "./prompts.js";

export interface Planning {
  answer(
    context: TurnContext,
    state: TurnState,
    question: string,
    deterministic: Answer,
  ): Promise<Answer | undefined>;
}

export interface CreatePlanningOptions {
  /** Usually `createPlanner(config)`; any teams-ai planner whose plans use the assistant's actions. */
  readonly planner: Planner<TurnState>;
  /** The bot's own `answer(question, { datasets, now })`. */
  readonly ask: (question: string) => Promise<Answer>;
  /** The datasets the bot answers from, for the names the prompt lists. */
  readonly datasets: () => Promise<readonly Dataset[]>;
  readonly logError: (message: string, error: unknown) => void;
}

export function createPlanning(options: CreatePlanningOptions): Planning {
  const { planner, ask, datasets, logError } = options;
  // Every action stops the plan; no looping means the model's output is never fed back to it.
  const ai = new AI<TurnState>({ planner, allow_looping: false });
  const turns = new WeakMap<TurnContext, PlannerTurn>();
  registerAssistantActions(ai, { ask, turnOf: (context) => turns.get(context), logError });

  return {
    async answer(context, state, question, deterministic) {
      const turn: PlannerTurn = { question, deterministic };
      turns.set(context, turn);
      try {
        state.temp.input = question;
        state.setValue(PROMPT_VARIABLES.examples, promptExamples());
        state.setValue(PROMPT_VARIABLES.names, promptNames(await datasets()));
        await ai.run(context, state);
      } catch (error) {
        logError("teams-bot: the language model planner failed; answering without it", error);
        return undefined;
      } finally {
        turns.delete(context);
      }
      return turn.chosen;
    },
  };
}
