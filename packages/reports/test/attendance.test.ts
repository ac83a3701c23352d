import { AllocationError } from "@samverkan/allocation";
import { loadBundledDataset } from "@samverkan/data";
import type { Dataset, Meeting } from "@samverkan/domain";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildAttendanceReport,
  buildReport,
  cardBytes,
  CARD_MAX_BYTES,
  renderAdaptiveCard,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderXlsx,
  type ReportCell,
  type ReportRow,
  type ReportTable,
} from "../src/index.js";
import { parseCsv, parseMarkdownTables } from "./golden-parse-back.js";

const norrbotten = loadBundledDataset("norrbotten");

const textOf = (c: ReportCell | undefined) => (c?.kind === "text" ? c.text : undefined);
const valueOf = (c: ReportCell | undefined) =>
  c && (c.kind === "number" || c.kind === "percent" || c.kind === "date") ? c.value : undefined;
const byDate = (t: ReportTable | undefined, date: string): ReportRow | undefined =>
  t?.rows.find((r) => valueOf(r.cells.date) === date);
const byName = (t: ReportTable | undefined, name: string): ReportRow | undefined =>
  t?.rows.find((r) => textOf(r.cells.municipality) === name);

/**
 * The bundled dataset with attendees recorded on some meetings, the way the store's current dataset
 * carries them: `attendees.municipalities`, and `attendance` recounted as municipalities present.
 */
function withAttendees(d: Dataset, recorded: Readonly<Record<string, readonly string[]>>): Dataset {
  const meetings = d.meetings.map((m): Meeting => {
    const municipalities = recorded[m.id];
    if (!municipalities) return m;
    return {
      ...m,
      attendance: {
        present: municipalities.length,
        of: 14,
        counts: "municipalities",
        source: "Registrerad närvaro 2022-03-17",
      },
      attendees: { municipalities, roles: [], recordedAt: "2022-03-17T08:00:00Z", recordedBy: "test" },
    } as Meeting;
  });
  return { ...d, meetings };
}

const ALL = norrbotten.collaboration.members.map((m) => m.municipality);
const JANUARY = ALL.filter((m) => !["Pajala", "Jokkmokk", "Arjeplog"].includes(m)); // 11 of 14
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
const recorded = withAttendees(norrbotten, {
  "preparatory-2022-01-26": JANUARY,
  "committee-2022-03-16": MARCH,
});

describe("Närvaro 2022 per sammanträde (bundled Norrbotten)", () => {
  const r = buildAttendanceReport(norrbotten, { year: 2022 });
  const table = r.sections[0]?.table;

  it("gives 16 March's 9 of 14 members as ≈ 64,3 %, below the 75 % goal and flagged", () => {
    expect(r.title).toBe("Närvaro 2022");
    const march = byDate(table, "2022-03-16");
    expect(march?.cells).toMatchObject({
      body: { text: "Nämnden" },
      status: { text: "genomfört" },
      present: { kind: "number", value: "9" },
      of: { kind: "number", value: "14" },
      counted: { text: "ledamöter" },
      rate: { kind: "percent", value: "64.3", exact: false },
      goal: { text: "75 %" },
      met: { text: "nej" },
    });
    expect(march?.emphasis).toBe("flagged");
    expect(byDate(table, "2022-02-23")?.cells).toMatchObject({
      present: { value: "13" },
      counted: { text: "kommuner" },
      met: { text: "ja" },
    });
    expect(
      table?.rows.filter((x) => textOf(x.cells.met) === "nej").map((x) => valueOf(x.cells.date)),
    ).toEqual(["2022-03-16", "2022-03-23", "2022-04-27"]);
  });

  it("lists every meeting of the year, the ones without attendance as ej registrerad", () => {
    expect(table?.rows).toHaveLength(15);
    const june = byDate(table, "2022-06-22")?.cells;
    expect(june?.counted).toEqual({ kind: "text", text: "ej registrerad" });
    expect(june?.present).toEqual({ kind: "empty" });
    expect(june?.met).toEqual({ kind: "empty" });
    expect(table?.rows.filter((x) => textOf(x.cells.counted) === "ej registrerad")).toHaveLength(9);
  });

  it("totals 64 present of 84 possible over six meetings: ≈ 76,2 %, the goal met", () => {
    expect(table?.totals?.cells).toMatchObject({
      date: { text: "Summa 2022" },
      present: { value: "64" },
      of: { value: "84" },
      counted: { text: "6 möten (kommuner och ledamöter)" },
      rate: { kind: "percent", value: "76.2", exact: false },
      goal: { text: "75 %" },
      met: { text: "ja" },
    });
    expect(r.sections[0]?.notes?.[0]).toBe(
      "Summan är alla närvarande (64) av alla möjliga (84) vid de 6 av 15 möten där närvaron är registrerad; övriga möten räknas inte.",
    );
    expect(r.sections[0]?.notes).toContain(
      'Källa 2022-03-16: Delårsrapport januari–maj 2022 (§ 16): "Vid nämndsammanträdet 16 mars deltog 9 av 14 ledamöter vilket utgör ca 64% deltagande."',
    );
  });

  it("says plainly that 2022 has no attendance per municipality, with no numbers made up", () => {
    const perMunicipality = r.sections[1];
    expect(perMunicipality?.title).toBe("Närvaro per kommun 2022");
    expect(perMunicipality?.table).toBeUndefined();
    expect(perMunicipality?.paragraphs).toEqual([
      "Närvaro per kommun är inte registrerad för 2022; protokollen anger bara antal närvarande.",
    ]);
  });

  it("a year without a goal says inget mål; an unknown year names the years there are", () => {
    const r2021 = buildAttendanceReport(norrbotten, { year: 2021 });
    const rows = r2021.sections[0]?.table?.rows ?? [];
    expect(rows.map((x) => textOf(x.cells.goal))).toEqual([
      "inget mål",
      "inget mål",
      "inget mål",
      "inget mål",
    ]);
    expect(r2021.sections[0]?.table?.totals?.cells.goal).toEqual({ kind: "text", text: "inget mål" });
    const noGoals = buildAttendanceReport({ ...norrbotten, goals: [] }, { year: 2022 });
    expect(byDate(noGoals.sections[0]?.table, "2022-03-16")?.cells).toMatchObject({
      goal: { text: "inget mål" },
      met: { kind: "empty" },
    });
    expect(byDate(noGoals.sections[0]?.table, "2022-03-16")?.emphasis).toBeUndefined();
    expect(() => buildAttendanceReport(norrbotten, { year: 2019 })).toThrow(AllocationError);
    expect(() => buildAttendanceReport(norrbotten, { year: 2019 })).toThrow(
      "Norrbottens e-nämnd har inga sammanträden för 2019; det finns för 2020, 2021, 2022",
    );
    expect(() => buildReport(norrbotten, "attendance", {})).toThrow("Rapporten attendance kräver --year");
  });

  it("in English", () => {
    const en = buildAttendanceReport(norrbotten, { year: 2022, lang: "en" });
    expect(en.title).toBe("Attendance 2022");
    expect(byDate(en.sections[0]?.table, "2022-03-16")?.cells).toMatchObject({
      body: { text: "The committee" },
      counted: { text: "members" },
      met: { text: "no" },
    });
    expect(textOf(byDate(en.sections[0]?.table, "2022-06-22")?.cells.counted)).toBe("not recorded");
  });
});

describe("Närvaro per kommun from recorded attendees", () => {
  const r = buildAttendanceReport(recorded, { year: 2022 });
  const table = r.sections[1]?.table;

  it("counts each member municipality over the two recorded meetings", () => {
    expect(table?.rows).toHaveLength(14);
    expect(byName(table, "Luleå")?.cells).toMatchObject({
      attended: { value: "2" },
      meetings: { value: "2" },
      rate: { kind: "percent", value: "100" },
      goal: { text: "75 %" },
      met: { text: "ja" },
    });
    expect(byName(table, "Överkalix")?.cells).toMatchObject({
      attended: { value: "1" },
      meetings: { value: "2" },
      rate: { value: "50" },
      met: { text: "nej" },
    });
    expect(byName(table, "Pajala")?.cells).toMatchObject({ attended: { value: "0" }, rate: { value: "0" } });
    expect(byName(table, "Pajala")?.emphasis).toBe("flagged");
    // 50 % and 100 % are exact: no ≈.
    expect((byName(table, "Överkalix")?.cells.rate as { exact?: boolean }).exact).toBeUndefined();
    expect(
      table?.rows.filter((x) => textOf(x.cells.met) === "ja").map((x) => textOf(x.cells.municipality)),
    ).toEqual(MARCH.slice().sort((a, b) => a.localeCompare(b, "sv")));
    expect(r.sections[1]?.paragraphs?.[0]).toBe(
      "Räknat över de 2 möten där närvarande kommuner är registrerade: 2022-01-26, 2022-03-16.",
    );
    expect(r.sections[1]?.notes).toContain(
      "Närvaro per kommun är registrerad för 2 av 6 genomförda möten 2022; de övriga räknas inte här.",
    );
    expect(r.sections[1]?.notes).toContain(
      "Källa 2022-03-16: sekreterarens registrerade närvaro 2022-03-17.",
    );
  });

  it("the recorded count replaces the minutes' figure in the per-meeting section", () => {
    expect(byDate(r.sections[0]?.table, "2022-03-16")?.cells).toMatchObject({
      present: { value: "9" },
      counted: { text: "kommuner" },
    });
  });

  it("holds a municipality only to the meetings it was a member on", () => {
    const left: Dataset = {
      ...recorded,
      collaboration: {
        ...recorded.collaboration,
        members: recorded.collaboration.members.map((m) =>
          m.municipality === "Övertorneå" ? { ...m, to: "2022-02-01" } : m,
        ),
      },
    };
    const t = buildAttendanceReport(left, { year: 2022 }).sections[1]?.table;
    expect(byName(t, "Övertorneå")?.cells).toMatchObject({
      attended: { value: "1" },
      meetings: { value: "1" },
      rate: { value: "100" },
    });
    expect(byName(t, "Luleå")?.cells.meetings).toEqual({ kind: "number", value: "2" });
  });

  it("property: attended ≤ meetings counted, equal to the recorded sets that name it, share within 0–100 %", () => {
    const held = norrbotten.meetings.filter((m) => m.date.startsWith("2022-") && m.status === "held");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...held.map((m) => m.id)), { minLength: 1, maxLength: held.length }),
        fc.array(fc.subarray(ALL), { minLength: held.length, maxLength: held.length }),
        (ids, sets) => {
          const chosen = Object.fromEntries(ids.map((id, i) => [id, sets[i] ?? []]));
          const t = buildAttendanceReport(withAttendees(norrbotten, chosen), { year: 2022 }).sections[1]
            ?.table;
          expect(t?.rows).toHaveLength(ALL.length);
          for (const row of t?.rows ?? []) {
            const name = textOf(row.cells.municipality) as string;
            const attended = Number(valueOf(row.cells.attended));
            const meetings = Number(valueOf(row.cells.meetings));
            const rate = Number(valueOf(row.cells.rate));
            expect(meetings).toBe(ids.length);
            expect(attended).toBeLessThanOrEqual(meetings);
            expect(attended).toBe(Object.values(chosen).filter((s) => s.includes(name)).length);
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(100);
            expect(textOf(row.cells.met)).toBe(attended * 4 >= meetings * 3 ? "ja" : "nej");
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("the attendance report in every format", () => {
  const plain = buildAttendanceReport(norrbotten, { year: 2022 });
  const withMunicipalities = buildAttendanceReport(recorded, { year: 2022 });

  it("Markdown: the 16 March row, the totals row and the per-municipality table", () => {
    const md = renderMarkdown(withMunicipalities);
    const [perMeeting, perMunicipality] = parseMarkdownTables(md);
    expect(perMeeting?.[0]).toEqual([
      "Datum",
      "Organ",
      "Status",
      "Närvarande",
      "Av",
      "Räknas",
      "Andel",
      "Mål minst",
      "Uppnått",
    ]);
    expect(perMeeting?.find((r) => r[0]?.includes("16 mars 2022"))).toEqual([
      "⚠ 16 mars 2022",
      "Nämnden",
      "genomfört",
      "9",
      "14",
      "kommuner",
      "≈ 64,3 %",
      "75 %",
      "nej",
    ]);
    expect(perMunicipality?.find((r) => r[0]?.endsWith("Överkalix"))).toEqual([
      "⚠ Överkalix",
      "1",
      "2",
      "50 %",
      "75 %",
      "nej",
    ]);
    expect(perMunicipality?.find((r) => r[0] === "Luleå")).toEqual([
      "Luleå",
      "2",
      "2",
      "100 %",
      "75 %",
      "ja",
    ]);
    expect(renderMarkdown(plain)).toContain(
      "Närvaro per kommun är inte registrerad för 2022; protokollen anger bara antal närvarande.",
    );
  });

  it("CSV: bare numbers and a decimal comma, per meeting and per municipality", () => {
    const rows = parseCsv(renderCsv(withMunicipalities), ";");
    expect(rows.find((r) => r[0] === "2022-03-16")).toEqual([
      "2022-03-16",
      "Nämnden",
      "genomfört",
      "9",
      "14",
      "kommuner",
      "64,3",
      "75 %",
      "nej",
    ]);
    expect(rows.find((r) => r[0] === "Summa 2022")?.slice(3, 9)).toEqual([
      "64",
      "84",
      "6 möten (kommuner)",
      "76,2",
      "75 %",
      "ja",
    ]);
    expect(rows.find((r) => r[0] === "Luleå")).toEqual(["Luleå", "2", "2", "100", "75 %", "ja"]);
  });

  it("HTML: one page with both sections", () => {
    const html = renderHtml(withMunicipalities);
    expect(html).toMatch(/<h2 id="section-1">Närvaro per sammanträde 2022<\/h2>/);
    expect(html).toMatch(/<h2 id="section-2">Närvaro per kommun 2022<\/h2>/);
    expect(html).toContain(
      '<tfoot><tr class="totals"><td>Summa 2022</td><td class="empty"></td><td class="empty"></td><td class="num">64</td><td class="num">84</td>',
    );
    expect(html).toContain(
      '<th scope="row">Luleå</th><td class="num">2</td><td class="num">2</td><td class="num">100 %</td>',
    );
  });

  it("XLSX: opens with a sheet per section and the counts stored as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(withMunicipalities)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names.slice(0, 2)).toEqual(["Närvaro per sammanträde 2022", "Närvaro per kommun 2022"]);
    const values: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const march = values.find((v) => v[5] === "kommuner" && v[3] === 9);
    expect(march?.slice(3, 5)).toEqual([9, 14]);
    const plainBook = new ExcelJS.Workbook();
    await plainBook.xlsx.load((await renderXlsx(plain)) as unknown as ArrayBuffer);
    expect(plainBook.worksheets.map((ws) => ws.name)).toContain("Närvaro per kommun 2022");
  });

  it("Adaptive Card: within Teams' size limit, in Swedish, with the report's title", () => {
    for (const report of [plain, withMunicipalities]) {
      const card = renderAdaptiveCard(report);
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
      expect(card.lang).toBe("sv");
      expect(JSON.stringify(card)).toContain("Närvaro 2022");
    }
  });
});
