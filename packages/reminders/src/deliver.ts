import {
  DEFAULT_REMINDER_SETTINGS,
  type Dataset,
  type OpenItem,
  type ReminderDelivery,
  type ReminderLedger,
  type ReminderSettings,
  type ReminderSubscription,
} from "@samverkan/domain";
import { dueReminders, type DueReminder, type DueResult } from "./due.js";
import { keyOf } from "./key.js";
import { reminderMessage, type ReminderMessage } from "./message.js";
import { ConversationPacer } from "./pacer.js";
import { SendFailed, sendWithRetry, type RetryOptions } from "./retry.js";
import { scheduleReminders, type RemindedMeeting, type ScheduledReminder } from "./schedule.js";

/**
 * What delivering reminders needs from the system of record (`@samverkan/store` implements it): the
 * delivery ledger (see `ReminderLedger`: claims are what make a reminder go out once), the meeting plan
 * with its recorded changes, the dataset and the open items.
 */
export interface ReminderStore extends ReminderLedger {
  openItems(collaborationId: string): Promise<OpenItem[]>;
  meetings(collaborationId: string): Promise<RemindedMeeting[]>;
  dataset(collaborationId: string): Promise<Dataset>;
}

/**
 * Writes one reminder's message to its chat (`due.subscription` holds the conversation reference);
 * the bot sends a proactive Bot Framework message. Throws the channel's error when it fails.
 */
export type ReminderSender = (due: DueReminder, message: ReminderMessage) => Promise<{ activityId?: string }>;

export interface PlanOptions {
  readonly store: ReminderStore;
  readonly now: Date;
  readonly settings?: ReminderSettings;
}

/** What is due at `now`, with the schedule it came from; `samverkan reminders --dry-run` prints this. */
export interface ReminderPlan extends DueResult {
  readonly now: Date;
  readonly settings: ReminderSettings;
  readonly subscriptions: readonly ReminderSubscription[];
  readonly deliveries: readonly ReminderDelivery[];
  readonly schedule: readonly ScheduledReminder[];
  /** The message each due reminder would send, in order. */
  message(due: DueReminder): Promise<ReminderMessage>;
}

/** Reads subscriptions, meetings (with recorded changes) and deliveries, and works out what is due. */
export async function planReminders(options: PlanOptions): Promise<ReminderPlan> {
  const { store, now } = options;
  const settings = options.settings ?? DEFAULT_REMINDER_SETTINGS;
  const subscriptions = await store.reminderSubscriptions();
  const collaborationIds = [...new Set(subscriptions.map((s) => s.collaborationId))].sort();
  const datasets = new Map<string, Dataset>();
  const schedule: ScheduledReminder[] = [];
  for (const id of collaborationIds) {
    const dataset = await store.dataset(id);
    datasets.set(id, dataset);
    schedule.push(
      ...scheduleReminders(id, await store.meetings(id), settings, dataset.collaboration.timeZone),
    );
  }
  // A day's margin: a meeting starting today is still ahead in the morning.
  const meetingsFrom = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const deliveries = await store.reminderDeliveries({ meetingsFrom });
  const result = dueReminders({ schedule, subscriptions, deliveries, now, settings });
  const openItems = new Map<string, Promise<OpenItem[]>>();
  return {
    ...result,
    now,
    settings,
    subscriptions,
    deliveries,
    schedule,
    message: async (due) => {
      const dataset = datasets.get(due.collaborationId) ?? (await store.dataset(due.collaborationId));
      let items = openItems.get(due.collaborationId);
      if (!items) openItems.set(due.collaborationId, (items = store.openItems(due.collaborationId)));
      return reminderMessage(due, {
        collaboration: dataset.collaboration,
        ...(dataset.annualCycle ? { annualCycle: dataset.annualCycle } : {}),
        openItems: due.reminder.role === "secretary" ? await items : [],
        settings,
        now,
        timeZone: dataset.collaboration.timeZone,
      });
    },
  };
}

export interface DeliverOptions extends PlanOptions {
  readonly send: ReminderSender;
  /** This process, in claims: another instance sees who holds a reminder. */
  readonly instanceId: string;
  /** How long a claim holds before another instance may take it over (default 2 minutes). */
  readonly leaseMs?: number;
  /** When a send failed for good this time, when to try again (default 5 minutes later). */
  readonly retryLaterMs?: number;
  readonly retry?: RetryOptions;
  readonly pacer?: ConversationPacer;
}

/** What happened to one due reminder in one run. */
export interface DeliveryOutcome {
  readonly reminder: DueReminder;
  /** `taken`: another instance holds it (or already sent it); nothing was sent from here. */
  readonly result: "sent" | "taken" | "failed";
  /** How many times it was handed to the sender (the sender's own client may retry within each). */
  readonly attempts?: number;
  readonly error?: string;
}

/**
 * Sends every due reminder once: for each, claim it in the store, build the message, send it (retrying
 * what the channel throttles, paced per conversation), and record it as sent — or as failed, to be
 * tried again later while the meeting is still ahead. Missed reminders replaced by a later one are
 * recorded as skipped. Safe to run from several instances at once and again after a crash.
 */
export async function deliverDueReminders(options: DeliverOptions): Promise<DeliveryOutcome[]> {
  const { store, send, instanceId, now } = options;
  const leaseMs = options.leaseMs ?? 120_000;
  const retryLaterMs = options.retryLaterMs ?? 300_000;
  const pacer = options.pacer ?? new ConversationPacer();
  const plan = await planReminders(options);
  for (const old of plan.superseded) {
    await store.skipReminder(keyOf(old), {
      instanceId,
      at: now,
      note: `superseded by ${plan.due.find((d) => d.supersedes.includes(old))?.kind ?? "a later reminder"}`,
    });
  }
  const outcomes: DeliveryOutcome[] = [];
  for (const due of plan.due) {
    const key = keyOf(due);
    if (
      !(await store.claimReminder(key, { instanceId, now, leaseUntil: new Date(now.getTime() + leaseMs) }))
    ) {
      outcomes.push({ reminder: due, result: "taken" });
      continue;
    }
    try {
      const message = await plan.message(due);
      let attempts = 0;
      const sent = await sendWithRetry(async () => {
        attempts += 1;
        await pacer.take(due.conversationId);
        return send(due, message);
      }, options.retry);
      await store.markReminderSent(key, {
        instanceId,
        at: now,
        ...(sent.activityId ? { activityId: sent.activityId } : {}),
      });
      outcomes.push({ reminder: due, result: "sent", attempts });
    } catch (error) {
      const failed = error instanceof SendFailed ? error : undefined;
      const reason = failed ? failed.message : error instanceof Error ? error.message : String(error);
      // A refusal (403: the bot left the chat) is not retried; a throttled or failing channel is.
      const retryAt = failed && !failed.retryable ? undefined : new Date(now.getTime() + retryLaterMs);
      await store.markReminderFailed(key, {
        instanceId,
        at: now,
        error: reason,
        ...(retryAt ? { retryAt } : {}),
      });
      outcomes.push({ reminder: due, result: "failed", attempts: failed?.attempts ?? 1, error: reason });
    }
  }
  return outcomes;
}
