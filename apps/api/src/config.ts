import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_CONVERSATION_TTL_MINUTES } from "./conversations.js";

/** A token from SAMVERKAN_TOKENS: who holds it (for the audit log), its role, and the secret itself. */
export interface ConfiguredToken {
  readonly name: string;
  readonly role: Role;
  readonly token: string;
}

/** Readers may read when reads are token-protected; secretaries may also write. */
export type Role = "secretary" | "reader";
export const ROLES = ["secretary", "reader"] as const;

export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; when absent, the embedded PGlite database in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Absolute path of the embedded database's folder. */
  readonly dataDir: string;
  readonly tokens: readonly ConfiguredToken[];
  /** `public`: anyone may read; `token`: reads need a reader or secretary token too. */
  readonly readAccess: "public" | "token";
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Largest request body in bytes; larger ones get 413. */
  readonly bodyLimit: number;
  /** How long after its last answer a `/v1/ask` conversation keeps its context. */
  readonly conversationTtlMinutes: number;
}

/** Why the configuration was refused: one line per environment variable, naming it. */
export class ConfigError extends Error {
  readonly problems: readonly { variable: string; message: string }[];
  constructor(problems: readonly { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Tokens shorter than this are refused: they would be guessable. */
export const MIN_TOKEN_LENGTH = 16;

const port = z
  .string()
  .regex(/^\d{1,5}$/, { message: "expected a port number 0–65535" })
  .transform(Number)
  .refine((n) => n <= 65535, { message: "expected a port number 0–65535" });

const positiveInt = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, { message: "expected a whole number of bytes, e.g. 1048576" })
  .transform(Number);

/**
 * `name:role:token` or `role:token` entries separated by commas, e.g.
 * `secretary:3f9c…,kalix-reader:reader:a8e1…`. The name defaults to the role.
 */
const tokens = z.string().transform((raw, ctx): ConfiguredToken[] => {
  const out: ConfiguredToken[] = [];
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const parts = entry.split(":");
    const [name, role, token] = parts.length === 2 ? [parts[0], parts[0], parts[1]] : parts;
    if (parts.length < 2 || parts.length > 3 || !name || !role || !token) {
      ctx.addIssue({
        code: "custom",
        message: `entry ${i + 1} is not "role:token" or "name:role:token"`,
      });
      return;
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: "custom", message: `entry ${i + 1}: role must be "secretary" or "reader"` });
      return;
    }
    if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
      ctx.addIssue({
        code: "custom",
        message: `entry ${i + 1}: a token needs at least ${MIN_TOKEN_LENGTH} characters and no spaces`,
      });
      return;
    }
    if (out.some((t) => t.token === token)) {
      ctx.addIssue({ code: "custom", message: `entry ${i + 1}: the same token is listed twice` });
      return;
    }
    out.push({ name: parts.length === 2 ? role : name, role: role as Role, token });
  });
  return out;
});

/** Every environment variable the API reads, with its default. Documented in the README. */
export const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1, { message: "must not be empty" }).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { message: "expected postgres://user:password@host:5432/database" })
    .optional(),
  SAMVERKAN_DATA_DIR: z.string().min(1, { message: "must not be empty" }).default("./.data"),
  SAMVERKAN_TOKENS: tokens.default([]),
  SAMVERKAN_READ_ACCESS: z
    .enum(["public", "token"], { error: 'expected "public" or "token"' })
    .default("public"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "expected fatal, error, warn, info, debug, trace or silent",
    })
    .default("info"),
  SAMVERKAN_BODY_LIMIT: positiveInt.default(1_048_576),
  CONVERSATION_TTL_MINUTES: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, { message: "expected a whole number of minutes from 1 to 10080" })
    .transform(Number)
    .refine((n) => n <= 10_080, { message: "expected a whole number of minutes from 1 to 10080" })
    .default(DEFAULT_CONVERSATION_TTL_MINUTES),
});

/**
 * Reads and validates the configuration from environment variables. An empty variable counts as unset.
 * Throws a `ConfigError` naming every bad variable; nothing starts on a half-valid configuration.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })),
    );
  }
  const e = result.data;
  if (e.SAMVERKAN_READ_ACCESS === "token" && e.SAMVERKAN_TOKENS.length === 0) {
    throw new ConfigError([
      {
        variable: "SAMVERKAN_TOKENS",
        message: "SAMVERKAN_READ_ACCESS=token needs at least one token, or nobody could read",
      },
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: isAbsolute(e.SAMVERKAN_DATA_DIR) ? e.SAMVERKAN_DATA_DIR : resolve(cwd, e.SAMVERKAN_DATA_DIR),
    tokens: e.SAMVERKAN_TOKENS,
    readAccess: e.SAMVERKAN_READ_ACCESS,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.SAMVERKAN_BODY_LIMIT,
    conversationTtlMinutes: e.CONVERSATION_TTL_MINUTES,
  };
}
