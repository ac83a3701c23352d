import {
  matchesIfNoneMatch,
  meetingCalendar,
  meetingEventCalendar,
  type CalendarFeed,
} from "@samverkan/calendar";
import type { Dataset, MeetingBody } from "@samverkan/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { requestLang, type App, type RouteContext } from "../app.js";
import { HttpProblem } from "../problem.js";
import { collaborationParams, meetingParams, problemResponses } from "../schemas.js";
import { bilingual } from "../validation.js";

/**
 * The body of the feed, in the names a secretary would type in the URL as well as the API's, lower-cased.
 * A Map, so that "toString" or "constructor" in the URL names no body.
 */
const BODIES = new Map<string, MeetingBody>([
  ["committee", "committee"],
  ["namnd", "committee"],
  ["nämnd", "committee"],
  ["preparatorygroup", "preparatoryGroup"],
  ["beredningsgrupp", "preparatoryGroup"],
  ["beredningsgruppen", "preparatoryGroup"],
  ["strategyday", "strategyDay"],
  ["strategidag", "strategyDay"],
]);

const calendarQuery = z.object({
  lang: z
    .enum(["sv", "en"], { error: bilingual('ska vara "sv" eller "en"', 'must be "sv" or "en"') })
    .optional(),
  token: z.string().optional().meta({
    description: "A read token, for calendar clients that cannot send Authorization (when reads need one)",
  }),
});

const icsResponse = z.string().meta({ description: "text/calendar (RFC 5545)" });

/**
 * When the plan was published, for DTSTAMP: the latest change recorded to any of its meetings, else the
 * first meeting's day. Derived from the plan, not the clock, so polling the same plan gives the same
 * bytes and ETag.
 */
function publishedAt(d: Dataset): string {
  const changes = d.meetings
    .map((m) => (m as { changedAt?: string; scheduleChangedAt?: string }).scheduleChangedAt)
    .filter((t): t is string => t !== undefined)
    .sort();
  const first = d.meetings.map((m) => m.date).sort()[0] ?? "2000-01-01";
  return changes.at(-1) ?? `${first}T00:00:00Z`;
}

function sendFeed(request: FastifyRequest, reply: FastifyReply, feed: CalendarFeed, file: string) {
  reply
    .header("etag", feed.etag)
    .header("last-modified", feed.lastModified.toUTCString())
    // A subscribed calendar polls every few minutes: it may keep the feed a while, and must revalidate.
    .header("cache-control", "private, max-age=300, must-revalidate")
    .header("vary", "Accept-Language");
  if (matchesIfNoneMatch(request.headers["if-none-match"], feed.etag)) return reply.code(304).send();
  return reply
    .type("text/calendar; charset=utf-8")
    .header("content-disposition", `inline; filename="${file}"`)
    .send(feed.ics);
}

/**
 * The meeting plan as an iCalendar feed (Outlook, Google Calendar and Apple Calendar subscribe to it)
 * and each meeting as its own .ics ("Lägg till i kalendern"), both as the plan stands in the store.
 */
export function registerCalendarRoutes(app: App, { data, store }: RouteContext): void {
  app.get(
    "/collaborations/:collaboration/meetings.ics",
    {
      config: { access: "read", tokenInQuery: true },
      schema: {
        tags: ["meetings"],
        summary: "The meeting plan as an iCalendar feed to subscribe to",
        description:
          "One VEVENT per meeting in Europe/Stockholm time, with what the årshjul decides there; a moved " +
          "meeting keeps its UID with a higher SEQUENCE, a cancelled one has STATUS:CANCELLED. " +
          "`body` (committee/nämnd, preparatoryGroup/beredningsgrupp, strategyDay/strategidag) limits it " +
          "to one body. ETag and If-None-Match make an unchanged poll a 304.",
        params: collaborationParams,
        querystring: calendarQuery.extend({
          body: z
            .string()
            .optional()
            .meta({ description: "committee (nämnd), preparatoryGroup (beredningsgrupp) or strategyDay" }),
        }),
        response: {
          200: icsResponse,
          304: z.null().meta({ description: "Not modified" }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const d = await data.withCurrentMeetings(await data.dataset(request.params.collaboration));
      const { body: bodyName } = request.query;
      const body = bodyName === undefined ? undefined : BODIES.get(bodyName.trim().toLowerCase());
      if (bodyName !== undefined && !body)
        throw new HttpProblem("invalid-request", {
          sv: `Det finns inget organ "${bodyName}": välj nämnd (committee), beredningsgrupp (preparatoryGroup) eller strategidag (strategyDay).`,
          en: `There is no body "${bodyName}": choose committee (nämnd), preparatoryGroup (beredningsgrupp) or strategyDay (strategidag).`,
        });
      const lang = request.query.lang ?? requestLang(request);
      const feed = meetingCalendar(d, { lang, publishedAt: publishedAt(d), ...(body ? { body } : {}) });
      return sendFeed(request, reply, feed, `${d.collaboration.id}${body ? `-${body}` : ""}.ics`);
    },
  );

  app.get(
    "/collaborations/:collaboration/meetings/:meeting/calendar.ics",
    {
      config: { access: "read", tokenInQuery: true },
      schema: {
        tags: ["meetings"],
        summary: "One meeting as an .ics file (Lägg till i kalendern / Add to calendar)",
        params: meetingParams,
        querystring: calendarQuery,
        response: {
          200: icsResponse,
          304: z.null().meta({ description: "Not modified" }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const d = await data.withCurrentMeetings(await data.dataset(request.params.collaboration));
      const lang = request.query.lang ?? requestLang(request);
      const meeting = request.params.meeting;
      const feed = meetingEventCalendar(d, meeting, { lang, publishedAt: publishedAt(d) });
      // An unknown meeting: the store's not_found, with the closest meeting ids, as the meeting routes say it.
      if (!feed) await store.meeting(d.collaboration.id, meeting);
      if (!feed)
        throw new HttpProblem("not-found", {
          sv: `Inget sammanträde "${meeting}".`,
          en: `No meeting "${meeting}".`,
        });
      return sendFeed(request, reply, feed, `${meeting}.ics`);
    },
  );
}
