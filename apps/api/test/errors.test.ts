import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { negotiateLanguage } from "../src/language.js";
import { problemSchema } from "../src/schemas.js";
import { asSecretary, testApp, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({
    bodyLimit: 1024,
    // A route that fails inside, to see what a client gets from an unexpected error.
    routes: (app) =>
      app.get("/test/boom", { config: { access: "public" } }, async () => {
        throw new Error("secret internals: connection string postgres://x:y@db");
      }),
  });
});
afterAll(() => t.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  const problem = problemSchema.parse(JSON.parse(res.body));
  expect(problem.status).toBe(status);
  expect(res.body).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  return problem;
}

describe("problem details (RFC 9457) in Swedish or English", () => {
  it("chooses the language by Accept-Language, Swedish by default", async () => {
    const url = "/v1/collaborations/norrbotten/allocations?year=2023&municipality=Kalx";
    const sv = expectProblem(await t.app.inject(url), 404);
    expect(sv).toMatchObject({ title: "Okänd kommun", instance: url, suggestions: ["Kalix"] });
    const en = expectProblem(
      await t.app.inject({ url, headers: { "accept-language": "en-US,en;q=0.8" } }),
      404,
    );
    expect(en.title).toBe("Unknown municipality");
    expect(en.detail).toMatch(/has no member municipality "Kalx"\. Did you mean Kalix\?$/);
    const preferSv = expectProblem(
      await t.app.inject({ url, headers: { "accept-language": "en;q=0.5, sv" } }),
      404,
    );
    expect(preferSv.title).toBe("Okänd kommun");
    const neither = expectProblem(
      await t.app.inject({ url, headers: { "accept-language": "de, fr;q=0.9" } }),
      404,
    );
    expect(neither.title).toBe("Okänd kommun");
  });

  it("names the invalid field in both languages", async () => {
    const url = "/v1/collaborations/norrbotten/allocations?year=tjugo";
    const sv = expectProblem(await t.app.inject(url), 400);
    expect(sv.errors).toEqual([{ in: "query", field: "year", message: "ska vara ett år, t.ex. 2023" }]);
    const en = expectProblem(await t.app.inject({ url, headers: { "accept-language": "en" } }), 400);
    expect(en.errors).toEqual([{ in: "query", field: "year", message: "must be a year such as 2023" }]);
    expect(en.detail).toBe("Invalid request: check year.");
  });

  it("negotiates by quality", () => {
    expect(negotiateLanguage(undefined)).toBe("sv");
    expect(negotiateLanguage("en")).toBe("en");
    expect(negotiateLanguage("sv-SE")).toBe("sv");
    expect(negotiateLanguage("en;q=0.9, sv;q=0.1")).toBe("en");
    expect(negotiateLanguage("*")).toBe("sv");
    expect(negotiateLanguage("en;q=0")).toBe("sv");
  });
});

describe("bad input never gets a 500", () => {
  it("unknown route → 404 problem", async () => {
    const p = expectProblem(await t.app.inject("/v2/nothing"), 404);
    expect(p.detail).toContain("/openapi.json");
    expectProblem(await t.app.inject({ method: "DELETE", url: "/v1/collaborations" }), 404);
  });

  it("malformed JSON → 400", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      headers: { "content-type": "application/json" },
      payload: '{"question": "hej",',
    });
    expect(expectProblem(res, 400).type).toBe("urn:samverkan:problem:malformed-body");
  });

  it("empty JSON body → 400, wrong media type → 415", async () => {
    const empty = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      headers: { "content-type": "application/json" },
    });
    expectProblem(empty, 400);
    const text = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      headers: { "content-type": "application/xml" },
      payload: "<question>Vad betalar Kalix?</question>",
    });
    expectProblem(text, 415);
    // Plain text is parsed as a string, which is not the object the schema wants: 400.
    const plain = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      headers: { "content-type": "text/plain" },
      payload: "Vad betalar Kalix?",
    });
    expectProblem(plain, 400);
  });

  it("too large body → 413", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      payload: { question: "x".repeat(5000) },
    });
    expect(expectProblem(res, 413).type).toBe("urn:samverkan:problem:body-too-large");
    const write = await t.app.inject({
      method: "POST",
      url: "/v1/collaborations/norrbotten/outcomes",
      headers: asSecretary,
      payload: { line: "e-arkiv", date: "2023-05-31", amount: "1", unit: "kr", note: "n".repeat(5000) },
    });
    expectProblem(write, 413);
  });

  it("a JSON body that is not an object → 400", async () => {
    for (const payload of ["[]", "null", '"text"', "42"]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/v1/ask",
        headers: { "content-type": "application/json" },
        payload,
      });
      expectProblem(res, 400);
    }
  });

  it("__proto__ in a body is refused, not merged", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      headers: { "content-type": "application/json" },
      payload: '{"question":"hej","__proto__":{"admin":true}}',
    });
    expectProblem(res, 400);
  });

  it("an unexpected failure is a 500 problem with a request id, without the error's text", async () => {
    const p = expectProblem(await t.app.inject("/test/boom"), 500);
    expect(p.type).toBe("urn:samverkan:problem:internal-error");
    expect(JSON.stringify(p)).not.toContain("secret internals");
    expect(p.requestId).toBeTruthy();
  });
});

describe("GET /health", () => {
  it("200 when the database answers", async () => {
    const res = await t.app.inject("/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "reachable" });
    expect((await t.app.inject("/v1/health")).statusCode).toBe(200);
  });

  it("503 problem when it does not", async () => {
    const down = await testApp({ wrap: (s) => ({ ...s, ping: async () => false }) });
    try {
      const p = expectProblem(
        await down.app.inject({ url: "/health", headers: { "accept-language": "en" } }),
        503,
      );
      expect(p.detail).toBe("The database does not answer.");
    } finally {
      await down.close();
    }
  });
});
