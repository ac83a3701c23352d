import { annualCycleForMeeting, type Dataset, type Meeting } from "@samverkan/domain";
import {
  attendanceInputSchema,
  meetingAddSchema,
  meetingMoveSchema,
  type StoredMeeting,
} from "@samverkan/store";
import { z } from "zod";
import type { App, RouteContext } from "../app.js";
import { HttpProblem } from "../problem.js";
import { collaborationParams, meetingParams, problemResponses, yearParam } from "../schemas.js";
import { bilingual } from "../validation.js";

const cycleItemSchema = z.object({
  entry: z.string().meta({ description: "The årshjul entry's id" }),
  label: z.string(),
  kind: z.enum(["decision", "information", "activity"]),
  text: z.string(),
  textEn: z.string(),
});

export const meetingSchema = z
  .looseObject({
    id: z.string(),
    body: z.enum(["committee", "preparatoryGroup", "strategyDay"]),
    title: z.string().optional(),
    date: z.string(),
    endDate: z.string().optional(),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    place: z.string().optional(),
    status: z.enum(["planned", "held", "moved", "cancelled"]),
    origin: z.enum(["dataset", "added"]),
    attendance: z
      .object({
        present: z.number().int(),
        of: z.number().int(),
        counts: z.enum(["members", "municipalities"]),
      })
      .passthrough()
      .optional(),
    annualCycle: z.array(cycleItemSchema).meta({ description: "What the årshjul puts on this meeting" }),
  })
  .meta({ id: "Meeting", description: "A meeting with recorded changes and attendance applied" });

/** What the årshjul puts on a meeting (nothing on a cancelled one), as the API shows it. */
export function cycleItems(d: Dataset, m: Meeting): z.output<typeof cycleItemSchema>[] {
  if (!d.annualCycle || m.status === "cancelled") return [];
  return annualCycleForMeeting(d.annualCycle, m).map(({ entry, item }) => ({
    entry: entry.id,
    label: entry.label,
    kind: item.kind,
    text: item.text,
    textEn: item.textEn,
  }));
}

function meetingJson(d: Dataset, m: StoredMeeting) {
  return { ...m, annualCycle: cycleItems(d, m) };
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual("ska skrivas ÅÅÅÅ-MM-DD", "must be written YYYY-MM-DD") });

export function registerMeetingRoutes(app: App, { data, store }: RouteContext): void {
  app.get(
    "/collaborations/:collaboration/meetings",
    {
      config: { access: "read" },
      schema: {
        tags: ["meetings"],
        summary:
          "The meeting plan as it stands (moves, cancellations, additions, attendance) with årshjul items",
        params: collaborationParams,
        querystring: z.object({
          year: yearParam.optional(),
          from: isoDate.optional().meta({ description: "From this date (inclusive)" }),
          to: isoDate.optional().meta({ description: "Up to this date (inclusive)" }),
          body: z
            .enum(["committee", "preparatoryGroup", "strategyDay"], {
              error: bilingual(
                "ska vara committee, preparatoryGroup eller strategyDay",
                "must be committee, preparatoryGroup or strategyDay",
              ),
            })
            .optional(),
        }),
        response: { 200: z.object({ meetings: z.array(meetingSchema) }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      const { year, from, to, body } = request.query;
      const meetings = (await store.meetings(d.collaboration.id)).filter(
        (m) =>
          (year === undefined || m.date.startsWith(`${year}-`)) &&
          (from === undefined || (m.endDate ?? m.date) >= from) &&
          (to === undefined || m.date <= to) &&
          (body === undefined || m.body === body),
      );
      return { meetings: meetings.map((m) => meetingJson(d, m)) };
    },
  );

  app.get(
    "/collaborations/:collaboration/meetings/:meeting",
    {
      config: { access: "read" },
      schema: {
        tags: ["meetings"],
        summary: "One meeting, as it stands",
        params: meetingParams,
        response: { 200: meetingSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      return meetingJson(d, await store.meeting(d.collaboration.id, request.params.meeting));
    },
  );

  app.get(
    "/collaborations/:collaboration/annual-cycle",
    {
      config: { access: "read" },
      schema: {
        tags: ["meetings"],
        summary: "The årshjul: what must be decided or reported in which months",
        params: collaborationParams,
        response: {
          200: z.object({
            source: z.string(),
            standingItems: z.array(z.object({ text: z.string(), textEn: z.string() })),
            entries: z.array(
              z.object({
                id: z.string(),
                label: z.string(),
                months: z.array(z.number().int()),
                items: z.array(
                  z.object({
                    kind: z.enum(["decision", "information", "activity"]),
                    text: z.string(),
                    textEn: z.string(),
                    topic: z.string().optional(),
                  }),
                ),
              }),
            ),
          }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      if (!d.annualCycle)
        throw new HttpProblem("no-data", {
          sv: `${d.collaboration.name} har inget årshjul i sina data.`,
          en: `${d.collaboration.nameEn} has no annual cycle (årshjul) in its data.`,
        });
      return d.annualCycle;
    },
  );

  // --- writes: the secretary's ---

  const write = { access: "secretary" as const };
  const security = [{ bearer: [] }];

  app.post(
    "/collaborations/:collaboration/meetings",
    {
      config: write,
      schema: {
        tags: ["meetings"],
        summary: "Add a meeting that is not in the published plan (secretary)",
        security,
        params: collaborationParams,
        body: meetingAddSchema,
        response: { 201: meetingSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const d = await data.dataset(request.params.collaboration);
      const meeting = await store.changeMeeting(
        d.collaboration.id,
        { kind: "added", meeting: request.body },
        { actor: request.actor ?? "api" },
      );
      return reply.code(201).send(meetingJson(d, meeting));
    },
  );

  app.post(
    "/collaborations/:collaboration/meetings/:meeting/move",
    {
      config: write,
      schema: {
        tags: ["meetings"],
        summary: "Move a meeting to another date, time or place (secretary)",
        security,
        params: meetingParams,
        body: meetingMoveSchema,
        response: { 200: meetingSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      const meeting = await store.changeMeeting(
        d.collaboration.id,
        { kind: "moved", meetingId: request.params.meeting, to: request.body },
        { actor: request.actor ?? "api" },
      );
      return meetingJson(d, meeting);
    },
  );

  app.post(
    "/collaborations/:collaboration/meetings/:meeting/cancel",
    {
      config: write,
      schema: {
        tags: ["meetings"],
        summary: "Cancel a meeting (secretary)",
        security,
        params: meetingParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() }).optional(),
        response: { 200: meetingSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      const reason = request.body?.reason;
      const meeting = await store.changeMeeting(
        d.collaboration.id,
        { kind: "cancelled", meetingId: request.params.meeting, ...(reason ? { reason } : {}) },
        { actor: request.actor ?? "api" },
      );
      return meetingJson(d, meeting);
    },
  );

  app.put(
    "/collaborations/:collaboration/meetings/:meeting/attendance",
    {
      config: write,
      schema: {
        tags: ["meetings"],
        summary: "Record who attended a meeting, replacing earlier attendance (secretary)",
        description:
          "`municipalities`: the member municipalities present (names, aliases or kommunkoder); `roles`: " +
          "organisation role ids. Attendance is then counted against the members on the meeting's date.",
        security,
        params: meetingParams,
        body: attendanceInputSchema,
        response: { 200: meetingSchema, ...problemResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      const meeting = await store.recordAttendance(d.collaboration.id, request.params.meeting, request.body, {
        actor: request.actor ?? "api",
      });
      return meetingJson(d, meeting);
    },
  );
}
