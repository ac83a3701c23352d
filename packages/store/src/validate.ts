import { formatPath } from "@samverkan/domain";
import type { z } from "zod";
import { StoreError } from "./errors.js";

/**
 * Parses a write's input with its zod schema, or throws `StoreError("invalid")` naming every
 * field that is wrong (`amount: "12,5" is not an amount …`), so nothing half-valid is written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const text = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ");
  throw new StoreError("invalid", `Invalid ${what}: ${text}`, { problems });
}
