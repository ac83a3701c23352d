/**
 * A message that is one Adaptive Card. Teams shows an activity's text above its card, and every card of
 * ours begins with the same words, so the text goes to `summary` instead: what Teams shows in the
 * notification and the activity feed, and what a client that cannot draw cards shows instead (the card
 * carries it as `fallbackText` too).
 */
import { CardFactory, MessageFactory, type Activity } from "botbuilder";

export function cardMessage(
  card: Record<string, unknown>,
  summary: string,
  lang: "sv" | "en",
): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = summary;
  activity.locale = lang === "sv" ? "sv-SE" : "en-US";
  return activity;
}

/** What a message says: its text, or for a card message its summary. */
export function messageText(activity: Partial<Activity>): string | undefined {
  return activity.text ?? activity.summary;
}
