#!/usr/bin/env node
/**
 * `npm run playground`: the bot (apps/teams-bot/dist/index.js, on its defaults) and Microsoft 365 Agents
 * Playground pointed at it, so anyone can chat with the bot in a browser without Teams, Azure or an app
 * registration. Prints what to open; Ctrl-C (or SIGTERM) stops both.
 *
 *   node apps/teams-bot/scripts/playground.mjs [--open]
 *
 * --open lets the Playground open the default browser; without it nothing is opened (a headless
 * machine has no browser to open), the URL is printed instead.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  BOT_ROOT,
  PLAYGROUND_DEFAULT_PORT,
  startPlayground,
  stopProcess,
  waitFor,
} from "./playground-process.mjs";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--open");
if (unknown.length > 0) {
  console.error(`playground: unknown argument ${unknown.join(" ")} (usage: playground.mjs [--open])`);
  process.exit(2);
}
const openBrowser = args.includes("--open");

const BOT_ENTRY = join(BOT_ROOT, "dist", "index.js");
if (!existsSync(BOT_ENTRY)) {
  console.error(`playground: ${BOT_ENTRY} is missing; build first (npm run build -w @samverkan/teams-bot)`);
  process.exit(1);
}

// The bot reads PORT itself; the Playground must post to the same one.
const botPort = process.env.PORT === undefined || process.env.PORT === "" ? "3978" : process.env.PORT;
const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
// Where the Agents Toolkit keeps it too (apps/teams-bot/devTools/, git-ignored); the Playground's own
// variable moves it.
const logFile =
  process.env.M365_AGENTS_PLAYGROUND_LOGFILE || join(BOT_ROOT, "devTools", "m365agentsplayground.log");

// The Playground sends no Bot Framework tokens, so the bot must run as in local development: without
// an app id it checks none and listens on 127.0.0.1 only.
const BOT_IDENTITY = new Set(["BOT_ID", "BOT_PASSWORD", "BOT_TENANT_ID", "BOT_OPENID_METADATA_URL"]);
const botEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !BOT_IDENTITY.has(name)));
const dropped = [...BOT_IDENTITY].filter((name) => process.env[name] !== undefined);
if (dropped.length > 0)
  console.log(`playground: ignoring ${dropped.join(", ")} (the Playground sends no tokens)`);

/** @type {import("node:child_process").ChildProcess | undefined} */
let bot;
/** @type {Awaited<ReturnType<typeof startPlayground>> | undefined} */
let playground;
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all([playground ? playground.stop() : undefined, bot ? stopProcess(bot) : undefined]);
  process.exit(code);
}

// Ctrl-C in a terminal signals the whole process group, children included; a SIGTERM to this process
// alone (a process manager, `kill`) reaches only us, so we pass it on either way.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.log(`\nplayground: stopping the bot and the Playground (${signal})`);
    void stopAll(0);
  });
}

function prefixLines(prefix, stream, out) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (text) => {
    const lines = (rest + text).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`${prefix} ${line}\n`);
  });
}

try {
  bot = spawn(process.execPath, [BOT_ENTRY], { env: botEnv, stdio: ["ignore", "pipe", "pipe"] });
  prefixLines("[bot]", bot.stdout, process.stdout);
  prefixLines("[bot]", bot.stderr, process.stderr);
  bot.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`playground: the bot stopped (${signal ?? `exit code ${code}`}); stopping the Playground`);
    if (!playground) {
      console.error(
        `playground: is port ${botPort} free? \`npm start\` runs the bot there too (stop it first: ` +
          "they would share the database in ./.data as well)",
      );
    }
    void stopAll(1);
  });
  const botAlive = () => bot?.exitCode === null && bot.signalCode === null;
  await waitFor(`http://127.0.0.1:${botPort}/health`, 60_000, botAlive);

  playground = await startPlayground({
    botEndpoint,
    logFile,
    port: PLAYGROUND_DEFAULT_PORT,
    openBrowser,
    onStderr: (text) => process.stderr.write(`[playground] ${text}`),
  });
  void playground.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`playground: the Playground stopped (${signal ?? `exit code ${code}`}); its log:`);
    console.error(playground?.readLog());
    void stopAll(1);
  });

  console.log(
    [
      "",
      `  Agents Playground:  ${playground.url}   <- open this in a browser and chat with the bot`,
      `  the bot:            ${botEndpoint}`,
      `  Playground log:     ${logFile}`,
      "",
      `  Try "Vad betalar Kalix för e-arkiv 2023?". Group chat and channels: @mention Samverkan.`,
      "  Both stay on this machine (127.0.0.1); the Playground's telemetry is off.",
      "  Ctrl-C stops both.",
      "",
    ].join("\n"),
  );
} catch (error) {
  if (!stopping) {
    console.error(`playground: could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}
