import { loadBundledDataset } from "@samverkan/data";
import { describe, expect, it } from "vitest";
import { buildStatementReport, COMPUTED_MARK, renderMarkdown } from "../src/index.js";
import { parseMarkdownTables } from "./golden-parse-back.js";
import { AWKWARD } from "./csv-markdown-fixture.js";

describe("renderMarkdown", () => {
  const md = renderMarkdown(AWKWARD);

  it("keeps every table's shape: pipes escaped, line breaks as <br>, one cell per column", () => {
    const [first, second] = parseMarkdownTables(md);
    expect(first?.every((r) => r.length === 4)).toBe(true);
    expect(first?.[1]?.[0]).toBe('⚠ Kalix; "norra" | delen');
    expect(first?.[2]?.[0]).toBe("Rad<br>med radbrytning");
    expect(second).toEqual([
      ["A", "N"],
      ["mellanslag", "0,5"],
    ]);
  });

  it("formats cells the Swedish way, marks computed amounts, bolds the totals and right-aligns numbers", () => {
    expect(md).toContain(`| 20 211,25 kr ${COMPUTED_MARK} | ≈ 5,7818659658 % | 12 oktober 2022 |`);
    expect(md).toContain("| −4 400 kr | 21,5 % |  |");
    expect(md).toContain("| **Summa** | **15 811,25 kr** |  |  |");
    expect(md).toContain("| --- | ---: | ---: | --- |");
  });

  it("lists row notes, section notes, sources of published amounts and the working of computed ones", () => {
    expect(md).toContain("- En anmärkning om raden.");
    expect(md).toContain("- ⚠ Något stämmer inte.");
    expect(md).toMatch(/Källor:\n\n- Budget 2023\n/);
    expect(md).toMatch(/Beräknade belopp \(†\):\n\n- 1,25 kr × 16 169\n/);
    expect(md).toContain('# Prov; med "citat"');
    expect(md).toContain("## Bara text\n\nIngen tabell här.");
  });

  it("writes an English report with English words and a decimal point", () => {
    const en = renderMarkdown(
      buildStatementReport(loadBundledDataset("norrbotten"), {
        municipality: "Kalix",
        year: 2023,
        lang: "en",
      }),
    );
    expect(en).toContain("# Municipality statement 2023 — Kalix");
    expect(en).toContain(
      "| Base funding | 80 500 kr | published | Equal parts | 76 100 kr | 4 400 kr † | ≈ 5.78 % |",
    );
    expect(en).toContain("computed amount (not published)");
    expect(en).not.toMatch(/Summa|publicerad/);
  });
});
