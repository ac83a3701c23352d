// Types for app-package.mjs (plain Node ESM, so it runs without a build step), for the tests.

export declare const PROJECT_DIR: string;
export declare const PLACEHOLDER_IDS: Readonly<{ TEAMS_APP_ID: string; BOT_ID: string }>;

export interface BuildOptions {
  /** The app's folder, holding appPackage/ and env/ (default: apps/teams-bot). */
  projectDir?: string;
  /** Environment name: env/.env.<env> (default "dev"). */
  env?: string;
  /** Overrides the env files (default process.env). */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Fixed stand-in GUIDs for an unset TEAMS_APP_ID / BOT_ID. */
  allowPlaceholders?: boolean;
  /** Where the zip and the resolved manifest go (default <projectDir>/appPackage/build). */
  outDir?: string;
}

export type BuildResult =
  | {
      ok: true;
      env: string;
      zipPath: string;
      manifestPath: string;
      manifest: Record<string, unknown>;
      /** The zip's entries, manifest.json first. */
      files: string[];
      warnings: string[];
    }
  | { ok: false; env: string; problems: string[]; warnings: string[] };

/**
 * SAMVERKAN_API_URL without a trailing slash and, unless set, SAMVERKAN_API_DOMAIN (its host) for
 * validDomains; changes `values` in place and returns the problems.
 */
export declare function deriveApiValues(values: Record<string, string | undefined>): string[];

export declare function buildAppPackage(options?: BuildOptions): BuildResult;

export declare function main(
  argv: readonly string[],
  options?: Omit<BuildOptions, "env" | "allowPlaceholders"> & {
    stdout?: (line: string) => void;
    stderr?: (line: string) => void;
  },
): number;

export declare function parseEnvFile(
  text: string,
  label: string,
): { values: Record<string, string>; problems: string[] };

export declare function listEnvironments(projectDir?: string): string[];

export declare function readEnvironment(
  env: string,
  options?: { projectDir?: string; environment?: Readonly<Record<string, string | undefined>> },
): { values: Record<string, string>; sources: Record<string, string>; problems: string[]; missing: boolean };

export declare function substitute<T>(
  document: T,
  values: Readonly<Record<string, string | undefined>>,
): { document: T; uses: Map<string, string[]> };

export declare function schemaRoot(): string;
