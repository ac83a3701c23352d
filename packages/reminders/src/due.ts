import type {
  ReminderDelivery,
  ReminderKey,
  ReminderSettings,
  ReminderSubscription,
} from "@samverkan/domain";
import { reminderKeyString } from "./key.js";
import type { ScheduledReminder } from "./schedule.js";

/** A scheduled reminder for one subscribed chat, with its key and whether it goes out late. */
export interface DueReminder extends ReminderKey {
  readonly reminder: ScheduledReminder;
  readonly subscription: ReminderSubscription;
  /** True when it goes out more than `lateAfterMinutes` after it was due (the bot was down). */
  readonly late: boolean;
  /** Earlier reminders of the same meeting to the same chat that were missed; this one replaces them. */
  readonly supersedes: readonly DueReminder[];
}

export interface DueResult {
  /**
   * To send now, oldest first. A claim whose lease ran out (its instance died) and a failed send whose
   * retry time came are offered again; the store's claim decides who sends.
   */
  readonly due: DueReminder[];
  /** Missed reminders replaced by a later one of the same meeting: recorded as skipped, never sent. */
  readonly superseded: DueReminder[];
  /** The next reminder of each subscription that is not due yet. */
  readonly upcoming: DueReminder[];
}

/**
 * Which reminders are due at `now`: those of a subscribed chat's role whose time has come
 * (`dueAt ≤ now`) while the meeting is still ahead (`now < startsAt`), that were due after the chat
 * subscribed, and that are not yet sent or skipped. When the bot was down across several reminders of
 * one meeting, only the latest goes out (marked late); the older ones are superseded.
 *
 * Pure: the schedule, the subscriptions and what the store has recorded in, the decision out.
 */
export function dueReminders(input: {
  readonly schedule: readonly ScheduledReminder[];
  readonly subscriptions: readonly ReminderSubscription[];
  readonly deliveries: readonly ReminderDelivery[];
  readonly now: Date;
  readonly settings: ReminderSettings;
}): DueResult {
  const { schedule, subscriptions, now, settings } = input;
  const recorded = new Map(input.deliveries.map((d) => [reminderKeyString(d), d]));
  const candidates = new Map<string, DueReminder[]>();
  const upcoming: DueReminder[] = [];
  for (const subscription of subscriptions) {
    const subscribedAt = new Date(subscription.subscribedAt).getTime();
    let next: DueReminder | undefined;
    for (const reminder of schedule) {
      if (reminder.collaborationId !== subscription.collaborationId || reminder.role !== subscription.role)
        continue;
      if (now.getTime() >= reminder.startsAt.getTime()) continue;
      const due = dueReminderOf(reminder, subscription, now, settings);
      if (reminder.dueAt.getTime() > now.getTime()) {
        if (!next || reminder.dueAt < next.reminder.dueAt) next = due;
        continue;
      }
      if (reminder.dueAt.getTime() < subscribedAt) continue;
      const state = recorded.get(reminderKeyString(due))?.status;
      if (state === "sent" || state === "skipped") continue;
      const group = `${subscription.conversationId} | ${reminder.collaborationId} | ${reminder.meeting.id} | ${reminder.role}`;
      candidates.set(group, [...(candidates.get(group) ?? []), due]);
    }
    if (next) upcoming.push(next);
  }
  const due: DueReminder[] = [];
  const superseded: DueReminder[] = [];
  for (const group of candidates.values()) {
    // The schedule is in due order, so the last one is the latest; it carries the others' news.
    const latest = group[group.length - 1] as DueReminder;
    const older = group.slice(0, -1);
    superseded.push(...older);
    // Decided after grouping: a latest reminder in flight must not let an older one take its place.
    if (!waiting(recorded.get(reminderKeyString(latest)), now)) due.push({ ...latest, supersedes: older });
  }
  const byDue = (a: DueReminder, b: DueReminder) =>
    a.reminder.dueAt.getTime() - b.reminder.dueAt.getTime() ||
    reminderKeyString(a).localeCompare(reminderKeyString(b));
  return { due: due.sort(byDue), superseded: superseded.sort(byDue), upcoming: upcoming.sort(byDue) };
}

/**
 * Whether a recorded delivery is not to be tried now: another instance holds a live claim, a failed
 * send waits for its retry time, or it was refused for good (no retry time). The store would refuse
 * the claim anyway; leaving it out keeps `samverkan reminders --dry-run` truthful and the ticks quiet.
 */
function waiting(delivery: ReminderDelivery | undefined, now: Date): boolean {
  if (delivery?.status === "claimed")
    return delivery.leaseUntil !== undefined && Date.parse(delivery.leaseUntil) > now.getTime();
  if (delivery?.status === "failed")
    return delivery.retryAt === undefined || Date.parse(delivery.retryAt) > now.getTime();
  return false;
}

function dueReminderOf(
  reminder: ScheduledReminder,
  subscription: ReminderSubscription,
  now: Date,
  settings: ReminderSettings,
): DueReminder {
  return {
    collaborationId: reminder.collaborationId,
    meetingId: reminder.meeting.id,
    meetingStart: reminder.meetingStart,
    kind: reminder.kind,
    conversationId: subscription.conversationId,
    reminder,
    subscription,
    late: now.getTime() - reminder.dueAt.getTime() > settings.lateAfterMinutes * 60_000,
    supersedes: [],
  };
}
