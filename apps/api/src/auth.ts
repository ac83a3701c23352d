import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "./config.js";
import { HttpProblem } from "./problem.js";
import type { ApiStore } from "./store-port.js";

const BEARER = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i;

/**
 * Checks the route's access rule against the request's bearer token. The store compares the token
 * with the stored hashes (in constant time); the API never keeps tokens itself.
 * 401 without a token or with one the store does not know, 403 for a reader on a secretary's route.
 */
export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  readAccess: Config["readAccess"],
  store: Pick<ApiStore, "verifyToken">,
): Promise<void> {
  const access = request.routeOptions.config?.access ?? "public";
  if (access === "public" || (access === "read" && readAccess === "public")) return;

  const query = request.query as { token?: unknown } | undefined;
  const header =
    request.headers.authorization ??
    (request.routeOptions.config?.tokenInQuery && typeof query?.token === "string"
      ? `Bearer ${query.token}`
      : undefined);
  if (header === undefined) {
    reply.header("www-authenticate", 'Bearer realm="samverkan"');
    throw new HttpProblem("unauthorized", {
      sv: "Skicka en token: Authorization: Bearer <token>.",
      en: "Send a token: Authorization: Bearer <token>.",
    });
  }
  const match = BEARER.exec(header);
  const holder = match?.[1] ? await store.verifyToken(match[1]) : null;
  if (!holder) {
    reply.header("www-authenticate", 'Bearer realm="samverkan", error="invalid_token"');
    throw new HttpProblem("unauthorized", {
      sv: "Token är okänd eller har fel form.",
      en: "The token is unknown or malformed.",
    });
  }
  if (access === "secretary" && holder.role !== "secretary") {
    reply.header("www-authenticate", 'Bearer realm="samverkan", error="insufficient_scope"');
    throw new HttpProblem("forbidden", {
      sv: "Det här kräver sekreterarens behörighet (rollen secretary).",
      en: "This needs the secretary's permission (the secretary role).",
    });
  }
  request.actor = holder.name;
}
