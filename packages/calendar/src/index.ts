/**
 * @samverkan/calendar — a joint committee's meeting plan as iCalendar (RFC 5545): the feed members
 * subscribe to in Outlook, Google Calendar or Apple Calendar, and the one-meeting .ics of "Lägg till i
 * kalendern". Pure: a dataset (or the store's dataset as it stands) in, bytes and an ETag out.
 */
export { meetingCalendar, meetingEventCalendar, meetingUid } from "./feed.js";
export type { CalendarFeed, CalendarOptions } from "./feed.js";
export { eventDescription, eventSummary } from "./event-text.js";
export type { CalendarLang, CalendarMeeting } from "./event-text.js";
export { matchesIfNoneMatch } from "./etag.js";
export { rfc5545Problems } from "./conformance.js";
