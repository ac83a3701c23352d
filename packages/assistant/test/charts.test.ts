import { Decimal } from "@samverkan/domain";
import type { AdaptiveCard, CardChart, CardTable, Chart } from "@samverkan/reports";
import { chartElement, chartNumber, escapeCardText } from "@samverkan/reports";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../src/index.js";
// The reports package's card validator and Microsoft's chart schema, shared with its own tests.
import { unknownProperties } from "../../reports/test/teams-chart-schema.js";
import { charts, validateWithFallbacks } from "../../reports/test/validate-card.js";
import { datasets } from "./support.js";

const ask = (question: string): Answer => answer(question, { datasets, now: "2024-01-15" });

function cardOf(a: Answer): AdaptiveCard {
  return a.card as unknown as AdaptiveCard;
}

/** The card table's rows as cell texts (header and totals row left out; † marks removed). */
function tableRows(a: Answer): string[][] {
  const table = cardOf(a).body.find((e): e is CardTable => e.type === "Table");
  if (!table) throw new Error(`no table on the card of "${a.text.slice(0, 40)}"`);
  // The header and the totals row are the bold ones.
  const body = table.rows.filter((r) => {
    const first = r.cells[0]?.items[0];
    return !(first?.type === "TextBlock" && first.weight === "Bolder");
  });
  const rows = body.map((r) =>
    r.cells.map((c) => {
      const item = c.items[0];
      return item?.type === "TextBlock" ? item.text.replace(/ †$/, "") : "";
    }),
  );
  return rows;
}

function chartOf(a: Answer): Chart {
  if (!a.chart) throw new Error(`no chart: ${a.intent}`);
  return a.chart;
}

/** Every check a card with a chart passes: valid with fallbacks, the schema, the same numbers. */
function expectValidChartCard(a: Answer): CardChart {
  const card = cardOf(a);
  const [element, ...more] = charts(card);
  expect(more).toHaveLength(0);
  if (!element) throw new Error("no chart element on the card");
  expect(element).toEqual(chartElement(chartOf(a)));
  expect(unknownProperties(element)).toEqual([]);
  expect(JSON.stringify(card)).not.toMatch(/"key"\s*:/);
  validateWithFallbacks(card);
  const facts = element.fallback.type === "Container" ? element.fallback.items : [];
  const factSet = facts.find((x) => x.type === "FactSet");
  const points = chartOf(a).series.flatMap((s) => s.points);
  expect(factSet?.type === "FactSet" ? factSet.facts : []).toEqual(
    points.map((p) => ({ title: escapeCardText(p.label), value: escapeCardText(p.text) })),
  );
  return element;
}

/** The chart's points as [label, text], and the table's rows in the same two columns. */
function expectPointsAreRows(a: Answer, labelAt: number, valueAt: number, sorted: boolean): void {
  const points = chartOf(a).series.flatMap((s) => s.points.map((p) => [p.label, p.text]));
  const rows = tableRows(a)
    .map((r) => [r[labelAt] ?? "", r[valueAt] ?? ""])
    .filter(([, text]) => text !== "");
  const order = (xs: string[][]) =>
    sorted ? [...xs].sort((x, y) => (x[0] ?? "").localeCompare(y[0] ?? "")) : xs;
  expect(order(points)).toEqual(order(rows));
}

describe("answers with a chart on the card", () => {
  it("an item's split: horizontal bars of the table's rows, largest first", () => {
    for (const q of ["Hur fördelas e-arkivet 2023?", "How is the e-archive split in 2023?"]) {
      const a = ask(q);
      expect(a.intent).toBe("itemSplit");
      const c = chartOf(a);
      expect(c.kind).toBe("horizontalBar");
      expect(c.title).toBe(
        a.language === "sv" ? "E-arkiv 2023 per kommun" : "E-archive 2023 by municipality",
      );
      expect(c.series[0]?.points).toHaveLength(14);
      expect(c.series[0]?.points[0]).toMatchObject({ label: "Luleå", value: "97000" });
      const values = (c.series[0]?.points ?? []).map((p) => new Decimal(p.value));
      values.slice(1).forEach((v, i) => expect(v.lte(values[i] ?? v)).toBe(true));
      expectPointsAreRows(a, 0, 1, true);
      // Each bar is an amount of the answer, exact.
      for (const p of c.series[0]?.points ?? [])
        expect(a.amounts.some((x) => x.municipality === p.label && x.amount === p.value)).toBe(true);
      const e = expectValidChartCard(a);
      expect(e.type).toBe("Chart.HorizontalBar");
    }
  });

  it("what the municipalities pay for an item: the same bars", () => {
    const a = ask("Vad betalar kommunerna för e-arkiv 2023?");
    expect(a.intent).toBe("itemTotal");
    expect(chartOf(a).series[0]?.points.map((p) => p.text)).toContain("21 000 kr");
    expectPointsAreRows(a, 0, 1, true);
    expectValidChartCard(a);
  });

  it("a municipality's statement: a donut of its items", () => {
    for (const q of ["Visa kommunbeskedet för Kalix 2023", "Show the statement for Kalix 2023"]) {
      const a = ask(q);
      expect(a.intent).toBe("statement");
      const c = chartOf(a);
      expect(c.kind).toBe("donut");
      const points = c.series[0]?.points ?? [];
      expect(points[0]).toMatchObject({ value: "80500", text: "80 500 kr" });
      // The slices are the committee's items and add up to the statement's total.
      const total = a.amounts.find((x) => x.role === "statementTotal");
      expect(points.reduce((s, p) => s.plus(p.value), new Decimal(0)).toFixed()).toBe(total?.amount);
      const rows = tableRows(a).slice(0, points.length);
      expect(points.map((p) => [p.label, p.text])).toEqual(rows.map((r) => [r[0], r[1]]));
      expect(expectValidChartCard(a).type).toBe("Chart.Donut");
    }
  });

  it("attendance per meeting of a year: vertical bars with the 75 % goal", () => {
    for (const q of ["Hur var närvaron 2022?", "What was the attendance in 2022?"]) {
      const a = ask(q);
      expect(a.intent).toBe("attendance");
      const c = chartOf(a);
      expect(c.kind).toBe("verticalBar");
      expect(c.goal).toEqual({
        value: "75",
        text: "75 %",
        label: a.language === "sv" ? "Mål 75 %" : "Goal 75 %",
      });
      const recorded = a.meetings.filter((m) => m.attendance);
      expect(c.series[0]?.points).toHaveLength(recorded.length);
      expect(c.series[0]?.points[0]).toMatchObject({ value: "79", text: "≈ 79 %" });
      // The share the text says is the bar's.
      for (const p of c.series[0]?.points ?? []) expect(a.text).toContain(`(${p.text})`);
      expectPointsAreRows(a, 0, 3, false);
      const e = expectValidChartCard(a);
      if (e.type !== "Chart.VerticalBar") throw new Error(e.type);
      expect(e.title).toContain(a.language === "sv" ? "Mål 75 %" : "Goal 75 %");
      expect(e.data.map((d) => d.y)).toEqual((c.series[0]?.points ?? []).map((p) => chartNumber(p.value)));
    }
  });

  it("SkånEarkiv's caps per municipality (maximalt uttag): horizontal bars in tkr", () => {
    const a = ask("Maximalt uttag SkånEarkiv 2023");
    expect(a.intent).toBe("maxWithdrawal");
    const c = chartOf(a);
    expect(c).toMatchObject({ kind: "horizontalBar", unit: "tkr", title: "Maximalt uttag 2023 per kommun" });
    expect(c.series[0]?.points).toHaveLength(16);
    expect(c.series[0]?.points[0]).toMatchObject({ label: "Lund", value: "2293", text: "2 293 tkr" });
    expectPointsAreRows(a, 0, 1, true);
    expectValidChartCard(a);
  });

  it("answers about one amount have no chart", () => {
    expect(ask("Vad betalar Kalix för e-arkiv 2023?").chart).toBeUndefined();
    expect(ask("Vad är Lunds maximala uttag 2023?").chart).toBeUndefined();
    expect(charts(cardOf(ask("När är nästa sammanträde?")))).toHaveLength(0);
  });
});
