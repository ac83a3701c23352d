/**
 * Sends a reminder into its chat as a proactive Bot Framework message: the stored conversation
 * reference, continued by the adapter with the bot's app id, the reminder's card with its text.
 */
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConversationReference } from "botbuilder";
import type { ReminderSender } from "@samverkan/reminders";
import { withCalendarActions, type CalendarUrl } from "../calendar-action.js";
import { cardMessage } from "../card-message.js";

/** With `calendarUrl`, the reminder card gets "Lägg till i kalendern" for its meeting. */
export function proactiveSender(
  adapter: TeamsAdapter,
  appId: string | undefined,
  calendarUrl?: CalendarUrl,
): ReminderSender {
  return async (due, message) => {
    let activityId: string | undefined;
    const reference = newThread(due.subscription.reference as Partial<ConversationReference>);
    await adapter.continueConversationAsync(appId ?? "", reference, async (context) => {
      const meeting = { id: due.meetingId, collaboration: due.collaborationId, start: due.meetingStart };
      const card = withCalendarActions(
        message.card as unknown as Record<string, unknown>,
        [meeting],
        message.language,
        calendarUrl,
      );
      const activity = cardMessage(card, message.text, message.language);
      // botbuilder makes every message a reply to the turn's activity, here a made-up continuation id;
      // without replyToId the adapter posts a new message to the conversation instead.
      context.onSendActivities(async (_context, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      const sent = await context.sendActivity(activity);
      activityId = sent?.id;
    });
    return activityId ? { activityId } : {};
  };
}

/**
 * The reference without the message it was taken from: otherwise botbuilder posts the reminder as a
 * reply to the subscribe command (in a Teams channel, into that command's thread, where nobody looks).
 * A channel conversation id carries the thread as ";messageid=…"; without it a post starts a new thread.
 */
function newThread(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const { activityId: _activityId, ...rest } = reference;
  const conversation = rest.conversation;
  if (!conversation) return rest;
  return { ...rest, conversation: { ...conversation, id: conversation.id.replace(/;messageid=\d+$/, "") } };
}
