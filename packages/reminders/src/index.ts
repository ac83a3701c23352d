/**
 * @samverkan/reminders — the meeting reminders of a joint committee. Pure planning (which reminders
 * the meeting plan calls for, which are due, their text and card) and delivery through an injected
 * store and sender (exactly once by claiming each reminder's key before sending).
 */
export {
  scheduleReminders,
  daysBefore,
  type ScheduledReminder,
  type ReminderKind,
  type RemindedMeeting,
} from "./schedule.js";
export { dueReminders, type DueReminder, type DueResult } from "./due.js";
export { reminderMessage, meetingName, type ReminderMessage, type ReminderContext } from "./message.js";
export { reminderKeyString, keyOf } from "./key.js";
export {
  planReminders,
  deliverDueReminders,
  type ReminderStore,
  type ReminderSender,
  type ReminderPlan,
  type PlanOptions,
  type DeliverOptions,
  type DeliveryOutcome,
} from "./deliver.js";
export {
  sendWithRetry,
  isRetryable,
  retryAfterMs,
  backoffMs,
  statusOf,
  SendFailed,
  type RetryOptions,
} from "./retry.js";
export { ConversationPacer } from "./pacer.js";
export { readReminderConfig, type ReminderConfig } from "./settings-from-env.js";
