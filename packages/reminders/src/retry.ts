/**
 * Retrying a send that the channel refused for now: 429 (Teams throttles) and 5xx, and network
 * failures, with exponential backoff and full jitter (a random wait up to the doubled limit, so two
 * instances retrying do not collide again), honouring Retry-After. Anything else (400, 403 when the
 * bot was removed from the chat, 404) is final: retrying would only repeat the refusal.
 */
export interface RetryOptions {
  /** Tries in all, the first included (default 4). */
  readonly attempts?: number;
  /** The first wait's upper bound in ms (default 1000); it doubles each try. */
  readonly baseDelayMs?: number;
  /** No wait is longer than this (default 30 s). */
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** [0, 1); Math.random by default, fixed in tests. */
  readonly random?: () => number;
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EPIPE",
  "UND_ERR_SOCKET",
]);

/** The HTTP status of a failed send, as botbuilder's RestError and fetch-style errors carry it. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  for (const s of [e?.statusCode, e?.status, e?.response?.status]) if (typeof s === "number") return s;
  return undefined;
}

/** Whether trying again may help: throttled, a server error, or the network. */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 429 || status >= 500;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && NETWORK_CODES.has(code);
}

/** Retry-After (seconds, or an HTTP date) of a throttled response, in ms. */
export function retryAfterMs(error: unknown, now: Date = new Date()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers;
  let value: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === "function")
    value = (headers as { get(name: string): unknown }).get("retry-after");
  else if (headers && typeof headers === "object")
    value = (headers as Record<string, unknown>)["retry-after"];
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The wait before try `attempt + 1` (attempt counts from 1): full jitter, at least Retry-After. */
export function backoffMs(attempt: number, error: unknown, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  const jittered = Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1)));
  return Math.min(max, Math.max(jittered, retryAfterMs(error) ?? 0));
}

export class SendFailed extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
    readonly retryable: boolean,
  ) {
    super(
      `${retryable ? "gave up after" : "refused at"} attempt ${attempts}: ${
        lastError instanceof Error ? lastError.message : String(lastError)
      }`,
    );
    this.name = "SendFailed";
  }
}

/** Runs `send` until it succeeds, retrying what may pass; throws `SendFailed` with the count. */
export async function sendWithRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const retryable = isRetryable(error);
      if (!retryable || attempt >= attempts) throw new SendFailed(attempt, error, retryable);
      await sleep(backoffMs(attempt, error, options));
    }
  }
}
