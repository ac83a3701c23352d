import { AllocationError } from "@samverkan/allocation";
import { loadBundledDataset } from "@samverkan/data";
import type { Dataset, Decision } from "@samverkan/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  buildDecisionsReport,
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
} from "../src/index.js";
import { parseCsv, parseMarkdownTables } from "./golden-parse-back.js";

const norrbotten = loadBundledDataset("norrbotten");

const textOf = (c: ReportCell | undefined) => (c?.kind === "text" ? c.text : undefined);
const valueOf = (c: ReportCell | undefined) =>
  c && (c.kind === "number" || c.kind === "date") ? c.value : undefined;
/** A row as [date, §, ärendenr, ärende, källa]: what a reader scans the register by. */
const line = (r: ReportRow) => [
  valueOf(r.cells.date),
  valueOf(r.cells.paragraph),
  textOf(r.cells.caseNumber),
  textOf(r.cells.title),
  textOf(r.cells.source),
];

/** The register with decisions the secretary recorded, shaped as the store's current dataset gives them. */
const recordedDecisions: Decision[] = [
  {
    paragraph: 1,
    meetingId: "committee-2022-10-12",
    title: "Val av justerare",
    decision: "Nämnden utser en justerare.",
    source: "Registrerat av sekreteraren 2022-10-13",
    sentTo: [],
  },
  {
    paragraph: 3,
    caseNumber: "2022/5-2.2.0.1",
    meetingDate: "2022-03-16",
    meetingId: "committee-2022-03-16",
    title: "Verksamhetsberättelse 2021",
    decision: "Nämnden godkänner verksamhetsberättelsen för 2021.",
    source: "Registrerat av sekreteraren 2022-03-17",
    sentTo: [],
  },
];
const withRecorded: Dataset = { ...norrbotten, decisions: [...recordedDecisions, ...norrbotten.decisions] };

describe("Beslutsregister 2022 (bundled Norrbotten)", () => {
  const r = buildDecisionsReport(norrbotten, { year: 2022 });
  const rows = r.sections[0]?.table?.rows ?? [];

  it("lists the minutes' § 8–§ 16 of 22 June 2022 with ärendenr, ärende and beslut", () => {
    expect(r.title).toBe("Beslutsregister 2022");
    expect(r.year).toBe(2022);
    expect(rows.map((x) => valueOf(x.cells.paragraph))).toEqual([
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
    expect(line(rows[4] as ReportRow)).toEqual([
      "2022-06-22",
      "12",
      "2022/13-2.2.0.1",
      "Budget 2023",
      "Protokoll",
    ]);
    expect(textOf(rows[4]?.cells.decision)).toBe("E- nämnden beslutar att godkänna budgeten för 2023");
    expect(textOf(rows.at(-1)?.cells.caseNumber)).toBe("2022/17-1.1.1.2");
    expect(r.sections[0]?.notes?.[0]).toBe(
      "9 beslut från sammanträdet 2022-06-22; 9 ur protokollen, 0 registrerade av sekreteraren.",
    );
  });

  it("without a year lists every decision; a year without decisions names the years that have some", () => {
    const all = buildReport(norrbotten, "decisions", {});
    expect(all.title).toBe("Beslutsregister");
    expect(all.year).toBeUndefined();
    expect(all.sections[0]?.table?.rows).toHaveLength(norrbotten.decisions.length);
    expect(() => buildDecisionsReport(norrbotten, { year: 2021 })).toThrow(AllocationError);
    expect(() => buildDecisionsReport(norrbotten, { year: 2021 })).toThrow(
      "Norrbottens e-nämnd har inga beslut för 2021; det finns beslut för 2022",
    );
    expect(() => buildDecisionsReport({ ...norrbotten, decisions: [] })).toThrow(
      /^Norrbottens e-nämnd har inga beslut$/,
    );
  });

  it("in English", () => {
    const en = buildDecisionsReport(norrbotten, { year: 2022, lang: "en" });
    expect(en.title).toBe("Decisions register 2022");
    expect(en.sections[0]?.table?.columns.map((c) => c.label)).toEqual([
      "Date",
      "§",
      "Case number",
      "Matter",
      "Decision",
      "Source",
    ]);
    expect(textOf(en.sections[0]?.table?.rows[0]?.cells.source)).toBe("Minutes");
  });
});

describe("the register with recorded decisions", () => {
  const rows = buildDecisionsReport(withRecorded, { year: 2022 }).sections[0]?.table?.rows ?? [];

  it("sorts by meeting date and §, dates a recorded decision by its meeting and leaves a missing ärendenr blank", () => {
    expect(rows).toHaveLength(11);
    expect(line(rows[0] as ReportRow)).toEqual([
      "2022-03-16",
      "3",
      "2022/5-2.2.0.1",
      "Verksamhetsberättelse 2021",
      "Registrerat av sekreteraren 2022-03-17",
    ]);
    expect(line(rows.at(-1) as ReportRow)).toEqual([
      "2022-10-12",
      "1",
      undefined,
      "Val av justerare",
      "Registrerat av sekreteraren 2022-10-13",
    ]);
    expect(rows.at(-1)?.cells.caseNumber).toEqual({ kind: "empty" });
    expect(rows.slice(1, -1).every((x) => textOf(x.cells.source) === "Protokoll")).toBe(true);
  });

  it("puts a decision with no date at all last, flags it, and leaves it out of every year", () => {
    const undated: Decision = { paragraph: 4, title: "Övrigt", decision: "Inget beslut.", sentTo: [] };
    const d: Dataset = { ...withRecorded, decisions: [undated, ...withRecorded.decisions] };
    const all = buildDecisionsReport(d).sections[0];
    expect(all?.table?.rows.at(-1)?.cells.date).toEqual({ kind: "empty" });
    expect(textOf(all?.table?.rows.at(-1)?.cells.title)).toBe("Övrigt");
    expect(all?.notes).toContain("⚠ 1 beslut saknar sammanträdesdatum och står sist.");
    expect(buildDecisionsReport(d, { year: 2022 }).sections[0]?.table?.rows).toHaveLength(11);
  });
});

describe("the decisions report in every format", () => {
  const r = buildDecisionsReport(withRecorded, { year: 2022 });

  it("Markdown and CSV: one line per decision with date, §, ärendenr and källa", () => {
    const [table] = parseMarkdownTables(renderMarkdown(r));
    expect(table?.[0]).toEqual(["Datum", "§", "Ärendenr", "Ärende", "Beslut", "Källa"]);
    expect(table?.[1]?.slice(0, 4)).toEqual([
      "16 mars 2022",
      "3",
      "2022/5-2.2.0.1",
      "Verksamhetsberättelse 2021",
    ]);
    expect(table?.at(-1)).toEqual([
      "12 oktober 2022",
      "1",
      "",
      "Val av justerare",
      "Nämnden utser en justerare.",
      "Registrerat av sekreteraren 2022-10-13",
    ]);
    const csv = parseCsv(renderCsv(r), ";");
    expect(csv.find((x) => x[1] === "12" && x[0] === "2022-06-22")).toEqual([
      "2022-06-22",
      "12",
      "2022/13-2.2.0.1",
      "Budget 2023",
      "E- nämnden beslutar att godkänna budgeten för 2023",
      "Protokoll",
    ]);
  });

  it("HTML, XLSX and Adaptive Card", async () => {
    const html = renderHtml(r);
    expect(html).toMatch(/<h1>Beslutsregister 2022<\/h1>/);
    expect(html).toContain("<td>2022/13-2.2.0.1</td>");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(r)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.name).toBe("Beslutsregister 2022");
    const values: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.find((v) => v[2] === "2022/13-2.2.0.1")?.slice(1, 4)).toEqual([
      12,
      "2022/13-2.2.0.1",
      "Budget 2023",
    ]);
    const card = renderAdaptiveCard(r);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(JSON.stringify(card)).toContain("Beslutsregister 2022");
  });
});
