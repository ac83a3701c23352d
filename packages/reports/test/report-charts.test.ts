import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadBundledDataset } from "@samverkan/data";
import { describe, expect, it } from "vitest";
import type { Report, ReportTable } from "../src/index.js";
import {
  buildReport,
  chartDescription,
  escapeHtml,
  formatCell,
  renderHtml,
  reportCharts,
} from "../src/index.js";
import { builtReports } from "./fixtures/built-reports.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";

const norrbotten = loadBundledDataset("norrbotten");
const skanearkiv = loadBundledDataset("skanearkiv");

const summary = (report: Report) =>
  reportCharts(report).map(({ section, chart }) => ({
    section,
    kind: chart.kind,
    title: chart.title,
    points: chart.series.reduce((n, s) => n + s.points.length, 0),
  }));

describe("reportCharts", () => {
  it("gives the allocation report a bar chart of each cost item's split over the municipalities", () => {
    const report = buildReport(norrbotten, "allocation", { year: 2023, table: "Gemensamma tjänster 2023" });
    const charts = summary(report);
    const table = report.sections[0]?.table as ReportTable;
    expect(charts.map((c) => c.title)).toEqual(
      table.columns.filter((c) => c.kind === "money").map((c) => `${c.label} 2023: fördelning per kommun`),
    );
    for (const c of charts) expect(c).toMatchObject({ section: 0, kind: "horizontalBar", points: 14 });
  });

  it("gives a statement a donut of the year's items and a line over the two years", () => {
    const report = buildReport(norrbotten, "statement", { municipality: "Kalix", year: 2023 });
    expect(summary(report)).toEqual([
      { section: 0, kind: "donut", title: "Avgifter till nämnden 2023 per kostnadspost", points: 7 },
      {
        section: 0,
        kind: "line",
        title: "Avgifter till nämnden 2023: per kostnadspost 2022–2023",
        // Seven items in 2023, six of them also in 2022 (ECO-system grundplattform is new).
        points: 13,
      },
      {
        section: 1,
        kind: "line",
        title: "Faktureras direkt av leverantören: per kostnadspost 2022–2023",
        points: 2,
      },
    ]);
    // The one item billed by the supplier makes no donut; the extras (never summed) no chart at all.
    expect(summary(report).some((c) => c.section === 2)).toBe(false);
  });

  it("gives attendance a bar per meeting with the 75 % goal, in the report's language", () => {
    for (const lang of ["sv", "en"] as const) {
      const charts = reportCharts(buildReport(norrbotten, "attendance", { year: 2022, lang }));
      expect(charts).toHaveLength(1);
      const [only] = charts;
      expect(only?.section).toBe(0);
      expect(only?.chart.kind).toBe("verticalBar");
      expect(only?.chart.goal).toEqual({
        value: "75",
        text: "75 %",
        label: lang === "sv" ? "Mål 75 %" : "Goal 75 %",
      });
      // Only the six meetings with a recorded attendance.
      expect(only?.chart.series[0]?.points.map((p) => p.text)).toEqual(
        lang === "sv"
          ? ["≈ 78,6 %", "≈ 92,9 %", "≈ 64,3 %", "≈ 71,4 %", "≈ 71,4 %", "≈ 78,6 %"]
          : ["≈ 78.6 %", "≈ 92.9 %", "≈ 64.3 %", "≈ 71.4 %", "≈ 71.4 %", "≈ 78.6 %"],
      );
    }
  });

  it("gives SkånEarkiv's max-withdrawal report each municipality's cap in its last year", () => {
    const report = buildReport(skanearkiv, "max-withdrawal", {});
    const charts = reportCharts(report);
    expect(summary(report)).toEqual([
      { section: 0, kind: "horizontalBar", title: "Maximalt uttag 2023 per kommun", points: 16 },
    ]);
    expect(charts[0]?.chart.series[0]?.points[0]).toMatchObject({ label: "Lund", text: "2 293 tkr" });
  });

  it("gives the other reports, and reports with no numbers to draw, no chart", () => {
    for (const [name, report] of builtReports())
      if (!["allocation", "statement", "attendance", "max-withdrawal"].includes(report.name))
        expect(reportCharts(report), name).toEqual([]);
    const zero: Report = {
      name: "allocation",
      lang: "sv",
      title: "Noll",
      collaboration: "Test",
      sections: [
        {
          title: "Noll",
          table: {
            columns: [
              { key: "municipality", label: "Kommun", kind: "text" },
              { key: "x", label: "X", kind: "money", unit: "kr" },
              { key: "y", label: "Y", kind: "money", unit: "kr" },
            ],
            rows: [
              {
                cells: {
                  municipality: { kind: "text", text: "A" },
                  x: { kind: "money", value: "0", unit: "kr" },
                },
              },
              {
                cells: {
                  municipality: { kind: "text", text: "B" },
                  x: { kind: "money", value: "0", unit: "kr" },
                },
              },
              {
                cells: {
                  municipality: { kind: "text", text: "C" },
                  y: { kind: "money", value: "5", unit: "kr" },
                },
              },
            ],
          },
        },
      ],
    };
    // X is all zero; Y has a single point.
    expect(reportCharts(zero)).toEqual([]);
  });

  it("never shows a number its section's table does not print", () => {
    for (const [name, report] of builtReports())
      for (const { section, chart } of reportCharts(report)) {
        const table = report.sections[section]?.table;
        const printed = new Set(
          (table?.rows ?? []).flatMap((r) => Object.values(r.cells).map((c) => formatCell(c, report.lang))),
        );
        for (const p of chart.series.flatMap((s) => s.points))
          expect(printed.has(p.text), `${name}: ${p.text}`).toBe(true);
      }
  });
});

describe("the HTML report's figures", () => {
  it("draws attendance 2022 as a figure whose alt text has every meeting's share", () => {
    const report = buildReport(norrbotten, "attendance", { year: 2022 });
    const html = renderHtml(report);
    const figures = [...html.matchAll(/<figure class="chart">([\s\S]*?)<\/figure>/g)].map((m) => m[1] ?? "");
    expect(figures).toHaveLength(1);
    const figure = figures[0] ?? "";
    const desc = /<desc>([^<]*)<\/desc>/.exec(figure)?.[1] ?? "";
    const rows = report.sections[0]?.table?.rows ?? [];
    const shares = rows.filter((r) => r.cells.rate?.kind === "percent");
    expect(shares).toHaveLength(6);
    for (const r of shares) {
      const date = formatCell(r.cells.date ?? { kind: "empty" }, "sv");
      const rate = formatCell(r.cells.rate ?? { kind: "empty" }, "sv");
      expect(desc).toContain(`${date} ${rate}`);
    }
    expect(figure).toContain("<figcaption>Andel närvarande per sammanträde 2022</figcaption>");
    // Inside its section, before its table.
    const section = html.slice(
      html.indexOf('<section aria-labelledby="section-1">'),
      html.indexOf("</section>"),
    );
    expect(section.indexOf("<figure")).toBeGreaterThan(0);
    expect(section.indexOf("<figure")).toBeLessThan(section.indexOf("<table"));
  });

  it("puts each chart in the section it belongs to, with no script in any report", () => {
    for (const [name, report] of builtReports()) {
      const html = renderHtml(report);
      expect(html, name).not.toMatch(/<script/i);
      const sections = html.split("<section ").slice(1);
      for (const [i] of report.sections.entries()) {
        const expected = reportCharts(report).filter((c) => c.section === i);
        const drawn = sections[i]?.match(/<figure class="chart">/g)?.length ?? 0;
        expect(drawn, `${name}, section ${i + 1}`).toBe(expected.length);
        for (const { chart } of expected) expect(sections[i]).toContain(escapeHtml(chartDescription(chart)));
      }
    }
    expect(renderHtml(fordelning2022)).not.toContain("<figure");
  });

  it("keeps figures whole in print", () => {
    const html = renderHtml(buildReport(norrbotten, "attendance", { year: 2022 }));
    expect(html).toMatch(/@media print \{[\s\S]*figure\.chart \{ break-inside: avoid;/);
  });
});

describe("the README's charts example", () => {
  it("runs and prints what the README shows", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const file = fileURLToPath(new URL("../examples/charts.mjs", import.meta.url));
    const code = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("//"))
      .join("\n")
      .trim();
    expect(readme).toContain(code);
    const printed = execFileSync(process.execPath, [file], { encoding: "utf8" });
    expect(readme).toContain(
      `\`node packages/reports/examples/charts.mjs\` prints\n\n\`\`\`\n${printed}\`\`\``,
    );
  });
});
