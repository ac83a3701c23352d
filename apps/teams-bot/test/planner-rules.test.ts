import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { answer, INTENTS } from "@samverkan/assistant";
import { loadBundledDataset } from "@samverkan/data";
import {
  ASK_ASSISTANT,
  introducedNumbers,
  LIST_EXAMPLES,
  PROMPT_NAME,
  shouldAskPlanner,
} from "../src/planner/index.js";
import { numbersIn } from "../src/planner/numbers.js";
import { createPromptManager, PROMPTS_FOLDER, promptExamples, promptNames } from "../src/planner/prompts.js";

const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];

describe("shouldAskPlanner: the assistant first, the model only for what it did not understand", () => {
  const intents = INTENTS;

  it("asks the model only for an unknown answer, and only when a planner is configured", () => {
    for (const intent of intents) {
      expect(shouldAskPlanner({ intent }, true)).toBe(intent === "unknown");
      expect(shouldAskPlanner({ intent }, false)).toBe(false);
    }
  });

  it("keeps understood questions (and clarifying questions) away from the model", () => {
    const ask = (q: string) => answer(q, { datasets, now: "2022-09-01" });
    expect(shouldAskPlanner(ask("Vad betalar Kalix för e-arkiv 2023?"), true)).toBe(false);
    expect(shouldAskPlanner(ask("Vad betalar Över för e-arkiv 2023?"), true)).toBe(false);
    expect(shouldAskPlanner(ask("hjälp"), true)).toBe(false);
    expect(shouldAskPlanner(ask("Berätta något kul"), true)).toBe(true);
  });
});

describe("introducedNumbers: the model may not put a number into the question", () => {
  it("reads numbers with or without thousands separators", () => {
    expect(numbersIn("Varför betalar Kalix 21 000 kr 2023?")).toEqual(["21000", "2023"]);
    expect(numbersIn("1 250 000 kr, 2022 2023, 1,25 kr")).toEqual(["1250000", "2022", "2023", "1", "25"]);
    expect(numbersIn("inga siffror")).toEqual([]);
  });

  it("accepts the member's own numbers, however grouped, and no numbers at all", () => {
    expect(introducedNumbers("Kalix långtidslagring 2023", "Vad betalar Kalix för e-arkiv 2023?")).toEqual(
      [],
    );
    expect(introducedNumbers("varför 21000 kr för Kalix", "Varför betalar Kalix 21 000 kr?")).toEqual([]);
    expect(introducedNumbers("Kalix arkiv i fjol", "Vad betalar Kalix för e-arkiv förra året?")).toEqual([]);
  });

  it("names every number the member did not write", () => {
    expect(introducedNumbers("Kalix långtidslagring", "Vad betalar Kalix för e-arkiv 2024?")).toEqual([
      "2024",
    ]);
    expect(introducedNumbers("Kalix 2023", "Varför betalar Kalix 99 999 kr 2023?")).toEqual(["99999"]);
  });
});

describe("the prompt shipped with the package", () => {
  it("is found next to src/ (and dist/) and loads with its two actions as tools", async () => {
    expect(PROMPTS_FOLDER).toBe(fileURLToPath(new URL("../prompts/", import.meta.url)));
    const template = await createPromptManager().getPrompt(PROMPT_NAME);
    expect(template.actions?.map((action) => action.name)).toEqual([ASK_ASSISTANT, LIST_EXAMPLES]);
    expect(template.config.augmentation?.augmentation_type).toBe("tools");
    // The member's message only; nothing of the conversation goes to the model.
    expect(template.config.completion.include_history).toBe(false);
    expect(template.config.completion.tool_choice).toBe("required");
  });

  it("is found from the built dist/ at run time", async () => {
    const built = fileURLToPath(new URL("../dist/planner/prompts.js", import.meta.url));
    expect(existsSync(built), "build first: npm run build -w @samverkan/teams-bot").toBe(true);
    const script =
      `const { createPromptManager, PROMPT_NAME } = await import(${JSON.stringify(built)});` +
      "const t = await createPromptManager().getPrompt(PROMPT_NAME);" +
      "console.log(JSON.stringify(t.actions.map((a) => a.name)));";
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
    expect(JSON.parse(stdout)).toEqual([ASK_ASSISTANT, LIST_EXAMPLES]);
  });

  it("lists the assistant's examples and the data's names", () => {
    expect(promptExamples()).toContain("- Vad betalar Kalix för e-arkiv 2023?");
    expect(promptExamples()).toContain("- What does Kalix pay for the e-archive in 2023?");
    expect(promptExamples()).toContain("- Vad händer om Kalix lämnar e-arkivet 2023?");
    const names = promptNames(datasets);
    expect(names).toContain("Norrbottens e-nämnd (The Norrbotten e-committee). Members: Arjeplog,");
    expect(names).toContain("E-arkiv (E-archive)");
    expect(names).toContain("SkånEarkiv");
    expect(names).toContain("Ängelholm");
  });
});
