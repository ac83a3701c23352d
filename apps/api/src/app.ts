import { STATUS_CODES } from "node:http";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { AllocationError } from "@samverkan/allocation";
import { ReportOptionError } from "@samverkan/reports";
import type { IncomingMessage, ServerResponse } from "node:http";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawServerDefault,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { authenticate } from "./auth.js";
import type { Config } from "./config.js";
import { DEFAULT_CONVERSATION_TTL_MINUTES } from "./conversations.js";
import { DataView } from "./data-view.js";
import { negotiateLanguage, type Lang } from "./language.js";
import { HttpProblem, problemDetails, type ProblemDetails } from "./problem.js";
import { registerAllocationRoutes } from "./routes/allocations.js";
import { registerAskRoutes } from "./routes/ask.js";
import { registerAuditRoutes } from "./routes/audit.js";
import { registerCollaborationRoutes } from "./routes/collaborations.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerCalendarRoutes } from "./routes/calendar.js";
import { registerDashboardRoutes } from "./routes/dashboard.js";
import { registerMeetingRoutes } from "./routes/meetings.js";
import { registerRecordRoutes } from "./routes/records.js";
import { registerReportRoutes } from "./routes/reports.js";
import { registerStatementRoutes } from "./routes/statement.js";
import { storeProblem } from "./store-errors.js";
import type { ApiStore } from "./store-port.js";
import { fieldErrors } from "./validation.js";

export const API_BASE_PATH = "/v1";
export const API_VERSION = "1.0.0";

export interface AppOptions {
  readonly store: ApiStore;
  readonly config: Pick<Config, "readAccess" | "bodyLimit" | "logLevel">;
  /**
   * "Now" for the assistant when a question gives none, and the clock conversations expire by; a
   * parameter so tests can fix it.
   */
  readonly clock?: () => Date;
  /** How long after its last answer a `/v1/ask` conversation keeps its context (default 30). */
  readonly conversationTtlMinutes?: number;
}

/** Everything a route needs, handed to each route module. */
export interface RouteContext {
  readonly data: DataView;
  readonly store: ApiStore;
  readonly clock: () => Date;
  readonly conversationTtlMinutes: number;
}

/** The Fastify instance with zod as its type provider: handlers see their validated, typed input. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may call the route: anyone, a reader when reads are protected, or the secretary. */
    access?: "public" | "read" | "secretary";
    /**
     * A calendar feed: calendar clients subscribe to a URL and cannot send a header, so the token may
     * also come as `?token=` (a read token; the URL is then the secret).
     */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    /** The token holder's name, once authenticated (the audit log's "who"). */
    actor: string | null;
    /** The body as parsed, before the schema's transforms: handed to the store, which validates it again. */
    rawBody: unknown;
  }
}

/** The language of a request's messages: Accept-Language, Swedish by default. */
export function requestLang(request: FastifyRequest): Lang {
  return negotiateLanguage(request.headers["accept-language"]);
}

/** Sends an RFC 9457 problem as application/problem+json, already serialised (no schema in the way). */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply
    .code(problem.status)
    .header("content-type", "application/problem+json; charset=utf-8")
    .header("content-language", reply.request ? requestLang(reply.request) : "sv")
    .send(JSON.stringify(problem));
}

const FASTIFY_CODES: Record<
  string,
  {
    kind: "malformed-body" | "body-too-large" | "unsupported-media-type" | "invalid-request";
    sv: string;
    en: string;
  }
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    kind: "malformed-body",
    sv: "Begärans innehåll är inte giltig JSON.",
    en: "The request body is not valid JSON.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    kind: "malformed-body",
    sv: "Begärans innehåll är tomt men Content-Type säger JSON.",
    en: "The request body is empty but its Content-Type says JSON.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    kind: "body-too-large",
    sv: "Begärans innehåll är större än servern tar emot.",
    en: "The request body is larger than the server accepts.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    kind: "unsupported-media-type",
    sv: "Skicka innehållet som application/json.",
    en: "Send the body as application/json.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    kind: "invalid-request",
    sv: "Content-Length stämmer inte med innehållet.",
    en: "Content-Length does not match the body.",
  },
};

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Turns any error a request met into a problem; internals are logged, never sent. */
function problemFor(error: FastifyError | Error, request: FastifyRequest, lang: Lang): ProblemDetails {
  const instance = request.url;
  if (error instanceof HttpProblem) return error.toProblem(lang, instance);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext;
    const input =
      context === "querystring"
        ? request.query
        : context === "params"
          ? request.params
          : context === "headers"
            ? request.headers
            : request.rawBody;
    const errors = fieldErrors(error.validation, context, input);
    const fields = [...new Set(errors.map((e) => e.field))].join(", ");
    return new HttpProblem(
      "invalid-request",
      { sv: `Ogiltig begäran: kontrollera ${fields}.`, en: `Invalid request: check ${fields}.` },
      { errors },
    ).toProblem(lang, instance);
  }
  const stored = storeProblem(error);
  if (stored) return stored.toProblem(lang, instance);
  if (error instanceof AllocationError) {
    return new HttpProblem(
      "no-data",
      { sv: error.message, en: error.message },
      error.suggestions.length ? { suggestions: error.suggestions } : {},
    ).toProblem(lang, instance);
  }
  if (error instanceof ReportOptionError) {
    return new HttpProblem("invalid-request", { sv: error.message, en: error.message }).toProblem(
      lang,
      instance,
    );
  }
  const code = (error as FastifyError).code;
  const known = code ? FASTIFY_CODES[code] : undefined;
  if (known) return problemDetails(known.kind, known[lang], instance, lang);
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) {
    return problemDetails(
      "malformed-body",
      FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY?.[lang] ?? "",
      instance,
      lang,
    );
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // A client error fastify knows by status only: keep the status, say it plainly.
    return {
      type: "about:blank",
      title: STATUS_CODES[status] ?? "Client error",
      status,
      detail: lang === "sv" ? "Begäran kunde inte behandlas." : "The request could not be processed.",
      instance,
    };
  }
  return problemDetails(
    "internal-error",
    lang === "sv"
      ? `Ett oväntat fel inträffade; det är loggat (begäran ${request.id}).`
      : `An unexpected error occurred; it has been logged (request ${request.id}).`,
    instance,
    lang,
    { requestId: request.id },
  );
}

/**
 * Builds the API: routes under /v1, the OpenAPI 3.1 document at /openapi.json, the docs page at /docs.
 * No network: the caller listens (src/index.ts) or injects requests (tests).
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { store, config } = options;
  const clock = options.clock ?? (() => new Date());
  const verbose = config.logLevel === "debug" || config.logLevel === "trace";
  const app = Fastify({
    logger: { level: config.logLevel },
    // One log line per request costs a third of the throughput; on at debug and trace only.
    logController: new LogController({ disableRequestLogging: !verbose }),
    // Without request logging a child logger per request buys nothing but its cost (~8 % of a cached
    // read); errors name the request id themselves.
    ...(verbose ? {} : { childLoggerFactory: (logger: FastifyBaseLogger) => logger }),
    bodyLimit: config.bodyLimit,
    return503OnClosing: true,
    // Errors the router meets before any route runs (a bad %-escape, an over-long path segment).
    frameworkErrors: (error, request, reply) => {
      const lang = requestLang(request);
      const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      return sendProblem(
        reply,
        problemDetails(
          tooLong ? "uri-too-long" : "invalid-request",
          tooLong
            ? lang === "sv"
              ? "En del av adressen är längre än 100 tecken."
              : "A part of the path is longer than 100 characters."
            : lang === "sv"
              ? "Adressen är inte giltig (felaktig %-kodning)."
              : "The URL is not valid (bad percent-encoding).",
          request.url,
          lang,
        ),
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("actor", null);
  app.decorateRequest("rawBody", undefined);
  // Hooks go on the routes that need them only: a public read runs none (a hook a request costs ~10 %).
  app.addHook("onRoute", (route) => {
    const access = route.config?.access ?? "public";
    if (access === "secretary" || (access === "read" && config.readAccess === "token")) {
      route.onRequest = [
        ...toArray(route.onRequest),
        async (request: FastifyRequest, reply: FastifyReply) => {
          await authenticate(request, reply, config.readAccess, store);
        },
      ] as typeof route.onRequest;
    }
    if (route.schema?.body) {
      route.preValidation = [
        ...toArray(route.preValidation),
        async (request: FastifyRequest) => {
          request.rawBody = request.body;
        },
      ] as typeof route.preValidation;
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    const problem = problemFor(error, request, lang);
    if (problem.status >= 500)
      request.log.error({ err: error, reqId: request.id, url: request.url }, "request failed");
    else request.log.debug({ err: error, reqId: request.id }, "request refused");
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const lang = requestLang(request);
    const path = request.url.split("?")[0] ?? request.url;
    return sendProblem(
      reply,
      problemDetails(
        "not-found",
        lang === "sv"
          ? `Det finns ingen resurs för ${request.method} ${path}. Se /openapi.json eller /docs.`
          : `There is no resource for ${request.method} ${path}. See /openapi.json or /docs.`,
        request.url,
        lang,
      ),
    );
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "samverkan API",
        version: API_VERSION,
        description:
          "Cost allocations, kommunbesked, reports, meetings and the assistant for joint committees " +
          "(gemensamma nämnder). Amounts are exact decimal strings with their unit and provenance. Errors " +
          "are application/problem+json (RFC 9457) in Swedish or English (Accept-Language).",
        license: { name: "MIT", identifier: "MIT" },
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "A token from SAMVERKAN_TOKENS. Writes need the secretary role.",
          },
        },
      },
      tags: [
        { name: "health", description: "Liveness and database reachability" },
        { name: "data", description: "Collaborations, municipalities and cost items" },
        { name: "allocations", description: "What each municipality pays, with the working" },
        { name: "reports", description: "Reports as JSON, CSV, XLSX, Markdown or HTML" },
        { name: "meetings", description: "The meeting plan, årshjul, changes and attendance" },
        { name: "records", description: "Outcomes and forecasts" },
        { name: "assistant", description: "Questions in Swedish or English" },
        { name: "audit", description: "The audit log of every write" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });

  app.get("/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () =>
    app.swagger(),
  );

  const ctx: RouteContext = {
    data: new DataView(store),
    store,
    clock,
    conversationTtlMinutes: options.conversationTtlMinutes ?? DEFAULT_CONVERSATION_TTL_MINUTES,
  };
  registerHealthRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  await app.register(
    async (v1) => {
      const api = v1.withTypeProvider<ZodTypeProvider>();
      registerCollaborationRoutes(api, ctx);
      registerAllocationRoutes(api, ctx);
      registerStatementRoutes(api, ctx);
      registerReportRoutes(api, ctx);
      registerMeetingRoutes(api, ctx);
      registerCalendarRoutes(api, ctx);
      registerRecordRoutes(api, ctx);
      registerAskRoutes(api, ctx);
      registerAuditRoutes(api, ctx);
    },
    { prefix: API_BASE_PATH },
  );
  return app;
}

/**
 * Sends a body already rendered (pre-serialised JSON, CSV, XLSX…): typed routes would otherwise
 * insist on the schema's object, and fastify sends strings and buffers as they are.
 */
export function sendRendered(reply: unknown, body: string | Buffer): FastifyReply {
  return (reply as FastifyReply).send(body);
}
