/**
 * Every assistant intent, in Swedish and in English, through the bot in-process (botbuilder's
 * TestAdapter): the reply is the assistant's own answer — its text as the message, its Adaptive Card as
 * the attachment, the question's language as the locale. The questions are the assistant's evaluation set
 * (packages/assistant/test/eval/questions.json), the first of each intent and language; for the topics
 * whose questions are generated from the data (goals, risks, …), the help's example of that topic.
 */
import { readFileSync } from "node:fs";
import { said } from "./connector.js";
import { describe, expect, it } from "vitest";
import { TestAdapter, type Activity } from "botbuilder";
import { answer, INTENTS, TOPIC_EXAMPLES, type Intent } from "@samverkan/assistant";
import { loadBundledDataset } from "@samverkan/data";
import { Decimal, formatMoney } from "@samverkan/domain";
import { createBot } from "../src/app.js";

interface EvalQuestion {
  readonly q: string;
  readonly now: string;
  readonly lang: "sv" | "en";
  readonly intent: Intent;
}

const questions = JSON.parse(
  readFileSync(new URL("../../../packages/assistant/test/eval/questions.json", import.meta.url), "utf8"),
) as EvalQuestion[];
const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];

const cases = INTENTS.flatMap((intent) =>
  (["sv", "en"] as const).map((lang) => {
    const example = TOPIC_EXAMPLES.find((e) => e.intent === intent && !e.after);
    const question =
      questions.find((q) => q.intent === intent && q.lang === lang) ??
      (example ? { q: example.question[lang], now: "2022-09-01", lang, intent } : undefined);
    if (!question)
      throw new Error(`neither the evaluation set nor the help has a ${lang} question for ${intent}`);
    return question;
  }),
);

/** Sends one message through the bot in-process and returns its replies. */
async function ask(question: EvalQuestion): Promise<Partial<Activity>[]> {
  const { app } = createBot({ datasets, now: () => new Date(question.now) });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  await adapter.send(question.q);
  return adapter.activeQueue.splice(0);
}

describe("every assistant intent through the bot, in Swedish and English", () => {
  it.each(cases.map((c) => [c.intent, c.lang, c] as const))("%s (%s)", async (intent, lang, question) => {
    const expected = answer(question.q, { datasets, now: new Date(question.now) });
    expect(expected.intent).toBe(intent);
    const replies = await ask(question);
    expect(replies).toHaveLength(1);
    const [reply] = replies as [Partial<Activity>];
    // One card, its words in `summary`, not in `text`: Teams would show them twice.
    expect(reply.text).toBeUndefined();
    expect(reply.summary).toBe(expected.text);
    expect(said(reply)).toBe(expected.text);
    expect(reply.locale).toBe(lang === "sv" ? "sv-SE" : "en-US");
    expect(reply.attachments).toEqual([
      { contentType: "application/vnd.microsoft.card.adaptive", content: expected.card },
    ]);
    expect((reply.attachments?.[0]?.content as { lang?: string }).lang).toBe(lang);
    // Every amount in the answer is on the card, exact, in the answer's language.
    const card = JSON.stringify(reply.attachments?.[0]?.content);
    for (const amount of expected.amounts)
      expect(card).toContain(formatMoney(new Decimal(amount.amount), amount.unit, lang));
  });
});
