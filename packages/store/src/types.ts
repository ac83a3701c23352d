import type { Attendance, DataProblem, DatasetFileName, Meeting, MoneyUnit } from "@samverkan/domain";
import type { AmountKind, TokenRole } from "./inputs.js";

/** Who makes a write; the audit log records it. */
export interface WriteOptions {
  readonly actor: string;
  /**
   * Makes the write once: a second write with the same key (a card submitted twice, a retried
   * request) writes nothing and returns the record as it stands. Meetings, attendance and decisions.
   */
  readonly idempotencyKey?: string;
}

/** An outcome or forecast as recorded. `amount` is an exact decimal string with the scale it was written with. */
export interface RecordedAmount {
  readonly collaborationId: string;
  readonly kind: AmountKind;
  readonly line: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** Exact, e.g. "119924.00"; never a float. Use `new Decimal(amount)` to compute. */
  readonly amount: string;
  readonly unit: MoneyUnit;
  readonly note?: string;
  /** ISO 8601 instant. */
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** What a meeting looked like before it was moved. */
export interface PlannedTime {
  readonly date: string;
  readonly endDate?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly place?: string;
}

/** Who was recorded as attending a meeting. */
export interface RecordedAttendance {
  readonly municipalities: readonly string[];
  readonly roles: readonly string[];
  readonly note?: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * A meeting of the plan with every recorded change applied: `status` is "moved" or "cancelled"
 * when it was, `origin` says whether it came from the dataset or was added, and `attendance`
 * is the recorded one when there is one (else the dataset's figure).
 */
export type StoredMeeting = Meeting & {
  readonly origin: "dataset" | "added";
  /** Where and when it was planned, for a moved meeting. */
  readonly movedFrom?: PlannedTime;
  /** Why it was moved or cancelled, when given. */
  readonly reason?: string;
  /** The recorded attendees; `attendance` then counts them against the members on the meeting's date. */
  readonly attendees?: RecordedAttendance;
  readonly attendance?: Attendance;
  /**
   * How often its time, place or status was changed (moved, cancelled): 0 as planned. A calendar
   * feed's SEQUENCE; recording attendance does not raise it.
   */
  readonly sequence: number;
  /** When its time, place or status was last changed (or it was added), ISO 8601; absent as planned. */
  readonly scheduleChangedAt?: string;
  /** When the meeting was last changed or its attendance recorded, and by whom. */
  readonly changedAt?: string;
  readonly changedBy?: string;
};

/** What one import changed in one data file. Entries are named by id (or date, kommunkod, § …). */
export interface FileChange {
  readonly file: DatasetFileName;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** The result of `importDataset`. */
export interface ImportReport {
  readonly collaborationId: string;
  /** False when the folder held exactly what was stored: nothing was written. */
  readonly changed: boolean;
  /** True when the collaboration was not in the store before. */
  readonly created: boolean;
  readonly revision: number;
  readonly files: readonly FileChange[];
}

/** One row of the audit log. `before`/`after` are the record as JSON (null when there was none). */
export interface AuditEntry {
  readonly id: number;
  /** ISO 8601 instant. */
  readonly at: string;
  readonly actor: string;
  /** e.g. "dataset.import", "amount.record", "meeting.moved", "attendance.record", "token.ensure". */
  readonly action: string;
  readonly collaborationId: string | null;
  /** What was written, e.g. "outcome e-arkiv 2023-05-31" or "meeting committee-2022-03-16". */
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface CollaborationInfo {
  readonly id: string;
  readonly revision: number;
  readonly source: string;
  readonly importedAt: string;
  readonly importedBy: string;
}

export type { TokenRole, DataProblem };
