/**
 * The reminder tables: subscriptions (which chat wants which reminders), deliveries (each reminder
 * key claimed before sending and recorded after — the exactly-once ledger) and open items.
 * Times are passed in by the caller (the bot's clock), never read from the database, so a test's
 * controllable clock governs leases and retries exactly as the real one does.
 */
import type { OpenItem, ReminderDelivery, ReminderKey, ReminderSubscription } from "@samverkan/domain";
import type { SqlClient } from "./sql.js";

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const KEY_WHERE = `collaboration_id = $1 AND meeting_id = $2 AND meeting_start = $3 AND kind = $4
  AND conversation_id = $5`;

function keyParams(key: ReminderKey): [string, string, string, string, string] {
  return [key.collaborationId, key.meetingId, key.meetingStart, key.kind, key.conversationId];
}

interface SubscriptionRow {
  collaboration_id: string;
  conversation_id: string;
  role: ReminderSubscription["role"];
  language: ReminderSubscription["language"];
  reference: Record<string, unknown>;
  subscribed_at: string;
  subscribed_by: string;
}

const SUBSCRIPTION_COLUMNS = `collaboration_id, conversation_id, role, language, reference,
  ${INSTANT("subscribed_at")} AS subscribed_at, subscribed_by`;

function toSubscription(r: SubscriptionRow): ReminderSubscription {
  return {
    collaborationId: r.collaboration_id,
    conversationId: r.conversation_id,
    role: r.role,
    language: r.language,
    reference: r.reference,
    subscribedAt: r.subscribed_at,
    subscribedBy: r.subscribed_by,
  };
}

export async function readSubscriptions(
  q: SqlClient,
  query: { collaborationId?: string; conversationId?: string } = {},
): Promise<ReminderSubscription[]> {
  const rows = await q.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM reminder_subscriptions
     WHERE ($1::text IS NULL OR collaboration_id = $1) AND ($2::text IS NULL OR conversation_id = $2)
     ORDER BY collaboration_id, conversation_id, role`,
    [query.collaborationId ?? null, query.conversationId ?? null],
  );
  return rows.map(toSubscription);
}

/**
 * Adds a subscription, or refreshes the reference and language of an existing one (a chat that
 * subscribes again keeps its first `subscribedAt`, so it is not sent what it already had).
 */
export async function upsertSubscription(
  q: SqlClient,
  s: ReminderSubscription,
): Promise<ReminderSubscription> {
  const [row] = await q.query<SubscriptionRow>(
    `INSERT INTO reminder_subscriptions
       (collaboration_id, conversation_id, role, language, reference, subscribed_at, subscribed_by)
     VALUES ($1, $2, $3, $4, $5::json, $6::timestamptz, $7)
     ON CONFLICT (collaboration_id, conversation_id, role) DO UPDATE
       SET language = EXCLUDED.language, reference = EXCLUDED.reference
     RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [
      s.collaborationId,
      s.conversationId,
      s.role,
      s.language,
      JSON.stringify(s.reference),
      s.subscribedAt,
      s.subscribedBy,
    ],
  );
  if (!row) throw new Error("the subscription was not written");
  return toSubscription(row);
}

export async function deleteSubscriptions(
  q: SqlClient,
  query: { conversationId: string; collaborationId?: string; role?: string },
): Promise<ReminderSubscription[]> {
  const rows = await q.query<SubscriptionRow>(
    `DELETE FROM reminder_subscriptions
     WHERE conversation_id = $1 AND ($2::text IS NULL OR collaboration_id = $2) AND ($3::text IS NULL OR role = $3)
     RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [query.conversationId, query.collaborationId ?? null, query.role ?? null],
  );
  return rows.map(toSubscription);
}

interface DeliveryRow {
  collaboration_id: string;
  meeting_id: string;
  meeting_start: string;
  kind: string;
  conversation_id: string;
  status: ReminderDelivery["status"];
  claimed_by: string;
  claimed_at: string;
  lease_until: string | null;
  attempts: number;
  sent_at: string | null;
  activity_id: string | null;
  retry_at: string | null;
  last_error: string | null;
  note: string | null;
}

export async function readDeliveries(
  q: SqlClient,
  query: { collaborationId?: string; meetingsFrom?: string } = {},
): Promise<ReminderDelivery[]> {
  const rows = await q.query<DeliveryRow>(
    `SELECT collaboration_id, meeting_id, meeting_start, kind, conversation_id, status, claimed_by,
            ${INSTANT("claimed_at")} AS claimed_at, ${INSTANT("lease_until")} AS lease_until, attempts,
            ${INSTANT("sent_at")} AS sent_at, activity_id, ${INSTANT("retry_at")} AS retry_at, last_error, note
     FROM reminder_deliveries
     WHERE ($1::text IS NULL OR collaboration_id = $1) AND ($2::text IS NULL OR meeting_start >= $2)
     ORDER BY meeting_start, meeting_id, kind, conversation_id`,
    [query.collaborationId ?? null, query.meetingsFrom ?? null],
  );
  return rows.map((r) => ({
    collaborationId: r.collaboration_id,
    meetingId: r.meeting_id,
    meetingStart: r.meeting_start,
    kind: r.kind,
    conversationId: r.conversation_id,
    status: r.status,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    ...(r.lease_until !== null && { leaseUntil: r.lease_until }),
    attempts: r.attempts,
    ...(r.sent_at !== null && { sentAt: r.sent_at }),
    ...(r.activity_id !== null && { activityId: r.activity_id }),
    ...(r.retry_at !== null && { retryAt: r.retry_at }),
    ...(r.last_error !== null && { lastError: r.last_error }),
    ...(r.note !== null && { note: r.note }),
  }));
}

/**
 * Claims a reminder for `instanceId`: true for exactly one caller. A first claim inserts the key; a
 * later one succeeds only over a claim whose lease has run out (its instance died between claim and
 * send) or a failed send whose retry time has come. The primary key makes concurrent claims from two
 * instances wait for each other, and the loser finds the winner's live claim.
 */
export async function claimDelivery(
  q: SqlClient,
  key: ReminderKey,
  claim: { instanceId: string; now: Date; leaseUntil: Date },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO reminder_deliveries
       (collaboration_id, meeting_id, meeting_start, kind, conversation_id, status, claimed_by, claimed_at, lease_until)
     VALUES ($1, $2, $3, $4, $5, 'claimed', $6, $7::timestamptz, $8::timestamptz)
     ON CONFLICT (collaboration_id, meeting_id, meeting_start, kind, conversation_id) DO UPDATE
       SET status = 'claimed', claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at,
           lease_until = EXCLUDED.lease_until, attempts = reminder_deliveries.attempts + 1, retry_at = NULL
       WHERE (reminder_deliveries.status = 'claimed' AND reminder_deliveries.lease_until <= EXCLUDED.claimed_at)
          OR (reminder_deliveries.status = 'failed' AND reminder_deliveries.retry_at <= EXCLUDED.claimed_at)
     RETURNING 1`,
    [...keyParams(key), claim.instanceId, claim.now.toISOString(), claim.leaseUntil.toISOString()],
  );
  return rows.length === 1;
}

/** Records a claimed reminder as sent; false when this instance no longer held the claim. */
export async function markDeliverySent(
  q: SqlClient,
  key: ReminderKey,
  sent: { instanceId: string; at: Date; activityId?: string },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE reminder_deliveries
     SET status = 'sent', sent_at = $7::timestamptz, activity_id = $8, lease_until = NULL, last_error = NULL
     WHERE ${KEY_WHERE} AND claimed_by = $6 AND status = 'claimed'
     RETURNING 1`,
    [...keyParams(key), sent.instanceId, sent.at.toISOString(), sent.activityId ?? null],
  );
  return rows.length === 1;
}

/** Records a failed send; with `retryAt` it may be claimed again from then, without it never. */
export async function markDeliveryFailed(
  q: SqlClient,
  key: ReminderKey,
  failure: { instanceId: string; at: Date; error: string; retryAt?: Date },
): Promise<void> {
  await q.query(
    `UPDATE reminder_deliveries
     SET status = 'failed', lease_until = NULL, last_error = $7, retry_at = $8::timestamptz
     WHERE ${KEY_WHERE} AND claimed_by = $6 AND status = 'claimed'`,
    [
      ...keyParams(key),
      failure.instanceId,
      failure.error.slice(0, 1000),
      failure.retryAt?.toISOString() ?? null,
    ],
  );
}

/** Records a reminder that will never be sent (a later one replaced it); a key already there is kept. */
export async function skipDelivery(
  q: SqlClient,
  key: ReminderKey,
  skip: { instanceId: string; at: Date; note: string },
): Promise<void> {
  await q.query(
    `INSERT INTO reminder_deliveries
       (collaboration_id, meeting_id, meeting_start, kind, conversation_id, status, claimed_by, claimed_at, attempts, note)
     VALUES ($1, $2, $3, $4, $5, 'skipped', $6, $7::timestamptz, 0, $8)
     ON CONFLICT (collaboration_id, meeting_id, meeting_start, kind, conversation_id) DO UPDATE
       SET status = 'skipped', note = EXCLUDED.note, lease_until = NULL, retry_at = NULL
       WHERE reminder_deliveries.status = 'failed'
          OR (reminder_deliveries.status = 'claimed' AND reminder_deliveries.lease_until <= EXCLUDED.claimed_at)`,
    [...keyParams(key), skip.instanceId, skip.at.toISOString(), skip.note],
  );
}

interface OpenItemRow {
  id: string;
  collaboration_id: string;
  text: string;
  meeting_id: string | null;
  added_at: string;
  added_by: string;
  closed_at: string | null;
  closed_by: string | null;
}

const OPEN_ITEM_COLUMNS = `id::text AS id, collaboration_id, text, meeting_id, ${INSTANT("added_at")} AS added_at,
  added_by, ${INSTANT("closed_at")} AS closed_at, closed_by`;

function toOpenItem(r: OpenItemRow): OpenItem {
  return {
    id: Number(r.id),
    collaborationId: r.collaboration_id,
    text: r.text,
    ...(r.meeting_id !== null && { meetingId: r.meeting_id }),
    addedAt: r.added_at,
    addedBy: r.added_by,
    ...(r.closed_at !== null && { closedAt: r.closed_at }),
    ...(r.closed_by !== null && { closedBy: r.closed_by }),
  };
}

export async function readOpenItems(
  q: SqlClient,
  collaborationId: string,
  options: { includeClosed?: boolean } = {},
): Promise<OpenItem[]> {
  const rows = await q.query<OpenItemRow>(
    `SELECT ${OPEN_ITEM_COLUMNS} FROM open_items
     WHERE collaboration_id = $1 AND ($2 OR closed_at IS NULL) ORDER BY id`,
    [collaborationId, options.includeClosed === true],
  );
  return rows.map(toOpenItem);
}

export async function insertOpenItem(
  q: SqlClient,
  item: { collaborationId: string; text: string; meetingId?: string; actor: string },
): Promise<OpenItem> {
  const [row] = await q.query<OpenItemRow>(
    `INSERT INTO open_items (collaboration_id, text, meeting_id, added_by) VALUES ($1, $2, $3, $4)
     RETURNING ${OPEN_ITEM_COLUMNS}`,
    [item.collaborationId, item.text, item.meetingId ?? null, item.actor],
  );
  if (!row) throw new Error("the open item was not written");
  return toOpenItem(row);
}

/** Closes an open item; undefined when there is no such open item. */
export async function closeOpenItemRow(
  q: SqlClient,
  collaborationId: string,
  id: number,
  actor: string,
): Promise<OpenItem | undefined> {
  const [row] = await q.query<OpenItemRow>(
    `UPDATE open_items SET closed_at = now(), closed_by = $3
     WHERE collaboration_id = $1 AND id = $2 AND closed_at IS NULL
     RETURNING ${OPEN_ITEM_COLUMNS}`,
    [collaborationId, id, actor],
  );
  return row ? toOpenItem(row) : undefined;
}
