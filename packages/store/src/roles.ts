/** The member_roles table: which Teams users hold which role in a collaboration. */
import type { SqlClient } from "./sql.js";
import type { MemberRole } from "./secretary-inputs.js";

/** A role granted to a Teams user. */
export interface RoleGrant {
  readonly collaborationId: string;
  readonly aadObjectId: string;
  readonly role: MemberRole;
  /** ISO 8601 instant. */
  readonly grantedAt: string;
  readonly grantedBy: string;
}

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface RoleRow {
  collaboration_id: string;
  aad_object_id: string;
  role: MemberRole;
  granted_at: string;
  granted_by: string;
}

const toGrant = (r: RoleRow): RoleGrant => ({
  collaborationId: r.collaboration_id,
  aadObjectId: r.aad_object_id,
  role: r.role,
  grantedAt: r.granted_at,
  grantedBy: r.granted_by,
});

export async function readRoles(
  q: SqlClient,
  where: { collaborationId?: string; aadObjectId?: string; role?: MemberRole },
): Promise<RoleGrant[]> {
  const rows = await q.query<RoleRow>(
    `SELECT collaboration_id, aad_object_id, role, ${INSTANT("granted_at")} AS granted_at, granted_by
     FROM member_roles
     WHERE ($1::text IS NULL OR collaboration_id = $1) AND ($2::text IS NULL OR aad_object_id = $2)
       AND ($3::text IS NULL OR role = $3)
     ORDER BY collaboration_id, role, granted_at, aad_object_id`,
    [where.collaborationId ?? null, where.aadObjectId ?? null, where.role ?? null],
  );
  return rows.map(toGrant);
}

/** Inserts the grant unless it is there; true when it was new. */
export async function insertRole(
  tx: SqlClient,
  grant: { collaborationId: string; aadObjectId: string; role: MemberRole; grantedBy: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO member_roles (collaboration_id, aad_object_id, role, granted_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING aad_object_id`,
    [grant.collaborationId, grant.aadObjectId, grant.role, grant.grantedBy],
  );
  return rows.length > 0;
}

/** Deletes the grant; true when there was one. */
export async function deleteRole(
  tx: SqlClient,
  grant: { collaborationId: string; aadObjectId: string; role: MemberRole },
): Promise<boolean> {
  const rows = await tx.query(
    `DELETE FROM member_roles WHERE collaboration_id = $1 AND aad_object_id = $2 AND role = $3
     RETURNING aad_object_id`,
    [grant.collaborationId, grant.aadObjectId, grant.role],
  );
  return rows.length > 0;
}
