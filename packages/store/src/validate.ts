import { formatPath } from "@samverkan/domain";
import type { z } from "zod";
import { StoreError } from "./errors.js";

/**
 * Parses a write's input with its zod schema, or throws `StoreError("invalid")` naming every
 * field that is wrong (`amount: "12,5" is not an amount …`), so nothing half-valid is written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const nul = nulPath(input, []);
  if (nul) {
    const path = formatPath(nul);
    const message = "may not contain the NUL character (U+0000)";
    throw new StoreError("invalid", `Invalid ${what}: ${path ? `${path}: ` : ""}${message}`, {
      problems: [{ path, message }],
    });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const text = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ");
  throw new StoreError("invalid", `Invalid ${what}: ${text}`, { problems });
}

/**
 * Where the input holds a string with U+0000, or undefined. PostgreSQL cannot store it in text or
 * jsonb, and no name, decision or note has one; it is refused here with its field, before any write.
 */
function nulPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}
