import { readFileSync } from "node:fs";
import { loadBundledDataset } from "@samverkan/data";
import { describe, expect, it } from "vitest";
import { buildAllocationReport, renderCsv, renderMarkdown } from "../src/index.js";
import { markdownNumber, parseCsv, parseMarkdownTables } from "./golden-parse-back.js";

/** The independent transcription of every money table in the seeds (packages/data/test/golden). */
interface GoldenTable {
  id: string;
  group: string;
  title: string;
  year: number;
  rows: Record<string, number>;
  total_printed: number;
  row_sum: number;
}
const golden: { tables: GoldenTable[]; municipality_order_norrbotten: string[] } = JSON.parse(
  readFileSync(new URL("../../data/test/golden/tables.json", import.meta.url), "utf8"),
);
const norrbotten = loadBundledDataset("norrbotten");

/** The cost item a golden table is the column of (by the published table's id), and its column label. */
function columnOf(t: GoldenTable): string {
  const table = norrbotten.publishedTables.find((p) => p.id === t.id);
  const item = norrbotten.costItems.find((c) => c.id === table?.costItem);
  if (!item) throw new Error(`no cost item for golden table ${t.id}`);
  return item.name;
}

const CASES = [
  { heading: "Fördelning årskostnader 2022", year: 2022, groups: ["fordelning_arskostnader_2022"] },
  {
    heading: "Gemensamma tjänster 2023",
    year: 2023,
    groups: ["gemensamma_tjanster_2023_a", "gemensamma_tjanster_2023_eco"],
  },
] as const;

describe.each(CASES)("the rendered $heading table equals the published one cell for cell", (c) => {
  const tables = golden.tables.filter((t) => (c.groups as readonly string[]).includes(t.group));
  const report = buildAllocationReport(norrbotten, { year: c.year, table: c.heading });

  it("has a column for every published column and a row for every municipality, in the printed order", () => {
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const section = report.sections[0];
    expect(section?.table?.columns.slice(1).map((x) => x.label)).toEqual(tables.map(columnOf));
    expect(section?.table?.rows.map((r) => (r.cells.municipality as { text: string }).text)).toEqual(
      golden.municipality_order_norrbotten,
    );
  });

  it("CSV (Swedish Excel: BOM, semicolons): every cell, the totals, and every amount published", () => {
    const rows = parseCsv(renderCsv(report), ";");
    const [header, ...body] = rows;
    expect(header?.[0]).toBe("Kommun");
    const totals = body.at(-1) as string[];
    expect(totals[0]).toBe("Summa");
    for (const t of tables) {
      const col = header?.indexOf(`${columnOf(t)} (kr)`) as number;
      expect(col, t.id).toBeGreaterThan(0);
      for (const [municipality, amount] of Object.entries(t.rows)) {
        const line = body.find((r) => r[0] === municipality);
        expect(line?.[col], `${t.id} ${municipality}`).toBe(String(amount));
      }
      expect(totals[col], `${t.id} total`).toBe(String(t.total_printed));
      expect(t.total_printed).toBe(t.row_sum);
    }
    const provenance = header?.indexOf("Beloppens ursprung") as number;
    expect(body.slice(0, -1).every((r) => r[provenance] === "publicerad")).toBe(true);
    expect(body).toHaveLength(golden.municipality_order_norrbotten.length + 1);
  });

  it("Markdown: every cell, the totals row, and no amount marked computed", () => {
    const md = renderMarkdown(report);
    const [table] = parseMarkdownTables(md);
    const [header, ...body] = table as string[][];
    const totals = body.at(-1) as string[];
    expect(totals[0]).toBe("**Summa**");
    for (const t of tables) {
      const col = header?.indexOf(columnOf(t)) as number;
      expect(col, t.id).toBeGreaterThan(0);
      for (const [municipality, amount] of Object.entries(t.rows)) {
        const line = body.find((r) => r[0] === municipality) as string[];
        expect(line[col], `${t.id} ${municipality}`).toMatch(/^\d{1,3}( \d{3})* kr$/);
        expect(markdownNumber(line[col] as string), `${t.id} ${municipality}`).toBe(String(amount));
      }
      expect(markdownNumber(totals[col] as string), `${t.id} total`).toBe(String(t.total_printed));
    }
    expect(md).not.toMatch(/\d kr †/);
  });
});

describe("a table whose printed total does not add up", () => {
  it("keeps the printed cells, totals the rows exactly, and says so in a note", () => {
    const report = buildAllocationReport(norrbotten, { year: 2022, items: ["e-learning-plattform"] });
    const plattform = golden.tables.find((t) => t.id === "el_plattform") as GoldenTable;
    const section = report.sections[0];
    const totals = section?.table?.totals;
    expect(totals?.cells["e-learning-plattform"]).toEqual({ kind: "money", value: "1124999", unit: "kr" });
    expect(plattform.row_sum).toBe(1124999);
    expect(section?.notes?.join("\n")).toContain(
      "Plattform (e-learning): dokumentets tryckta summa är 1 125 000 kr, men raderna summerar till 1 124 999 kr (skillnad 1 kr).",
    );
    expect(section?.notes?.join("\n")).toContain("är ett förslag (kostnadskalkyl)");
  });
});
