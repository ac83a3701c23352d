import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INTENTS } from "../src/index.js";
import {
  accuracyByTopic,
  accuracyTable,
  allCases,
  handWritten,
  runCases,
  type AmountCheck,
  type CaseResult,
} from "./eval/run.js";
import { scenarioProblems } from "./eval/check-scenarios.js";
import { statementLineProblems } from "./eval/check-statement-lines.js";

/** Every topic of the documents, each with at least 40 questions and at least 98 % right. */
const TOPICS = [
  "cost",
  "members",
  "meetings",
  "annual-cycle",
  "attendance",
  "skanearkiv",
  "goals",
  "risks",
  "projects",
  "decisions",
  "budget",
  "outcome",
  "what-if",
  "follow-ups",
  "conversation",
];

const README = new URL("../README.md", import.meta.url);
const START = "<!-- accuracy-table:start -->";
const END = "<!-- accuracy-table:end -->";

/** The wrong-number checks beyond the engine's: printed statement cells and computed scenarios. */
const CHECKS: AmountCheck[] = [statementLineProblems, scenarioProblems];

const cases = await allCases();
const results: CaseResult[] = runCases(cases, CHECKS);
const rows = accuracyByTopic(results);

describe("the evaluation set", () => {
  it("covers every intent, and every topic with at least 40 questions in Swedish and English", () => {
    const intents = new Set(cases.map((c) => c.intent));
    for (const i of INTENTS) expect(intents, i).toContain(i);
    expect(handWritten.length).toBeGreaterThanOrEqual(100);
    for (const topic of TOPICS) {
      const row = rows.find((r) => r.topic === topic);
      expect(row?.total ?? 0, topic).toBeGreaterThanOrEqual(40);
      expect(row?.en ?? 0, `${topic} in English`).toBeGreaterThan(0);
      expect(row?.sv ?? 0, `${topic} in Swedish`).toBeGreaterThan(0);
    }
  });

  it("is answered right in every topic (≥ 98 %), every amount exactly what its source gives", () => {
    const failures = results
      .filter((r) => r.problems.length > 0)
      .map(
        ({ c, a, problems }) =>
          `[${c.topic}] ${JSON.stringify(c.q)}${c.previous?.length ? ` after ${JSON.stringify(c.previous)}` : ""} (now ${c.now}): ${problems.join("; ")}\n    → ${a.intent}: ${a.text}`,
      );
    console.log(`assistant evaluation by topic:\n${accuracyTable(rows)}`);
    if (failures.length) console.log(`failures:\n${failures.join("\n")}`);
    for (const r of rows)
      expect(r.right / r.total, `${r.topic}: ${r.right}/${r.total}`).toBeGreaterThanOrEqual(0.98);
    // The wrong-number test: no answer anywhere in the set carries an amount its source does not give.
    const wrongNumbers = results.flatMap((r) => r.wrongNumbers.map((p) => `${JSON.stringify(r.c.q)}: ${p}`));
    expect(wrongNumbers).toEqual([]);
  });

  it("has its accuracy table in README.md as it stands (UPDATE_README=1 rewrites it)", () => {
    const readme = readFileSync(README, "utf8");
    const table = `${START}\n${accuracyTable(rows)}\n${END}`;
    const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    if (process.env.UPDATE_README === "1" && current !== table) {
      writeFileSync(README, readme.replace(current, table));
      return;
    }
    expect(current).toBe(table);
  });
});
