import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Chart, CardChart, CardElement, Report, ReportTable } from "../src/index.js";
import {
  answerCard,
  cardBytes,
  chartElement,
  chartFromTable,
  chartLeftOut,
  chartNumber,
  escapeCardText,
} from "../src/index.js";
import { builtReports } from "./fixtures/built-reports.js";
import { ALLOWED, asTeamsElement, declaredProperties, unknownProperties } from "./teams-chart-schema.js";
import { charts, validate, validateWithFallbacks, walk } from "./validate-card.js";

const reports = new Map(builtReports());
function tableOf(report: string, section: string): ReportTable {
  const table = (reports.get(report) as Report | undefined)?.sections.find((s) => s.title === section)?.table;
  if (!table) throw new Error(`no table ${section} in ${report}`);
  return table;
}

/** One chart of each kind, from the bundled data's own report tables. */
function realCharts(): Chart[] {
  const split = tableOf("allocation 2023 (Gemensamma tjänster)", "Fördelning 2023");
  const statement = tableOf("statement Kalix 2023", "Avgifter till nämnden 2023");
  const attendance = tableOf("attendance 2022", "Närvaro per sammanträde 2022");
  const caps = tableOf("max-withdrawal SkånEarkiv", "Maximalt uttag per kommun");
  return [
    chartFromTable(split, {
      kind: "horizontalBar",
      title: "E-arkiv 2023 per kommun",
      lang: "sv",
      labelColumn: "municipality",
      valueColumns: ["e-arkiv"],
    }),
    chartFromTable(statement, {
      kind: "donut",
      title: "Kalix 2023",
      lang: "sv",
      labelColumn: "item",
      valueColumns: ["amount"],
    }),
    chartFromTable(attendance, {
      kind: "verticalBar",
      title: "Närvaro 2022",
      lang: "sv",
      labelColumn: "date",
      valueColumns: ["rate"],
      goal: { value: "75", text: "75 %", label: "Mål 75 %" },
    }),
    chartFromTable(caps, {
      kind: "line",
      title: "Maximal uttag 2021–2023",
      lang: "sv",
      labelColumn: "municipality",
      valueColumns: ["y2021", "y2022", "y2023"],
    }),
  ];
}

function facts(e: CardChart): { title: string; value: string }[] {
  return [...walk([e.fallback])].flatMap((x) => (x.type === "FactSet" ? x.facts : []));
}

/** [label, y] of each drawn point, series after series. */
function drawn(e: CardChart): [string, number][] {
  switch (e.type) {
    case "Chart.HorizontalBar":
    case "Chart.VerticalBar":
      return e.data.map((d) => [d.x, d.y]);
    case "Chart.Donut":
      return e.data.map((d) => [d.legend, d.value]);
    case "Chart.Line":
      return e.data.flatMap((s) => s.values.map((v): [string, number] => [v.x, v.y]));
  }
}

function expectSameNumbers(chart: Chart, e: CardChart): void {
  const points = chart.series.flatMap((s) => s.points.map((p) => ({ s, p })));
  const f = facts(e);
  const d = drawn(e);
  expect(f).toHaveLength(points.length);
  expect(d).toHaveLength(points.length);
  points.forEach(({ s, p }, i) => {
    const label = chart.series.length > 1 ? `${s.name}, ${p.label}` : p.label;
    expect(f[i]).toEqual({ title: escapeCardText(label), value: escapeCardText(p.text) });
    expect(d[i]).toEqual([p.label, chartNumber(p.value)]);
  });
}

describe("chartElement", () => {
  const all = realCharts();

  it("makes each kind's Chart.* element, with a fallback carrying every exact text", () => {
    expect(all.map((c) => chartElement(c).type)).toEqual([
      "Chart.HorizontalBar",
      "Chart.Donut",
      "Chart.VerticalBar",
      "Chart.Line",
    ]);
    for (const chart of all) expectSameNumbers(chart, chartElement(chart));
    const [bars] = all;
    expect(bars && facts(chartElement(bars))[0]).toEqual({ title: "Luleå", value: "97 000 kr" });
  });

  it("puts the goal in the title and the fallback, and colours bars against it exactly", () => {
    const attendance = chartElement(all[2] as Chart);
    if (attendance.type !== "Chart.VerticalBar") throw new Error("not a vertical bar");
    expect(attendance.title).toBe("Närvaro 2022 · Mål 75 %");
    expect(JSON.stringify(attendance.fallback)).toContain("Mål 75 %");
    for (const d of attendance.data) expect(d.color).toBe(d.y >= 75 ? "good" : "attention");
  });

  it("fits Microsoft's chart schema (@microsoft/teams.cards) and has no key", () => {
    for (const chart of all) {
      const e = chartElement(chart);
      expect(asTeamsElement(e).type).toBe(e.type);
      expect(unknownProperties(e)).toEqual([]);
      expect(JSON.stringify(e)).not.toMatch(/"key"\s*:/);
    }
  });

  it("the allow-lists are exactly what core.d.ts declares, less key", () => {
    const require = createRequire(import.meta.url);
    const pkg = dirname(require.resolve("@microsoft/teams.cards/package.json"));
    const dts = readFileSync(join(pkg, "dist", "core.d.ts"), "utf8");
    for (const [name, allowed] of Object.entries(ALLOWED)) {
      const declared = declaredProperties(dts, name).filter((k) => k !== "key");
      expect([...allowed].sort(), name).toEqual(declared.sort());
    }
  });

  it("each chart's card is valid with the chart replaced by its fallback", () => {
    for (const chart of all) {
      const card = answerCard({ text: "Svar.", lang: "sv", chart });
      expect(charts(card)).toHaveLength(1);
      validateWithFallbacks(card);
      // The old validator does not know charts: it would reject the card as sent.
      expect(() => validate(card)).toThrow(/UnknownElementType/);
    }
  });

  it("property: one fact and one drawn value per point, for any chart", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
      .map(([n, scale]) => {
        const s = (n < 0n ? -n : n).toString().padStart(scale + 1, "0");
        const digits = scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
        return `${n < 0n ? "-" : ""}${digits}`;
      });
    const point = fc.record({ label: fc.string({ minLength: 1 }), value: decimal, text: fc.string() });
    const series = fc.record({ name: fc.string(), points: fc.array(point, { minLength: 1, maxLength: 20 }) });
    const chart = fc
      .record({
        kind: fc.constantFrom("horizontalBar", "verticalBar", "donut", "line" as const),
        lang: fc.constantFrom("sv", "en" as const),
        title: fc.string({ minLength: 1 }),
        unit: fc.constantFrom("kr", "tkr", "percent", "count" as const),
        many: fc.array(series, { minLength: 1, maxLength: 3 }),
        goal: fc.option(
          fc.record({ value: decimal, text: fc.string(), label: fc.string({ minLength: 1 }) }),
          {
            nil: undefined,
          },
        ),
      })
      .map(({ many, goal, ...rest }): Chart => {
        const seriesOf = rest.kind === "line" ? many : many.slice(0, 1);
        return { ...rest, series: seriesOf, ...(goal ? { goal } : {}) };
      });
    fc.assert(
      fc.property(chart, (c) => {
        const e = chartElement(c);
        expect(e.fallback).toBeDefined();
        expectSameNumbers(c, e);
        expect(unknownProperties(e)).toEqual([]);
      }),
    );
  });
});

describe("chartFromTable", () => {
  it("refuses a money cell in another unit than its column (kr and tkr on one axis)", () => {
    const table: ReportTable = {
      columns: [
        { key: "label", label: "Post", kind: "text" },
        { key: "amount", label: "Belopp", kind: "money", unit: "kr" },
      ],
      rows: [
        {
          cells: { label: { kind: "text", text: "A" }, amount: { kind: "money", value: "500", unit: "kr" } },
        },
        { cells: { label: { kind: "text", text: "B" }, amount: { kind: "money", value: "2", unit: "tkr" } } },
      ],
    };
    const options = {
      kind: "donut",
      title: "T",
      lang: "sv",
      labelColumn: "label",
      valueColumns: ["amount"],
    } as const;
    expect(() => chartFromTable(table, options)).toThrow(/in tkr, the column in kr/);
  });
});

describe("answerCard with a chart", () => {
  const [bars] = realCharts();
  if (!bars) throw new Error("no chart");
  const table = tableOf("allocation 2023 (Gemensamma tjänster)", "Fördelning 2023");

  it("places the chart right after the answer text", () => {
    const card = answerCard({ text: "Svar.", lang: "sv", title: "Rubrik", chart: bars, table });
    expect(card.body.map((e) => e.type).slice(0, 4)).toEqual([
      "TextBlock",
      "TextBlock",
      "Chart.HorizontalBar",
      "Table",
    ]);
    validateWithFallbacks(card);
  });

  it("drops the chart before the text when the card is too big, and says so", () => {
    const full = answerCard({ text: "Svar.", lang: "sv", chart: bars, table });
    const withoutChart = answerCard({ text: "Svar.", lang: "sv", table });
    const limit = cardBytes({ ...withoutChart, body: [...withoutChart.body, notice()] }) + 10;
    expect(cardBytes(full)).toBeGreaterThan(limit);
    const small = answerCard({ text: "Svar.", lang: "sv", chart: bars, table }, { maxBytes: limit });
    expect(charts(small)).toHaveLength(0);
    const texts = [...walk(small.body)].flatMap((e) => (e.type === "TextBlock" ? [e.text] : []));
    expect(texts).toContain("Svar.");
    expect(texts).toContain(escapeCardText(chartLeftOut("sv")));
    validateWithFallbacks(small);
  });

  it("leaves out a chart with no points", () => {
    const empty: Chart = { ...bars, series: [{ name: "x", points: [] }] };
    expect(charts(answerCard({ text: "Svar.", lang: "sv", chart: empty }))).toHaveLength(0);
  });
});

function notice(): CardElement {
  return { type: "TextBlock", text: escapeCardText(chartLeftOut("sv")), wrap: true, size: "Small" };
}
