import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { Decimal } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import type { Report, ReportCell, ReportTable } from "../src/model.js";
import { renderXlsx } from "../src/index.js";
import { exactNumber } from "../src/render/exact-number.js";
import { sheetNames } from "../src/render/sheet-names.js";
import { columnLetter } from "../src/render/xlsx.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";

const HEADER_ROW = 3;

/** Render, write to a real file, and read that file back the way a user's program would. */
async function roundTrip(report: Report): Promise<{ workbook: ExcelJS.Workbook; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), "samverkan-xlsx-"));
  const file = join(dir, `${report.name}.xlsx`);
  await writeFile(file, await renderXlsx(report));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { workbook, file };
}

function sheet(workbook: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const ws = workbook.worksheets[index];
  if (!ws) throw new Error(`no sheet ${index}`);
  return ws;
}

/** The numeric value a cell holds, whether a plain number or a formula's cached result. */
function numberIn(cell: ExcelJS.Cell): number {
  const value = cell.value;
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "result" in value && typeof value.result === "number")
    return value.result;
  throw new Error(`${cell.address} holds ${JSON.stringify(value)}, not a number`);
}

function modelTable(index: number): ReportTable {
  const table = fordelning2022.sections[index]?.table;
  if (!table) throw new Error(`section ${index} has no table`);
  return table;
}

describe("renderXlsx", () => {
  it("writes one sheet per section, named after its title within Excel's rules", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Gemensamma tjänster 2022",
      "E-learning - kostnadskalkyl 202", // ":" and "/" are not allowed; 31 characters at most
      "Sammanträden och närvaro januar",
      "Om underlaget",
    ]);
    expect(sheet(workbook, 0).getCell("A1").value).toBe("Gemensamma tjänster 2022");
    expect(sheet(workbook, 1).getCell("A1").value).toBe("E-learning: kostnadskalkyl 2022/2023");
  });

  it("stores every amount as a number equal to the report's exact value, with a kr format", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    for (const [index, ws] of [0, 1].map((i) => [i, sheet(workbook, i)] as const)) {
      const table = modelTable(index);
      table.rows.forEach((row, r) => {
        table.columns.forEach((column, c) => {
          const given: ReportCell = row.cells[column.key] ?? { kind: "empty" };
          const cell = ws.getCell(HEADER_ROW + 1 + r, c + 1);
          if (given.kind === "money") {
            expect(typeof cell.value, cell.address).toBe("number");
            expect(new Decimal(String(cell.value)).equals(given.value), cell.address).toBe(true);
            expect(cell.numFmt).toBe('[$-41D]#,##0 "kr"');
            expect(cell.alignment?.horizontal).toBeUndefined(); // numbers align right by themselves
          } else if (given.kind === "text") {
            expect(cell.value).toBe(given.text);
          }
        });
      });
    }
    expect(sheet(workbook, 0).getCell("B10").value).toBe(72000); // Kalix, E-tjänsteplattform
  });

  it("writes totals of sumOf columns as SUM formulas over the rows, cached with the report's totals", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    const ws = sheet(workbook, 0);
    const table = modelTable(0);
    const totalsRow = ws.getRow(HEADER_ROW + 1 + table.rows.length);
    expect(totalsRow.getCell(1).value).toBe("Summa");
    const expected: Record<string, [string, number]> = {
      B: ["SUM(B4:B17)", 1046900],
      C: ["SUM(C4:C17)", 732500],
      D: ["SUM(D4:D17)", 322000],
      E: ["SUM(E4:E17)", 2101400],
    };
    for (const [letter, [formula, total]] of Object.entries(expected)) {
      const cell = totalsRow.getCell(letter);
      expect(cell.formula).toBe(formula);
      expect(numberIn(cell)).toBe(total);
      // What a spreadsheet computes when it recalculates: the sum of the cells the formula names.
      let recalculated = new Decimal(0);
      for (let r = 4; r <= 17; r++) recalculated = recalculated.plus(numberIn(ws.getCell(`${letter}${r}`)));
      expect(recalculated.toNumber()).toBe(total);
      expect(cell.numFmt).toBe('[$-41D]#,##0 "kr"');
    }
    // Andel is not in sumOf: written as given, as a percent cell.
    expect(totalsRow.getCell("F").formula).toBeUndefined();
    expect(totalsRow.getCell("F").value).toBe(1);
  });

  it("keeps a printed total that does not add up as a plain value, not a formula", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    const ws = sheet(workbook, 1);
    const totalsRow = ws.getRow(HEADER_ROW + 1 + modelTable(1).rows.length);
    expect(totalsRow.getCell("B").formula).toBe("SUM(B4:B17)");
    expect(numberIn(totalsRow.getCell("B"))).toBe(937200);
    expect(totalsRow.getCell("C").formula).toBeUndefined();
    expect(totalsRow.getCell("C").value).toBe(1125000); // the rows sum to 1 124 999
    expect(totalsRow.getCell("D").value).toBe(2062200);
  });

  it("freezes the header row (and the name column of a wide table) and sizes the columns", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    const view = sheet(workbook, 0).views[0];
    expect(view).toMatchObject({ state: "frozen", ySplit: HEADER_ROW, xSplit: 1 });
    expect(sheet(workbook, 2).views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW, xSplit: 0 });
    const ws = sheet(workbook, 0);
    expect(ws.getRow(HEADER_ROW).getCell(2).value).toBe("E-tjänsteplattform");
    expect(ws.getRow(HEADER_ROW).getCell(2).font?.bold).toBe(true);
    // Wide enough for "2 101 400 kr" and for the longest word of each heading.
    expect(ws.getColumn("E").width).toBeGreaterThanOrEqual("2 101 400 kr".length);
    expect(ws.getColumn("C").width).toBeGreaterThanOrEqual("Räddningstjänsten".length);
    expect(ws.getColumn("A").width).toBeGreaterThanOrEqual("Övertorneå".length);
  });

  it("writes percentages as percent cells and dates as dates", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    const meetings = sheet(workbook, 2);
    const first = meetings.getRow(HEADER_ROW + 1);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2022, 0, 26, 14, 0)));
    expect(first.getCell(1).numFmt).toBe("[$-41D]d mmmm yyyy hh:mm");
    expect(first.getCell(3).value).toBe(0.786);
    expect(first.getCell(3).numFmt).toBe("[$-41D]0.0 %");
    expect(first.getCell(4).value).toBe(11);
    expect(first.getCell(4).numFmt).toBe("[$-41D]#,##0");
    const strategyDay = meetings.getRow(HEADER_ROW + 6);
    expect(strategyDay.getCell(1).value).toEqual(new Date(Date.UTC(2022, 4, 25)));
    expect(strategyDay.getCell(1).numFmt).toBe("[$-41D]d mmmm yyyy");
    expect(strategyDay.getCell(3).value).toBeNull();
    const andel = sheet(workbook, 0).getCell("F4");
    expect(andel.value).toBe(0.037);
    expect(andel.numFmt).toBe("[$-41D]0.0 %");
  });

  it("shades computed amounts, notes their model and sources, and keeps notes under the table", async () => {
    const { workbook } = await roundTrip(fordelning2022);
    const ws = sheet(workbook, 1);
    const computed = ws.getCell("D4");
    expect(computed.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFF2CC" } });
    expect(JSON.stringify(computed.note)).toContain("Personalkostnad + plattform");
    // A source all the column's amounts share is noted once, on the heading.
    expect(JSON.stringify(ws.getCell("B3").note)).toContain("kostnadskalkyl (rad 3487–3503)");
    expect(ws.getCell("B4").note).toBeUndefined();
    expect(ws.getCell("B4").fill).not.toMatchObject({ pattern: "solid" });

    const texts = columnAText(ws);
    const totalsRow = HEADER_ROW + 1 + modelTable(1).rows.length;
    const legend = texts.findIndex((t) => t === "Beräknat");
    const notes = texts.findIndex((t) => t === "Anmärkningar");
    expect(legend).toBeGreaterThan(totalsRow);
    expect(notes).toBeGreaterThan(legend);
    expect(texts[notes + 1]).toContain("raderna summerar till 1124999 kr");

    // A row's own note is listed under the table, named by its row; a flagged row stands out.
    const meetings = sheet(workbook, 2);
    expect(columnAText(meetings)).toContain("Nämnd: Under målet om minst 75 % närvaro.");
    expect(meetings.getCell("B6").font?.color?.argb).toBe("FF9C0006");

    // Paragraphs go under the table; a section without a table is text only.
    expect(columnAText(sheet(workbook, 0))).toContain(fordelning2022.sections[0]?.paragraphs?.[0]);
    const about = columnAText(sheet(workbook, 3));
    expect(about).toContain(
      "Där dokumentets egna summor inte stämmer med raderna redovisas det, men summorna ändras inte.",
    );
    // The report's own notes, once, on the first sheet.
    expect(columnAText(sheet(workbook, 0))).toContain("Källa: Norrbottens e-nämnd, budget 2022 (seed 004).");
  });

  it("writes an English report with English month names", async () => {
    const { workbook } = await roundTrip({ ...fordelning2022, lang: "en" });
    const date = sheet(workbook, 2).getCell(HEADER_ROW + 1, 1);
    expect(date.numFmt).toBe("[$-809]d mmmm yyyy hh:mm");
    expect(sheet(workbook, 0).getCell("B4").numFmt).toBe('#,##0 "kr"');
    expect(columnAText(sheet(workbook, 1))).toContain("Computed");
  });

  it("gives a column with öre two decimals throughout, so the amounts align", async () => {
    const report = tableReport(
      [
        { kind: "money", value: "20211.25", unit: "kr" },
        { kind: "money", value: "400", unit: "kr" },
      ],
      { kind: "money", value: "20611.25", unit: "kr" },
    );
    const { workbook } = await roundTrip(report);
    const ws = sheet(workbook, 0);
    expect(ws.getCell("B4").value).toBe(20211.25);
    expect(ws.getCell("B4").numFmt).toBe('[$-41D]#,##0.00 "kr"');
    expect(ws.getCell("B5").numFmt).toBe('[$-41D]#,##0.00 "kr"');
    expect(ws.getCell("B6").formula).toBe("SUM(B4:B5)");
    expect(numberIn(ws.getCell("B6"))).toBe(20611.25);
  });

  it("refuses a sumOf total that is not the sum of its rows", async () => {
    const report = tableReport(
      [
        { kind: "money", value: "100", unit: "kr" },
        { kind: "money", value: "200", unit: "kr" },
      ],
      { kind: "money", value: "301", unit: "kr" },
    );
    await expect(renderXlsx(report)).rejects.toThrow(/rows sum to 300 but the total is 301/);
  });

  it("refuses an amount a spreadsheet number cannot hold exactly", async () => {
    const report = tableReport([{ kind: "money", value: "12345678901234567.5", unit: "kr" }]);
    await expect(renderXlsx(report)).rejects.toThrow(RangeError);
  });

  it("refuses a date that is not an ISO calendar date", async () => {
    const bad = tableReport([{ kind: "date", value: "2022-02-30" }]);
    await expect(renderXlsx(bad)).rejects.toThrow(/not a calendar date/);
    await expect(renderXlsx(tableReport([{ kind: "date", value: "12 oktober" }]))).rejects.toThrow(
      /ISO date/,
    );
  });
});

describe("exactNumber", () => {
  it("keeps every whole-krona and öre amount below 10¹³ kr exact", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (ore) => {
        const value = new Decimal(ore.toString()).dividedBy(100).toFixed();
        expect(new Decimal(String(exactNumber(value, "test"))).equals(value)).toBe(true);
      }),
    );
  });

  it("names the value it cannot keep", () => {
    expect(() => exactNumber("0.1234567890123456789", "Kalix, E-arkiv")).toThrow(
      /Kalix, E-arkiv: 0.1234567890123456789/,
    );
  });
});

describe("sheetNames", () => {
  it("keeps names within 31 characters, without forbidden characters, unique ignoring case", () => {
    const names = sheetNames(
      [
        "Fördelning: 2022/2023",
        "fördelning: 2022/2023",
        "[Budget] *?",
        "",
        "'History'",
        "A".repeat(40),
        "a".repeat(40),
      ],
      "Blad",
    );
    expect(names).toEqual([
      "Fördelning - 2022-2023",
      "fördelning - 2022-2023 (2)",
      "Budget",
      "Blad 4",
      "History (1)",
      "A".repeat(31),
      `${"a".repeat(27)} (2)`,
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it("never produces two equal names (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (titles) => {
        const names = sheetNames(titles, "Blad");
        expect(new Set(names.map((n) => n.toLocaleLowerCase("sv"))).size).toBe(titles.length);
        for (const name of names) {
          expect(Array.from(name).length).toBeGreaterThan(0);
          expect(Array.from(name).length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
        }
      }),
    );
  });

  it("letters columns the way Excel does", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});

/** The text of column A, top to bottom (paragraphs and notes live there). */
function columnAText(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const value = ws.getCell(r, 1).value;
    texts[r] = typeof value === "string" ? value : "";
  }
  return texts;
}

/** A one-column report around the given cells, with an optional sumOf total. */
function tableReport(cells: ReportCell[], total?: ReportCell): Report {
  return {
    name: "statement",
    lang: "sv",
    title: "Test",
    collaboration: "Testnämnden",
    sections: [
      {
        title: "Test",
        table: {
          columns: [
            { key: "name", label: "Rad", kind: "text" },
            { key: "value", label: "Värde", kind: cells[0]?.kind === "date" ? "date" : "money", unit: "kr" },
          ],
          rows: cells.map((cell, i) => ({
            cells: { name: { kind: "text", text: `Rad ${i + 1}` }, value: cell },
          })),
          ...(total
            ? { totals: { cells: { name: { kind: "text", text: "Summa" }, value: total }, sumOf: ["value"] } }
            : {}),
        },
      },
    ],
  };
}
