import { loadBundledDataset } from "@samverkan/data";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSubscription } from "@samverkan/domain";
import { scheduleReminders, type ScheduledReminder } from "../src/index.js";

export const norrbotten = loadBundledDataset("norrbotten");
export const TZ = norrbotten.collaboration.timeZone;

export function schedule2022(): ScheduledReminder[] {
  return scheduleReminders(
    "norrbotten",
    norrbotten.meetings.filter((m) => m.date.startsWith("2022")),
    DEFAULT_REMINDER_SETTINGS,
    TZ,
  );
}

export function subscription(
  role: ReminderSubscription["role"],
  fields: Partial<ReminderSubscription> = {},
): ReminderSubscription {
  return {
    collaborationId: "norrbotten",
    conversationId: `chat-${role}`,
    role,
    language: "sv",
    reference: { serviceUrl: "http://127.0.0.1:1/", conversation: { id: `chat-${role}` } },
    subscribedAt: "2022-01-01T00:00:00.000Z",
    subscribedBy: "test",
    ...fields,
  };
}
