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

const here = dirname(fileURLToPath(import.meta.url));
const mode = process.argv[2] ?? "browser";
const QUESTION = "Vad betalar Kalix för e-arkiv 2023?";
const SUBSCRIBE = "påminn oss som ledamöter";
/** The secretary's command, and who was there (shared with test/secretary.test.ts). */
const ATTENDANCE_COMMAND = "registrera närvaro 16 mars 2022";
const { meeting: ATTENDANCE_MEETING, present: PRESENT } = JSON.parse(
  readFileSync(join(here, "..", "fixtures", "present-2022-03-16.json"), "utf8"),
);
/** The bot's clock: the assistant reads "i år" against it, and the chat subscribes then. */
const NOW = new Date("2022-09-01T08:00:00Z");
/** 09:05 in Stockholm the day before the committee meets on 12 October 2022: the members' reminder is due. */
const MEETING_EVE = new Date("2022-10-11T07:05:00Z");
const BOT_PORT = 3978;
const BOT_URL = `http://127.0.0.1:${BOT_PORT}/api/messages`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Below the test's own limit, so a stuck step still ends in a JSON report rather than a kill. */
const DEADLINE_MS = Number(process.env.E2E_DEADLINE_MS ?? 140_000);
const STEP_MS = 30_000;

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
  const botName = await step("read the Playground's config", () => configuredBotName(state.playground));
  const chat = await step("open the Playground in Chromium", () =>
    openBrowserChat(state.playground, botName),
  );
  const reply = await step("ask the question in the page", () => ask(chat, QUESTION));
  const reminder = await step("trigger a reminder", () => triggerReminder(chat, state.bot));
  const attendance = await step("record attendance from the card in the page", () =>
    recordAttendance(chat, state.bot),
  );
  return { mode, botName, question: QUESTION, reply, reminder, attendance, blocked: state.blocked };
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

/** The bot's name from the Playground's config: "Samverkan" proves it read our file, not its built-in one. */
async function configuredBotName(playground) {
  const { config } = await getJson(`http://127.0.0.1:${playground.port}/_internal/v1/testConfig`);
  return config.bot.name;
}

/**
 * GET with a retry: fetch reuses the connection of the readiness check, which the Playground closes after
 * 5 idle seconds (Node's keep-alive timeout) — while the bot's database is set up, under load, a request
 * can meet that close and fail ("other side closed") although the Playground is fine.
 */
async function getJson(url) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      if (attempt >= 3 || !(error instanceof TypeError)) throw error;
      process.stderr.write(`driver: retrying GET ${url}: ${describe(error)}\n`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Chat through the page. The Playground renders with Fluent UI (generated class names), so the
 * selectors are its ARIA labels and the Adaptive Cards renderer's `ac-` classes:
 *   [role="textbox"][data-lexical-editor="true"]   the message box (Enter sends)
 *   [aria-label="Message header"]                  one per message; its parent is the message
 *   [aria-label="Message author"]                  in the header, bot messages only (the bot's name)
 *   .ac-adaptiveCard / .ac-textBlock               a rendered card and each of its texts (table cells too)
 */
async function openBrowserChat(playground, botName) {
  const { chromium } = await import("playwright-core");
  state.browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
    timeout: STEP_MS,
  });
  const context = await state.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: "sv-SE",
  });
  // The page loads fonts and an animation from res-1.cdn.office.net; nothing beyond loopback is reachable
  // in the namespace anyway, and here it does not even try.
  await context.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === "127.0.0.1" || hostname === "localhost") return route.continue();
    state.blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  state.page = page;
  page.on("pageerror", (error) => state.pageErrors.push(error.stack ?? error.message));
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/_conversation/v1/invoke")
      state.invokes += 1;
  });
  page.setDefaultTimeout(STEP_MS);
  await page.goto(playground.url, { waitUntil: "domcontentloaded" });
  const editor = page.locator('[role="textbox"][data-lexical-editor="true"]');
  await editor.waitFor();
  return {
    page,
    async send(text) {
      await editor.click();
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    },
    async messages() {
      const all = await page.evaluate(messagesInPage);
      return all.map(({ author, text, cards }) => ({
        from: author === botName ? "bot" : "user",
        text,
        cards,
      }));
    },
  };
}

/** Runs in the page: every message of the open conversation, in order (see `openBrowserChat`). */
/* global document */
function messagesInPage() {
  return [...document.querySelectorAll('[aria-label="Message header"]')].map((header) => {
    const item = header.parentElement ?? header;
    const author = header.querySelector('[aria-label="Message author"]')?.textContent?.trim() ?? null;
    const body = [...item.children].filter((child) => child !== header);
    const cards = [...item.querySelectorAll(".ac-adaptiveCard")].map((card) => ({
      text: card.innerText.trim(),
      blocks: [...card.querySelectorAll(".ac-textBlock")].map((block) => block.innerText.trim()),
    }));
    const text = body.map((element) => element.innerText.trim()).filter((part) => part !== "");
    return { author, text: text.join("\n"), cards };
  });
}

/**
 * Chat through the Playground's headless API, which its page uses too:
 *   POST /_conversation/v1/conversations/{id}/messages  { from: { id }, text, textFormat: "plain" }
 *        sends as the current user (in the personal chat; elsewhere only with an @mention of the bot)
 *   ws://…/_ws_conversation/v1/conversations/stream      { action: "createMessage", message } per message
 *   GET  /_internal/v1/testConfig                       the config in effect: user, bot, chat ids
 */
async function openApiChat(port) {
  const base = `http://127.0.0.1:${port}`;
  const { config } = await getJson(`${base}/_internal/v1/testConfig`);
  const conversationId = config.personalChat.id;
  const messages = [];
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.addEventListener("message", (event) => {
    const action = JSON.parse(String(event.data));
    if (action.action !== "createMessage" || action.actionConversationId !== conversationId) return;
    const { message } = action;
    messages.push({
      from: message.from?.id === config.bot.id ? "bot" : "user",
      text: message.text ?? "",
      cards: (message.attachments ?? [])
        .filter((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive")
        .map((attachment) => ({ blocks: cardTexts(attachment.content), card: attachment.content })),
    });
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error("could not open the Playground's WebSocket")), {
      once: true,
    });
  });
  return {
    botName: config.bot.name,
    async send(text) {
      // The stream carries only the bot's messages; ours is recorded here, in order.
      messages.push({ from: "user", text, cards: [] });
      const response = await fetch(
        `${base}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: "plain" }),
        },
      );
      if (!response.ok) throw new Error(`POST message: HTTP ${response.status} ${await response.text()}`);
    },
    async messages() {
      return [...messages];
    },
    close: () => socket.close(),
  };
}

/** The texts of a card's TextBlocks in reading order, like `.ac-textBlock` in the page. */
function cardTexts(node, out = []) {
  if (Array.isArray(node)) {
    for (const item of node) cardTexts(item, out);
  } else if (node !== null && typeof node === "object") {
    if (node.type === "TextBlock" && typeof node.text === "string") out.push(node.text);
    if (node.type === "FactSet") for (const fact of node.facts ?? []) out.push(fact.title, fact.value);
    for (const key of ["body", "items", "columns", "rows", "cells"])
      if (key in node) cardTexts(node[key], out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The steps, written once for both ways to chat

/**
 * Asks and returns the bot's messages after the question: a card, and any plain text messages (the
 * Playground shows an activity with both text and a card as two messages, the text first).
 */
async function ask(chat, question) {
  await chat.send(question);
  const replies = await waitUntil(`an answer card after "${question}"`, async () => {
    const messages = await chat.messages();
    // Counted from our own message: the welcome (a card too) may arrive just before or after it.
    const asked = messages.findLastIndex((message) => message.from === "user" && message.text === question);
    if (asked < 0) return undefined;
    const after = messages.slice(asked + 1).filter((message) => message.from === "bot");
    return after.some((message) => message.cards.length > 0) && after.every(rendered) ? after : undefined;
  });
  const card = replies.find((message) => message.cards.length > 0)?.cards[0];
  return {
    texts: replies.filter((message) => message.cards.length === 0).map((message) => message.text),
    card: { blocks: card?.blocks ?? [], text: card?.text ?? "" },
  };
}

/**
 * The reminder step: the chat subscribes ("påminn oss som ledamöter", on the bot's clock, 1 September
 * 2022), then the reminder clock runs on the eve of the committee meeting of 12 October 2022. The bot
 * sends the members' reminder on its own: `adapter.continueConversationAsync` with the conversation
 * reference stored from the subscribing message, whose serviceUrl is the Playground's. It must show up
 * in the chat, and a second run of the clock must send nothing (exactly once).
 */
async function triggerReminder(chat, bot) {
  const subscribed = await ask(chat, SUBSCRIBE);
  const before = (await chat.messages()).length;
  const outcomes = await bot.runDueReminders(MEETING_EVE);
  const arrived = await waitUntil("the reminder card", async () => {
    const messages = (await chat.messages()).slice(before).filter((message) => message.from === "bot");
    return messages.some((message) => message.cards.length > 0) && messages.every(rendered)
      ? messages
      : undefined;
  });
  const card = arrived.find((message) => message.cards.length > 0)?.cards[0];
  const shown = (await chat.messages()).length;
  const again = await bot.runDueReminders(MEETING_EVE);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return {
    subscribed,
    sent: outcomes.map(({ result, reminder }) => ({
      result,
      kind: reminder.kind,
      conversationId: reminder.conversationId,
    })),
    texts: arrived.filter((message) => message.cards.length === 0).map((message) => message.text),
    card: { blocks: card?.blocks ?? [], text: card?.text ?? "" },
    again: {
      results: again.map(({ result }) => result),
      newMessages: (await chat.messages()).length - shown,
    },
  };
}

/**
 * The secretary's card action, in the page: the Playground's user gets the secretary role (in this
 * test's store only), asks for the attendance form of 16 March 2022, ticks the members who were there
 * and presses "Spara närvaro". The Playground sends the Action.Execute as an `adaptiveCard/action`
 * invoke; the card in the page must turn into the saved card, and the store must hold the attendance.
 */
async function recordAttendance(chat, bot) {
  const { config } = await getJson(`http://127.0.0.1:${state.playground.port}/_internal/v1/testConfig`);
  await bot.grantSecretary(config.currentUser.aadObjectId);
  const form = await ask(chat, ATTENDANCE_COMMAND);
  // The form is the last card in the chat; the saved card takes its place (the same message).
  const card = chat.page.locator(".ac-adaptiveCard").last();
  for (const name of PRESENT) await card.getByRole("checkbox", { name, exact: true }).check();
  const invokesBefore = state.invokes;
  await card.getByRole("button", { name: "Spara närvaro", exact: true }).click();
  const saved = await waitUntil(
    "the saved attendance card",
    async () => {
      const text = await card.innerText();
      return text.includes("Närvaro sparad") ? text : undefined;
    },
    STEP_MS,
    () => (state.pageErrors.length > 0 ? `; the page threw: ${state.pageErrors.join("\n")}` : ""),
  );
  const buttons = await card.getByRole("button").evaluateAll((all) => all.map((b) => b.innerText.trim()));
  const meeting = await bot.attendance(ATTENDANCE_MEETING);
  return {
    form,
    saved: { text: saved, buttons },
    invokes: state.invokes - invokesBefore,
    attendees: meeting?.attendees?.municipalities ?? [],
    recordedBy: meeting?.attendees?.recordedBy,
    pageErrors: state.pageErrors,
  };
}

/** In the page a message is in the DOM a moment before its text is: wait for text or card texts. */
function rendered(message) {
  return message.cards.length > 0
    ? message.cards.every((card) => card.blocks.length > 0)
    : message.text !== "";
}

async function waitUntil(what, probe, timeoutMs = STEP_MS, why = () => "") {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for ${what}${why()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
