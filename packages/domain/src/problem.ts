import type { z } from "zod";

/** One thing wrong with a data file: which file, where inside it, and what, in plain words. */
export interface DataProblem {
  readonly file: string;
  /** A path such as `costItems[3].rule.rounding.unit`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export function formatProblem(p: DataProblem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Joins path segments the way a reader writes them: `costItems[3].rule`, `rows.Luleå`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const key = String(seg);
      out += /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

function describeInput(input: unknown): string {
  if (input === null) return "null";
  if (typeof input === "string") return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "an object";
  return typeof input;
}

/** Turns zod's issues into problems a secretary can act on. */
export function problemsFromZod(file: string, error: z.ZodError): DataProblem[] {
  return error.issues.map((issue): DataProblem => {
    const path = formatPath(issue.path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "unrecognized_keys":
        return {
          file,
          path,
          message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (a typo?)`,
        };
      case "invalid_type":
        if (input === undefined) return { file, path, message: "is missing (required)" };
        return {
          file,
          path,
          message: `${issue.message.startsWith("Invalid input") ? `expected ${issue.expected}` : issue.message} (got ${describeInput(input)})`,
        };
      default: {
        // Custom messages already quote the value they refuse.
        const got =
          issue.code !== "custom" && input !== undefined && typeof input !== "object"
            ? ` (got ${describeInput(input)})`
            : "";
        return { file, path, message: `${issue.message}${got}` };
      }
    }
  });
}

/** Thrown when a dataset cannot be loaded; nothing of it is handed out. */
export class DatasetError extends Error {
  readonly problems: readonly DataProblem[];
  constructor(dataset: string, problems: readonly DataProblem[]) {
    const shown = problems.slice(0, 25).map((p) => `  - ${formatProblem(p)}`);
    const more = problems.length > 25 ? [`  … and ${problems.length - 25} more`] : [];
    super(
      [
        `Could not load dataset "${dataset}": ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
        ...shown,
        ...more,
      ].join("\n"),
    );
    this.name = "DatasetError";
    this.problems = problems;
  }
}
