import { loadBundledDataset } from "@samverkan/data";
import { Decimal } from "@samverkan/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Chart, ReportTable } from "../src/index.js";
import {
  buildAllocationReport,
  buildAttendanceReport,
  buildStatementReport,
  chartDescription,
  chartFromTable,
  formatCell,
  renderChartSvg,
  reportCharts,
} from "../src/index.js";
import { attr, byClass, findAll, parseSvg, textOf, type SvgElement } from "./svg-parse.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";

const norrbotten = loadBundledDataset("norrbotten");

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error("missing");
  return item;
}

function chartOf(charts: ReturnType<typeof reportCharts>, kind: Chart["kind"], title?: RegExp): Chart {
  return only(charts.filter((c) => c.chart.kind === kind && (!title || title.test(c.chart.title)))).chart;
}

const svgOf = (chart: Chart) => parseSvg(renderChartSvg(chart));
const desc = (svg: SvgElement) => textOf(only(findAll(svg, (e) => e.name === "desc")));
const values = (svg: SvgElement) => findAll(svg, byClass("value")).map(textOf);

describe("horizontal bars: E-arkiv 2023, Norrbotten", () => {
  const report = buildAllocationReport(norrbotten, { year: 2023 });
  const table = report.sections[0]?.table as ReportTable;
  const chart = chartOf(reportCharts(report), "horizontalBar", /^E-arkiv 2023/);
  const svg = svgOf(chart);
  const amounts = table.rows.map((r) => ({
    municipality: formatCell(r.cells.municipality ?? { kind: "empty" }, "sv"),
    value: new Decimal((r.cells["e-arkiv"] as { value: string }).value),
    text: formatCell(r.cells["e-arkiv"] ?? { kind: "empty" }, "sv"),
  }));

  it("is a scalable image with the title and every municipality's exact amount in its alt text", () => {
    expect(svg.attributes.role).toBe("img");
    expect(svg.attributes.width).toBe("100%");
    expect(svg.attributes.viewBox).toMatch(/^0 0 \d+ [\d.]+$/);
    expect(textOf(only(findAll(svg, (e) => e.name === "title")))).toBe("E-arkiv 2023: fördelning per kommun");
    expect(desc(svg)).toBe(chartDescription(chart));
    expect(amounts).toHaveLength(14);
    for (const a of amounts) expect(desc(svg)).toContain(`${a.municipality} ${a.text}`);
    expect(desc(svg)).toContain("Kalix 21 000 kr");
  });

  it("prints every amount at its bar, largest first, with the municipality on the left", () => {
    const sorted = [...amounts].sort(
      (a, b) => b.value.cmp(a.value) || a.municipality.localeCompare(b.municipality, "sv"),
    );
    expect(values(svg)).toEqual(sorted.map((a) => a.text));
    expect(findAll(svg, byClass("label")).map(textOf)).toEqual(sorted.map((a) => a.municipality));
    expect(values(svg)[0]).toBe("97 000 kr");
  });

  it("draws one bar per row, each as long as its amount", () => {
    const bars = findAll(svg, byClass("bar"));
    expect(bars).toHaveLength(table.rows.length);
    const max = Math.max(...bars.map((b) => attr(b, "width")));
    const largest = amounts.reduce((a, b) => (b.value.gt(a) ? b.value : a), new Decimal(0));
    for (const bar of bars) {
      const amount = amounts.find((a) => a.municipality === bar.attributes["data-label"]);
      const expected = amount ? amount.value.dividedBy(largest).toNumber() : NaN;
      expect(attr(bar, "width") / max).toBeCloseTo(expected, 3);
      // The label sits left of the bar, the amount right of it.
      expect(attr(bar, "x")).toBeGreaterThan(0);
    }
  });

  it("never carries a script, and leaves text and axes to the page's colour", () => {
    const raw = renderChartSvg(chart);
    expect(raw).not.toMatch(/<script/i);
    expect(raw).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    for (const t of findAll(svg, (e) => e.name === "text")) expect(t.attributes.fill).toBe("currentColor");
    for (const a of findAll(svg, byClass("axis"))) expect(a.attributes.stroke).toBe("currentColor");
  });

  it("draws the fixture's published 2022 E-arkiv split the same way", () => {
    const fixture = fordelning2022.sections[0]?.table as ReportTable;
    const c = chartFromTable(fixture, {
      kind: "horizontalBar",
      title: "E-arkiv 2022",
      lang: "sv",
      labelColumn: "kommun",
      valueColumns: ["earkiv"],
    });
    const drawn = svgOf(c);
    expect(findAll(drawn, byClass("bar"))).toHaveLength(fixture.rows.length);
    expect(values(drawn)).toEqual(c.series[0]?.points.map((p) => p.text));
    expect(desc(drawn)).toContain("Kalix 21 000 kr");
  });
});

/** A donut's sweep in degrees from its path's outer arc (start and end point around the centre). */
function sweepOf(slice: SvgElement, cx: number, cy: number): number {
  const d = slice.attributes.d ?? "";
  const nums = [...d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const [x1 = 0, y1 = 0, , , , large = 0, , x2 = 0, y2 = 0] = nums;
  const angle = (x: number, y: number) => (Math.atan2(x - cx, cy - y) * 180) / Math.PI;
  let sweep = (((angle(x2, y2) - angle(x1, y1)) % 360) + 360) % 360;
  if (large === 1 && sweep < 180) sweep += 360;
  return sweep;
}

const table = (rows: [string, string][], unit: "kr" | "tkr" = "kr"): ReportTable => ({
  columns: [
    { key: "name", label: "Namn", kind: "text" },
    { key: "amount", label: "Belopp", kind: "money", unit },
  ],
  rows: rows.map(([name, value]) => ({
    cells: { name: { kind: "text", text: name }, amount: { kind: "money", value, unit } },
  })),
});
const chartOfRows = (kind: Chart["kind"], rows: [string, string][]) =>
  chartFromTable(table(rows), {
    kind,
    title: "Test",
    lang: "sv",
    labelColumn: "name",
    valueColumns: ["amount"],
  });

describe("donut: Kalix's statement 2023", () => {
  const report = buildStatementReport(norrbotten, { municipality: "Kalix", year: 2023 });
  const chart = chartOf(reportCharts(report), "donut");
  const svg = svgOf(chart);

  it("has one slice per item, the slices making up the whole turn", () => {
    const slices = findAll(svg, byClass("slice"));
    expect(slices).toHaveLength(report.sections[0]?.table?.rows.length ?? -1);
    const declared = slices.reduce((sum, s) => sum + attr(s, "data-end") - attr(s, "data-start"), 0);
    expect(declared).toBeCloseTo(360, 1);
    const drawn = slices.reduce((sum, s) => sum + sweepOf(s, 110, 110), 0);
    expect(drawn).toBeCloseTo(360, 0);
    // Each slice is its amount's part of the total.
    const total = chart.series[0]?.points.reduce((a, p) => a + Number(p.value), 0) ?? 0;
    for (const [i, s] of slices.entries())
      expect(sweepOf(s, 110, 110)).toBeCloseTo((Number(chart.series[0]?.points[i]?.value) / total) * 360, 0);
  });

  it("lists every item with its exact amount and its share, ≈ where the share is rounded", () => {
    const legend = findAll(svg, byClass("legend-item")).map(textOf);
    expect(legend[0]).toBe("1 Grundfinansiering 80 500 kr (≈ 15,0 %)");
    for (const p of chart.series[0]?.points ?? [])
      expect(legend.some((l) => l.includes(`${p.text} (`))).toBe(true);
    expect(desc(svg)).toContain("Förvaltningsledare verksamhetssystem SOC 194 700 kr");
  });

  it("fills the ring with a single value, leaves zeros out of the ring but not the legend, and halves exactly", () => {
    const whole = svgOf(
      chartOfRows("donut", [
        ["Allt", "500"],
        ["Inget", "0"],
      ]),
    );
    const [slice, ...more] = findAll(whole, byClass("slice"));
    expect(more).toHaveLength(0);
    expect(slice && [attr(slice, "data-start"), attr(slice, "data-end")]).toEqual([0, 360]);
    expect(findAll(whole, byClass("legend-item")).map(textOf)).toEqual([
      "1 Allt 500 kr (100 %)",
      "2 Inget 0 kr",
    ]);

    const halves = svgOf(
      chartOfRows("donut", [
        ["A", "1"],
        ["B", "1"],
      ]),
    );
    expect(findAll(halves, byClass("value")).map(textOf)).toEqual(["1 kr (50 %)", "1 kr (50 %)"]);
    const thirds = svgOf(
      chartOfRows("donut", [
        ["A", "1"],
        ["B", "1"],
        ["C", "1"],
      ]),
    );
    expect(findAll(thirds, byClass("value")).map(textOf)).toContain("1 kr (≈ 33,3 %)");
    const sweeps = findAll(thirds, byClass("slice")).map((s) => sweepOf(s, 110, 110));
    for (const s of sweeps) expect(s).toBeCloseTo(120, 0);
  });
});

describe("vertical bars: attendance 2022", () => {
  const chart = chartOf(reportCharts(buildAttendanceReport(norrbotten, { year: 2022 })), "verticalBar");
  const svg = svgOf(chart);

  it("draws the goal as a dashed line at 75 %, labelled", () => {
    const line = only(findAll(svg, byClass("goal-line")));
    expect(line.attributes["stroke-dasharray"]).toBeTruthy();
    expect(textOf(only(findAll(svg, byClass("goal-label"))))).toBe("Mål 75 %");
    const goalY = attr(line, "y1");
    const bars = findAll(svg, byClass("bar"));
    expect(bars).toHaveLength(6);
    for (const [i, bar] of bars.entries()) {
      const baseline = attr(bar, "y") + attr(bar, "height");
      const value = Number(chart.series[0]?.points[i]?.value);
      // Height over the baseline is proportional to the value: the goal's at 75.
      expect((baseline - goalY) / attr(bar, "height")).toBeCloseTo(75 / value, 2);
    }
  });

  it("prints each meeting's share and date", () => {
    expect(values(svg)).toEqual(["≈ 78,6 %", "≈ 92,9 %", "≈ 64,3 %", "≈ 71,4 %", "≈ 71,4 %", "≈ 78,6 %"]);
    expect(findAll(svg, byClass("label")).map(textOf)).toContain("16 mars 2022");
    expect(desc(svg)).toContain("16 mars 2022 ≈ 64,3 %");
    expect(desc(svg)).toMatch(/; Mål 75 %$/);
  });
});

describe("line: several series over the years", () => {
  const chart = chartOf(
    reportCharts(buildStatementReport(norrbotten, { municipality: "Kalix", year: 2023 })),
    "line",
    /^Avgifter till nämnden/,
  );
  const svg = svgOf(chart);

  it("has the years as x labels, a point and its text per value, and a legend of the items", () => {
    expect(findAll(svg, byClass("x-label")).map(textOf)).toEqual(["2022", "2023"]);
    const points = chart.series.flatMap((s) => s.points);
    expect(findAll(svg, byClass("point"))).toHaveLength(points.length);
    expect(values(svg).sort()).toEqual(points.map((p) => p.text).sort());
    expect(findAll(svg, byClass("legend-item")).map(textOf)).toEqual(chart.series.map((s) => s.name));
    expect(desc(svg)).toContain("Grundfinansiering: 2022 76 100 kr, 2023 80 500 kr");
  });
});

describe("every kind", () => {
  const hostile = '<b>&"x"</b>';
  const kinds: Chart["kind"][] = ["horizontalBar", "verticalBar", "donut", "line"];

  it.each(kinds)("%s escapes every label and title", (kind) => {
    const chart: Chart = {
      ...chartOfRows(kind, [
        [hostile, "10"],
        ["B & C", "5"],
      ]),
      title: `Titel ${hostile}`,
      ...(kind === "verticalBar" ? { goal: { value: "7", text: "7 kr", label: `Mål ${hostile}` } } : {}),
    };
    const raw = renderChartSvg(chart);
    expect(raw).not.toContain("<b>");
    expect(raw).not.toMatch(/<script/i);
    const svg = parseSvg(raw);
    expect(textOf(only(findAll(svg, (e) => e.name === "title")))).toBe(`Titel ${hostile}`);
    expect(desc(svg)).toContain(hostile);
    const texts = findAll(svg, (e) => e.name === "text")
      .map(textOf)
      .join("\n");
    if (kind !== "line") expect(texts).toContain(hostile);
    expect(texts).toContain("10 kr");
  });

  it("draws bars monotone in the values and prints every value's text (property)", () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }))
      .filter(([kr, öre]) => kr + öre > 0)
      .map(([kr, öre]) => new Decimal(kr).plus(new Decimal(öre).dividedBy(100)).toFixed());
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...kinds),
        (amounts, kind) => {
          const rows = amounts.map((v, i): [string, string] => [`Kommun ${i}`, v]);
          const chart = chartOfRows(kind, rows);
          const svg = svgOf(chart);
          const printed = findAll(svg, (e) => e.name === "text")
            .map(textOf)
            .join("\n");
          for (const p of chart.series[0]?.points ?? []) expect(printed).toContain(p.text);
          if (kind !== "horizontalBar" && kind !== "verticalBar") return;
          const size = kind === "horizontalBar" ? "width" : "height";
          const bars = findAll(svg, byClass("bar")).map((b) => ({
            value: new Decimal(amounts[Number((b.attributes["data-label"] ?? "").split(" ")[1])] ?? NaN),
            length: attr(b, size),
          }));
          expect(bars).toHaveLength(amounts.length);
          for (const a of bars)
            for (const b of bars) {
              if (a.value.gt(b.value)) expect(a.length).toBeGreaterThanOrEqual(b.length);
              if (a.value.eq(b.value)) expect(a.length).toBeCloseTo(b.length, 1);
            }
        },
      ),
      { numRuns: 150 },
    );
  });
});
