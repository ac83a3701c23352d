/**
 * The end-to-end driver's steps, written once for both ways to chat (the page in Chromium and the
 * Playground's API; see driver.mjs): the question, the chart card, the reminder the bot sends on its own,
 * and the secretary's card action. Each returns what the chat showed, for playground.test.ts to check.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const QUESTION = "Vad betalar Kalix för e-arkiv 2023?";
/** An answer whose card carries a chart (Chart.HorizontalBar, with a FactSet fallback). */
export const CHART_QUESTION = "Hur fördelas e-arkivet 2023?";
export const SUBSCRIBE = "påminn oss som ledamöter";
/** The secretary's command, and who was there (shared with test/secretary.test.ts). */
export const ATTENDANCE_COMMAND = "registrera närvaro 16 mars 2022";
const { meeting: ATTENDANCE_MEETING, present: PRESENT } = JSON.parse(
  readFileSync(join(here, "..", "fixtures", "present-2022-03-16.json"), "utf8"),
);
/** 09:05 in Stockholm the day before the committee meets on 12 October 2022: the members' reminder is due. */
export const MEETING_EVE = new Date("2022-10-11T07:05:00Z");
/** How long one step may wait for the page or the bot. */
export const STEP_MS = 30_000;

/**
 * Asks and returns the bot's messages after the question: a card, and any plain text messages (the
 * Playground shows an activity with both text and a card as two messages, the text first).
 */
export async function ask(chat, question) {
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
 * The chart step: asks `CHART_QUESTION`, waits until the card shows either a drawn chart (see
 * `chartInCard`) or the chart's fallback (its FactSet), reports
 * which, and screenshots the card element to test-output/chart-card.png (and, with E2E_SCREENSHOT_DIR,
 * to $E2E_SCREENSHOT_DIR/card-chart.png).
 */
export async function askChart(chat) {
  const reply = await ask(chat, CHART_QUESTION);
  const card = chat.page.locator(".ac-adaptiveCard").last();
  const seen = await waitUntil("the chart or its fallback in the card", async () => {
    const found = await card.evaluate(chartInCard);
    return found.drawn > 0 || found.facts.length > 0 ? found : undefined;
  });
  // A drawn chart may animate in: give it a moment before the picture.
  await chat.page.waitForTimeout(seen.drawn > 0 ? 1_000 : 200);
  const dir = join(here, "..", "..", "test-output");
  mkdirSync(dir, { recursive: true });
  const screenshots = [join(dir, "chart-card.png")];
  const extra = process.env.E2E_SCREENSHOT_DIR;
  if (extra) {
    mkdirSync(extra, { recursive: true });
    screenshots.push(join(extra, "card-chart.png"));
  }
  // The card is taller than the window; the chat scrolls inside the page, so a screenshot of the card
  // alone would show the header over it. A window tall enough for the whole card, for the picture.
  const viewport = chat.page.viewportSize() ?? { width: 1400, height: 1000 };
  const height = (await card.boundingBox())?.height ?? 0;
  await chat.page.setViewportSize({ width: viewport.width, height: Math.ceil(height) + 400 });
  await card.scrollIntoViewIfNeeded();
  await chat.page.waitForTimeout(300);
  const png = await card.screenshot({ timeout: STEP_MS, animations: "disabled" });
  await chat.page.setViewportSize(viewport);
  for (const path of screenshots) writeFileSync(path, png);
  return {
    question: CHART_QUESTION,
    reply,
    rendered: seen.drawn > 0 ? "chart" : "fallback",
    ...seen,
    screenshots,
  };
}

/**
 * Runs in the page, on a card: the charts drawn in it and the chart's fallback. The Playground draws
 * Chart.* elements with Fluent UI's charts, in HTML (no svg or canvas): a container whose aria-label ends
 * in "chart" ("E-arkiv 2023 per kommun, Horizontal bar chart") holding one `role="img"` per bar
 * ("Luleå, 97000"). An svg or canvas of at least 100 × 50 px (not an icon) counts as drawn too. `facts`
 * are the texts of the card's FactSets (the fallback, when a host does not draw charts).
 */
function chartInCard(card) {
  const big = (element) => {
    const box = element.getBoundingClientRect();
    return box.width >= 100 && box.height >= 50;
  };
  const charts = [...card.querySelectorAll("[aria-label]")].filter((element) =>
    /chart$/i.test(element.getAttribute("aria-label") ?? ""),
  );
  const pictures = [...card.querySelectorAll("svg, canvas")].filter(big);
  return {
    drawn: charts.filter(big).length + pictures.length,
    chartLabels: charts.map((element) => element.getAttribute("aria-label")),
    bars: charts.flatMap((chart) =>
      [...chart.querySelectorAll('[role="img"][aria-label]')].map((bar) => bar.getAttribute("aria-label")),
    ),
    pictures: pictures.map((element) => element.tagName.toLowerCase()),
    facts: [...card.querySelectorAll(".ac-factset .ac-textBlock, .ac-factset td")]
      .map((element) => element.innerText.trim())
      .filter((text) => text !== ""),
  };
}

/**
 * The reminder step: the chat subscribes ("påminn oss som ledamöter", on the bot's clock, 1 September
 * 2022), then the reminder clock runs on the eve of the committee meeting of 12 October 2022. The bot
 * sends the members' reminder on its own: `adapter.continueConversationAsync` with the conversation
 * reference stored from the subscribing message, whose serviceUrl is the Playground's. It must show up
 * in the chat, and a second run of the clock must send nothing (exactly once).
 */
export async function triggerReminder(chat, bot) {
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
 * The secretary's card action, in the page: the Playground's user (`user`, from its config) gets the
 * secretary role (in this test's store only), asks for the attendance form of 16 March 2022, ticks the members who were there
 * and presses "Spara närvaro". The Playground sends the Action.Execute as an `adaptiveCard/action`
 * invoke; the card in the page must turn into the saved card, and the store must hold the attendance.
 */
export async function recordAttendance(chat, bot, user) {
  await bot.grantSecretary(user.aadObjectId);
  const form = await ask(chat, ATTENDANCE_COMMAND);
  // The form is the last card in the chat; the saved card takes its place (the same message).
  const card = chat.page.locator(".ac-adaptiveCard").last();
  for (const name of PRESENT) await card.getByRole("checkbox", { name, exact: true }).check();
  const invokesBefore = chat.invokes();
  await card.getByRole("button", { name: "Spara närvaro", exact: true }).click();
  const saved = await waitUntil(
    "the saved attendance card",
    async () => {
      const text = await card.innerText();
      return text.includes("Närvaro sparad") ? text : undefined;
    },
    STEP_MS,
    () => (chat.pageErrors.length > 0 ? `; the page threw: ${chat.pageErrors.join("\n")}` : ""),
  );
  const buttons = await card.getByRole("button").evaluateAll((all) => all.map((b) => b.innerText.trim()));
  const meeting = await bot.attendance(ATTENDANCE_MEETING);
  return {
    form,
    saved: { text: saved, buttons },
    invokes: chat.invokes() - invokesBefore,
    attendees: meeting?.attendees?.municipalities ?? [],
    recordedBy: meeting?.attendees?.recordedBy,
    pageErrors: [...chat.pageErrors],
  };
}

/** In the page a message is in the DOM a moment before its text is: wait for text or card texts. */
function rendered(message) {
  return message.cards.length > 0
    ? message.cards.every((card) => card.blocks.length > 0)
    : message.text !== "";
}

export async function waitUntil(what, probe, timeoutMs = STEP_MS, why = () => "") {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for ${what}${why()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
