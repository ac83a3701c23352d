import { z } from "zod";
import type { App, RouteContext } from "../app.js";
import { nameParam, problemResponses } from "../schemas.js";
import { bilingual } from "../validation.js";

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    collaborationId: z.string().nullable(),
    target: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

export function registerAuditRoutes(app: App, { store }: RouteContext): void {
  app.get(
    "/audit-log",
    {
      config: { access: "secretary" },
      schema: {
        tags: ["audit"],
        summary: "Every write, newest first: who, when, what, before and after (secretary)",
        security: [{ bearer: [] }],
        querystring: z.object({
          limit: z.coerce
            .number()
            .int({ error: bilingual("ska vara ett heltal", "must be a whole number") })
            .min(1, { error: bilingual("ska vara minst 1", "must be at least 1") })
            .max(10000, { error: bilingual("ska vara högst 10000", "must be at most 10000") })
            .default(100),
          since: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
              error: bilingual(
                "ska vara ett datum eller en tidpunkt (ISO 8601 med tidszon)",
                "must be a date or a date-time (ISO 8601 with offset)",
              ),
            })
            .optional(),
          collaboration: nameParam("Only this collaboration's writes", "norrbotten").optional(),
        }),
        response: {
          200: z.object({ entries: z.array(auditEntrySchema) }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { limit, since, collaboration } = request.query;
      const entries = await store.auditLog({
        limit,
        ...(since !== undefined ? { since } : {}),
        ...(collaboration !== undefined ? { collaborationId: collaboration } : {}),
      });
      return { entries };
    },
  );
}
