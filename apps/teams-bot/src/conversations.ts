/**
 * The bot's memory of a conversation: the last answer's `turn`, kept in the store per conversation and
 * person, so a follow-up ("och 2022?", "and Luleå?", "varför?") is read against what that person was
 * last answered there — after a restart too, and whichever bot instance gets the message.
 */
import type { Activity } from "botbuilder";
import { asConversationTurn, type ConversationTurn } from "@samverkan/assistant";
import type { Store } from "@samverkan/store";

/** How long a conversation's context lasts after its last answer, when CONVERSATION_TTL_MINUTES is not set. */
export const DEFAULT_CONVERSATION_TTL_MINUTES = 30;

export type ConversationStore = Pick<Store, "getConversationTurn" | "saveConversationTurn">;

export interface ConversationOptions {
  readonly store: ConversationStore;
  /** Minutes after its last answer a conversation's context is forgotten (default 30). */
  readonly ttlMinutes?: number;
}

export interface ConversationMemory {
  /** The previous turn of the asker in this conversation; undefined when none, expired or unreadable. */
  recall(activity: Partial<Activity>): Promise<ConversationTurn | undefined>;
  remember(activity: Partial<Activity>, turn: ConversationTurn): Promise<void>;
}

/**
 * The store key of an activity's context: the conversation (in a channel, the thread: Teams puts
 * `;messageid=…` in its id) and the person asking, so two members asking in one channel or group chat
 * each follow their own questions. Prefixed, so the API's conversation ids can never name a Teams one.
 */
export function conversationKey(activity: Partial<Activity>): string | undefined {
  const conversation = activity.conversation?.id;
  const person = activity.from?.aadObjectId ?? activity.from?.id;
  if (!conversation || !person) return undefined;
  return `teams:${conversation}:${person}`;
}

/**
 * Conversation memory on `store`, expiring on the bot's clock. A store that fails costs the member only
 * the context: the question is answered on its own and the failure goes to the server log.
 */
export function conversationMemory(
  options: ConversationOptions,
  now: () => Date,
  logError: (message: string, error: unknown) => void,
): ConversationMemory {
  const ttlMs = (options.ttlMinutes ?? DEFAULT_CONVERSATION_TTL_MINUTES) * 60_000;
  return {
    async recall(activity) {
      const key = conversationKey(activity);
      if (!key) return undefined;
      try {
        return asConversationTurn(await options.store.getConversationTurn(key, { now: now() }));
      } catch (error) {
        logError("teams-bot: could not read the conversation's context; answering without it", error);
        return undefined;
      }
    },
    async remember(activity, turn) {
      const key = conversationKey(activity);
      if (!key) return;
      const at = now();
      try {
        await options.store.saveConversationTurn(key, turn, {
          expiresAt: new Date(at.getTime() + ttlMs),
          now: at,
        });
      } catch (error) {
        logError("teams-bot: could not keep the conversation's context", error);
      }
    },
  };
}
