import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Json, type TestApp } from "./helpers.js";

let t: TestApp;
let doc: Json;
beforeAll(async () => {
  t = await testApp();
  doc = (await t.app.inject("/openapi.json")).json();
});
afterAll(() => t.close());

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every route under /v1 and /health, each with its parameters and problem responses", () => {
    const expected = [
      "get /health",
      "get /v1/health",
      "get /v1/collaborations",
      "get /v1/collaborations/{collaboration}",
      "get /v1/collaborations/{collaboration}/municipalities",
      "get /v1/collaborations/{collaboration}/municipalities/{municipality}",
      "get /v1/collaborations/{collaboration}/municipalities/{municipality}/statement",
      "get /v1/collaborations/{collaboration}/cost-items",
      "get /v1/collaborations/{collaboration}/allocations",
      "get /v1/collaborations/{collaboration}/reports/{report}",
      "get /v1/collaborations/{collaboration}/meetings",
      "post /v1/collaborations/{collaboration}/meetings",
      "get /v1/collaborations/{collaboration}/meetings/{meeting}",
      "get /v1/collaborations/{collaboration}/meetings.ics",
      "get /v1/collaborations/{collaboration}/meetings/{meeting}/calendar.ics",
      "post /v1/collaborations/{collaboration}/meetings/{meeting}/move",
      "post /v1/collaborations/{collaboration}/meetings/{meeting}/cancel",
      "put /v1/collaborations/{collaboration}/meetings/{meeting}/attendance",
      "get /v1/collaborations/{collaboration}/annual-cycle",
      "get /v1/collaborations/{collaboration}/outcomes",
      "post /v1/collaborations/{collaboration}/outcomes",
      "get /v1/collaborations/{collaboration}/forecasts",
      "post /v1/collaborations/{collaboration}/forecasts",
      "post /v1/ask",
      "get /v1/audit-log",
    ];
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(expected.sort());
    const allocations = doc.paths["/v1/collaborations/{collaboration}/allocations"].get;
    expect(
      allocations.parameters.map((p: Json) => `${p.in}:${p.name}:${p.required ?? false}`).sort(),
    ).toEqual(
      ["path:collaboration:true", "query:item:false", "query:municipality:false", "query:year:true"].sort(),
    );
    expect(Object.keys(allocations.responses)).toEqual(expect.arrayContaining(["200", "400", "404"]));
  });

  it("marks the writes as needing the bearer token", () => {
    const post = doc.paths["/v1/collaborations/{collaboration}/outcomes"].post;
    expect(post.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(post.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["line", "date", "amount", "unit"]),
    );
  });

  it("agrees with the routes fastify has: every documented path answers something other than 404 route-not-found", async () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const url = path
        .replace("{collaboration}", "norrbotten")
        .replace("{municipality}", "Kalix")
        .replace("{report}", "allocation")
        .replace("{meeting}", "x");
      for (const method of Object.keys(ops)) {
        const res = await t.app.inject({ method: method.toUpperCase() as "GET", url });
        if (res.statusCode === 404)
          expect(res.json().type, `${method} ${url}`).not.toBe("urn:samverkan:problem:not-found");
      }
    }
  });
});

describe("the docs page", () => {
  it("is served from this server only: the page and every script and stylesheet it loads", async () => {
    const page = await t.app.inject("/docs/");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) {
      expect(ref, "no external URL").not.toMatch(/^(https?:)?\/\//);
      const res = await t.app.inject(new URL(ref, "http://localhost/docs/").pathname);
      expect(res.statusCode, ref).toBe(200);
    }
    const init = await t.app.inject("/docs/static/swagger-initializer.js");
    // Swagger UI's online validator badge would call validator.swagger.io: off.
    expect(init.body).toContain("validatorUrl: null");
    expect((await t.app.inject("/docs/json")).json().openapi).toBe("3.1.0");
  });
});
