-- The Teams bot's reminders: which chats asked for them, which reminders went out (exactly once), and
-- the open items the secretary carries from one meeting to the next.

-- A chat or channel that subscribed to reminders, for one collaboration and role. `reference` is the
-- Bot Framework conversation reference the bot needs to write to the chat later.
CREATE TABLE reminder_subscriptions (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  conversation_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('secretary', 'member')),
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  reference json NOT NULL,
  subscribed_at timestamptz NOT NULL,
  subscribed_by text NOT NULL,
  PRIMARY KEY (collaboration_id, conversation_id, role)
);

-- One row per reminder key (meeting, its start, kind, chat): claimed before sending, recorded after.
-- The primary key is the idempotency key, so two instances can never both claim one reminder; a claim
-- is taken over only after its lease ran out (the claimer crashed) or a failed send's retry time came.
CREATE TABLE reminder_deliveries (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  meeting_id text NOT NULL,
  meeting_start text NOT NULL,
  kind text NOT NULL,
  conversation_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL,
  lease_until timestamptz,
  attempts integer NOT NULL DEFAULT 1,
  sent_at timestamptz,
  activity_id text,
  retry_at timestamptz,
  last_error text,
  note text,
  PRIMARY KEY (collaboration_id, meeting_id, meeting_start, kind, conversation_id)
);
CREATE INDEX reminder_deliveries_by_start ON reminder_deliveries (meeting_start);

-- Points kept open from one meeting to the next until closed; agenda reminders list the open ones.
CREATE TABLE open_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  meeting_id text,
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by text NOT NULL,
  closed_at timestamptz,
  closed_by text
);
CREATE INDEX open_items_open ON open_items (collaboration_id) WHERE closed_at IS NULL;
