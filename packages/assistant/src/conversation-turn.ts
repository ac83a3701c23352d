import { INTENTS } from "./intents-list.js";
import type { ConversationTurn } from "./types.js";

/**
 * A stored value as a turn `answer` can follow, or undefined. A bot or an API keeps turns in a store
 * between messages; a row written by another version, or tampered with, is dropped (the question is
 * then answered on its own) rather than trusted.
 */
export function asConversationTurn(value: unknown): ConversationTurn | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  const ok =
    typeof v.question === "string" &&
    v.question.trim() !== "" &&
    v.question.length <= 2000 &&
    (v.language === "sv" || v.language === "en") &&
    (INTENTS as readonly unknown[]).includes(v.intent) &&
    (v.collaboration === undefined || typeof v.collaboration === "string") &&
    (v.year === undefined || Number.isInteger(v.year));
  return ok ? (v as unknown as ConversationTurn) : undefined;
}
