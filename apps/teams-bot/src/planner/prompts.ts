/**
 * The planner's prompt: a folder shipped with the package (`apps/teams-bot/prompts/assistant/`:
 * `skprompt.txt`, `config.json`, `actions.json`), and the variables it reads, which come from the
 * assistant and the datasets so the model learns the questions and names the assistant understands.
 */
import { fileURLToPath } from "node:url";
import { PromptManager } from "@microsoft/teams-ai";
import { examples } from "@samverkan/assistant";
import type { Dataset } from "@samverkan/domain";

/**
 * `prompts/` next to `src/` and `dist/`: this file is `src/planner/prompts.ts` in tests and
 * `dist/planner/prompts.js` at run time, both two levels below the package root.
 */
export const PROMPTS_FOLDER = fileURLToPath(new URL("../../prompts/", import.meta.url));
export const PROMPT_NAME = "assistant";

/** The memory keys `skprompt.txt` reads (`{{$temp.assistantExamples}}`, `{{$temp.assistantNames}}`). */
export const PROMPT_VARIABLES = {
  examples: "temp.assistantExamples",
  names: "temp.assistantNames",
} as const;

export function createPromptManager(folder: string = PROMPTS_FOLDER): PromptManager {
  // The member's message is the only input: no history, so nothing of a conversation is sent along.
  return new PromptManager({ promptsFolder: folder, max_history_messages: 0 });
}

/** Example questions in both languages, one a line, exactly as the assistant's help offers them. */
export function promptExamples(): string {
  return [...examples({ lang: "sv" }), ...examples({ lang: "en" })].map((q) => `- ${q}`).join("\n");
}

/** Each collaboration with its members and cost items, so the model can map everyday words to names. */
export function promptNames(datasets: readonly Dataset[]): string {
  return datasets
    .map((d) => {
      const members = d.collaboration.members.map((m) => m.municipality).join(", ");
      const items = d.costItems.map((x) => `${x.name} (${x.nameEn})`).join(", ");
      return `- ${d.collaboration.name} (${d.collaboration.nameEn}). Members: ${members}. Cost items: ${items}.`;
    })
    .join("\n");
}
