/** The applied_writes table: a write made with an idempotency key is made once, however often it is sent. */
import type { SqlClient } from "./sql.js";

/**
 * Claims `key` in the writer's transaction: true when this is the first write with it (go on and write),
 * false when a write with it was already made (write nothing). On PostgreSQL a second transaction
 * claiming the same key waits for the first and then sees it taken, so two instances never both write.
 */
export async function claimWrite(
  tx: SqlClient,
  key: string,
  write: { collaborationId: string; action: string; target: string; actor: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO applied_writes (idempotency_key, collaboration_id, action, target, applied_by)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
    [key, write.collaborationId, write.action, write.target, write.actor],
  );
  return rows.length > 0;
}
