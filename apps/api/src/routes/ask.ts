import { answer } from "@samverkan/assistant";
import { z } from "zod";
import { sendRendered, type App, type RouteContext } from "../app.js";
import { asConversationTurn, conversationIdSchema, conversationKey } from "../conversations.js";
import { problemResponses, provenanceSchema } from "../schemas.js";
import { bilingual } from "../validation.js";

const answerSchema = z
  .looseObject({
    language: z.enum(["sv", "en"]),
    intent: z.string(),
    text: z.string(),
    amounts: z.array(
      z.looseObject({
        role: z.string(),
        collaboration: z.string(),
        municipality: z.string().nullable(),
        item: z.string(),
        itemId: z.string().nullable(),
        year: z.number().int(),
        amount: z.string(),
        unit: z.enum(["kr", "tkr"]),
        provenance: provenanceSchema,
      }),
    ),
    meetings: z.array(z.looseObject({ id: z.string(), start: z.string(), status: z.string() })),
    followUps: z.array(z.string()),
    options: z.array(z.string()).optional(),
    collaboration: z.string().optional(),
    year: z.object({ value: z.number().int(), source: z.enum(["question", "now", "relative"]) }).optional(),
    card: z.record(z.string(), z.unknown()).meta({ description: "Adaptive Card 1.5 JSON" }),
    interpretedAs: z.string().optional().meta({
      description:
        'For a follow-up ("och 2022?"): the whole question it was answered as, which the text also states',
      example: "Vad betalar Kalix för e-arkiv 2022?",
    }),
    turn: z.looseObject({ question: z.string(), language: z.enum(["sv", "en"]), intent: z.string() }).meta({
      description:
        "The conversation's context after this answer; with `conversationId` the server keeps it for you",
    }),
  })
  .meta({ id: "Answer", description: "The assistant's answer (see @samverkan/assistant)" });

/** A date, or an ISO date-time with a UTC offset or Z; read in the collaboration's time zone. */
const nowSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    error: bilingual(
      "ska vara ett datum (2022-09-01) eller en tidpunkt (2022-09-01T10:00:00+02:00)",
      "must be a date (2022-09-01) or a date-time (2022-09-01T10:00:00+02:00)",
    ),
  })
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s.slice(0, 10)).toISOString().startsWith(s.slice(0, 10)),
    {
      error: bilingual("är inget verkligt datum", "is not a real date"),
    },
  )
  .meta({
    description: 'The moment "now" for relative questions; default the server\'s clock',
    example: "2022-09-01",
  });

const askBody = z.strictObject({
  question: z
    .string({ error: bilingual("ska vara en text", "must be a string") })
    .min(1, { error: bilingual("får inte vara tom", "must not be empty") })
    .max(2000, {
      error: bilingual("är för lång (högst 2000 tecken)", "is too long (at most 2000 characters)"),
    })
    .meta({ example: "Vad betalar Kalix för e-arkiv 2023?" }),
  now: nowSchema.optional(),
  collaboration: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "The collaboration when the question names none (default norrbotten)" }),
  conversationId: conversationIdSchema.optional(),
});

export function registerAskRoutes(
  app: App,
  { data, store, clock, conversationTtlMinutes }: RouteContext,
): void {
  app.post(
    "/ask",
    {
      config: { access: "read" },
      schema: {
        tags: ["assistant"],
        summary: "Ask a question in Swedish or English; exact amounts with provenance",
        description:
          "With `conversationId`, the question may be a follow-up of the last one answered in that " +
          'conversation ("och 2022?", "and Luleå?", "varför?", "and in English?"); the answer then has ' +
          "`interpretedAs`, the whole question it was read as.",
        body: askBody,
        response: { 200: answerSchema, ...problemResponses(400, 401, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const { question, now, collaboration, conversationId } = request.body;
      if (collaboration !== undefined) await data.dataset(collaboration); // 404 with suggestions
      const datasets = await data.allWithCurrentMeetings();
      // Conversations expire on the server's clock, whatever `now` the question is asked at.
      const at = clock();
      const key = conversationId === undefined ? undefined : conversationKey(conversationId, request.actor);
      const previous = key && asConversationTurn(await store.getConversationTurn(key, { now: at }));
      const result = answer(question, {
        datasets,
        now: now ?? at,
        ...(collaboration !== undefined ? { defaultCollaboration: collaboration } : {}),
        ...(previous ? { previous } : {}),
      });
      if (key)
        await store.saveConversationTurn(key, result.turn, {
          expiresAt: new Date(at.getTime() + conversationTtlMinutes * 60_000),
          now: at,
        });
      // The answer is plain JSON already: sent as it is, not re-encoded through the schema.
      return sendRendered(
        reply.header("content-type", "application/json; charset=utf-8"),
        JSON.stringify(result),
      );
    },
  );
}
