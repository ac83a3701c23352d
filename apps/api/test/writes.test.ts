import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asReader, asSecretary, testApp, type Json, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const outcome = { line: "e-arkiv", date: "2023-05-31", amount: "119924.00", unit: "kr" };
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url, payload: payload as object, headers });

describe("writes need the secretary's token", () => {
  const url = "/v1/collaborations/norrbotten/outcomes";

  it("401 without a token, with WWW-Authenticate, and nothing is written", async () => {
    const res = await post(url, outcome);
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer realm="samverkan"');
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(await t.store.amounts("norrbotten")).toEqual([]);
  });

  it("401 with an unknown or malformed token", async () => {
    for (const authorization of [
      "Bearer not-a-known-token-at-all",
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "bearer  ",
    ]) {
      const res = await post(url, outcome, { authorization });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers["www-authenticate"]).toContain("invalid_token");
    }
  });

  it("403 with a reader's token", async () => {
    const res = await post(url, outcome, asReader);
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toBe("Behörighet saknas");
  });

  it("201 with the secretary's token: recorded exactly, by the token's name, and audit-logged", async () => {
    const res = await post(url, outcome, asSecretary);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: "outcome",
      line: "e-arkiv",
      amount: "119924.00",
      recordedBy: "sekreteraren",
    });
    const list = await t.app.inject("/v1/collaborations/norrbotten/outcomes?line=e-arkiv");
    expect(list.json().outcomes).toEqual([
      expect.objectContaining({ amount: "119924.00", date: "2023-05-31" }),
    ]);
    const audit = await t.app.inject({ url: "/v1/audit-log?limit=5", headers: asSecretary });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().entries[0]).toMatchObject({
      actor: "sekreteraren",
      action: "outcome.record",
      collaborationId: "norrbotten",
      before: null,
      after: expect.objectContaining({ amount: "119924.00" }),
    });
  });

  it("replaces a forecast for the same line and date, keeping before/after in the audit log", async () => {
    const f = "/v1/collaborations/norrbotten/forecasts";
    await post(f, { ...outcome, amount: "300000" }, asSecretary);
    const again = await post(f, { ...outcome, amount: "310000", note: "ny prognos" }, asSecretary);
    expect(again.statusCode).toBe(201);
    const list = (await t.app.inject(f)).json().forecasts;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ amount: "310000", note: "ny prognos" });
    const [latest] = (await t.app.inject({ url: "/v1/audit-log?limit=1", headers: asSecretary })).json()
      .entries;
    expect(latest.before.amount).toBe("300000");
    expect(latest.after.amount).toBe("310000");
  });

  it("refuses a float amount, a decimal comma and a bad date with 400 naming the field", async () => {
    for (const [body, field] of [
      [{ ...outcome, amount: 1.5 }, "amount"],
      [{ ...outcome, amount: "12,5" }, "amount"],
      [{ ...outcome, date: "2023-02-30" }, "date"],
      [{ ...outcome, unit: "sek" }, "unit"],
      [{ ...outcome, line: undefined }, "line"],
    ] as const) {
      const res = await post(url, body, asSecretary);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: Json) => e.field)).toContain(field);
    }
  });

  it("refuses a NUL character (which PostgreSQL cannot hold) with 400 naming the field, in a body or a query", async () => {
    const before = (await t.store.auditLog({ limit: 1000 })).length;
    const res = await post(url, { ...outcome, note: `Faktura${String.fromCharCode(0)}` }, asSecretary);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.map((e: Json) => e.field)).toContain("note");
    const query = await t.app.inject({ url: "/v1/audit-log?collaboration=%00", headers: asSecretary });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toEqual([
      expect.objectContaining({
        in: "query",
        field: "collaboration",
        message: "får inte innehålla styrtecken",
      }),
    ]);
    expect((await t.store.auditLog({ limit: 1000 })).length).toBe(before);
  });

  it("the audit log is the secretary's only", async () => {
    expect((await t.app.inject("/v1/audit-log")).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/v1/audit-log", headers: asReader })).statusCode).toBe(403);
  });
});

describe("meeting changes and attendance", () => {
  const base = "/v1/collaborations/norrbotten/meetings";

  it("moves a meeting: the plan, the meetings report and the assistant all see the new date", async () => {
    const before = (await t.app.inject(`${base}?year=2022&body=committee`)).json().meetings;
    const october = before.find((m: Json) => m.date === "2022-10-12");
    const res = await post(
      `${base}/${october.id}/move`,
      { date: "2022-10-19", startTime: "10:00", endTime: "12:00", reason: "Krock med kommunfullmäktige" },
      asSecretary,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "moved",
      date: "2022-10-19",
      movedFrom: { date: "2022-10-12" },
    });

    const after = (await t.app.inject(`${base}/${october.id}`)).json();
    expect(after.date).toBe("2022-10-19");
    const report = await t.app.inject("/v1/collaborations/norrbotten/reports/meetings?year=2022&format=md");
    expect(report.body).toContain("19 oktober 2022");
    const ask = await post("/v1/ask", { question: "När är nästa sammanträde?", now: "2022-09-01" });
    expect(ask.json().meetings[0].start).toBe("2022-10-19T10:00:00+02:00");
  });

  it("cancels a meeting once; a second cancel is a 409 conflict", async () => {
    const meetings = (await t.app.inject(`${base}?year=2022&body=preparatoryGroup`)).json().meetings;
    const last = meetings.at(-1);
    const first = await post(`${base}/${last.id}/cancel`, { reason: "Inga ärenden" }, asSecretary);
    expect(first.statusCode).toBe(200);
    expect(first.json().status).toBe("cancelled");
    const second = await post(`${base}/${last.id}/cancel`, {}, asSecretary);
    expect(second.statusCode).toBe(409);
    expect(second.json().type).toBe("urn:samverkan:problem:conflict");
  });

  it("adds a meeting (201), refuses the same id again (409) and an unknown meeting (404)", async () => {
    const meeting = {
      id: "extra-2022-11-30",
      body: "committee",
      title: "Extra sammanträde",
      date: "2022-11-30",
      startTime: "13:00",
      endTime: "15:00",
    };
    const added = await post(base, meeting, asSecretary);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ origin: "added", status: "planned" });
    expect((await post(base, meeting, asSecretary)).statusCode).toBe(409);
    expect((await post(`${base}/no-such-meeting/cancel`, {}, asSecretary)).statusCode).toBe(404);
    expect((await post(base, meeting, asReader)).statusCode).toBe(403);
  });

  it("records attendance with PUT (replacing), counted against the members that day", async () => {
    const meetings = (await t.app.inject(`${base}?year=2022&body=committee`)).json().meetings;
    const december = meetings.find((m: Json) => m.date === "2022-12-14");
    const put = (payload: unknown, headers = asSecretary) =>
      t.app.inject({
        method: "PUT",
        url: `${base}/${december.id}/attendance`,
        payload: payload as object,
        headers,
      });
    expect((await put({ municipalities: ["Kalix"] }, {} as typeof asSecretary)).statusCode).toBe(401);
    const first = await put({ municipalities: ["Kalix", "Luleå", "pitea"] });
    expect(first.statusCode).toBe(200);
    expect(first.json().attendance).toMatchObject({ present: 3, of: 14 });
    const replaced = await put({ municipalities: ["Kalix"] });
    expect(replaced.json().attendance).toMatchObject({ present: 1, of: 14 });
    const bad = await put({ municipalities: ["Kalx"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "municipalities[0]" });
    expect(bad.json().errors[0].message).toContain("Kalix");
  });
});

describe("reads protected by token (SAMVERKAN_READ_ACCESS=token)", () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await testApp({ readAccess: "token" });
  });
  afterAll(() => p.close());

  it("needs a reader or secretary token to read; health, OpenAPI and docs stay public", async () => {
    expect((await p.app.inject("/v1/collaborations")).statusCode).toBe(401);
    expect((await p.app.inject({ url: "/v1/collaborations", headers: asReader })).statusCode).toBe(200);
    expect((await p.app.inject({ url: "/v1/collaborations", headers: asSecretary })).statusCode).toBe(200);
    const ask = await p.app.inject({ method: "POST", url: "/v1/ask", payload: { question: "hjälp" } });
    expect(ask.statusCode).toBe(401);
    expect((await p.app.inject("/health")).statusCode).toBe(200);
    expect((await p.app.inject("/openapi.json")).statusCode).toBe(200);
    expect((await p.app.inject("/docs/")).statusCode).toBe(200);
  });
});
