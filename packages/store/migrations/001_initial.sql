-- The first schema of the samverkan store. Migrations only ever add: a later issue (the Teams bot)
-- adds its own tables (conversation references, reminder claims) in new files after this one.

-- A collaboration's dataset is the system of record: one row per data file, holding the file's
-- content exactly as read from YAML (validated before it is written and again when it is read).
CREATE TABLE collaborations (
  id text PRIMARY KEY,
  -- Raised on every import that changes a file, so readers know when their copy is stale.
  revision integer NOT NULL DEFAULT 1,
  source text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL
);

CREATE TABLE dataset_files (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  file_name text NOT NULL,
  content json NOT NULL,
  PRIMARY KEY (collaboration_id, file_name)
);

-- Outcomes (utfall) and forecasts (prognos) recorded after the dataset was published: one amount
-- per collaboration, line (a cost item id or a label) and date. NUMERIC keeps the amount exact,
-- with the scale it was written with ("119924.00").
CREATE TABLE recorded_amounts (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  kind text NOT NULL CHECK (kind IN ('outcome', 'forecast')),
  line text NOT NULL,
  date date NOT NULL,
  amount numeric NOT NULL,
  unit text NOT NULL CHECK (unit IN ('kr', 'tkr')),
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  PRIMARY KEY (collaboration_id, kind, line, date)
);

-- Changes to the meeting plan, applied in order on top of the dataset's meetings.
CREATE TABLE meeting_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  meeting_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('moved', 'cancelled', 'added')),
  details json NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL
);
CREATE INDEX meeting_changes_by_meeting ON meeting_changes (collaboration_id, meeting_id, id);

-- Who attended a meeting; replaces the dataset's attendance figure for that meeting.
CREATE TABLE meeting_attendance (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  meeting_id text NOT NULL,
  municipalities json NOT NULL,
  roles json NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  PRIMARY KEY (collaboration_id, meeting_id)
);

-- Every write: who, when, what, and the record before and after (null when there was none).
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor text NOT NULL,
  action text NOT NULL,
  collaboration_id text,
  target text NOT NULL,
  before json,
  after json
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- API tokens: only the SHA-256 of a token is kept, never the token itself.
CREATE TABLE tokens (
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('secretary', 'reader')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
