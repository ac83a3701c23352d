import type { SqlClient, SqlValue } from "./sql.js";
import type { AuditEntry } from "./types.js";

export interface AuditWrite {
  readonly actor: string;
  readonly action: string;
  readonly collaborationId: string | null;
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Adds one audit row in the writer's transaction, so the write and its record commit together. */
export async function writeAudit(tx: SqlClient, entry: AuditWrite): Promise<void> {
  const json = (v: unknown): SqlValue => (v === null || v === undefined ? null : JSON.stringify(v));
  await tx.query(
    `INSERT INTO audit_log (actor, action, collaboration_id, target, before, after)
     VALUES ($1, $2, $3, $4, $5::json, $6::json)`,
    [entry.actor, entry.action, entry.collaborationId, entry.target, json(entry.before), json(entry.after)],
  );
}

/** Reads the audit log, newest first. */
export async function readAudit(
  q: SqlClient,
  query: { limit: number; since?: string; collaborationId?: string },
): Promise<AuditEntry[]> {
  const rows = await q.query<{
    id: string;
    at: string;
    actor: string;
    action: string;
    collaboration_id: string | null;
    target: string;
    before: unknown;
    after: unknown;
  }>(
    `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            actor, action, collaboration_id, target, before, after
     FROM audit_log
     WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)
       AND ($2::text IS NULL OR collaboration_id = $2)
     ORDER BY audit_log.id DESC LIMIT $3`,
    [query.since ?? null, query.collaborationId ?? null, query.limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    collaborationId: r.collaboration_id,
    target: r.target,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
