-- The secretary's work from Teams: who may record (roles granted to Teams users), decisions recorded
-- against a meeting, and the writes already applied (so a card submitted twice records once).

-- A Teams user (by Azure AD object id, lower-case) granted a role in one collaboration. Granted and
-- revoked from the command line only; every grant and revocation is in the audit log.
CREATE TABLE member_roles (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  aad_object_id text NOT NULL CHECK (aad_object_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  role text NOT NULL CHECK (role IN ('secretary')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  granted_by text NOT NULL,
  PRIMARY KEY (collaboration_id, aad_object_id, role)
);

-- A decision (§) recorded after a meeting, beside the ones of the published minutes in the dataset.
-- Recording the same § of the same meeting again replaces it (a correction; the audit log keeps both).
CREATE TABLE recorded_decisions (
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  meeting_id text NOT NULL,
  paragraph integer NOT NULL CHECK (paragraph > 0),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
  decision text NOT NULL CHECK (length(decision) BETWEEN 1 AND 5000),
  case_number text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  PRIMARY KEY (collaboration_id, meeting_id, paragraph)
);

-- One row per write made with an idempotency key (a card's submit carries one): the second write with
-- the same key finds the row and writes nothing. The key is the primary key, so two instances that
-- get the same submit at once cannot both write.
CREATE TABLE applied_writes (
  idempotency_key text PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  collaboration_id text NOT NULL REFERENCES collaborations (id),
  action text NOT NULL,
  target text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL
);
