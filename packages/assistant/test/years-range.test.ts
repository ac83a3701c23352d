import type { AdaptiveCard, CardTable, Chart } from "@samverkan/reports";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../src/index.js";
import { datasets, unsupportedAmounts } from "./support.js";

// Expected amounts from packages/data/test/golden/tables.json: Kalix E-arkiv 21 000 kr in 2022 and
// 2023 (nb2022/nb2023 Gemensamma tjänster); Lund's maximalt uttag 2 183, 2 238, 2 293 tkr (2021–2023).

const ask = (question: string): Answer => answer(question, { datasets, now: "2023-03-01" });

/** The card table's rows as cell texts, the bold header left out. */
function tableRows(a: Answer): string[][] {
  const card = a.card as unknown as AdaptiveCard;
  const table = card.body.find((e): e is CardTable => e.type === "Table");
  if (!table) throw new Error(`no table on the card of "${a.text.slice(0, 40)}"`);
  return table.rows
    .filter((r) => {
      const first = r.cells[0]?.items[0];
      return !(first?.type === "TextBlock" && first.weight === "Bolder");
    })
    .map((r) =>
      r.cells.map((c) => {
        const item = c.items[0];
        return item?.type === "TextBlock" ? item.text.replace(/ †$/, "") : "";
      }),
    );
}

function chartOf(a: Answer): Chart {
  if (!a.chart) throw new Error(`no chart: ${a.intent} "${a.text.slice(0, 60)}"`);
  return a.chart;
}

/** The chart's points as [label, text]: the table's rows, exact strings, in year order. */
function expectPointsAreRows(a: Answer): void {
  const points = chartOf(a).series.flatMap((s) => s.points.map((p) => [p.label, p.text]));
  expect(points).toEqual(tableRows(a).map((r) => [r[0] ?? "", r[1] ?? ""]));
}

const yearly = (a: Answer) =>
  a.amounts.filter((x) => x.role !== "change").map((x) => [x.municipality, x.year, x.amount, x.unit]);

describe("one municipality over several years", () => {
  it("Kalix E-arkiv 2022–2023: both years, the change, a per-year table and a line", () => {
    for (const q of [
      "Vad betalar Kalix för e-arkiv 2022–2023?",
      "Vad betalar Kalix för e-arkiv 2022-2023?",
      "Vad betalar Kalix för e-arkiv 2022 och 2023?",
      "Vad betalar Kalix för e-arkiv 2022 till 2023?",
    ]) {
      const a = ask(q);
      expect(a.intent, q).toBe("itemCost");
      expect(a.text, q).toBe(
        "Kalix betalar 21 000 kr för E-arkiv 2022 och 21 000 kr 2023. Förändring 2022–2023: ±0 kr.",
      );
      expect(yearly(a)).toEqual([
        ["Kalix", 2022, "21000", "kr"],
        ["Kalix", 2023, "21000", "kr"],
      ]);
      expect(a.amounts.filter((x) => x.role === "change").map((x) => x.amount)).toEqual(["0"]);
      expect(a.amounts.every((x) => x.role === "change" || x.provenance.kind === "published")).toBe(true);
      expect(unsupportedAmounts(a)).toEqual([]);
      expect(tableRows(a)).toEqual([
        ["2022", "21 000 kr"],
        ["2023", "21 000 kr"],
      ]);
      const c = chartOf(a);
      expect(c.kind).toBe("line");
      expect(c.title).toBe("Kalix, E-arkiv 2022–2023");
      expect(c.unit).toBe("kr");
      expect(c.series).toHaveLength(1);
      expectPointsAreRows(a);
      expect(c.series[0]?.points.map((p) => p.value)).toEqual(["21000", "21000"]);
      expect(c.series[0]?.points.every((p) => p.provenance === "published")).toBe(true);
    }
  });

  it("Lund's maximalt uttag 2021–2023: three exact tkr values from the data", () => {
    for (const q of ["Vad betalar Lund för e-arkivet 2021-2023?", "Maximalt uttag för Lund 2021–2023"]) {
      const a = ask(q);
      expect(a.intent, q).toBe("maxWithdrawal");
      expect(a.text, q).toContain(
        "Lunds maximala uttag är 2 183 tkr 2021, 2 238 tkr 2022 och 2 293 tkr 2023.",
      );
      expect(a.text).toContain("2021–2022 +55 tkr, 2022–2023 +55 tkr; hela perioden 2021–2023 +110 tkr");
      expect(yearly(a)).toEqual([
        ["Lund", 2021, "2183", "tkr"],
        ["Lund", 2022, "2238", "tkr"],
        ["Lund", 2023, "2293", "tkr"],
      ]);
      expect(unsupportedAmounts(a)).toEqual([]);
      expect(tableRows(a)).toEqual([
        ["2021", "2 183 tkr"],
        ["2022", "2 238 tkr"],
        ["2023", "2 293 tkr"],
      ]);
      expect(chartOf(a).title).toBe("Lund, Maximalt uttag 2021–2023");
      expect(chartOf(a).unit).toBe("tkr");
      expectPointsAreRows(a);
    }
  });

  it("in English: the same years and amounts, English headings and title", () => {
    const a = ask("What did Kalix pay for the e-archive 2022–2023?");
    expect(a.language).toBe("en");
    expect(a.text).toBe(
      "Kalix pays 21 000 kr for E-archive in 2022 and 21 000 kr in 2023. Change 2022–2023: ±0 kr.",
    );
    expect(chartOf(a).title).toBe("Kalix, E-archive 2022–2023");
    expect(JSON.stringify(a.card)).toContain('"Year"');
    expect(JSON.stringify(a.card)).toContain('"Amount"');
    expectPointsAreRows(a);

    const lund = ask("What is Lund's maximum withdrawal from 2021 to 2023?");
    expect(lund.text).toContain(
      "Lund's maximum withdrawal is 2 183 tkr in 2021, 2 238 tkr in 2022 and 2 293 tkr in 2023.",
    );
    expect(chartOf(lund).title).toBe("Lund, Maximum withdrawal 2021–2023");
    expectPointsAreRows(lund);
  });

  it("a year the data does not hold is named as missing and left out of the table and chart", () => {
    const a = ask("Vad har Kalix betalat för e-arkiv 2021–2023?");
    expect(a.text).toBe(
      "Kalix betalar 21 000 kr för E-arkiv 2022 och 21 000 kr 2023. Förändring 2022–2023: ±0 kr. E-arkiv har ingen fördelning för 2021 i datat.",
    );
    expect(a.text).not.toContain("att jämföra med");
    expect(a.amounts.some((x) => x.year === 2021)).toBe(false);
    expect(tableRows(a).map((r) => r[0])).toEqual(["2022", "2023"]);
    expect(chartOf(a).series[0]?.points.map((p) => p.label)).toEqual(["2022", "2023"]);

    const en = ask("What did Kalix pay for the e-archive from 2021 to 2023?");
    expect(en.text).toContain("E-archive has no allocation for 2021 in the data.");
    expect(en.amounts.some((x) => x.year === 2021)).toBe(false);
  });

  it("fewer than two years with an amount: the one-year answer, the missing years said", () => {
    const a = ask("Vad betalar Kalix för e-arkiv 2023–2025?");
    expect(a.text.startsWith("Kalix betalar 21 000 kr för E-arkiv 2023.")).toBe(true);
    expect(a.text).toContain("E-arkiv har ingen fördelning för 2024 och 2025 i datat.");
    expect(a.chart).toBeUndefined();
    expect(yearly(a)).toEqual([["Kalix", 2023, "21000", "kr"]]);
  });

  it("the municipality's total over the years", () => {
    const a = ask("Vad betalar Kalix totalt 2021 till 2023?");
    expect(a.intent).toBe("statement");
    expect(a.text).toContain("386 100 kr totalt till Norrbottens e-nämnd 2022 och 537 100 kr 2023");
    expect(a.text).toContain("Förändring 2022–2023: +151 000 kr.");
    expect(a.text).toContain("Kalix har ingen budgeterad fördelning för 2021 i datat.");
    expect(unsupportedAmounts(a)).toEqual([]);
    expect(tableRows(a)).toEqual([
      ["2022", "386 100 kr"],
      ["2023", "537 100 kr"],
    ]);
    expect(chartOf(a).title).toBe("Kalix, totalt 2022–2023");
    expectPointsAreRows(a);
  });

  it("keeps the one-year answer and the comparison", () => {
    const one = ask("Vad betalar Kalix för e-arkiv 2023?");
    expect(one.text.startsWith("Kalix betalar 21 000 kr för E-arkiv 2023.")).toBe(true);
    expect(one.chart).toBeUndefined();
    const compared = ask("Vad betalar Kalix för e-arkiv 2023 jämfört med 2022?");
    expect(compared.text).toContain("Jämfört med 2022: Kalix 2022: 21 000 kr, förändring ±0 kr.");
    expect(compared.chart).toBeUndefined();
    const changed = ask("Hur har Kalix kostnader förändrats från 2022 till 2023?");
    expect(changed.text).toContain("Jämfört med 2022 ändras summan med +151 000 kr");
  });
});

// Landskrona's maximalt uttag 839, 860, 881 tkr and Lund's 2 183, 2 238, 2 293 tkr (sk_max_uttag_2021–2023);
// Luleå E-arkiv 97 000 kr in 2022 and 2023; Datacenter Norrbotten's Kalix row 81 600 kr (nb2022/nb2023).
describe("several municipalities or items over several years", () => {
  it("Kalix and Luleå E-arkiv 2021–2023: every year for both, none dropped, a column and a line each", () => {
    const a = ask("Vad betalar Kalix och Luleå för e-arkiv 2021–2023?");
    expect(a.intent).toBe("itemCost");
    expect(a.text).toBe(
      "Kalix betalar 21 000 kr för E-arkiv 2022 och 21 000 kr 2023. Förändring 2022–2023: ±0 kr. " +
        "E-arkiv har ingen fördelning för 2021 i datat.\n\n" +
        "Luleå betalar 97 000 kr för E-arkiv 2022 och 97 000 kr 2023. Förändring 2022–2023: ±0 kr. " +
        "E-arkiv har ingen fördelning för 2021 i datat.",
    );
    expect(yearly(a)).toEqual([
      ["Kalix", 2022, "21000", "kr"],
      ["Kalix", 2023, "21000", "kr"],
      ["Luleå", 2022, "97000", "kr"],
      ["Luleå", 2023, "97000", "kr"],
    ]);
    expect(unsupportedAmounts(a)).toEqual([]);
    expect(tableRows(a)).toEqual([
      ["2022", "21 000 kr", "97 000 kr"],
      ["2023", "21 000 kr", "97 000 kr"],
    ]);
    const chart = chartOf(a);
    expect(chart.kind).toBe("line");
    expect(chart.series.map((s) => [s.name, s.points.map((p) => [p.label, p.text])])).toEqual([
      [
        "Kalix",
        [
          ["2022", "21 000 kr"],
          ["2023", "21 000 kr"],
        ],
      ],
      [
        "Luleå",
        [
          ["2022", "97 000 kr"],
          ["2023", "97 000 kr"],
        ],
      ],
    ]);
  });

  it("SkånEarkiv's caps for Lund and Landskrona 2021–2023, in English too", () => {
    const sv = ask("Vad är maxuttaget för Lund och Landskrona 2021-2023?");
    expect(sv.intent).toBe("maxWithdrawal");
    expect(yearly(sv)).toEqual([
      ["Lund", 2021, "2183", "tkr"],
      ["Lund", 2022, "2238", "tkr"],
      ["Lund", 2023, "2293", "tkr"],
      ["Landskrona", 2021, "839", "tkr"],
      ["Landskrona", 2022, "860", "tkr"],
      ["Landskrona", 2023, "881", "tkr"],
    ]);
    expect(tableRows(sv)).toEqual([
      ["2021", "2 183 tkr", "839 tkr"],
      ["2022", "2 238 tkr", "860 tkr"],
      ["2023", "2 293 tkr", "881 tkr"],
    ]);
    const en = ask("What is the maximum withdrawal for Lund and Landskrona 2021 to 2023?");
    expect(yearly(en)).toEqual(yearly(sv));
    expect(en.text).toContain(
      "Landskrona's maximum withdrawal is 839 tkr in 2021, 860 tkr in 2022 and 881 tkr in 2023.",
    );
  });

  it("one municipality, two items over two years: a paragraph and a column per item", () => {
    const a = ask("Vad betalar Kalix för e-arkiv och datacenter 2022–2023?");
    expect(a.text.split("\n\n")).toEqual([
      "Kalix betalar 21 000 kr för E-arkiv 2022 och 21 000 kr 2023. Förändring 2022–2023: ±0 kr.",
      "Kalix betalar 81 600 kr för Datacenter Norrbotten 2022 och 81 600 kr 2023. Förändring 2022–2023: ±0 kr.",
    ]);
    expect(unsupportedAmounts(a)).toEqual([]);
    expect(tableRows(a)).toEqual([
      ["2022", "21 000 kr", "81 600 kr"],
      ["2023", "21 000 kr", "81 600 kr"],
    ]);
  });

  it("an item's split over the years: each year's split, and the municipalities by year on the card", () => {
    const a = ask("Hur fördelas e-arkivet 2022–2023?");
    expect(a.intent).toBe("itemSplit");
    const [first, second, ...more] = a.text.split("\n\n");
    expect(more).toEqual([]);
    expect(first).toMatch(/^E-arkiv 2022 fördelas mellan 14 kommuner\./);
    expect(second).toMatch(/^E-arkiv 2023 fördelas mellan 14 kommuner\./);
    expect(unsupportedAmounts(a)).toEqual([]);
    expect(a.amounts.filter((x) => x.municipality === "Luleå").map((x) => [x.year, x.amount])).toEqual([
      [2022, "97000"],
      [2023, "97000"],
    ]);
    const rows = tableRows(a);
    expect(rows).toHaveLength(14);
    expect(rows).toContainEqual(["Luleå", "97 000 kr", "97 000 kr"]);
    expect(JSON.stringify(a.card)).toMatch(/"Summa".*"322 000 kr".*"322 000 kr"/);
  });

  it("an item's total over the years: every year asked, the missing one said", () => {
    const a = ask("Vad kostar e-arkivet 2021–2023?");
    expect(a.intent).toBe("itemTotal");
    expect(a.text).toContain("E-arkiv har ingen fördelning för 2021 i datat");
    expect(a.text).toContain("E-arkiv 2022 kostar totalt 322 000 kr");
    expect(a.text).toContain("E-arkiv 2023 kostar totalt 322 000 kr");
    expect(tableRows(a)).toEqual([
      ["2022", "322 000 kr"],
      ["2023", "322 000 kr"],
    ]);
    expectPointsAreRows(a);
  });

  it("why an amount, and attendance, over two years: each year answered on its own", () => {
    const why = ask("Varför betalar Kalix 21 000 kr för e-arkiv 2022 och 2023?");
    expect(why.intent).toBe("explainAmount");
    const [y2022, y2023] = why.text.split("\n\n");
    expect(y2022).toMatch(/^Kalix betalar 21 000 kr för E-arkiv 2022\. .*16 169 invånare/);
    expect(y2023).toMatch(/^Kalix betalar 21 000 kr för E-arkiv 2023\. /);
    expect(unsupportedAmounts(why)).toEqual([]);
    const attended = ask("Hur var närvaron 2022 och 2023?");
    expect(attended.intent).toBe("attendance");
    expect(attended.text).toContain("Nämndens sammanträde onsdag 16 mars 2022");
    expect(attended.text).toContain("Det finns ingen registrerad närvaro för 2023 i datat.");
  });

  it("SkånEarkiv's caps for every member 2021–2023: each year's total, the members by year on the card", () => {
    const a = ask("Maximalt uttag SkånEarkiv 2021–2023");
    expect(a.intent).toBe("maxWithdrawal");
    expect(a.text.split("\n\n").map((p) => p.slice(0, 42))).toEqual([
      "Maximalt uttag 2021 kostar totalt 8 541 tk",
      "Maximalt uttag 2022 kostar totalt 8 757 tk",
      "Maximalt uttag 2023 kostar totalt 8 970 tk",
    ]);
    const rows = tableRows(a);
    expect(rows).toHaveLength(16);
    expect(rows).toContainEqual(["Lund", "2 183 tkr", "2 238 tkr", "2 293 tkr"]);
    expect(rows).toContainEqual(["Landskrona", "839 tkr", "860 tkr", "881 tkr"]);
    expect(unsupportedAmounts(a)).toEqual([]);
  });

  it("never answers some of the years asked as if they were all: every year is answered or said to be missing", () => {
    for (const [q, years] of [
      ["Vad betalar Kalix och Luleå för e-arkiv 2021–2023?", [2021, 2022, 2023]],
      ["Vad betalar Kalix och Luleå totalt 2021 till 2023?", [2021, 2022, 2023]],
      ["Hur fördelas datacentret 2021-2023?", [2021, 2022, 2023]],
      ["Vad kostar grundfinansieringen 2022 och 2023?", [2022, 2023]],
      ["What do Boden and Piteå pay for the e-archive from 2021 to 2023?", [2021, 2022, 2023]],
    ] as const) {
      const a = ask(q);
      expect(a.intent, q).not.toBe("unknown");
      const answered = new Set(a.amounts.map((x) => x.year));
      for (const year of years)
        expect(answered.has(year) || a.text.includes(String(year)), `${q}: ${year}`).toBe(true);
      expect(unsupportedAmounts(a), q).toEqual([]);
    }
  });
});
