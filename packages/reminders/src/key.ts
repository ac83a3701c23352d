import type { ReminderKey } from "@samverkan/domain";

/** A reminder's idempotency key as one string, for maps and logs. */
export function reminderKeyString(key: ReminderKey): string {
  return [key.collaborationId, key.meetingId, key.meetingStart, key.kind, key.conversationId].join(" | ");
}

/** Only the key's fields of a larger record (a due reminder, a delivery). */
export function keyOf(key: ReminderKey): ReminderKey {
  const { collaborationId, meetingId, meetingStart, kind, conversationId } = key;
  return { collaborationId, meetingId, meetingStart, kind, conversationId };
}
