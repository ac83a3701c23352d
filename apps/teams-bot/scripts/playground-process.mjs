/**
 * Starting and stopping Microsoft 365 Agents Playground (npm `@microsoft/m365agentsplayground`), shared
 * by `npm run playground` (scripts/playground.mjs) and the end-to-end test's driver (test/e2e/driver.mjs),
 * so the test runs the Playground exactly as a person does.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** apps/teams-bot */
export const BOT_ROOT = join(here, "..");
/**
 * The Playground's mock Teams tenant: the bot's name, the user, the chats and the team. Read through
 * M365_AGENTS_PLAYGROUND_CONFIG_PATH; a path that does not exist would silently fall back to the
 * Playground's built-in one, so `startPlayground` checks it first.
 */
export const PLAYGROUND_CONFIG = join(BOT_ROOT, ".m365agentsplayground.yml");
export const PLAYGROUND_DEFAULT_PORT = 56150;
const CLI = require.resolve("@microsoft/m365agentsplayground/cli.js");
const PRELOAD = pathToFileURL(join(here, "loopback-only-preload.mjs")).href;

/**
 * Every telemetry switch the Playground (0.2.28) has. `--disable-telemetry` stops its events;
 * Application Insights' statsbeat (a heartbeat to *.applicationinsights.azure.com) only stops with
 * APPLICATION_INSIGHTS_NO_STATSBEAT. DO_NOT_TRACK is the general convention, for whatever else honours it.
 */
export const TELEMETRY_OFF_ARGS = ["--disable-telemetry"];
export const TELEMETRY_OFF_ENV = { APPLICATION_INSIGHTS_NO_STATSBEAT: "true", DO_NOT_TRACK: "1" };

/**
 * Starts the Playground and resolves when it serves its API (`/_debug/ping`), which it mounts only after
 * the config file loaded: a config error never gets that far. A config error, like any other start-up
 * failure, is written only to the Playground's log file, so the rejection carries that file's contents.
 *
 * @param {{
 *   botEndpoint: string,
 *   logFile: string,
 *   port?: number,
 *   openBrowser?: boolean,
 *   timeoutMs?: number,
 *   env?: Record<string, string | undefined>,
 *   onStderr?: (text: string) => void,
 * }} options
 */
export async function startPlayground(options) {
  const { botEndpoint, logFile } = options;
  const port = options.port ?? PLAYGROUND_DEFAULT_PORT;
  if (!existsSync(PLAYGROUND_CONFIG)) {
    throw new Error(`the Playground's config file is missing: ${PLAYGROUND_CONFIG}`);
  }
  const env = {
    ...(options.env ?? process.env),
    ...TELEMETRY_OFF_ENV,
    BOT_ENDPOINT: botEndpoint,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    TEAMSAPPTESTER_LOGFILE: logFile,
  };
  // The Playground opens the default browser unless told "none"; a headless machine has none to open.
  if (!options.openBrowser) env.TEAMSAPPTESTER_BROWSER = "none";
  else if (env.TEAMSAPPTESTER_BROWSER === "none") delete env.TEAMSAPPTESTER_BROWSER;
  const child = spawn(
    process.execPath,
    [
      "--import",
      PRELOAD,
      CLI,
      ...TELEMETRY_OFF_ARGS,
      "--app-endpoint",
      botEndpoint,
      "--channel-id",
      "msteams",
      "--port",
      String(port),
    ],
    { cwd: BOT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no log file was written)");
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text) => options.onStderr?.(text));

  // With stdout not a terminal it prints "Listening on <port>" there and nothing else; the port is
  // another one when the asked-for port was taken.
  let stdout = "";
  child.stdout.setEncoding("utf8");
  const listening = new Promise((resolve) => {
    child.stdout.on("data", (text) => {
      stdout += text;
      const match = /Listening on (\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
  });

  const playground = {
    process: child,
    /** Where it actually listens (filled in once it does). */
    port,
    url: `http://localhost:${port}`,
    logFile,
    readLog,
    exited,
    stop: () => stopProcess(child),
  };
  const failed = (why) =>
    new Error(`Agents Playground ${why}\n--- ${logFile} ---\n${readLog().trimEnd()}\n---`);
  try {
    const actualPort = await withTimeout(
      Promise.race([listening, exited.then((how) => Promise.reject(failed(exitedHow(how))))]),
      options.timeoutMs ?? 90_000,
      () => failed("did not start listening in time"),
    );
    playground.port = actualPort;
    playground.url = `http://localhost:${actualPort}`;
    await waitFor(
      `http://127.0.0.1:${actualPort}/_debug/ping`,
      options.timeoutMs ?? 90_000,
      () => child.exitCode === null && child.signalCode === null,
    ).catch((error) => {
      throw failed(child.exitCode === null ? error.message : `exited (code ${child.exitCode})`);
    });
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return playground;
}

function exitedHow({ code, signal }) {
  return `exited during start-up (${signal ? `signal ${signal}` : `code ${code}`})`;
}

/** Polls a URL until it answers 2xx; gives up early when `alive()` says the server process is gone. */
export async function waitFor(url, timeoutMs, alive = () => true) {
  const until = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < until) {
    if (!alive()) throw new Error(`the process behind ${url} exited`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})`);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(child, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

export function withTimeout(promise, ms, error) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
