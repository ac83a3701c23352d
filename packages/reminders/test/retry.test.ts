import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backoffMs,
  ConversationPacer,
  isRetryable,
  retryAfterMs,
  SendFailed,
  sendWithRetry,
} from "../src/index.js";

const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: { headers: new Map(Object.entries(headers)) },
  });

describe("retrying a send", () => {
  it("retries throttling and server errors, honouring Retry-After, until it goes through", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await sendWithRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw httpError(429, { "retry-after": "2" });
        if (calls === 2) throw httpError(503);
        return "sent";
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 0.5, baseDelayMs: 1000 },
    );
    expect(result).toBe("sent");
    expect(waits).toEqual([2000, 1000]);
  });

  it("does not retry a refusal (403: the bot was removed from the chat)", async () => {
    let calls = 0;
    const error = await sendWithRetry(async () => {
      calls += 1;
      throw httpError(403);
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(SendFailed);
    expect((error as SendFailed).retryable).toBe(false);
  });

  it("gives up after the configured number of tries", async () => {
    let calls = 0;
    const error = await sendWithRetry(
      async () => {
        calls += 1;
        throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      },
      { attempts: 3, sleep: async () => undefined },
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect((error as SendFailed).attempts).toBe(3);
    expect((error as SendFailed).retryable).toBe(true);
  });

  it("knows what is worth retrying", () => {
    expect([429, 500, 502, 503, 400, 401, 403, 404].map((s) => isRetryable(httpError(s)))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(
      retryAfterMs(
        httpError(429, { "retry-after": "Wed, 21 Oct 2015 07:28:05 GMT" }),
        new Date("2015-10-21T07:28:00Z"),
      ),
    ).toBe(5000);
  });

  it("waits with full jitter: never negative, never over the cap, never less than Retry-After (capped)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 120 })),
        (attempt, random, retryAfter) => {
          const error =
            retryAfter === null ? httpError(503) : httpError(429, { "retry-after": String(retryAfter) });
          const wait = backoffMs(attempt, error, {
            random: () => random,
            baseDelayMs: 1000,
            maxDelayMs: 30_000,
          });
          expect(wait).toBeGreaterThanOrEqual(Math.min(30_000, (retryAfter ?? 0) * 1000));
          expect(wait).toBeLessThanOrEqual(30_000);
          expect(wait).toBeLessThanOrEqual(
            Math.max(Math.min(30_000, 1000 * 2 ** (attempt - 1)), (retryAfter ?? 0) * 1000),
          );
        },
      ),
    );
  });
});

describe("pacing sends to one conversation", () => {
  it("keeps to 7 messages a second per conversation, and does not hold up other conversations", async () => {
    let clock = 0;
    const sent: [string, number][] = [];
    const pacer = new ConversationPacer(
      7,
      () => clock,
      async (ms) => {
        clock += ms;
      },
    );
    for (let i = 0; i < 8; i += 1) {
      await pacer.take("a");
      sent.push(["a", clock]);
    }
    await pacer.take("b");
    sent.push(["b", clock]);
    const a = sent.filter(([c]) => c === "a").map(([, t]) => t);
    // Any window of one second holds at most 7 sends to "a".
    for (const t of a) expect(a.filter((x) => x >= t && x < t + 1000).length).toBeLessThanOrEqual(7);
    expect(a[7]).toBeGreaterThanOrEqual(1000);
    expect(sent.at(-1)).toEqual(["b", a[7]]);
  });
});
