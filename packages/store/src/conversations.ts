/**
 * The conversation table: per key, the last answered turn of a conversation (the assistant's
 * `ConversationTurn`, opaque here) with an expiry. Times come from the caller's clock, never the
 * database's, so a test's clock decides what has expired exactly as the real one does.
 */
import { z } from "zod";
import type { SqlClient } from "./sql.js";

/** Longest key: a Teams channel thread's conversation id with the asker's id fits many times over. */
export const CONVERSATION_KEY_MAX_LENGTH = 512;
/** A turn is a question and a few words about it; anything larger is not one. */
export const CONVERSATION_TURN_MAX_BYTES = 16 * 1024;

export const conversationKeySchema = z
  .string({ error: "expected the conversation's key" })
  .min(1, { message: "must name the conversation" })
  .max(CONVERSATION_KEY_MAX_LENGTH, {
    message: `must be at most ${CONVERSATION_KEY_MAX_LENGTH} characters`,
  });

export const conversationTurnSchema = z
  .record(z.string(), z.json(), { error: "expected the turn as a JSON object" })
  .refine((turn) => Buffer.byteLength(JSON.stringify(turn)) <= CONVERSATION_TURN_MAX_BYTES, {
    message: `must be at most ${CONVERSATION_TURN_MAX_BYTES} bytes as JSON`,
  });

export const conversationSaveSchema = z.strictObject({
  expiresAt: z.date({ error: "expected when the turn expires" }),
  now: z.date({ error: "expected the time of saving" }),
});

/** A stored turn as it was saved. */
export type StoredConversationTurn = Readonly<Record<string, unknown>>;

export async function readConversationTurn(
  q: SqlClient,
  key: string,
  now: Date,
): Promise<StoredConversationTurn | undefined> {
  const [row] = await q.query<{ turn: StoredConversationTurn }>(
    "SELECT turn FROM conversation_turns WHERE key = $1 AND expires_at > $2::timestamptz",
    [key, now.toISOString()],
  );
  return row?.turn;
}

/**
 * Saves (or replaces) the turn of `key` and, in the same statement, prunes every other expired turn:
 * one round trip per answer, and no table that only grows. The turn of `key` itself is left to the
 * upsert, which one statement may not both delete and update.
 */
export async function writeConversationTurn(
  q: SqlClient,
  key: string,
  turn: StoredConversationTurn,
  at: { expiresAt: Date; now: Date },
): Promise<void> {
  await q.query(
    `WITH pruned AS (DELETE FROM conversation_turns WHERE expires_at <= $4::timestamptz AND key <> $1)
     INSERT INTO conversation_turns (key, turn, saved_at, expires_at)
     VALUES ($1, $2::json, $4::timestamptz, $3::timestamptz)
     ON CONFLICT (key) DO UPDATE
       SET turn = EXCLUDED.turn, saved_at = EXCLUDED.saved_at, expires_at = EXCLUDED.expires_at`,
    [key, JSON.stringify(turn), at.expiresAt.toISOString(), at.now.toISOString()],
  );
}

/** Removes the turns expired at `now`; returns how many. */
export async function pruneConversationTurnRows(q: SqlClient, now: Date): Promise<number> {
  const rows = await q.query(
    "DELETE FROM conversation_turns WHERE expires_at <= $1::timestamptz RETURNING 1",
    [now.toISOString()],
  );
  return rows.length;
}
