/** The HTTP side: Bot Framework activities in at /api/messages (failing closed), a health check for the host. */
import express, { type ErrorRequestHandler, type Express } from "express";
import type { TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import { receiveActivities, TOKEN_CHECK_TIMEOUT_MS } from "./activities.js";
import { BOT_MESSAGES_PATH } from "./config.js";

export interface CreateServerOptions {
  /** Anything that runs a turn: the teams-ai `Application` of `createBot`. */
  readonly bot: { run(context: TurnContext): Promise<unknown> };
  readonly adapter: TeamsAdapter;
  readonly logError?: (message: string, error: unknown) => void;
  /** How long checking a token may take before it is refused; `TOKEN_CHECK_TIMEOUT_MS` by default. */
  readonly tokenCheckTimeoutMs?: number;
}

export function createServer({ bot, adapter, logError, tokenCheckTimeoutMs }: CreateServerOptions): Express {
  const log = logError ?? ((message, error) => console.error(message, error));
  const server = express();
  server.disable("x-powered-by");
  server.use(express.json({ limit: "1mb" }));

  server.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  server.post(
    BOT_MESSAGES_PATH,
    receiveActivities({
      bot,
      adapter,
      log,
      tokenCheckTimeoutMs: tokenCheckTimeoutMs ?? TOKEN_CHECK_TIMEOUT_MS,
    }),
  );

  // Express would answer with its own page (a stack trace outside production); say only what failed.
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = httpStatusOf(error);
    if (status >= 500) log("teams-bot: request failed", error);
    if (res.headersSent) return;
    res.status(status).json({ error: status >= 500 ? "internal error" : "bad request" });
  };
  server.use(onError);
  return server;
}

function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}
