/**
 * Decisions recorded after a meeting (the recorded_decisions table), and the register they make with
 * the dataset's published minutes: one list, each decision saying where it is recorded.
 */
import type { Decision } from "@samverkan/domain";
import type { SqlClient } from "./sql.js";
import type { StoredMeeting } from "./types.js";

/** A decision as the secretary recorded it. */
export interface RecordedDecision {
  readonly meetingId: string;
  readonly paragraph: number;
  readonly subject: string;
  readonly decision: string;
  readonly caseNumber?: string;
  /** ISO 8601 instant. */
  readonly recordedAt: string;
  readonly recordedBy: string;
}

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface DecisionRow {
  meeting_id: string;
  paragraph: number;
  subject: string;
  decision: string;
  case_number: string | null;
  recorded_at: string;
  recorded_by: string;
}

export async function readRecordedDecisions(
  q: SqlClient,
  collaborationId: string,
  meetingId?: string,
): Promise<RecordedDecision[]> {
  const rows = await q.query<DecisionRow>(
    `SELECT meeting_id, paragraph, subject, decision, case_number, ${INSTANT("recorded_at")} AS recorded_at,
            recorded_by
     FROM recorded_decisions WHERE collaboration_id = $1 AND ($2::text IS NULL OR meeting_id = $2)
     ORDER BY meeting_id, paragraph`,
    [collaborationId, meetingId ?? null],
  );
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    paragraph: Number(r.paragraph),
    subject: r.subject,
    decision: r.decision,
    ...(r.case_number !== null && { caseNumber: r.case_number }),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
}

export async function upsertRecordedDecision(
  tx: SqlClient,
  collaborationId: string,
  d: Omit<RecordedDecision, "recordedAt">,
): Promise<void> {
  await tx.query(
    `INSERT INTO recorded_decisions (collaboration_id, meeting_id, paragraph, subject, decision, case_number, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (collaboration_id, meeting_id, paragraph) DO UPDATE
       SET subject = EXCLUDED.subject, decision = EXCLUDED.decision, case_number = EXCLUDED.case_number,
           recorded_at = now(), recorded_by = EXCLUDED.recorded_by`,
    [collaborationId, d.meetingId, d.paragraph, d.subject, d.decision, d.caseNumber ?? null, d.recordedBy],
  );
}

/** A recorded decision in the dataset's shape, dated by its meeting and saying where it is recorded. */
export function recordedAsDecision(r: RecordedDecision, meeting: StoredMeeting | undefined): Decision {
  return {
    paragraph: r.paragraph,
    ...(r.caseNumber !== undefined && { caseNumber: r.caseNumber }),
    ...(meeting && { meetingDate: meeting.date }),
    meetingId: r.meetingId,
    title: r.subject,
    decision: r.decision,
    source: `Registrerat av sekreteraren ${r.recordedAt.slice(0, 10)}`,
    sentTo: [],
  };
}

/**
 * The decisions register: the published minutes' decisions and the recorded ones, by meeting date and
 * paragraph. A recorded § never replaces a published one (the store refuses to record it).
 */
export function decisionRegister(
  published: readonly Decision[],
  recorded: readonly RecordedDecision[],
  meetings: readonly StoredMeeting[],
): Decision[] {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const all = [...published, ...recorded.map((r) => recordedAsDecision(r, byId.get(r.meetingId)))];
  return all.sort(
    (a, b) => (a.meetingDate ?? "").localeCompare(b.meetingDate ?? "") || a.paragraph - b.paragraph,
  );
}

/** The published decision with this § on the meeting's date, if the minutes have one. */
export function publishedDecision(
  published: readonly Decision[],
  meeting: StoredMeeting,
  paragraph: number,
): Decision | undefined {
  return published.find((d) => d.paragraph === paragraph && d.meetingDate === meeting.date);
}
