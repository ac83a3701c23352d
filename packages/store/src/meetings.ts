import { membersOn, type Dataset, type Meeting } from "@samverkan/domain";
import type { MeetingChange } from "./inputs.js";
import type { PlannedTime, RecordedAttendance, StoredMeeting } from "./types.js";

export interface StoredChange {
  readonly meetingId: string;
  readonly change: MeetingChange;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface StoredAttendance extends RecordedAttendance {
  readonly meetingId: string;
}

function plannedTime(m: Meeting): PlannedTime {
  return {
    date: m.date,
    ...(m.endDate !== undefined && { endDate: m.endDate }),
    ...(m.startTime !== undefined && { startTime: m.startTime }),
    ...(m.endTime !== undefined && { endTime: m.endTime }),
    ...(m.place !== undefined && { place: m.place }),
  };
}

/**
 * The dataset's meetings with the recorded changes applied in the order they were made, then the
 * recorded attendance. Pure: the same inputs give the same plan. Sorted by date and start time.
 */
export function applyMeetingChanges(
  dataset: Dataset,
  changes: readonly StoredChange[],
  attendance: readonly StoredAttendance[],
): StoredMeeting[] {
  const meetings = new Map<string, StoredMeeting>(
    dataset.meetings.map((m) => [m.id, { ...m, origin: "dataset" as const, sequence: 0 }]),
  );
  for (const { meetingId, change, recordedAt, recordedBy } of changes) {
    const stamp = { changedAt: recordedAt, changedBy: recordedBy };
    if (change.kind === "added") {
      if (meetings.has(meetingId)) continue; // A dataset re-import may since have added the same id.
      meetings.set(meetingId, {
        ...change.meeting,
        status: "planned",
        origin: "added",
        sequence: 0,
        scheduleChangedAt: recordedAt,
        ...stamp,
      });
      continue;
    }
    const current = meetings.get(meetingId);
    if (!current) continue; // The meeting left the dataset in a later import; its changes are kept, unused.
    // A calendar that subscribed to the plan replaces its copy of the event when this goes up.
    const rescheduled = { sequence: current.sequence + 1, scheduleChangedAt: recordedAt };
    if (change.kind === "moved") {
      const { reason, ...to } = change.to;
      const { endDate: _e, startTime: _s, endTime: _t, reason: _r, ...rest } = current;
      // The new times replace the old ones as a whole: a move to a day without times has none.
      meetings.set(meetingId, {
        ...rest,
        ...(to.place === undefined && current.place !== undefined ? { place: current.place } : {}),
        ...to,
        status: "moved",
        movedFrom: current.movedFrom ?? plannedTime(current),
        ...(reason !== undefined && { reason }),
        ...rescheduled,
        ...stamp,
      });
    } else {
      const { reason: _r, ...rest } = current;
      meetings.set(meetingId, {
        ...rest,
        status: "cancelled",
        ...(change.reason !== undefined && { reason: change.reason }),
        ...rescheduled,
        ...stamp,
      });
    }
  }
  for (const a of attendance) {
    const m = meetings.get(a.meetingId);
    if (!m) continue;
    const { meetingId: _id, ...attendees } = a;
    const of = membersOn(dataset.collaboration, m.date).length;
    meetings.set(a.meetingId, {
      ...m,
      attendees,
      attendance: {
        present: a.municipalities.length,
        of: Math.max(of, a.municipalities.length),
        // One toggle per member municipality; the count keeps the unit the minutes use for the meeting
        // (the committee's "9 av 14 ledamöter": each municipality has its seat), so the goal it is
        // measured against stays the same (attendanceRate for members, preparatory… for municipalities).
        counts: m.attendance?.counts ?? (m.body === "committee" ? "members" : "municipalities"),
        // Who recorded it is in the audit log; the answer names the record, not the person.
        source: `Registrerad närvaro ${a.recordedAt.slice(0, 10)}`,
      },
      changedAt: a.recordedAt,
      changedBy: a.recordedBy,
    });
  }
  return [...meetings.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.startTime ?? "").localeCompare(b.startTime ?? "") ||
      a.id.localeCompare(b.id),
  );
}
