-- Conversations: the last answered question of each conversation, so a follow-up ("och 2022?",
-- "and Luleå?") can take what it leaves out from there. Kept in the database, not in a bot's memory,
-- so it survives a restart and serves every bot instance. Each row expires; expired rows are never
-- read and are pruned when turns are saved.

CREATE TABLE conversation_turns (
  -- The caller's key: a Teams conversation and the person asking in it, an API client's conversation id.
  key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 512),
  -- The assistant's ConversationTurn as it returned it (plain JSON, opaque to the store).
  turn json NOT NULL,
  saved_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX conversation_turns_expiry ON conversation_turns (expires_at);
