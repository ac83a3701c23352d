import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "../src/schemas.js";
import { asSecretary, testApp, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ bodyLimit: 16 * 1024 });
});
afterAll(() => t.close());

/** Values people and programs send: names, years, numbers of every size, unicode, injection, nothing. */
const value = fc.oneof(
  fc.constantFrom(
    "Kalix",
    "kalix",
    "Luleå",
    "LULEA",
    "2514",
    "e-arkiv",
    "norrbotten",
    "skanearkiv",
    "2023",
    "2022",
    "allocation",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.constantFrom(
    "",
    " ",
    "-1",
    "0",
    "1e309",
    "NaN",
    "Infinity",
    "2023.0",
    "0x7e7",
    "'; DROP TABLE tokens;--",
    "<script>",
    "%",
    "%00",
    "..",
    "../..",
  ),
  fc.string({ minLength: 200, maxLength: 3000 }),
);

const query = fc.dictionary(
  fc.constantFrom(
    "year",
    "item",
    "municipality",
    "format",
    "lang",
    "items",
    "table",
    "from",
    "to",
    "body",
    "line",
    "limit",
    "since",
    "collaboration",
    "x",
  ),
  fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })),
  { maxKeys: 5 },
);

function qs(q: Record<string, string | string[]>): string {
  const parts = Object.entries(q).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`),
  );
  return parts.length ? `?${parts.join("&")}` : "";
}

const segment = value.map((s) => encodeURIComponent(s) || "x");

const GET_ROUTES = [
  (c: string) => `/v1/collaborations/${c}`,
  (c: string) => `/v1/collaborations/${c}/municipalities`,
  (c: string, m: string) => `/v1/collaborations/${c}/municipalities/${m}`,
  (c: string, m: string) => `/v1/collaborations/${c}/municipalities/${m}/statement`,
  (c: string) => `/v1/collaborations/${c}/cost-items`,
  (c: string) => `/v1/collaborations/${c}/allocations`,
  (c: string, m: string) => `/v1/collaborations/${c}/reports/${m}`,
  (c: string) => `/v1/collaborations/${c}/meetings`,
  (c: string, m: string) => `/v1/collaborations/${c}/meetings/${m}`,
  (c: string) => `/v1/collaborations/${c}/annual-cycle`,
  (c: string) => `/v1/collaborations/${c}/outcomes`,
  (c: string) => `/v1/collaborations/${c}/forecasts`,
  () => `/v1/audit-log`,
  () => `/v1/collaborations`,
];

const collaboration = fc.oneof(fc.constantFrom("norrbotten", "skanearkiv"), segment);
const second = fc.oneof(
  fc.constantFrom(
    "Kalix",
    "Lund",
    "allocation",
    "statement",
    "budget",
    "meetings",
    "max-withdrawal",
    "interim",
  ),
  segment,
);
const language = fc.option(fc.constantFrom("sv", "en", "en-GB,en;q=0.9", "de", "*", ";;;q=x", "sv;q=abc"), {
  nil: undefined,
});

type Res = Awaited<ReturnType<TestApp["app"]["inject"]>>;

/** Only 2xx and 4xx; an error is always a well-formed problem in problem+json. */
function check(res: Res, what: string): void {
  expect(res.statusCode, what).toBeLessThan(500);
  expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
  const type = String(res.headers["content-type"] ?? "");
  if (res.statusCode >= 400) {
    expect(type, what).toBe("application/problem+json; charset=utf-8");
    const problem = problemSchema.parse(res.json());
    expect(problem.status, what).toBe(res.statusCode);
    expect(res.body, what).not.toMatch(/\n\s+at |node_modules/);
  } else {
    expect(type, what).toMatch(/json|text\/csv|text\/markdown|text\/html|spreadsheetml/);
  }
}

const RUNS = { numRuns: 150 };

describe("fuzz: every route answers 2xx or 4xx, never 5xx", () => {
  it.each(GET_ROUTES.map((route, i) => [i, route] as const))(
    "GET route %i with random path and query",
    async (_i, route) => {
      await fc.assert(
        fc.asyncProperty(
          collaboration,
          second,
          query,
          language,
          fc.boolean(),
          async (c, m, q, lang, token) => {
            const url = route(c, m) + qs(q);
            const headers: Record<string, string> = {
              ...(lang ? { "accept-language": lang } : {}),
              ...(token ? asSecretary : {}),
            };
            check(await t.app.inject({ method: "GET", url, headers }), url);
          },
        ),
        RUNS,
      );
    },
  );

  const anyBody = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        question: value,
        now: value,
        collaboration: value,
        line: value,
        date: fc.oneof(
          value,
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        ),
        amount: fc.oneof(value, fc.integer(), fc.double(), fc.constant(null)),
        unit: fc.constantFrom("kr", "tkr", "sek", ""),
        note: value,
        municipalities: fc.array(value, { maxLength: 5 }),
        roles: fc.array(value, { maxLength: 3 }),
        id: value,
        body: fc.constantFrom("committee", "preparatoryGroup", "strategyDay", "x"),
        startTime: value,
        endTime: value,
        reason: value,
      },
      { requiredKeys: [] },
    ),
  );
  const rawBody = fc.oneof(
    anyBody.map((b) => JSON.stringify(b)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      "{",
      '{"question":',
      "[1,2",
      "\u0000",
      '{"__proto__":{"a":1}}',
      '{"constructor":{"prototype":{}}}',
    ),
  );
  const WRITES: { method: "POST" | "PUT"; url: (c: string, m: string) => string }[] = [
    { method: "POST", url: () => "/v1/ask" },
    { method: "POST", url: (c) => `/v1/collaborations/${c}/outcomes` },
    { method: "POST", url: (c) => `/v1/collaborations/${c}/forecasts` },
    { method: "POST", url: (c) => `/v1/collaborations/${c}/meetings` },
    { method: "POST", url: (c, m) => `/v1/collaborations/${c}/meetings/${m}/move` },
    { method: "POST", url: (c, m) => `/v1/collaborations/${c}/meetings/${m}/cancel` },
    { method: "PUT", url: (c, m) => `/v1/collaborations/${c}/meetings/${m}/attendance` },
  ];
  const meeting = fc.oneof(fc.constantFrom("committee-2022-10-12", "committee-2022-12-14"), segment);

  it.each(WRITES.map((w) => [`${w.method} ${w.url("{c}", "{m}")}`, w] as const))(
    "%s with random bodies",
    async (_name, w) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("norrbotten", "norrbotten", "skanearkiv", "nowhere"),
          meeting,
          rawBody,
          fc.constantFrom(
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "application/x-www-form-urlencoded",
          ),
          language,
          async (c, m, payload, contentType, lang) => {
            const url = w.url(c, m);
            const res = await t.app.inject({
              method: w.method,
              url,
              payload,
              headers: {
                ...asSecretary,
                "content-type": contentType,
                ...(lang ? { "accept-language": lang } : {}),
              },
            });
            check(res, `${w.method} ${url} ${payload.slice(0, 200)}`);
          },
        ),
        RUNS,
      );
    },
  );
});
