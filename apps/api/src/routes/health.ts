import { z } from "zod";
import { requestLang, sendProblem, type App, type RouteContext } from "../app.js";
import { problemDetails } from "../problem.js";
import { problemSchema } from "../schemas.js";

const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.literal("reachable"),
});

/** GET /health (and /v1/health): 200 when the database answers, else a 503 problem. */
export function registerHealthRoutes(app: App, { store }: RouteContext): void {
  for (const url of ["/health", "/v1/health"]) {
    app.get(
      url,
      {
        config: { access: "public" },
        schema: {
          tags: ["health"],
          summary: "Liveness: is the database reachable?",
          response: { 200: healthSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        const reachable = await store.ping().catch(() => false);
        if (reachable) return { status: "ok" as const, database: "reachable" as const };
        const lang = requestLang(request);
        return sendProblem(
          reply,
          problemDetails(
            "database-unavailable",
            lang === "sv" ? "Databasen svarar inte." : "The database does not answer.",
            request.url,
            lang,
          ),
        );
      },
    );
  }
}
