/**
 * The end-to-end driver. It runs INSIDE a network namespace that has only loopback (playground.test.ts
 * starts it with `unshare --net --pid ...`), so neither the Playground's embedded telemetry nor
 * Chromium can reach anything beyond this machine, and every process it starts dies with it.
 *
 *   node driver.mjs browser    the bot in-process, Agents Playground, headless Chromium typing into the page,
 *                              then pressing the secretary's attendance card's Action.Execute button
 *   node driver.mjs api        the question and the reminder without a browser: the Playground's own
 *                              HTTP + WebSocket API
 *   node driver.mjs launcher   `npm run playground`'s launcher as a person runs it, then Ctrl-C
 *
 * Prints ONE JSON line on stdout: what the page (or the API) showed, or `{ ok: false, step, error,
 * playgroundLog, … }`. Diagnostics go to stderr. Exit code 0 only when every step ran.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BOT_ROOT,
  PLAYGROUND_DEFAULT_PORT,
  startPlayground,
  stopProcess,
  withTimeout,
} from "../../scripts/playground-process.mjs";
import { getJson, openApiChat, openBrowserChat } from "./chats.mjs";
import { ask, askChart, QUESTION, recordAttendance, triggerReminder } from "./steps.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const mode = process.argv[2] ?? "browser";
/** The bot's clock: the assistant reads "i år" against it, and the chat subscribes then. */
const NOW = new Date("2022-09-01T08:00:00Z");
const BOT_PORT = 3978;
const BOT_URL = `http://127.0.0.1:${BOT_PORT}/api/messages`;
/** Below the test's own limit, so a stuck step still ends in a JSON report rather than a kill. */
const DEADLINE_MS = Number(process.env.E2E_DEADLINE_MS ?? 140_000);

const work = mkdtempSync(join(tmpdir(), "samverkan-e2e-"));
const state = {
  step: "start",
  /** @type {Awaited<ReturnType<typeof startPlayground>> | undefined} */
  playground: undefined,
  /** The Playground reports its errors only here (a bad config file too). */
  playgroundLog: join(work, "m365agentsplayground.log"),
  /** @type {Awaited<ReturnType<typeof startBot>> | undefined} */
  bot: undefined,
  /** @type {import("playwright-core").Browser | undefined} */
  browser: undefined,
  /** @type {import("playwright-core").Page | undefined} */
  page: undefined,
  /** @type {import("node:child_process").ChildProcess | undefined} */
  launcher: undefined,
  /**
   * Uncaught errors in the page. The Playground's card renderer fails inside its click handlers, where
   * nothing shows on the page: a card action that "does nothing" has its reason here.
   */
  pageErrors: /** @type {string[]} */ ([]),
  /** Card actions the page sent to the Playground's server (`POST /_conversation/v1/invoke`). */
  invokes: 0,
  /** Requests the page tried to make beyond loopback (aborted). */
  blocked: /** @type {string[]} */ ([]),
  /** Milliseconds per step, in the report: where the time goes when CI is slow. */
  timings: /** @type {Record<string, number>} */ ({}),
  finished: false,
};

const deadline = setTimeout(() => {
  void finish({ ok: false, error: `the driver ran out of time (${DEADLINE_MS / 1000} s)` });
}, DEADLINE_MS);

try {
  const modes = { browser: runBrowser, api: runApi, launcher: runLauncher };
  const run = modes[mode];
  if (!run) throw new Error(`unknown mode "${mode}" (browser | api | launcher)`);
  await finish({ ok: true, ...(await run()) });
} catch (error) {
  await finish({ ok: false, error: describe(error) });
}

// ---------------------------------------------------------------------------------------------------
// The three runs

async function runBrowser() {
  await step("start the bot and the Agents Playground", startBotAndPlayground);
  const { bot: botIdentity, currentUser } = await step("read the Playground's config", () =>
    playgroundConfig(state.playground),
  );
  const botName = botIdentity.name;
  const chat = await step("open the Playground in Chromium", () =>
    openBrowserChat(state.playground, botName, state),
  );
  const reply = await step("ask the question in the page", () => ask(chat, QUESTION));
  const chart = await step("ask a chart question in the page", () => askChart(chat));
  const reminder = await step("trigger a reminder", () => triggerReminder(chat, state.bot));
  const attendance = await step("record attendance from the card in the page", () =>
    recordAttendance(chat, state.bot, currentUser),
  );
  return { mode, botName, question: QUESTION, reply, chart, reminder, attendance, blocked: state.blocked };
}

async function runApi() {
  await step("start the bot and the Agents Playground", startBotAndPlayground);
  const chat = await step("connect to the Playground's API", () => openApiChat(state.playground.port));
  try {
    const reply = await step("ask the question over the API", () => ask(chat, QUESTION));
    const reminder = await step("trigger a reminder", () => triggerReminder(chat, state.bot));
    return { mode, botName: chat.botName, question: QUESTION, reply, reminder };
  } finally {
    chat.close();
  }
}

/**
 * `npm run playground` minus the build: scripts/playground.mjs with the bot's defaults, in a scratch
 * directory (the bot keeps its embedded database in ./.data). Then what Ctrl-C does: SIGTERM, and no
 * process may be left behind.
 */
async function runLauncher() {
  const env = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_LOGFILE: join(work, "launcher-playground.log"),
    SAMVERKAN_DATA_DIR: join(work, "data"),
    PORT: String(BOT_PORT),
  };
  // Nothing beyond loopback is reachable in here, so the bot uses its embedded database.
  delete env.DATABASE_URL;
  const launcher = spawn(process.execPath, [join(BOT_ROOT, "scripts", "playground.mjs")], {
    cwd: work,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  state.launcher = launcher;
  let output = "";
  launcher.stdout.setEncoding("utf8");
  launcher.stderr.setEncoding("utf8");
  launcher.stdout.on("data", (text) => (output += text));
  launcher.stderr.on("data", (text) => (output += text));
  const exited = new Promise((resolve) => launcher.once("exit", (code, signal) => resolve({ code, signal })));

  const url = await step("wait for the launcher to print the Playground's URL", () =>
    withTimeout(
      new Promise((resolve, reject) => {
        const check = () => {
          const match = /Agents Playground:\s+(http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]);
        };
        launcher.stdout.on("data", check);
        void exited.then(() => reject(new Error(`the launcher exited early:\n${output}`)));
      }),
      // Generous: the launcher builds nothing but starts two processes, slow when CI runs every suite at once.
      120_000,
      () => new Error(`the launcher printed no URL within 120 s:\n${output}`),
    ),
  );
  const port = Number(new URL(url).port);
  const listening = listeningSockets();
  const chat = await step("connect to the Playground's API", () => openApiChat(port));
  let reply;
  try {
    reply = await step("ask the question over the API", () => ask(chat, QUESTION));
  } finally {
    chat.close();
  }
  const stopped = await step("stop the launcher with SIGTERM", async () => {
    launcher.kill("SIGTERM");
    return withTimeout(exited, 15_000, () => new Error(`the launcher did not stop within 15 s:\n${output}`));
  });
  state.launcher = undefined;
  return { mode, url, reply, listening, stopped, leftovers: otherProcesses(), output };
}

// ---------------------------------------------------------------------------------------------------
// The bot, the Playground, the two ways to chat

/**
 * The bot in this process, built as src/start.ts builds it: on a store (an in-memory embedded database
 * with the bundled datasets) with the reminder commands, but on a clock the test sets. Reminders go out
 * when the test says so (`runDueReminders`), through the bot's own scheduler and proactive sender.
 */
async function startBot() {
  const [bot, { openStore }] = await Promise.all([
    import("../../dist/index.js"),
    import("@samverkan/store"),
  ]).catch((error) => {
    throw new Error(`the bot is not built (npm run build -w @samverkan/teams-bot): ${error.message}`);
  });
  const store = await openStore({ inMemory: true });
  const errors = [];
  const logError = (message, error) =>
    errors.push(`${message}: ${error instanceof Error ? error.stack : error}`);
  const { settings } = bot.readReminderConfig({});
  const { app, adapter } = bot.createBot({
    store,
    now: () => NOW,
    reminders: { store, settings },
    secretary: { store },
    logError,
  });
  const server = bot.createServer({ bot: app, adapter, logError });
  const listener = await new Promise((resolve, reject) => {
    const listening = server.listen(BOT_PORT, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });
  return {
    errors,
    /** One run of the reminder clock at `at`, as the bot's scheduler does every minute. */
    runDueReminders(at) {
      const scheduler = new bot.ReminderScheduler({
        store,
        send: bot.proactiveSender(adapter, undefined),
        settings,
        now: () => at,
        log: (message) => process.stderr.write(`bot: ${message}\n`),
        logError,
      });
      return scheduler.runOnce();
    },
    grantSecretary: (aadObjectId) =>
      store.grantRole("norrbotten", { aadObjectId, role: "secretary" }, { actor: "e2e" }),
    attendance: async (meetingId) =>
      (await store.currentDataset("norrbotten")).meetings.find((m) => m.id === meetingId),
    async close() {
      await new Promise((resolve) => listener.close(() => resolve(undefined)));
      await store.close();
    },
  };
}

/** Side by side: the bot's database takes seconds to set up, and the Playground needs the bot only later. */
async function startBotAndPlayground() {
  await Promise.all([
    startBot().then((bot) => (state.bot = bot)),
    startTestPlayground().then((playground) => (state.playground = playground)),
  ]);
}

function startTestPlayground() {
  return startPlayground({
    botEndpoint: BOT_URL,
    logFile: state.playgroundLog,
    port: PLAYGROUND_DEFAULT_PORT,
    onStderr: (text) => process.stderr.write(`[playground] ${text}`),
  });
}

/**
 * The Playground's config in effect: its bot (the name "Samverkan" proves it read our file, not its
 * built-in one) and its current user (who the page types as).
 */
async function playgroundConfig(playground) {
  const { config } = await getJson(`http://127.0.0.1:${playground.port}/_internal/v1/testConfig`);
  return config;
}

// ---------------------------------------------------------------------------------------------------
// Reporting and cleaning up

/** An error's stack, with its cause (fetch puts the network error there). */
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? "" : `\ncaused by: ${describe(error.cause)}`;
  return `${error.stack ?? error.message}${cause}`;
}

async function step(name, action) {
  state.step = name;
  process.stderr.write(`driver: ${name}\n`);
  const started = Date.now();
  try {
    return await action();
  } finally {
    state.timings[name] = Date.now() - started;
  }
}

/** TCP sockets listening in this namespace, as "address:port" (from /proc/net/tcp and tcp6). */
function listeningSockets() {
  const sockets = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table;
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of table.trim().split("\n").slice(1)) {
      const [, local, , st] = line.trim().split(/\s+/);
      if (st !== "0A" || !local) continue; // 0A: LISTEN
      const [hex, port] = local.split(":");
      sockets.push(`${decodeAddress(hex ?? "")}:${parseInt(port ?? "0", 16)}`);
    }
  }
  return sockets;
}

function decodeAddress(hex) {
  if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");
  if (/^0{24}0100007F$/i.test(hex) || /^0{16}FFFF00000100007F$/i.test(hex)) return "::ffff:127.0.0.1";
  if (/^0{24}01000000$/i.test(hex)) return "::1";
  if (/^0{32}$/.test(hex)) return "::";
  return hex;
}

/** Living processes in this PID namespace other than the driver (and its Chromium, closed by then). */
function otherProcesses() {
  const left = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const status = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (/^\d+ \(.*\) Z /.test(status)) continue; // exited, not yet reaped
      left.push(readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim());
    } catch {
      // gone meanwhile
    }
  }
  return left;
}

async function finish(result) {
  if (state.finished) return;
  state.finished = true;
  clearTimeout(deadline);
  const report = { ...result, timings: state.timings };
  if (state.pageErrors.length > 0) report.pageErrors = state.pageErrors;
  if (!result.ok) {
    report.step = state.step;
    report.playgroundLog = existsSync(state.playgroundLog)
      ? readFileSync(state.playgroundLog, "utf8")
      : "(the Playground wrote no log)";
    report.artifacts = await saveArtifacts();
  }
  if (state.bot) report.botErrors = state.bot.errors;
  // Everything is stopped even after a failure; as PID 1 of the namespace, our exit ends the rest anyway.
  await withTimeout(
    Promise.allSettled([
      state.browser?.close(),
      state.playground?.stop(),
      state.bot?.close(),
      state.launcher ? stopProcess(state.launcher) : undefined,
    ]),
    10_000,
    () => new Error("clean-up timed out"),
  ).catch((error) => process.stderr.write(`driver: ${error.message}\n`));
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(result.ok ? 0 : 1));
}

/** A screenshot and the page's HTML after a failure in the browser, in test-output/ (git-ignored). */
async function saveArtifacts() {
  if (!state.page) return undefined;
  const dir = join(here, "..", "..", "test-output");
  try {
    mkdirSync(dir, { recursive: true });
    const screenshot = join(dir, "playground-failure.png");
    await withTimeout(state.page.screenshot({ path: screenshot }), 5_000, () => new Error("screenshot"));
    const html = join(dir, "playground-failure.html");
    writeFileSync(html, await withTimeout(state.page.content(), 5_000, () => new Error("page content")));
    return [screenshot, html];
  } catch {
    return undefined;
  }
}
