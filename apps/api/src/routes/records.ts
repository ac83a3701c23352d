import { amountInputSchema, type AmountKind } from "@samverkan/store";
import { z } from "zod";
import type { App, RouteContext } from "../app.js";
import { collaborationParams, decimalString, nameParam, problemResponses, unitSchema } from "../schemas.js";
import { bilingual } from "../validation.js";

export const recordedAmountSchema = z
  .object({
    collaborationId: z.string(),
    kind: z.enum(["outcome", "forecast"]),
    line: z.string(),
    date: z.string(),
    amount: decimalString,
    unit: unitSchema,
    note: z.string().optional(),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .meta({ id: "RecordedAmount" });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual("ska skrivas ÅÅÅÅ-MM-DD", "must be written YYYY-MM-DD") });

const PATHS: Record<AmountKind, { path: string; sv: string; en: string }> = {
  outcome: { path: "outcomes", sv: "utfall", en: "outcome" },
  forecast: { path: "forecasts", sv: "prognos", en: "forecast" },
};

/** Outcomes (utfall) and forecasts (prognoser) per line and date: read by anyone allowed to read, written by the secretary. */
export function registerRecordRoutes(app: App, { data, store }: RouteContext): void {
  for (const kind of ["outcome", "forecast"] as const) {
    const { path, en } = PATHS[kind];
    app.get(
      `/collaborations/:collaboration/${path}`,
      {
        config: { access: "read" },
        schema: {
          tags: ["records"],
          summary: `Recorded ${en}s, by line and date`,
          params: collaborationParams,
          querystring: z.object({
            line: nameParam("A cost item id or a statement line label", "e-arkiv").optional(),
            from: isoDate.optional(),
            to: isoDate.optional(),
          }),
          response: {
            200: z.object({ [path]: z.array(recordedAmountSchema) }),
            ...problemResponses(400, 401, 404),
          },
        },
      },
      async (request) => {
        const d = await data.dataset(request.params.collaboration);
        const { line, from, to } = request.query;
        const amounts = await store.amounts(d.collaboration.id, {
          kind,
          ...(line !== undefined ? { line } : {}),
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
        });
        return { [path]: amounts };
      },
    );

    app.post(
      `/collaborations/:collaboration/${path}`,
      {
        config: { access: "secretary" },
        schema: {
          tags: ["records"],
          summary: `Record an ${en} for a line and date; the same line and date again replaces it (secretary)`,
          description:
            'amount: an exact decimal as a string ("119924.00") or a whole number; never a float. Audit-logged.',
          security: [{ bearer: [] }],
          params: collaborationParams,
          body: amountInputSchema,
          response: { 201: recordedAmountSchema, ...problemResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        const d = await data.dataset(request.params.collaboration);
        // The store validates again; it gets the body as sent, so the amount keeps its written scale.
        const recorded = await store.recordAmount(d.collaboration.id, kind, request.rawBody as never, {
          actor: request.actor ?? "api",
        });
        return reply.code(201).send(recorded);
      },
    );
  }
}
