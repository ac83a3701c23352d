/**
 * The dashboard over HTTP on loopback: the app listens on 127.0.0.1 and every request, the page's own
 * links included, goes there. Numbers are checked against the allocation engine, computed here
 * independently of the page.
 */
import { allocateCostItem, municipalityStatement } from "@samverkan/allocation";
import { formatMoney } from "@samverkan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READER_TOKEN, testApp, type Json, type TestApp } from "./helpers.js";

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await testApp();
  base = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(() => t?.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const url = new URL(path, base);
  expect(url.hostname).toBe("127.0.0.1");
  const response = await fetch(url, { headers, redirect: "manual" });
  return { response, url, text: await response.text() };
}

/** A section of the page by its heading id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</section>", start));
}

/** The text of the cell in column `column` of the row headed `row`, in the first table of `html` that has it. */
function cell(html: string, row: string, column: string): string | undefined {
  for (const tr of html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)) {
    const cells = tr[1] ?? "";
    if (!cells.startsWith(`<th scope="row"`) || !cells.includes(`>${row}</th>`)) continue;
    const match = new RegExp(`data-column="${column}">([^<]*)<`).exec(cells);
    if (match) return match[1];
  }
  return undefined;
}

const spaces = (s: string | undefined) => s?.replace(/\s/g, " ");

describe("GET /dashboard/{collaboration}", () => {
  it("serves both collaborations as HTML in Swedish, framable by Teams only, without script", async () => {
    for (const id of ["norrbotten", "skanearkiv"]) {
      const { response, text } = await get(`/dashboard/${id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-language")).toBe("sv");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain(
        "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.office.com *.cloud.microsoft",
      );
      expect(csp).toContain("default-src 'none'");
      expect(response.headers.get("x-frame-options")).toBeNull();
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(text).toMatch(/^<!doctype html>\n<html lang="sv">/);
      expect(text).not.toMatch(/<script/i);
      expect(text).toContain('<a class="skip" href="#main">');
      for (const s of ["costs", "statement", "meetings", "attendance", "links"]) section(text, s);
      expect(text).toMatch(/<caption>/);
      expect(text).toContain("<svg");
    }
  });

  it("prints every allocation of the year exactly as the engine computes it (Kalix e-arkiv 2023 = 21 000 kr)", async () => {
    const { text } = await get("/dashboard/norrbotten?year=2023");
    const costs = section(text, "costs");
    expect(spaces(cell(costs, "Kalix", "e-arkiv"))).toBe("21 000 kr");
    const d = await t.store.dataset("norrbotten");
    let checked = 0;
    for (const item of d.costItems) {
      if (!item.years.some((y) => y.year === 2023 && y.rule)) continue;
      for (const row of allocateCostItem(d, item, 2023).rows) {
        expect(cell(costs, row.municipality, item.id), `${row.municipality} ${item.id}`).toBe(
          formatMoney(row.amount, row.unit, "sv"),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("marks a computed amount where it stands and lists the sources and models under the table", async () => {
    const { text } = await get("/dashboard/norrbotten?year=2023");
    const costs = section(text, "costs");
    // Verksamhetsutvecklare e-tjänster 2023 is computed (a fixed key), not published: marked, with the
    // word for screen readers, and the model named under the table, not only in a tooltip.
    const row = [...costs.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].find((m) => m[1]?.includes(">Kalix</th>"))?.[1];
    expect(row).toMatch(
      /data-column="verksamhetsutvecklare-e-tjanster">67 100 kr<span class="mark" aria-hidden="true">†<\/span><span class="visually-hidden"> \(beräknat\)<\/span>/,
    );
    expect(costs).toContain('<p class="provenance-heading">Beräknade belopp (†)</p>');
    expect(costs).toContain('<p class="provenance-heading">Källor</p>');
    expect(costs).toContain("Budget 2023, Gemensamma tjänster 2023");
  });

  it("prints SkånEarkiv's maximum withdrawal per municipality as the engine does", async () => {
    const { text } = await get("/dashboard/skanearkiv?year=2022");
    const d = await t.store.dataset("skanearkiv");
    const item = d.costItems.find((x) => x.years.some((y) => y.year === 2022 && y.rule));
    expect(item).toBeDefined();
    if (!item) return;
    for (const row of allocateCostItem(d, item, 2022).rows)
      expect(cell(section(text, "costs"), row.municipality, item.id)).toBe(
        formatMoney(row.amount, row.unit, "sv"),
      );
  });

  it("shows the chosen municipality's statement from the GET form's query (Kalix 2023)", async () => {
    const { text } = await get("/dashboard/norrbotten?municipality=Kalix&year=2023");
    const part = section(text, "statement");
    expect(part).toMatch(/<form class="picker" method="get"/);
    expect(part).toContain('<select name="municipality">');
    expect(part).toContain("<option selected>Kalix</option>");
    expect(part).toContain("<option selected>2023</option>");
    const d = await t.store.dataset("norrbotten");
    const s = municipalityStatement(d, "Kalix", 2023);
    const total = s.total[0];
    expect(total).toBeDefined();
    if (total) expect(part).toContain(formatMoney(total.amount, total.unit, "sv"));
    expect(spaces(part)).toContain("537 100 kr");
    expect(s.items.length).toBeGreaterThan(3);
    for (const line of s.items)
      expect(part).toContain(`data-column="amount">${formatMoney(line.amount, line.unit, "sv")}<`);
    // The picker offers every member, and another one works the same way.
    for (const m of d.collaboration.members) expect(part).toContain(`>${m.municipality}</option>`);
    const other = await get("/dashboard/norrbotten?municipality=%C3%96verkalix&year=2022");
    expect(section(other.text, "statement")).toContain("<option selected>Överkalix</option>");
  });

  it("shows the meeting plan with the årshjul and attendance against the 75 % goal", async () => {
    const { text } = await get("/dashboard/norrbotten?meetingYear=2022");
    expect(section(text, "meetings")).toContain("Årshjul 2022");
    expect(section(text, "attendance")).toContain("75 %");
    const sk = await get("/dashboard/skanearkiv");
    expect(section(sk.text, "meetings")).toContain("har inga sammanträden");
  });

  it("speaks English with ?lang=en, a Teams locale or Accept-Language, and takes Teams' theme", async () => {
    for (const [path, headers] of [
      ["/dashboard/norrbotten?lang=en", {}],
      ["/dashboard/norrbotten?lang=en-us&theme=dark", {}],
      ["/dashboard/norrbotten", { "accept-language": "en-GB,en;q=0.8" }],
    ] as const) {
      const { response, text } = await get(path, headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-language")).toBe("en");
      expect(text).toMatch(/<html lang="en"/);
      expect(text).toContain("Cost items 2022");
      expect(text).toContain("Skip to content");
    }
    expect((await get("/dashboard/norrbotten?lang=en-us&theme=dark")).text).toContain('data-theme="dark"');
    // Opened outside Teams, the placeholders are left as they are: Swedish, the reader's colour scheme.
    const raw = await get("/dashboard/norrbotten?lang={locale}&theme={theme}");
    expect(raw.response.status).toBe(200);
    expect(raw.text).toMatch(/<html lang="sv">/);
  });

  it("links every report format and the calendar feed, and each link answers", async () => {
    const { url, text } = await get("/dashboard/norrbotten?year=2023&municipality=Kalix");
    const links = section(text, "links");
    const hrefs = [...links.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
    for (const format of ["xlsx", "csv", "html", "md"])
      expect(hrefs).toContain(
        `../v1/collaborations/norrbotten/reports/allocation?year=2023&format=${format}&lang=sv`,
      );
    expect(hrefs).toContain(
      "../v1/collaborations/norrbotten/reports/statement?year=2023&municipality=Kalix&format=xlsx&lang=sv",
    );
    expect(hrefs).toContain("../v1/collaborations/norrbotten/meetings.ics?lang=sv");
    for (const href of hrefs) {
      const answer = await get(new URL(href, url).href);
      expect(answer.response.status, href).toBe(200);
    }
    const sk = await get("/dashboard/skanearkiv");
    expect(section(sk.text, "links")).not.toContain("meetings.ics");
    expect(section(sk.text, "links")).toContain("reports/max-withdrawal?format=xlsx");
  });

  it("answers an unknown collaboration with a 404 problem naming the closest", async () => {
    const { response, text } = await get("/dashboard/norrboten");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(text) as Json;
    expect(body.type).toBe("urn:samverkan:problem:unknown-collaboration");
    expect(body.suggestions).toContain("norrbotten");
  });

  it("answers bad query values with a 400 problem naming the field", async () => {
    for (const [query, field] of [
      ["year=abc", "year"],
      ["year=1999", "year"],
      ["theme=purple", "theme"],
      ["lang=%21%21", "lang"],
      ["meetingYear=2030", "meetingYear"],
    ] as const) {
      const { response, text } = await get(`/dashboard/norrbotten?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect((JSON.parse(text) as Json).errors.map((e: Json) => e.field)).toContain(field);
    }
    const unknown = await get("/dashboard/norrbotten?municipality=Stockholm");
    expect(unknown.response.status).toBe(404);
  });
});

describe("GET /dashboard", () => {
  it("lists both collaborations with links to their pages", async () => {
    const { response, text } = await get("/dashboard?lang=en");
    expect(response.status).toBe(200);
    expect(text).toContain('href="dashboard/norrbotten?lang=en"');
    expect(text).toContain('href="dashboard/skanearkiv?lang=en"');
    expect(text).toContain("SkånEarkiv");
  });
});

describe("the dashboard when reads need a token", () => {
  let locked: TestApp;
  let lockedBase: string;
  beforeAll(async () => {
    locked = await testApp({ readAccess: "token" });
    lockedBase = await locked.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(() => locked?.close());

  it("takes the read token from ?token= and carries it on every link", async () => {
    expect((await fetch(new URL("/dashboard/norrbotten", lockedBase))).status).toBe(401);
    const url = new URL(`/dashboard/norrbotten?token=${READER_TOKEN}`, lockedBase);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const report = /href="(\.\.\/v1\/collaborations\/norrbotten\/reports\/allocation[^"]+)"/.exec(html)?.[1];
    expect(report).toContain(`token=${READER_TOKEN}`);
    const file = await fetch(new URL((report ?? "").replace(/&amp;/g, "&"), url));
    expect(file.status).toBe(200);
  });
});
