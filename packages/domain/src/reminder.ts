import { z } from "zod";
import { clockTimeSchema } from "./dates.js";

/**
 * Who a chat's reminders are for. The secretary (sekreteraren) gets agenda reminders weeks before each
 * committee meeting; members (ledamöter, the preparatory group) get a reminder the day before a meeting.
 */
export const reminderRoleSchema = z.enum(["secretary", "member"], {
  error: 'must be "secretary" or "member"',
});
export type ReminderRole = z.infer<typeof reminderRoleSchema>;

/** The language reminders are written in: the one the chat subscribed in. */
export const reminderLanguageSchema = z.enum(["sv", "en"], { error: 'must be "sv" or "en"' });
export type ReminderLanguage = z.infer<typeof reminderLanguageSchema>;

const daysBeforeSchema = z
  .number({ error: "expected a number of days" })
  .int({ message: "expected whole days" })
  .min(1, { message: "must be at least 1 day before" })
  .max(90, { message: "must be at most 90 days before" });

/**
 * When reminders go out. The defaults are the committee's working rhythm: agenda reminders three
 * weeks and one week before, the notice (kallelse) sent no later than a week before, members reminded
 * the day before; all at 09:00 in the collaboration's time zone.
 */
export const reminderSettingsSchema = z.strictObject({
  agendaDaysBefore: z.array(daysBeforeSchema).min(1, { message: "needs at least one day" }).default([21, 7]),
  memberDaysBefore: z.array(daysBeforeSchema).min(1, { message: "needs at least one day" }).default([1]),
  /** Local clock time the reminders of a day are sent at. */
  sendAt: clockTimeSchema.default("09:00"),
  /** The last day to send the notice (kallelse): this many days before the meeting. */
  noticeDaysBefore: z
    .number({ error: "expected a number of days" })
    .int({ message: "expected whole days" })
    .min(0, { message: "must be 0 or more days" })
    .max(60, { message: "must be at most 60 days" })
    .default(7),
  /** A reminder sent this long after it was due (the bot was down) says that it is late. */
  lateAfterMinutes: z
    .number({ error: "expected a number of minutes" })
    .int({ message: "expected whole minutes" })
    .min(1, { message: "must be at least 1 minute" })
    .default(15),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** The default reminder settings (21 and 7 days, 09:00, notice 7 days before, members 1 day before). */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = reminderSettingsSchema.parse({});

/**
 * A chat or channel that asked for reminders. `reference` is the Bot Framework conversation reference
 * the bot needs to write to the chat later (proactively); it is stored as received.
 */
export interface ReminderSubscription {
  readonly collaborationId: string;
  readonly conversationId: string;
  readonly role: ReminderRole;
  readonly language: ReminderLanguage;
  readonly reference: Readonly<Record<string, unknown>>;
  /** ISO 8601 instant. Reminders due before it are not sent: a new subscription gets no backlog. */
  readonly subscribedAt: string;
  readonly subscribedBy: string;
}

/**
 * A point the secretary keeps open from one meeting to the next (ärende som bordlagts, återrapportering)
 * until it is closed; agenda reminders list the open ones as carried over.
 */
export interface OpenItem {
  readonly id: number;
  readonly collaborationId: string;
  readonly text: string;
  /** The meeting it was raised at, when said. */
  readonly meetingId?: string;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly closedAt?: string;
  readonly closedBy?: string;
}

/**
 * The idempotency key of one reminder to one chat: (collaboration, meeting id, meeting start, kind,
 * conversation). The store claims a key before sending and records it after, so each is sent once;
 * a moved meeting has another start and so other keys.
 */
export interface ReminderKey {
  readonly collaborationId: string;
  readonly meetingId: string;
  /** The meeting's start as a UTC instant ("2022-06-22T11:00:00Z"), or its date when it has no time. */
  readonly meetingStart: string;
  /** "agenda-21d", "agenda-7d", "meeting-1d", … */
  readonly kind: string;
  readonly conversationId: string;
}

/**
 * What the store knows of one reminder key: `claimed` by an instance until `leaseUntil` (a crash
 * between claim and send lets another take it over after the lease), `sent`, `failed` (to be retried
 * at `retryAt`, or never when that is absent) or `skipped` (superseded by a later reminder).
 */
export interface ReminderDelivery extends ReminderKey {
  readonly status: "claimed" | "sent" | "failed" | "skipped";
  readonly claimedBy: string;
  readonly claimedAt: string;
  readonly leaseUntil?: string;
  readonly attempts: number;
  readonly sentAt?: string;
  readonly activityId?: string;
  readonly retryAt?: string;
  readonly lastError?: string;
  readonly note?: string;
}

/**
 * The delivery ledger a reminder sender needs from the system of record (`@samverkan/store` keeps it):
 * who subscribed, and each reminder key claimed before sending and recorded after. `claimReminder` is
 * the heart of "exactly once": it succeeds for one caller only, and again only after that caller's lease
 * ran out without a send recorded (it crashed) or a failed send's retry time came. Times are the caller's.
 */
export interface ReminderLedger {
  reminderSubscriptions(query?: {
    collaborationId?: string;
    conversationId?: string;
  }): Promise<ReminderSubscription[]>;
  /** What was claimed, sent, failed or skipped; `meetingsFrom` ("YYYY-MM-DD") limits to later meetings. */
  reminderDeliveries(query?: {
    collaborationId?: string;
    meetingsFrom?: string;
  }): Promise<ReminderDelivery[]>;
  /** Claims a reminder before sending it: true for exactly one caller. */
  claimReminder(
    key: ReminderKey,
    claim: { instanceId: string; now: Date; leaseUntil: Date },
  ): Promise<boolean>;
  /** Records a claimed reminder as sent; false when this instance no longer held the claim. */
  markReminderSent(
    key: ReminderKey,
    sent: { instanceId: string; at: Date; activityId?: string },
  ): Promise<boolean>;
  /** Records a failed send; with `retryAt` it may be claimed again from then, without it never. */
  markReminderFailed(
    key: ReminderKey,
    failure: { instanceId: string; at: Date; error: string; retryAt?: Date },
  ): Promise<void>;
  /** Records a reminder that will never be sent (a later one replaced it). */
  skipReminder(key: ReminderKey, skip: { instanceId: string; at: Date; note: string }): Promise<void>;
}
