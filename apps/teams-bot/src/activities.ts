/**
 * POST /api/messages, failing closed. The adapter checks an activity's token before it runs the turn,
 * but when the check itself breaks (a forged signature, signing keys it cannot fetch) it answers 500
 * with the error's text. So the adapter's answer is held back and the handler decides: whatever stopped
 * an activity before its turn began is a refusal, 401 with a fixed body; the reason goes to the log only.
 */
import type { RequestHandler, Response } from "express";
import type { Response as AdapterResponse, TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";

export interface ReceiveActivitiesOptions {
  /** Anything that runs a turn: the teams-ai `Application` of `createBot`. */
  readonly bot: { run(context: TurnContext): Promise<unknown> };
  readonly adapter: TeamsAdapter;
  readonly log: (message: string, error: unknown) => void;
  /** How long checking a token may take (fetching the signing keys included) before it is refused. */
  readonly tokenCheckTimeoutMs: number;
}

/** The Bot Framework service gives up after 15 s; refusing well before lets it retry. */
export const TOKEN_CHECK_TIMEOUT_MS = 10_000;

export function receiveActivities({
  bot,
  adapter,
  log,
  tokenCheckTimeoutMs,
}: ReceiveActivitiesOptions): RequestHandler {
  return async (req, res, next) => {
    // The channel always says what the activity is, where it came from and where to answer; without
    // that a turn would fail half-way (teams-ai reads the recipient, botbuilder the conversation).
    const missing = missingFields(req.body);
    if (missing.length > 0) {
      res.status(400).json({
        error: "bad request",
        detail: `not a Bot Framework activity: missing ${missing.join(", ")}`,
      });
      return;
    }
    const held = holdBack();
    let turnStarted = false;
    let refused = false;
    const refuse = (reason: unknown) => {
      refused = true;
      log("teams-bot: activity refused, its Bot Framework token could not be verified", reason);
      res.status(401).set("WWW-Authenticate", "Bearer").json({ error: "unauthorized" });
    };
    const deadline = setTimeout(
      () => refuse(`no verdict on the token after ${tokenCheckTimeoutMs} ms`),
      tokenCheckTimeoutMs,
    );
    try {
      await adapter.process(req, held.response, async (context) => {
        // Too late: the caller was told 401, so the activity must have no effect.
        if (refused) return;
        clearTimeout(deadline);
        turnStarted = true;
        await bot.run(context);
      });
    } catch (error) {
      // Before the turn the adapter only throws on a malformed activity; after it, the turn failed.
      if (refused) return;
      if (turnStarted) next(error);
      else res.status(400).json({ error: "bad request" });
      return;
    } finally {
      clearTimeout(deadline);
    }
    if (refused) return;
    const { status } = held.answer;
    if (!turnStarted && (status === 401 || status >= 500)) refuse(held.answer.body);
    else send(res, held.answer, turnStarted, log);
  };
}

interface AdapterAnswer {
  status: number;
  body: unknown;
  headers: [string, unknown][];
}

/** A stand-in response for the adapter: it records what the adapter would send instead of sending it. */
function holdBack(): { response: AdapterResponse; answer: AdapterAnswer } {
  const answer: AdapterAnswer = { status: 200, body: undefined, headers: [] };
  const response: AdapterResponse = {
    socket: null,
    status: (code: number) => (answer.status = code),
    header: (name: string, value: unknown) => answer.headers.push([name, value]),
    send: (body: unknown) => (answer.body = body),
    end: () => undefined,
  };
  return { response, answer };
}

/** The adapter's own answer (an invoke response, or just 200), minus any error text. */
function send(
  res: Response,
  answer: AdapterAnswer,
  turnStarted: boolean,
  log: ReceiveActivitiesOptions["log"],
) {
  const { status, body, headers } = answer;
  if (status >= 500) {
    log("teams-bot: the adapter failed after the turn", body);
    res.status(500).json({ error: "internal error" });
  } else if (!turnStarted && status >= 400) {
    res.status(status).json({ error: "bad request" });
  } else {
    for (const [name, value] of headers) res.header(name, String(value));
    res.status(status);
    if (body === undefined) res.end();
    else res.send(body);
  }
}

/** The fields every activity from a channel carries that the bot relies on, when absent. */
export function missingFields(body: unknown): string[] {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => typeof v === "string" && v !== "";
  const idOf = (v: unknown) => (v && typeof v === "object" ? (v as { id?: unknown }).id : undefined);
  return [
    ["type", str(b.type)],
    ["serviceUrl", str(b.serviceUrl)],
    ["conversation.id", str(idOf(b.conversation))],
    ["recipient.id", str(idOf(b.recipient))],
  ]
    .filter(([, ok]) => !ok)
    .map(([name]) => name as string);
}
