import { BUNDLED_DATASETS, loadBundledDataset } from "@samverkan/data";
import { closestNames, matchName, type Dataset } from "@samverkan/domain";

/** Exit codes: 0 done, 1 the data is invalid, 2 the command line is wrong. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly today: string;
  /** Where `samverkan chat` reads its questions, a line each (the bin: stdin). */
  readonly input?: NodeJS.ReadableStream;
  /** True on a terminal: `chat` then greets, prompts and edits lines; piped, it only answers. */
  readonly interactive?: boolean;
}

/** One `samverkan` sub-command: its help text and what it does. */
export interface Command {
  readonly name: string;
  /** One line for `samverkan --help`. */
  readonly synopsis: string;
  readonly summary: string;
  /** The full `samverkan <command> --help` text. */
  readonly usage: string;
  readonly run: (args: readonly string[], io: CliIo) => number;
}

/** A command-line mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A name or year the data does not have: printed with the closest valid ones, exit code 2. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

export type Lang = "sv" | "en";

/** Runs `parseArgs` and turns its complaints (unknown option, missing value) into a UsageError. */
export function parseOptions<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/** The value of a required option, or a UsageError naming it. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === "") throw new UsageError(`--${option} saknas.`);
  return value;
}

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim()))
    throw new UsageError(`--year ska vara ett årtal, t.ex. 2023 (fick "${value}").`);
  return Number(value.trim());
}

export function parseChoice<T extends string>(
  value: string | undefined,
  option: string,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    const list = `${choices.slice(0, -1).join(", ")} eller ${choices.at(-1)}`;
    throw new UsageError(`--${option} ska vara ${list} (fick "${value}").`);
  }
  return value as T;
}

/** "Okänd kostnadspost "x". Menade du: E-arkiv?" or, with nothing close, every valid name. */
export function notFound(
  message: string,
  closest: readonly string[],
  all: readonly string[],
  allLabel = "Finns",
): NotFoundError {
  const parts = [`${message}.`];
  if (closest.length > 0) parts.push(`Menade du: ${closest.join(", ")}?`);
  if (closest.length === 0 || all.length <= 3) parts.push(`${allLabel}: ${all.join(", ")}.`);
  return new NotFoundError(parts.join(" "));
}

/** The options `allocate` and `statement` share; each adds its own (`--item`, `--municipality`). */
export const REPORT_OPTIONS = {
  collaboration: { type: "string" },
  year: { type: "string" },
  format: { type: "string" },
  explain: { type: "boolean" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Checks the shared options: the required ones are there, the year is a year, format and lang known. */
export function reportOptions<F extends string>(
  values: { collaboration?: string; year?: string; format?: string; lang?: string; explain?: boolean },
  formats: readonly [F, ...F[]],
) {
  return {
    collaboration: required(values.collaboration, "collaboration"),
    year: parseYear(required(values.year, "year")),
    format: parseChoice(values.format, "format", formats) ?? formats[0],
    lang: parseChoice(values.lang, "lang", ["sv", "en"] as const) ?? "sv",
    explain: values.explain ?? false,
  };
}

/** A bundled dataset by its id, matched ignoring case and å/ä/ö ("Norrbotten", "skånearkiv"). */
export function loadCollaboration(query: string): Dataset {
  const candidates = BUNDLED_DATASETS.map((id) => ({ name: id, spellings: [id] }));
  const id = matchName(query, candidates) as (typeof BUNDLED_DATASETS)[number] | undefined;
  if (!id) {
    throw notFound(`Okänt samverkanskollektiv "${query}"`, closestNames(query, candidates), BUNDLED_DATASETS);
  }
  return loadBundledDataset(id);
}
