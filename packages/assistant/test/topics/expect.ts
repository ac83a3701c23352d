import { expect } from "vitest";
import type { Answer, Lang } from "../../src/index.js";
import { runCases, type AmountCheck } from "../eval/run.js";
import type { EvalCase } from "../support.js";

/** Each answer suggests two to four next questions in its language, and each of them is answered by one of `intents`. */
export function expectFollowUpsAnswered(
  ask: (q: string) => Answer,
  questions: readonly (readonly [string, Lang])[],
  intents: readonly string[],
): void {
  for (const [q, lang] of questions) {
    const a = ask(q);
    expect(a.followUps.length, q).toBeGreaterThanOrEqual(2);
    expect(a.followUps.length, q).toBeLessThanOrEqual(4);
    for (const f of a.followUps) {
      const next = ask(f);
      expect(next.language, f).toBe(lang);
      expect(intents, f).toContain(next.intent);
    }
  }
}

/** A topic's evaluation cases: at least `min`, in both languages, every one answered right. */
export function expectAllRight(
  all: readonly EvalCase[],
  checks: readonly AmountCheck[] = [],
  min = 50,
): void {
  expect(all.length).toBeGreaterThanOrEqual(min);
  expect(all.some((c) => c.lang === "en") && all.some((c) => c.lang === "sv")).toBe(true);
  const wrong = runCases(all, checks)
    .filter((r) => r.problems.length > 0)
    .map((r) => `${JSON.stringify(r.c.q)}: ${r.problems.join("; ")}\n  → ${r.a.intent}: ${r.a.text}`);
  expect(wrong).toEqual([]);
}
