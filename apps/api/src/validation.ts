import type { FastifySchemaValidationError } from "fastify";
import type { Lang } from "./language.js";
import type { FieldError } from "./problem.js";

type Localized = Readonly<Record<Lang, string>>;

/**
 * A message for a schema's own refinement in both languages. zod carries one string per issue, so
 * the two are packed as JSON and unpacked by `describeIssue`.
 */
export function bilingual(sv: string, en: string): string {
  return JSON.stringify({ sv, en });
}

function unpack(message: string | undefined): Localized | undefined {
  if (!message?.startsWith('{"sv"')) return undefined;
  try {
    const parsed = JSON.parse(message) as Partial<Localized>;
    return typeof parsed.sv === "string" && typeof parsed.en === "string"
      ? { sv: parsed.sv, en: parsed.en }
      : undefined;
  } catch {
    return undefined;
  }
}

const TYPE_WORDS: Record<string, Localized> = {
  number: { sv: "ett tal", en: "a number" },
  int: { sv: "ett heltal", en: "a whole number" },
  string: { sv: "en text", en: "a string" },
  boolean: { sv: "true eller false", en: "true or false" },
  object: { sv: "ett objekt", en: "an object" },
  array: { sv: "en lista", en: "a list" },
};

function typeWord(expected: unknown): Localized {
  return TYPE_WORDS[String(expected)] ?? { sv: String(expected), en: String(expected) };
}

/** zod's issue (as fastify-type-provider-zod hands it on) in words, in both languages. */
export function describeIssue(issue: FastifySchemaValidationError): Localized {
  const own = unpack(issue.message);
  if (own) return own;
  const p = issue.params as Record<string, unknown>;
  switch (issue.keyword) {
    case "invalid_type":
      if (!("input" in p) || p.input === undefined)
        return { sv: "saknas (krävs)", en: "is missing (required)" };
      return {
        sv: `ska vara ${typeWord(p.expected).sv}`,
        en: `must be ${typeWord(p.expected).en}`,
      };
    case "too_small":
      return p.origin === "string" || p.origin === "array"
        ? { sv: `är för kort (minst ${p.minimum})`, en: `is too short (at least ${p.minimum})` }
        : { sv: `ska vara minst ${p.minimum}`, en: `must be at least ${p.minimum}` };
    case "too_big":
      return p.origin === "string" || p.origin === "array"
        ? { sv: `är för långt (högst ${p.maximum})`, en: `is too long (at most ${p.maximum})` }
        : { sv: `ska vara högst ${p.maximum}`, en: `must be at most ${p.maximum}` };
    case "invalid_value": {
      const values = Array.isArray(p.values) ? p.values.map((v) => JSON.stringify(v)).join(", ") : "";
      return { sv: `ska vara ett av ${values}`, en: `must be one of ${values}` };
    }
    case "invalid_format":
      return { sv: `har fel format (${String(p.format)})`, en: `has the wrong format (${String(p.format)})` };
    case "unrecognized_keys": {
      const keys = Array.isArray(p.keys) ? p.keys.map((k) => `"${String(k)}"`).join(", ") : "";
      return { sv: `okänt fält ${keys}`, en: `unknown field ${keys}` };
    }
    case "invalid_union":
      return { sv: "passar inte någon av de tillåtna formerna", en: "matches none of the allowed shapes" };
    default:
      return {
        sv: `är ogiltigt (${issue.message ?? issue.keyword})`,
        en: `is invalid (${issue.message ?? issue.keyword})`,
      };
  }
}

const MISSING: Localized = { sv: "saknas (krävs)", en: "is missing (required)" };

/** The value at a `a/0/b` path of the input as sent (zod's issues do not carry it). */
function valueAt(input: unknown, path: string): unknown {
  let value = input;
  for (const key of path ? path.split("/") : []) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const WHERE: Record<string, FieldError["in"]> = {
  querystring: "query",
  params: "path",
  body: "body",
  headers: "header",
};

/** A fastify validation error's issues as field errors (`{ in: "query", field: "year", … }`). */
export function fieldErrors(
  issues: readonly FastifySchemaValidationError[],
  context: string | undefined,
  input: unknown,
): { in: FieldError["in"]; field: string; message: Localized }[] {
  const where = WHERE[context ?? "body"] ?? "body";
  const seen = new Set<string>();
  const all = issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, "");
    const p = issue.params as Record<string, unknown>;
    // An unknown key is reported on its parent; name the key itself.
    const keys = issue.keyword === "unrecognized_keys" && Array.isArray(p.keys) ? p.keys.map(String) : [];
    const field = keys.length === 1 ? (path ? `${path}/${keys[0]}` : String(keys[0])) : path || "(body)";
    if (!path && issue.keyword === "invalid_type" && valueAt(input, path) !== undefined)
      return { in: where, field, message: { sv: "ska vara ett JSON-objekt", en: "must be a JSON object" } };
    const missing = issue.keyword === "invalid_type" && valueAt(input, path) === undefined;
    return { in: where, field, message: missing ? MISSING : describeIssue(issue) };
  });
  // One message a field: "99999999999999999999" is not a whole year and too large, but one fix serves both.
  return all.filter((e) => !seen.has(e.field) && seen.add(e.field));
}
