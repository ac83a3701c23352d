/**
 * `/v1/ask`'s conversations: a client names its conversation, and the server keeps the last answer's
 * `turn` in the store under that name, so the next question may be a follow-up ("och 2022?").
 */
import { asConversationTurn } from "@samverkan/assistant";
import { z } from "zod";
import { bilingual } from "./validation.js";

/** How long after its last answer a conversation's context lasts, when CONVERSATION_TTL_MINUTES is not set. */
export const DEFAULT_CONVERSATION_TTL_MINUTES = 30;

/**
 * A conversation id: 1–128 letters, digits and `.`, `_`, `:`, `-` (a UUID fits). Anyone who knows an id
 * can continue that conversation, so clients should make them unguessable (`crypto.randomUUID()`).
 */
export const conversationIdSchema = z
  .string({ error: bilingual("ska vara en text", "must be a string") })
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, {
    error: bilingual(
      "ska vara 1–128 tecken: bokstäver a–z, A–Z, siffror och . _ : -",
      "must be 1–128 characters: letters a–z, A–Z, digits and . _ : -",
    ),
  })
  .meta({
    description:
      "Names the conversation, so the question may be a follow-up of the last answered in it " +
      '("och 2022?", "and Luleå?", "varför?"). The server keeps the context until it expires ' +
      "(CONVERSATION_TTL_MINUTES after the last answer). Use an unguessable id, e.g. a random UUID.",
    example: "3f2b8c1e-9a47-4d2e-8f0a-6c5b1d7e9a21",
  });

/**
 * The store key: the id, and the token holder asking, so two clients that happen to pick the same id
 * never share a conversation. `|` cannot occur in an id, so the two parts cannot run into each other;
 * the `api:` prefix keeps them apart from the Teams bot's keys.
 */
export function conversationKey(conversationId: string, actor: string | null): string {
  return `api:${conversationId}|${actor ?? ""}`;
}

export { asConversationTurn };
