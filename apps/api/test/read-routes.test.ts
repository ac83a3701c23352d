import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocationSchema } from "../src/allocation-json.js";
import { statementSchema } from "../src/routes/statement.js";
import { problemSchema } from "../src/schemas.js";
import { testApp, type Json, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: "GET", url, headers });
  return {
    res,
    body: res.headers["content-type"]?.toString().includes("json") ? (res.json() as Json) : undefined,
  };
}

describe("collaborations, municipalities, cost items", () => {
  it("lists both bundled collaborations with members and years", async () => {
    const { res, body } = await get("/v1/collaborations");
    expect(res.statusCode).toBe(200);
    expect(body.collaborations.map((c: Json) => c.id)).toEqual(["norrbotten", "skanearkiv"]);
    const nb = body.collaborations[0];
    expect(nb.host).toBe("Luleå");
    expect(nb.members).toHaveLength(14);
    expect(nb.allocationYears).toContain(2023);
  });

  it("gives a municipality's population by year, found by kommunkod or without å/ä/ö", async () => {
    const byName = await get("/v1/collaborations/norrbotten/municipalities/Kalix");
    const kalix = byName.body;
    expect(kalix.name).toBe("Kalix");
    const y2017 = kalix.population.find((p: Json) => p.year === 2017);
    expect(y2017).toMatchObject({ date: "2017-12-31", count: 16169 });
    const byCode = await get(`/v1/collaborations/norrbotten/municipalities/${kalix.code}`);
    expect(byCode.body.name).toBe("Kalix");
    const folded = await get("/v1/collaborations/norrbotten/municipalities/LULEA");
    expect(folded.body.name).toBe("Luleå");
    const all = await get("/v1/collaborations/norrbotten/municipalities");
    expect(all.body.municipalities).toHaveLength(14);
  });

  it("lists the cost items of a year with totals as exact strings and model names", async () => {
    const { body } = await get("/v1/collaborations/norrbotten/cost-items?year=2023");
    const earkiv = body.costItems.find((x: Json) => x.id === "e-arkiv");
    expect(earkiv.years).toHaveLength(1);
    expect(earkiv.years[0]).toMatchObject({
      year: 2023,
      total: "322000",
      unit: "kr",
      model: { type: "perCapita" },
    });
    expect(earkiv.years[0].rounding.sv).toContain("uppåt");
  });

  it("says which years exist for a year without cost items", async () => {
    const { res, body } = await get("/v1/collaborations/norrbotten/cost-items?year=1999");
    expect(res.statusCode).toBe(404);
    expect(body.detail).toMatch(/1999.*2022/);
  });

  it("answers an unknown collaboration with 404 and the closest ids", async () => {
    const { res, body } = await get("/v1/collaborations/norrboten/municipalities");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(body.suggestions).toEqual(["norrbotten"]);
  });
});

describe("allocations", () => {
  it("gives Kalix's e-arkiv 2023 to the krona, published, with its table and both explanations", async () => {
    const { res, body } = await get(
      "/v1/collaborations/norrbotten/allocations?year=2023&item=e-arkivet&municipality=kalix",
    );
    expect(res.statusCode).toBe(200);
    expect(body.municipality).toBe("Kalix");
    const [a] = body.allocations;
    expect(allocationSchema.parse(a)).toBeTruthy();
    expect(a.item.id).toBe("e-arkiv");
    expect(a.rows).toEqual([
      expect.objectContaining({
        municipality: "Kalix",
        amount: "21000",
        unit: "kr",
        provenance: {
          kind: "published",
          document: "004_6c05a2f9a5cc7b0e.txt",
          table: "Gemensamma tjänster 2023",
          tableId: "nb2023_earkiv",
          lines: [2335, 2371],
        },
        quota: { value: "20211.25", exact: true },
      }),
    ]);
    expect(a.rows[0].explanation.sv).toContain("1,25 kr per invånare × 16 169 invånare");
    expect(a.rows[0].explanation.en).toContain("1.25 kr per inhabitant");
  });

  it("gives every budgeted item of a year with all rows, amounts as strings adding up to the row sum", async () => {
    const { body } = await get("/v1/collaborations/norrbotten/allocations?year=2022");
    expect(body.allocations.length).toBeGreaterThan(3);
    for (const a of body.allocations) {
      allocationSchema.parse(a);
      const sum = a.rows.reduce((s: bigint, r: Json) => {
        expect(typeof r.amount).toBe("string");
        return s + BigInt(r.amount.split(".")[0]);
      }, 0n);
      if (!a.rowSum.includes(".")) expect(sum.toString()).toBe(a.rowSum);
    }
    const grund = body.allocations.find((a: Json) => a.item.id === "grundfinansiering");
    expect(grund.rows.find((r: Json) => r.municipality === "Arjeplog").amount).toBe("76100");
  });

  it("marks a computed amount with its model (Verksamhetsutvecklare e-tjänster 2023, a gap in the documents)", async () => {
    const { body } = await get(
      "/v1/collaborations/norrbotten/allocations?year=2023&item=Verksamhetsutvecklare%20e-tj%C3%A4nster&municipality=Kalix",
    );
    expect(body.allocations[0].rows[0]).toMatchObject({ amount: "67100", provenance: { kind: "computed" } });
  });

  it("answers the same query the same way twice (the cache changes nothing)", async () => {
    const url = "/v1/collaborations/skanearkiv/allocations?year=2022";
    const first = await get(url);
    const second = await get(url);
    expect(second.res.body).toBe(first.res.body);
    expect(first.body.allocations.length).toBeGreaterThan(0);
  });

  it("refuses an invalid year with 400 naming the field", async () => {
    for (const year of ["abc", "20x3", "1800", "2023.5", "", "99999999999999999999"]) {
      const { res, body } = await get(`/v1/collaborations/norrbotten/allocations?year=${year}`);
      expect(res.statusCode, year).toBe(400);
      expect(problemSchema.parse(body).errors).toEqual([
        expect.objectContaining({ in: "query", field: "year" }),
      ]);
    }
    const missing = await get("/v1/collaborations/norrbotten/allocations");
    expect(missing.body.errors[0]).toMatchObject({ field: "year", message: "saknas (krävs)" });
  });

  it("answers an unknown municipality with 404 and the closest names", async () => {
    const { res, body } = await get("/v1/collaborations/norrbotten/allocations?year=2023&municipality=Kalx");
    expect(res.statusCode).toBe(404);
    expect(body).toMatchObject({
      type: "urn:samverkan:problem:unknown-municipality",
      status: 404,
      suggestions: ["Kalix"],
    });
    expect(body.detail).toContain("Menade du Kalix?");
  });

  it("answers an unknown cost item with 404 and the closest names", async () => {
    const { res, body } = await get("/v1/collaborations/norrbotten/allocations?year=2023&item=e-arkv");
    expect(res.statusCode).toBe(404);
    expect(body.suggestions).toContain("E-arkiv");
  });

  it("answers a valid year without data with 404 saying which years there are", async () => {
    const { res, body } = await get("/v1/collaborations/norrbotten/allocations?year=2030");
    expect(res.statusCode).toBe(404);
    expect(body.type).toBe("urn:samverkan:problem:no-data");
    expect(body.detail).toContain("2023");
  });
});

describe("statement (kommunbesked)", () => {
  it("gives Kalix 2023: every line exact, the change from 2022, the supplier-billed items apart", async () => {
    const { res, body } = await get("/v1/collaborations/norrbotten/municipalities/kalix/statement?year=2023");
    expect(res.statusCode).toBe(200);
    statementSchema.parse(body);
    expect(body.total).toEqual([{ amount: "537100", unit: "kr" }]);
    expect(body.totalIncludingSupplier).toEqual([{ amount: "618700", unit: "kr" }]);
    const grund = body.items.find((l: Json) => l.item.id === "grundfinansiering");
    expect(grund).toMatchObject({
      amount: "80500",
      change: { previousYear: 2022, previous: "76100", amount: "4400" },
    });
    expect(grund.change.percent.exact).toBe(false);
    expect(body.billedBySupplier.length).toBeGreaterThan(0);
  });

  it("refuses a statement without a year, and an unknown municipality with suggestions", async () => {
    expect((await get("/v1/collaborations/norrbotten/municipalities/Kalix/statement")).res.statusCode).toBe(
      400,
    );
    const { res, body } = await get(
      "/v1/collaborations/norrbotten/municipalities/Overkalx/statement?year=2023",
    );
    expect(res.statusCode).toBe(404);
    expect(body.suggestions).toContain("Överkalix");
  });
});

describe("reports", () => {
  const base = "/v1/collaborations/norrbotten/reports";
  it.each([
    ["json", "application/json", 'inline; filename="norrbotten-allocation-2022.json"'],
    ["csv", "text/csv", 'attachment; filename="norrbotten-allocation-2022.csv"'],
    ["md", "text/markdown", 'attachment; filename="norrbotten-allocation-2022.md"'],
    ["html", "text/html", 'inline; filename="norrbotten-allocation-2022.html"'],
    [
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      'attachment; filename="norrbotten-allocation-2022.xlsx"',
    ],
  ])(
    "renders the allocation report as %s with its content type and file name",
    async (format, type, disposition) => {
      const res = await t.app.inject(`${base}/allocation?year=2022&format=${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain(type);
      expect(res.headers["content-disposition"]).toBe(disposition);
      if (format === "xlsx") expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
      if (format === "csv") expect(res.body).toContain("Arjeplog;76100");
      if (format === "md") expect(res.body).toContain("| Arjeplog | 76 100 kr |");
      if (format === "html") expect(res.body).toMatch(/^<!DOCTYPE html>/i);
      if (format === "json") expect(res.json().name).toBe("allocation");
    },
  );

  it("names the municipality in a statement's file name (ASCII) and follows lang / Accept-Language", async () => {
    const res = await t.app.inject({
      url: `${base}/statement?year=2023&municipality=%C3%96verkalix&format=md`,
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="norrbotten-statement-overkalix-2023.md"',
    );
    expect(res.headers["content-language"]).toBe("en");
    const sv = await t.app.inject(`${base}/statement?year=2023&municipality=Kalix&format=json&lang=sv`);
    expect(sv.json().lang).toBe("sv");
  });

  it("refuses an unknown report (404, closest names), a missing year (400) and an unknown format (400)", async () => {
    const unknown = await get(`${base}/alocation?year=2022`);
    expect(unknown.res.statusCode).toBe(404);
    expect(unknown.body.suggestions).toEqual(["allocation"]);
    expect((await get(`${base}/budget`)).res.statusCode).toBe(400);
    const format = await get(`${base}/budget?year=2022&format=pdf`);
    expect(format.res.statusCode).toBe(400);
    expect(format.body.errors[0].field).toBe("format");
  });

  it("builds every report", async () => {
    for (const [c, name, q] of [
      ["norrbotten", "budget", "year=2022"],
      ["norrbotten", "interim", "year=2022"],
      ["norrbotten", "meetings", "year=2022"],
      ["skanearkiv", "max-withdrawal", ""],
    ] as const) {
      const res = await t.app.inject(`/v1/collaborations/${c}/reports/${name}?${q}`);
      expect(res.statusCode, name).toBe(200);
    }
  });
});

describe("meetings and the årshjul", () => {
  it("lists 2022's meetings with what the årshjul puts on each committee meeting", async () => {
    const { body } = await get("/v1/collaborations/norrbotten/meetings?year=2022&body=committee");
    expect(body.meetings.length).toBe(4);
    const june = body.meetings.find((m: Json) => m.date === "2022-06-22");
    expect(june.annualCycle.map((i: Json) => i.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/budget/i)]),
    );
    expect(june.origin).toBe("dataset");
  });

  it("gives one meeting by id, and 404 with suggestions for an unknown id", async () => {
    const { body } = await get("/v1/collaborations/norrbotten/meetings?year=2022");
    const id = body.meetings[0].id;
    expect((await get(`/v1/collaborations/norrbotten/meetings/${id}`)).body.id).toBe(id);
    const unknown = await get(`/v1/collaborations/norrbotten/meetings/${id}x`);
    expect(unknown.res.statusCode).toBe(404);
  });

  it("serves the årshjul", async () => {
    const { body } = await get("/v1/collaborations/norrbotten/annual-cycle");
    expect(body.entries.length).toBeGreaterThan(3);
    expect((await get("/v1/collaborations/skanearkiv/annual-cycle")).res.statusCode).toBe(404);
  });
});

describe("POST /v1/ask", () => {
  it("answers in Swedish with the exact amount and its provenance", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      payload: { question: "Vad betalar Kalix för e-arkiv 2023?" },
    });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ language: "sv", intent: "itemCost" });
    expect(a.amounts[0]).toMatchObject({
      municipality: "Kalix",
      amount: "21000",
      unit: "kr",
      provenance: { kind: "published" },
    });
    expect(a.card.type).toBe("AdaptiveCard");
  });

  it("answers in English when asked in English, and uses `now` for relative questions", async () => {
    const en = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      payload: { question: "what does Kalix pay for e-arkiv 2023?" },
    });
    expect(en.json().language).toBe("en");
    const next = await t.app.inject({
      method: "POST",
      url: "/v1/ask",
      payload: { question: "När är nästa sammanträde?", now: "2022-09-01" },
    });
    expect(next.json().meetings[0].start).toBe("2022-10-12T10:00:00+02:00");
  });

  it("refuses a missing question, an empty one and a bad now with 400 naming the field", async () => {
    for (const [payload, field] of [
      [{}, "question"],
      [{ question: "" }, "question"],
      [{ question: "hej", now: "igår" }, "now"],
      [{ question: "hej", now: "2022-02-30" }, "now"],
      [{ question: "hej", extra: 1 }, "extra"],
    ] as const) {
      const res = await t.app.inject({ method: "POST", url: "/v1/ask", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: Json) => e.field)).toContain(field);
    }
  });
});
