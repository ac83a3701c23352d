import type { Lang } from "./language.js";

/** One invalid input: where it was (query, path, body, header) and which field, with a message. */
export interface FieldError {
  readonly in: "query" | "path" | "body" | "header";
  /** The field's name or JSON pointer-like path inside the body: `year`, `present`, `lines/0/amount`. */
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem details object as this API sends it (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly FieldError[];
  readonly suggestions?: readonly string[];
  readonly [extension: string]: unknown;
}

type Localized = Readonly<Record<Lang, string>>;

/** Every kind of problem the API reports: its status and title in both languages. */
export const PROBLEM_KINDS = {
  "invalid-request": { status: 400, title: { sv: "Ogiltig begäran", en: "Invalid request" } },
  "malformed-body": { status: 400, title: { sv: "Felaktig JSON i begäran", en: "Malformed JSON body" } },
  unauthorized: { status: 401, title: { sv: "Inloggning krävs", en: "Authentication required" } },
  forbidden: { status: 403, title: { sv: "Behörighet saknas", en: "Not allowed" } },
  "not-found": { status: 404, title: { sv: "Hittades inte", en: "Not found" } },
  "unknown-collaboration": {
    status: 404,
    title: { sv: "Okänd samverkan", en: "Unknown collaboration" },
  },
  "unknown-municipality": { status: 404, title: { sv: "Okänd kommun", en: "Unknown municipality" } },
  "unknown-cost-item": { status: 404, title: { sv: "Okänd kostnadspost", en: "Unknown cost item" } },
  "unknown-report": { status: 404, title: { sv: "Okänd rapport", en: "Unknown report" } },
  "unknown-record": { status: 404, title: { sv: "Finns inte", en: "Does not exist" } },
  "no-data": { status: 404, title: { sv: "Uppgifter saknas", en: "No data" } },
  "method-not-allowed": {
    status: 405,
    title: { sv: "Metoden stöds inte", en: "Method not allowed" },
  },
  "not-acceptable": { status: 406, title: { sv: "Formatet stöds inte", en: "Format not supported" } },
  conflict: { status: 409, title: { sv: "Konflikt", en: "Conflict" } },
  "uri-too-long": { status: 414, title: { sv: "Adressen är för lång", en: "URI too long" } },
  "body-too-large": {
    status: 413,
    title: { sv: "Begäran är för stor", en: "Request body too large" },
  },
  "unsupported-media-type": {
    status: 415,
    title: { sv: "Innehållstypen stöds inte", en: "Unsupported media type" },
  },
  "database-unavailable": {
    status: 503,
    title: { sv: "Databasen kan inte nås", en: "Database unavailable" },
  },
  "internal-error": { status: 500, title: { sv: "Internt fel", en: "Internal error" } },
} as const satisfies Record<string, { status: number; title: Localized }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** Problem types are URNs: stable identifiers the README lists; nothing to dereference. */
export function problemType(kind: ProblemKind): string {
  return `urn:samverkan:problem:${kind}`;
}

/**
 * Thrown by route handlers for a problem a client can act on. The error handler turns it into
 * problem+json in the language the client asked for; `detail` is given in both languages.
 */
export class HttpProblem extends Error {
  readonly kind: ProblemKind;
  readonly detailText: Localized;
  readonly errors: readonly { in: FieldError["in"]; field: string; message: Localized }[] | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    kind: ProblemKind,
    detail: Localized,
    options: {
      errors?: readonly { in: FieldError["in"]; field: string; message: Localized }[];
      suggestions?: readonly string[];
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail.en);
    this.name = "HttpProblem";
    this.kind = kind;
    this.detailText = detail;
    this.errors = options.errors;
    this.extensions = {
      ...(options.suggestions ? { suggestions: options.suggestions } : {}),
      ...options.extensions,
    };
  }

  get status(): number {
    return PROBLEM_KINDS[this.kind].status;
  }

  toProblem(lang: Lang, instance: string): ProblemDetails {
    return problemDetails(this.kind, this.detailText[lang], instance, lang, {
      ...(this.errors
        ? { errors: this.errors.map((e) => ({ in: e.in, field: e.field, message: e.message[lang] })) }
        : {}),
      ...this.extensions,
    });
  }
}

export function problemDetails(
  kind: ProblemKind,
  detail: string,
  instance: string,
  lang: Lang,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  const { status, title } = PROBLEM_KINDS[kind];
  return { type: problemType(kind), title: title[lang], status, detail, instance, ...extensions };
}

/** A field-level 400: the field, where it was, and what is wrong with it. */
export function invalidField(where: FieldError["in"], field: string, message: Localized): HttpProblem {
  return new HttpProblem(
    "invalid-request",
    { sv: `Ogiltigt värde för ${field}: ${message.sv}`, en: `Invalid value for ${field}: ${message.en}` },
    { errors: [{ in: where, field, message }] },
  );
}
