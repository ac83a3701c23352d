/**
 * "Lägg till i kalendern / Add to calendar": an Action.OpenUrl to a meeting's single-event .ics on the
 * API, put on the assistant's meeting answers and on reminder cards. Outlook, Teams and phones open an
 * .ics link as "add this event", and the event's UID is the feed's, so a calendar that also subscribes
 * to the feed keeps one event.
 */
import { formatDate } from "@samverkan/allocation";

/** The .ics address of a meeting; the API's public address is configuration (SAMVERKAN_API_URL). */
export type CalendarUrl = (collaborationId: string, meetingId: string) => string;

/** The API's route for one meeting's .ics, under `apiUrl`. */
export function apiCalendarUrl(apiUrl: string): CalendarUrl {
  return (collaboration, meeting) =>
    `${apiUrl}/v1/collaborations/${encodeURIComponent(collaboration)}/meetings/${encodeURIComponent(meeting)}/calendar.ics`;
}

export interface CalendarMeetingRef {
  readonly id: string;
  readonly collaboration: string;
  /** ISO date or date-time: the date names the button when there are several. */
  readonly start: string;
  readonly status?: string;
}

/** Teams shows at most six actions on a card; follow-up questions give way to the calendar buttons. */
const MAX_ACTIONS = 6;
/** An answer listing a whole year's meetings gets no buttons: the feed is the way to take them all. */
const MAX_CALENDAR_ACTIONS = 3;

/** The card with "Lägg till i kalendern" first among its actions, for each meeting still to be held. */
export function withCalendarActions(
  card: Record<string, unknown>,
  meetings: readonly CalendarMeetingRef[],
  lang: "sv" | "en",
  calendarUrl: CalendarUrl | undefined,
): Record<string, unknown> {
  const open = meetings.filter((m) => m.status !== "cancelled");
  if (!calendarUrl || open.length === 0 || open.length > MAX_CALENDAR_ACTIONS) return card;
  const title = (m: CalendarMeetingRef) => {
    const base = lang === "sv" ? "Lägg till i kalendern" : "Add to calendar";
    return open.length === 1 ? base : `${base}: ${formatDate(m.start.slice(0, 10), lang)}`;
  };
  const calendar = open.map((m) => ({
    type: "Action.OpenUrl",
    title: title(m),
    url: calendarUrl(m.collaboration, m.id),
  }));
  const actions = Array.isArray(card.actions) ? (card.actions as unknown[]) : [];
  return { ...card, actions: [...calendar, ...actions].slice(0, MAX_ACTIONS) };
}
