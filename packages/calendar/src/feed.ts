import { createHash } from "node:crypto";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import type { Dataset, MeetingBody } from "@samverkan/domain";
import { eventDescription, eventSummary, type CalendarLang, type CalendarMeeting } from "./event-text.js";

export interface CalendarOptions {
  readonly lang?: CalendarLang;
  /** Only one body's meetings (the committee's, the preparatory group's, strategy days). */
  readonly body?: MeetingBody;
  /**
   * When the meeting plan was published (the dataset's import): every event's DTSTAMP, unless its
   * time changed later. Given, not read from the clock, so the same plan gives the same bytes and ETag.
   */
  readonly publishedAt: Date | string;
  /** The domain in every UID (`<meeting id>@<collaboration>.<uidDomain>`); stable for the feed's lifetime. */
  readonly uidDomain?: string;
}

/** An iCalendar document with its strong validator. */
export interface CalendarFeed {
  readonly ics: string;
  /** A strong ETag (quoted SHA-256 of the bytes): the same plan, the same ETag. */
  readonly etag: string;
  /** The latest DTSTAMP in it: Last-Modified for HTTP. */
  readonly lastModified: Date;
  readonly events: number;
}

const NAMES = {
  sv: {
    feed: "Sammanträdesplan",
    committee: "nämnden",
    preparatoryGroup: "beredningsgruppen",
    strategyDay: "strategidagar",
  },
  en: {
    feed: "Meeting plan",
    committee: "the committee",
    preparatoryGroup: "the preparatory group",
    strategyDay: "strategy days",
  },
} as const;

/** The UID of a meeting's event: the same for as long as the meeting exists, however often it moves. */
export function meetingUid(collaborationId: string, meetingId: string, uidDomain = "samverkan"): string {
  return `${meetingId}@${collaborationId}.${uidDomain}`;
}

/**
 * A local date and time as ical-generator wants it with a TZID: a string without offset, so the
 * clock reading it writes is the meeting plan's and not converted through this process's time zone.
 */
function local(date: string, time = "00:00"): string {
  return `${date}T${time}:00`;
}

/** The day after an ISO date: an all-day event's DTEND, which RFC 5545 makes exclusive. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function latest(...dates: (Date | string | undefined)[]): Date {
  return new Date(Math.max(...dates.filter((x) => x !== undefined).map((x) => new Date(x).getTime())));
}

function addMeeting(cal: ICalCalendar, d: Dataset, m: CalendarMeeting, o: CalendarOptions): Date {
  const lang = o.lang ?? "sv";
  const timeZone = d.collaboration.timeZone;
  // A day without clock times (a strategy day) is an all-day event; DTEND of a date is exclusive.
  const timed = m.startTime !== undefined;
  const lastDay = m.endDate ?? m.date;
  const stamp = latest(o.publishedAt, m.scheduleChangedAt);
  cal.createEvent({
    id: meetingUid(d.collaboration.id, m.id, o.uidDomain),
    summary: eventSummary(d, m, lang),
    description: eventDescription(d, m, lang),
    ...(m.place ? { location: m.place } : {}),
    timezone: timeZone,
    allDay: !timed,
    start: local(m.date, m.startTime),
    end: timed ? local(lastDay, m.endTime ?? m.startTime) : local(nextDay(lastDay)),
    stamp,
    sequence: m.sequence ?? 0,
    ...(m.scheduleChangedAt ? { lastModified: new Date(m.scheduleChangedAt) } : {}),
    status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return stamp;
}

/**
 * The collaboration's VTIMEZONE (summer and winter time rules), put before the first VEVENT. Not through
 * ical-generator's calendar time zone: with one set it writes DTSTAMP and LAST-MODIFIED as local times,
 * and RFC 5545 (3.8.7.2, 3.8.7.3) wants both in UTC.
 */
function withTimezone(ics: string, timeZone: string): string {
  const component = getVtimezoneComponent(timeZone);
  if (!component) throw new Error(`no VTIMEZONE for the time zone "${timeZone}"`);
  const lines = component.trim().split(/\r?\n/).join("\r\n") + "\r\n";
  const at = ics.search(/BEGIN:VEVENT\r\n|END:VCALENDAR/);
  return ics.slice(0, at) + lines + ics.slice(at);
}

function calendarOf(
  d: Dataset,
  meetings: readonly CalendarMeeting[],
  name: string,
  o: CalendarOptions,
): CalendarFeed {
  const timeZone = d.collaboration.timeZone;
  const cal = ical({
    name,
    prodId: { company: "samverkan", product: "meeting-plan", language: (o.lang ?? "sv").toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // Subscribed clients poll at most hourly; the ETag makes a poll that finds nothing new cheap.
    ttl: 60 * 60,
    x: [["X-WR-TIMEZONE", timeZone]],
  });
  let lastModified = new Date(o.publishedAt);
  const sorted = [...meetings].sort((a, b) =>
    (a.date + (a.startTime ?? "")).localeCompare(b.date + (b.startTime ?? "")),
  );
  for (const m of sorted) lastModified = latest(lastModified, addMeeting(cal, d, m, o));
  // RFC 5545 ends every content line, END:VCALENDAR too, with CRLF; ical-generator leaves the last bare.
  const generated = cal.toString();
  const ics = withTimezone(generated.endsWith("\r\n") ? generated : `${generated}\r\n`, timeZone);
  const etag = `"${createHash("sha256").update(ics).digest("base64url")}"`;
  return { ics, etag, lastModified, events: sorted.length };
}

/**
 * The meeting plan as an iCalendar feed for Outlook, Google Calendar and Apple Calendar to subscribe to:
 * one VEVENT per meeting (cancelled ones stay, with STATUS:CANCELLED, so a subscribed calendar removes
 * them), in the collaboration's time zone with its VTIMEZONE.
 *
 * @example
 * const { ics, etag } = meetingCalendar(dataset, { publishedAt: "2022-06-01T00:00:00Z" });
 */
export function meetingCalendar(d: Dataset, o: CalendarOptions): CalendarFeed {
  const lang = o.lang ?? "sv";
  const meetings = (d.meetings as readonly CalendarMeeting[]).filter((m) => !o.body || m.body === o.body);
  const name = `${d.collaboration.name}: ${NAMES[lang].feed}${o.body ? ` (${NAMES[lang][o.body]})` : ""}`;
  return calendarOf(d, meetings, name, o);
}

/** One meeting as an .ics file: "Lägg till i kalendern". Undefined when the plan has no such meeting. */
export function meetingEventCalendar(
  d: Dataset,
  meetingId: string,
  o: CalendarOptions,
): CalendarFeed | undefined {
  const meeting = (d.meetings as readonly CalendarMeeting[]).find((m) => m.id === meetingId);
  return meeting && calendarOf(d, [meeting], eventSummary(d, meeting, o.lang ?? "sv"), o);
}
