import { expect } from "vitest";
import type { Answer, Lang } from "../../src/index.js";
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

/**
 * A topic's evaluation cases: at least `min`, in both languages. Whether each is answered right, and
 * every amount exactly its source's, is checked once for the whole set by test/eval.test.ts.
 */
export function expectEnoughCases(all: readonly EvalCase[], min = 50): void {
  expect(all.length).toBeGreaterThanOrEqual(min);
  expect(all.some((c) => c.lang === "en") && all.some((c) => c.lang === "sv")).toBe(true);
}
