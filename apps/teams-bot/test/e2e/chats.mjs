/**
 * The two ways the end-to-end driver chats through the Playground (see driver.mjs): its page in headless
 * Chromium, and its own HTTP + WebSocket API. Both give `send(text)` and `messages()` in the same shape,
 * so the steps (steps.mjs) are written once.
 */
import { STEP_MS } from "./steps.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * GET with a retry: fetch reuses the connection of the readiness check, which the Playground closes after
 * 5 idle seconds (Node's keep-alive timeout) — while the bot's database is set up, under load, a request
 * can meet that close and fail ("other side closed") although the Playground is fine.
 */
export async function getJson(url) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      if (attempt >= 3 || !(error instanceof TypeError)) throw error;
      process.stderr.write(`driver: retrying GET ${url}: ${error.message}\n`);
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
/**
 * @param {{ port: number, url: string }} playground
 * @param {string} botName
 * @param {{ browser?: unknown, page?: unknown, blocked: string[], pageErrors: string[], invokes: number }} state
 *   the driver's state: the browser and page to close and save, and what the page tried and threw
 */
export async function openBrowserChat(playground, botName, state) {
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
    /** What the page threw, and how many card actions it sent (see `state`). */
    pageErrors: state.pageErrors,
    invokes: () => state.invokes,
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
export async function openApiChat(port) {
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
