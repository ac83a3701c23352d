/** `/v1/ask` with a `conversationId`: follow-ups read against the last answer kept in the store. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, asReader, asSecretary, NOW, type Json, type TestApp } from "./helpers.js";

let t: TestApp;
let clock = NOW;
beforeAll(async () => {
  t = await testApp({ clock: () => clock, conversationTtlMinutes: 10 });
});
afterAll(() => t.close());

async function ask(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: "POST", url: "/v1/ask", payload, headers });
  return { res, body: res.json() as Json };
}

const amountsOf = (body: Json) =>
  (body.amounts as Json[]).map((a) => `${a.municipality} ${a.item} ${a.year}: ${a.amount} ${a.unit}`);

describe("POST /v1/ask with a conversationId", () => {
  it("answers a follow-up as the whole question it stands for, and says so in interpretedAs", async () => {
    const conversationId = "c0ffee00-1111-4222-8333-444455556666";
    const first = await ask({ question: "Vad betalar Kalix för e-arkiv 2023?", conversationId });
    expect(first.res.statusCode).toBe(200);
    expect(first.body.interpretedAs).toBeUndefined();
    expect(amountsOf(first.body)).toEqual(["Kalix E-arkiv 2023: 21000 kr"]);

    const second = await ask({ question: "och Luleå?", conversationId });
    expect(second.res.statusCode).toBe(200);
    expect(second.body.interpretedAs).toBe("Vad betalar Luleå för e-arkiv 2023?");
    expect(second.body.text).toContain('"Vad betalar Luleå för e-arkiv 2023?"');
    expect(amountsOf(second.body)).toEqual(["Luleå E-arkiv 2023: 97000 kr"]);

    const third = await ask({ question: "and in English?", conversationId });
    expect(third.body).toMatchObject({
      language: "en",
      interpretedAs: "Vad betalar Luleå för e-arkiv 2023?",
    });
    expect(third.body.text).toContain("Luleå pays 97 000 kr");
  });

  it("keeps conversations apart: without an id, or with another, a follow-up has nothing to follow", async () => {
    await ask({ question: "Vad betalar Kalix för e-arkiv 2023?", conversationId: "apart-1" });
    for (const payload of [
      { question: "och 2022?" },
      { question: "och 2022?", conversationId: "apart-2" },
      { question: "och 2022?", conversationId: "APART-1" },
    ]) {
      const { body } = await ask(payload);
      expect(body.intent, JSON.stringify(payload)).toBe("unknown");
      expect(body.interpretedAs).toBeUndefined();
      expect(body.amounts).toEqual([]);
    }
    const same = await ask({ question: "och 2022?", conversationId: "apart-1" });
    expect(amountsOf(same.body)).toEqual(["Kalix E-arkiv 2022: 21000 kr"]);
  });

  it("keeps two token holders apart when reads need a token, even when they pick the same id", async () => {
    const tokens = await testApp({ readAccess: "token" });
    try {
      const post = async (question: string, headers: Record<string, string>) =>
        (
          await tokens.app.inject({
            method: "POST",
            url: "/v1/ask",
            payload: { question, conversationId: "shared-id" },
            headers,
          })
        ).json() as Json;
      await post("Vad betalar Kalix för e-arkiv 2023?", asReader);
      expect((await post("och 2022?", asSecretary)).intent).toBe("unknown");
      expect(amountsOf(await post("och 2022?", asReader))).toEqual(["Kalix E-arkiv 2022: 21000 kr"]);
    } finally {
      await tokens.close();
    }
  });

  it("forgets a conversation CONVERSATION_TTL_MINUTES after its last answer, on the server's clock", async () => {
    clock = NOW;
    await ask({ question: "Vad betalar Kalix för e-arkiv 2023?", conversationId: "ttl", now: "2023-01-01" });
    clock = new Date(NOW.getTime() + 9 * 60_000);
    expect((await ask({ question: "och 2022?", conversationId: "ttl" })).body.interpretedAs).toBe(
      "Vad betalar Kalix för e-arkiv 2022?",
    );
    clock = new Date(clock.getTime() + 10 * 60_000);
    const expired = await ask({ question: "och 2022?", conversationId: "ttl" });
    expect(expired.body.intent).toBe("unknown");
    expect(expired.body.text).toMatch(/^Jag förstod inte frågan\./);
    clock = NOW;
  });

  it("refuses a conversationId that is not 1–128 letters, digits and . _ : - with 400 problem+json", async () => {
    for (const conversationId of ["", "a b", "x".repeat(129), "kalix-åäö", "a|b", "../../etc", 42, null]) {
      const { res, body } = await ask(
        { question: "Vad betalar Kalix för e-arkiv 2023?", conversationId },
        { "accept-language": "en" },
      );
      expect(res.statusCode, JSON.stringify(conversationId)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(body.type).toBe("urn:samverkan:problem:invalid-request");
      expect(body.errors.map((e: Json) => e.field)).toEqual(["conversationId"]);
    }
    const sv = await ask({ question: "hej", conversationId: "a b" });
    expect(sv.body.errors[0].message).toContain("bokstäver");
    // Refused before anything was kept: the longest valid id is accepted.
    expect(
      (await ask({ question: "hej", conversationId: "x".repeat(128) }, asSecretary)).res.statusCode,
    ).toBe(200);
  });

  it("documents conversationId (with its pattern) and interpretedAs in the OpenAPI document", async () => {
    const doc = (await t.app.inject("/openapi.json")).json() as Json;
    const ask = doc.paths["/v1/ask"].post;
    const body = ask.requestBody.content["application/json"].schema;
    expect(body.properties.conversationId).toMatchObject({
      type: "string",
      pattern: "^[A-Za-z0-9._:-]{1,128}$",
    });
    expect(body.required).toEqual(["question"]);
    expect(ask.description).toContain("interpretedAs");
    const answer = JSON.stringify(doc.components?.schemas?.Answer ?? ask.responses["200"]);
    expect(answer).toContain("interpretedAs");
  });
});
