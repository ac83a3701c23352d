import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, INTENTS } from "../src/index.js";
import { datasets, evalProblems, unsupportedAmounts, type EvalCase } from "./support.js";

const read = (name: string): EvalCase[] =>
  JSON.parse(readFileSync(new URL(`./eval/${name}`, import.meta.url), "utf8")) as EvalCase[];
/** Written by hand (varied phrasing, misspellings, relative years, ambiguity, unknowns). */
const handWritten = read("questions.json");
/** Generated from the independent transcription of the tables (test/eval/generate.mjs). */
const generated = read("generated.json");
const cases = [...handWritten, ...generated];

describe("the evaluation set", () => {
  it("has at least 250 questions, at least 100 written by hand, in Swedish and English", () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(handWritten.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.lang === "en").length).toBeGreaterThanOrEqual(50);
    // Every intent the bot relies on is asked about.
    const intents = new Set(cases.map((c) => c.intent));
    for (const i of INTENTS) expect(intents, i).toContain(i);
  });

  it("is answered 100 % correctly, every amount supported by the engine (accuracy printed)", () => {
    const failures: string[] = [];
    for (const c of cases) {
      const a = answer(c.q, { datasets, now: c.now });
      const problems = [...evalProblems(c, a), ...unsupportedAmounts(a)];
      if (problems.length)
        failures.push(
          `${JSON.stringify(c.q)} (now ${c.now}): ${problems.join("; ")}\n    → ${a.intent}: ${a.text}`,
        );
    }
    const right = cases.length - failures.length;
    console.log(
      `assistant evaluation: ${right}/${cases.length} correct = ${((100 * right) / cases.length).toFixed(1)} %`,
    );
    expect(failures).toEqual([]);
  });
});
