import { zonedInstant, type Meeting, type ReminderRole, type ReminderSettings } from "@samverkan/domain";

/** A meeting as the reminders read it: the plan's meeting, and where it was before when it was moved. */
export type RemindedMeeting = Meeting & {
  readonly movedFrom?: { readonly date: string; readonly startTime?: string; readonly place?: string };
  readonly reason?: string;
};

/**
 * What a reminder is about: `agenda` (the secretary's agenda reminder) or `meeting` (members, the day
 * before), with how many days before the meeting it goes out, e.g. "agenda-21d", "meeting-1d".
 */
export type ReminderKind = `${"agenda" | "meeting"}-${number}d`;

/** One reminder the meeting plan calls for, before it is matched with the chats that subscribed. */
export interface ScheduledReminder {
  readonly collaborationId: string;
  readonly meeting: RemindedMeeting;
  /**
   * The meeting's start as it is now, as a UTC instant ("2022-06-22T11:00:00Z" for 13:00 in Stockholm), or the date alone when the plan
   * gives no time. Part of the idempotency key, so a moved meeting is reminded of anew.
   */
  readonly meetingStart: string;
  readonly kind: ReminderKind;
  readonly role: ReminderRole;
  readonly daysBefore: number;
  /** When it goes out: `sendAt` local time, `daysBefore` days before the meeting's date. */
  readonly dueAt: Date;
  /** The meeting's start as an instant (local midnight when it has no time): no reminder after it. */
  readonly startsAt: Date;
}

/** Which bodies' meetings each role is reminded of. */
const BODIES: Readonly<Record<ReminderRole, readonly Meeting["body"][]>> = {
  // The secretary prepares the committee's agenda; the preparatory group decides nothing (årshjul).
  secretary: ["committee"],
  member: ["committee", "preparatoryGroup"],
};

/** "2022-06-22" minus `days` calendar days (no time zone involved: calendar arithmetic on the date). */
export function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/**
 * Every reminder the meeting plan calls for, in due order. Cancelled meetings get none; a moved
 * meeting's reminders are those of its new time (its `meetingStart` differs, so they are new reminders).
 *
 * @example
 * scheduleReminders("norrbotten", meetings, DEFAULT_REMINDER_SETTINGS, "Europe/Stockholm")
 * // → agenda-21d and agenda-7d for each committee meeting, meeting-1d for it and each preparatory group meeting
 */
export function scheduleReminders(
  collaborationId: string,
  meetings: readonly RemindedMeeting[],
  settings: ReminderSettings,
  timeZone: string,
): ScheduledReminder[] {
  const reminders: ScheduledReminder[] = [];
  for (const meeting of meetings) {
    if (meeting.status === "cancelled") continue;
    const startsAt = zonedInstant(meeting.date, meeting.startTime ?? "00:00", timeZone);
    const meetingStart = meeting.startTime ? startsAt.toISOString().replace(/\.000Z$/, "Z") : meeting.date;
    const plans: [ReminderRole, "agenda" | "meeting", readonly number[]][] = [
      ["secretary", "agenda", settings.agendaDaysBefore],
      ["member", "meeting", settings.memberDaysBefore],
    ];
    for (const [role, what, days] of plans) {
      if (!BODIES[role].includes(meeting.body)) continue;
      for (const n of new Set(days)) {
        reminders.push({
          collaborationId,
          meeting,
          meetingStart,
          kind: `${what}-${n}d`,
          role,
          daysBefore: n,
          dueAt: zonedInstant(daysBefore(meeting.date, n), settings.sendAt, timeZone),
          startsAt,
        });
      }
    }
  }
  return reminders.sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.meeting.id.localeCompare(b.meeting.id),
  );
}
