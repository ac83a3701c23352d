import { isStoreError } from "@samverkan/store";
import { HttpProblem } from "./problem.js";

/**
 * A store's refusal as a problem: not_found → 404 (with the closest names), invalid → 400 naming the
 * fields, conflict → 409. Anything else the store throws is a fault, not the client's: undefined here.
 * The store's messages are English; they are given in both languages as they are.
 */
export function storeProblem(error: unknown): HttpProblem | undefined {
  if (!isStoreError(error)) return undefined;
  const text = { sv: error.message, en: error.message };
  switch (error.code) {
    case "not_found":
      return new HttpProblem("unknown-record", text, { suggestions: error.suggestions });
    case "invalid":
      return new HttpProblem("invalid-request", text, {
        errors: error.problems.map((p) => ({
          in: "body" as const,
          field: p.path || "(body)",
          message: { sv: p.message, en: p.message },
        })),
      });
    case "conflict":
      return new HttpProblem("conflict", text);
  }
}
