/**
 * The zod schemas of the API's inputs and outputs: the only validation of what comes in, and the
 * source of the OpenAPI document (fastify-type-provider-zod turns them into JSON Schema).
 */
import { z } from "zod";
import { bilingual } from "./validation.js";

/** A budget year in a query string. */
export const yearParam = z.coerce
  .number({ error: bilingual("ska vara ett år, t.ex. 2023", "must be a year such as 2023") })
  .int({ error: bilingual("ska vara ett helt år, t.ex. 2023", "must be a whole year such as 2023") })
  .min(1900, { error: bilingual("ska vara ett år från 1900", "must be a year from 1900 on") })
  .max(2200, { error: bilingual("ska vara ett år före 2200", "must be a year before 2200") })
  .meta({ description: "Budget year, e.g. 2023", example: 2023 });

/** A short free-text name in a path or query (municipality, cost item, meeting id). */
export const nameParam = (description: string, example: string) =>
  z
    .string()
    .min(1, { error: bilingual("får inte vara tomt", "must not be empty") })
    .max(200, { error: bilingual("är för långt (högst 200 tecken)", "is too long (at most 200 characters)") })
    // No name has a control character, and PostgreSQL cannot hold U+0000 in text at all.
    .regex(/^[^\p{Cc}]*$/u, {
      error: bilingual("får inte innehålla styrtecken", "must not contain control characters"),
    })
    .meta({ description, example });

export const collaborationParams = z.object({
  collaboration: nameParam("Collaboration id", "norrbotten"),
});

export const municipalityParams = collaborationParams.extend({
  municipality: nameParam("Municipality: name, alias or kommunkod (case and å/ä/ö ignored)", "Kalix"),
});

export const meetingParams = collaborationParams.extend({
  meeting: nameParam("Meeting id", "committee-2022-10-12"),
});

/** An exact decimal amount: a string, never a float. */
export const decimalString = z
  .string()
  .meta({ description: "An exact decimal number as a string", example: "21000" });

export const unitSchema = z.enum(["kr", "tkr"]).meta({ description: "Kronor or thousands of kronor" });

export const localizedText = z.object({ sv: z.string(), en: z.string() });

/** Where an amount comes from: a published table (document, table, lines) or the engine's model. */
export const provenanceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("published"),
    document: z.string(),
    table: z.string(),
    tableId: z.string().optional(),
    lines: z.tuple([z.number().int(), z.number().int()]).optional(),
  }),
  z.object({
    kind: z.literal("computed"),
    model: z.string(),
    description: z.string(),
  }),
]);

/** RFC 9457 problem details, as every error is sent (`application/problem+json`). */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z
      .array(
        z.object({ in: z.enum(["query", "path", "body", "header"]), field: z.string(), message: z.string() }),
      )
      .optional(),
    suggestions: z.array(z.string()).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

/** The problem responses a route can give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema]));
}
