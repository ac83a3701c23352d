import { openStore } from "@samverkan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiStore } from "../src/store-adapter.js";
import { asSecretary, testApp, type Json, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const base = "/v1/collaborations/norrbotten/reports";
const rowsOf = (section: Json): Json[] => section?.table?.rows ?? [];
const cellText = (row: Json, key: string) => row?.cells?.[key]?.text ?? row?.cells?.[key]?.value;
const byDate = (section: Json, date: string) => rowsOf(section).find((r) => r.cells.date?.value === date);
const byName = (section: Json, name: string) =>
  rowsOf(section).find((r) => r.cells.municipality?.text === name);

const JANUARY = [
  "Arvidsjaur",
  "Boden",
  "Gällivare",
  "Haparanda",
  "Kalix",
  "Kiruna",
  "Luleå",
  "Piteå",
  "Älvsbyn",
  "Överkalix",
  "Övertorneå",
];
const MARCH = [
  "Luleå",
  "Piteå",
  "Boden",
  "Kalix",
  "Kiruna",
  "Gällivare",
  "Haparanda",
  "Älvsbyn",
  "Arvidsjaur",
];

// The tests build on each other: attendance and a decision are recorded part way, and the reports must show them.
describe("GET …/reports/attendance", () => {
  it("json: the minutes' counts per meeting and the year's total; no per-municipality figures yet", async () => {
    const res = await t.app.inject(`${base}/attendance?year=2022&format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('inline; filename="norrbotten-attendance-2022.json"');
    const report = res.json();
    expect(report).toMatchObject({ name: "attendance", lang: "sv", title: "Närvaro 2022", year: 2022 });
    const [perMeeting, perMunicipality] = report.sections;
    expect(byDate(perMeeting, "2022-03-16").cells).toMatchObject({
      present: { value: "9" },
      of: { value: "14" },
      counted: { text: "ledamöter" },
      rate: { value: "64.3", exact: false },
      met: { text: "nej" },
    });
    expect(perMeeting.table.totals.cells).toMatchObject({ present: { value: "64" }, of: { value: "84" } });
    expect(perMunicipality.table).toBeUndefined();
    expect(perMunicipality.paragraphs[0]).toBe(
      "Närvaro per kommun är inte registrerad för 2022; protokollen anger bara antal närvarande.",
    );
  });

  it("csv and md: the same numbers, Swedish Excel style and as a Markdown table", async () => {
    const csv = await t.app.inject(`${base}/attendance?year=2022&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("\r\n2022-03-16;Nämnden;genomfört;9;14;ledamöter;64,3;75 %;nej\r\n");
    expect(csv.body).toContain("Summa 2022;;;64;84;6 möten (kommuner och ledamöter);76,2;75 %;ja");
    const md = await t.app.inject(`${base}/attendance?year=2022&format=md&lang=en`);
    expect(md.statusCode).toBe(200);
    expect(md.headers["content-language"]).toBe("en");
    expect(md.body).toContain(
      "| ⚠ 16 March 2022 | The committee | held | 9 | 14 | members | ≈ 64.3 % | 75 % | no |",
    );
  });

  it("a missing year is a 400, a year without meetings a 404 naming the years there are", async () => {
    const missing = await t.app.inject(`${base}/attendance`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain("Rapporten attendance kräver --year");
    const unknown = await t.app.inject(`${base}/attendance?year=2019`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().suggestions).toEqual(["2020", "2021", "2022"]);
  });

  it("shows the attendees recorded through the API, per municipality, in json, csv and md", async () => {
    for (const [id, municipalities] of [
      ["preparatory-2022-01-26", JANUARY],
      ["committee-2022-03-16", MARCH],
    ] as const) {
      const put = await t.app.inject({
        method: "PUT",
        url: `/v1/collaborations/norrbotten/meetings/${id}/attendance`,
        payload: { municipalities },
        headers: asSecretary,
      });
      expect(put.statusCode, id).toBe(200);
    }
    const [perMeeting, perMunicipality] = (
      await t.app.inject(`${base}/attendance?year=2022&format=json`)
    ).json().sections;
    // The recorded attendance (one seat per member municipality) counts ledamöter, as the minutes do.
    expect(byDate(perMeeting, "2022-03-16").cells).toMatchObject({
      present: { value: "9" },
      counted: { text: "ledamöter" },
    });
    expect(rowsOf(perMunicipality)).toHaveLength(14);
    expect(byName(perMunicipality, "Luleå").cells).toMatchObject({
      attended: { value: "2" },
      meetings: { value: "2" },
      rate: { value: "100" },
      met: { text: "ja" },
    });
    expect(
      ["attended", "meetings", "rate", "met"].map((k) => cellText(byName(perMunicipality, "Överkalix"), k)),
    ).toEqual(["1", "2", "50", "nej"]);
    expect(cellText(byName(perMunicipality, "Pajala"), "attended")).toBe("0");

    const csv = (await t.app.inject(`${base}/attendance?year=2022&format=csv`)).body;
    expect(csv).toContain("\r\nLuleå;2;2;100;75 %;ja\r\n");
    expect(csv).toContain("\r\nPajala;0;2;0;75 %;nej\r\n");
    const md = (await t.app.inject(`${base}/attendance?year=2022&format=md`)).body;
    expect(md).toContain("| ⚠ Överkalix | 1 | 2 | 50 % | 75 % | nej |");
    expect(md).toMatch(/Källa 2022-03-16: sekreterarens registrerade närvaro \d{4}-\d{2}-\d{2}\./);
  });
});

describe("GET …/reports/decisions", () => {
  it("json without a year: the minutes' nine decisions of 22 June 2022", async () => {
    const res = await t.app.inject(`${base}/decisions?format=json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('inline; filename="norrbotten-decisions.json"');
    const report = res.json();
    expect(report.title).toBe("Beslutsregister");
    const rows = rowsOf(report.sections[0]);
    expect(rows.map((r) => cellText(r, "paragraph"))).toEqual([
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "15",
      "16",
    ]);
    expect(
      rows.every((r) => cellText(r, "date") === "2022-06-22" && cellText(r, "source") === "Protokoll"),
    ).toBe(true);
  });

  it("csv and md: a decision the secretary recorded shows up last, with its own source and no ärendenr", async () => {
    await t.store.recordDecision(
      "norrbotten",
      "committee-2022-10-12",
      { paragraph: 1, subject: "Val av justerare", decision: "Nämnden utser en justerare." },
      { actor: "test" },
    );
    const csv = await t.app.inject(`${base}/decisions?year=2022&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="norrbotten-decisions-2022.csv"');
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("\ufeffDatum;§;Ärendenr;Ärende;Beslut;Källa");
    expect(lines).toContain(
      "2022-06-22;12;2022/13-2.2.0.1;Budget 2023;E- nämnden beslutar att godkänna budgeten för 2023;Protokoll",
    );
    expect(lines[10]).toMatch(
      /^2022-10-12;1;;Val av justerare;Nämnden utser en justerare\.;Registrerat av sekreteraren \d{4}-\d{2}-\d{2}$/,
    );
    const md = (await t.app.inject(`${base}/decisions?year=2022&format=md`)).body;
    expect(md).toContain("| 22 juni 2022 | 12 | 2022/13-2.2.0.1 | Budget 2023 |");
    expect(md).toMatch(
      /\| 12 oktober 2022 \| 1 \| {2}\| Val av justerare \| Nämnden utser en justerare\. \|/,
    );
  });

  it("a year without decisions is a 404 naming the years that have some", async () => {
    const res = await t.app.inject(`${base}/decisions?year=2021`);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe("Norrbottens e-nämnd har inga beslut för 2021; det finns beslut för 2022");
    expect(res.json().suggestions).toEqual(["2022"]);
  });
});

describe("the adapter's currentDataset", () => {
  it("is reused within the TTL and forgotten at once when this API records attendance", async () => {
    const store = await openStore({ inMemory: true });
    try {
      let clock = 0;
      const port = apiStore(store, { datasetTtlMs: 60_000, now: () => clock });
      const first = await port.currentDataset("norrbotten");
      // Another process's write is seen only after the TTL …
      await store.recordDecision(
        "norrbotten",
        "committee-2022-10-12",
        { paragraph: 2, subject: "Delårsrapport 2", decision: "Godkänns." },
        { actor: "test" },
      );
      expect(await port.currentDataset("norrbotten")).toBe(first);
      clock = 60_000;
      const later = await port.currentDataset("norrbotten");
      expect(later.decisions.some((d) => d.title === "Delårsrapport 2")).toBe(true);
      // … this API's own write at once.
      await port.recordAttendance(
        "norrbotten",
        "committee-2022-03-16",
        { municipalities: ["Kalix"] },
        { actor: "test" },
      );
      const meeting = (await port.currentDataset("norrbotten")).meetings.find(
        (m) => m.id === "committee-2022-03-16",
      ) as { attendees?: { municipalities: readonly string[] } } | undefined;
      expect(meeting?.attendees?.municipalities).toEqual(["Kalix"]);
    } finally {
      await store.close();
    }
  });
});
