import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadBundledDataset } from "@samverkan/data";
import { describe, expect, it } from "vitest";
import { allocateCostItem, fromDecimal, runEngine } from "../src/index.js";

interface GoldenTable {
  id: string;
  kind: string;
  seed_file: string;
  year: number | string;
  rows: Record<string, number | string>;
}
const golden: { tables: GoldenTable[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../data/test/golden/tables.json", import.meta.url)), "utf8"),
);
const norrbotten = loadBundledDataset("norrbotten");
const skanearkiv = loadBundledDataset("skanearkiv");
const datasetOf = (g: GoldenTable) => (g.seed_file.startsWith("000") ? skanearkiv : norrbotten);

/** Tables where MODELS.md found no model: the dataset declares them as a fixed key. */
const FIXED_KEYS = new Set([
  "nb2022_etjansteplattform",
  "nb2022_raddningstjansten",
  "nb2023_raddningstjansten",
]);

describe("every published per-municipality table is reproduced to the krona by the dataset's rules", () => {
  const tables = golden.tables.filter((g) => g.kind === "per_municipality");

  it.each(
    tables.map(
      (g) =>
        [
          `${g.id}${FIXED_KEYS.has(g.id) ? " (fixed key: no model fits; the table is its own key)" : ""}`,
          g,
        ] as const,
    ),
  )("%s", (_name, g) => {
    const d = datasetOf(g);
    const table = d.publishedTables.find((t) => t.id === g.id);
    expect(table?.costItem, "the table names its cost item").toBeDefined();
    const result = allocateCostItem(d, table?.costItem ?? "", Number(g.year), { ignorePublished: true });
    const computed = Object.fromEntries(
      result.rows.map((r) => [r.municipality, Number(r.computed.toString())]),
    );
    expect(computed).toEqual(Object.fromEntries(Object.entries(g.rows).map(([m, v]) => [m, Number(v)])));
    if (FIXED_KEYS.has(g.id)) expect(result.model.type).toBe("fixedKey");
    else if (!["el_personalkostnad", "el_plattform"].includes(g.id))
      expect(result.model.type).not.toBe("fixedKey");
  });

  it("SkånEarkiv's class amounts are a fixed key (tiered classes); only the 2.5 % indexation is a model", () => {
    const r = allocateCostItem(skanearkiv, "maximalt-uttag", 2023);
    expect(r.model.type).toBe("tiered");
    expect(r.rows.every((x) => x.provenance === "published" && x.published?.matchesComputed)).toBe(true);
  });

  it("chained rounding (2.5 % on last year's rounded amount) would NOT reproduce 2023, which is why the base is unrounded", () => {
    const y2022 = allocateCostItem(skanearkiv, "maximalt-uttag", 2022).rows;
    const published2023 = allocateCostItem(skanearkiv, "maximalt-uttag", 2023).rows;
    const chained = y2022.map((r) => r.amount.times("1.025").toDecimalPlaces(0, 4 /* ROUND_HALF_UP */));
    const wrong = chained.filter((c, i) => !c.eq(published2023[i]?.amount ?? 0));
    expect(wrong.length).toBeGreaterThan(0);
  });

  it("SkånEarkiv's Andel is the population share (SCB 2019) rounded half-up to hundredths", () => {
    const vector = skanearkiv.population.find((v) => v.date === "2019-12-31");
    const participants = Object.entries(vector?.counts ?? {}).map(([municipality, p]) => ({
      municipality,
      population: BigInt(p),
    }));
    const r = runEngine({ type: "population", total: fromDecimal(100) }, participants, {
      year: 2021,
      rounding: { unit: 1, mode: "halfUp", total: "independent", period: "year" },
    });
    const andel = skanearkiv.publishedTables.find((t) => t.id === "sk_andel");
    for (const row of r.rows)
      expect(Number(row.amount) / 100).toBe(andel?.rows[row.municipality]?.toNumber());
  });
});

describe("Datacenter Norrbotten: two models fit, the dataset names one", () => {
  const item = norrbotten.costItems.find((x) => x.id === "datacenter-norrbotten");
  const rule = item?.years.find((y) => y.year === 2022)?.rule;

  it("the primary model is 50/50 on SCB 2019, 100 000 kr a month, rounded up per month", () => {
    expect(rule?.model).toMatchObject({ type: "mixed", populationYear: 2019 });
    expect(rule?.rounding).toMatchObject({ mode: "ceil", period: "month" });
  });

  it.each([2022, 2023])(
    "the documented alternative (SCB 2018, printed total, half-up per month) reproduces %i too",
    (year) => {
      const alt = rule?.alternatives[0];
      expect(alt).toBeDefined();
      if (!alt?.rounding) return;
      const r = allocateCostItem(norrbotten, "datacenter-norrbotten", year, {
        model: alt.model,
        rounding: alt.rounding,
      });
      const table = norrbotten.publishedTables.find(
        (t) => t.costItem === "datacenter-norrbotten" && t.year === year,
      );
      for (const row of r.rows) expect(row.computed.eq(table?.rows[row.municipality] ?? -1)).toBe(true);
    },
  );
});

describe("gaps the documents leave are computed and labelled as computed", () => {
  it("Verksamhetsutvecklare e-tjänster 2023 (991 800 kr, asked for in § 12) is split by the 2022 key and adds up to the budget", () => {
    const r = allocateCostItem(norrbotten, "Verksamhetsutvecklare e-tjänster", 2023);
    expect(r.rows.every((x) => x.provenance === "computed" && !x.published)).toBe(true);
    expect(r.rowSum.toString()).toBe("991800");
    expect(r.rows.map((x) => [x.municipality, x.amount.toNumber()])).toEqual([
      ["Arjeplog", 42300],
      ["Arvidsjaur", 48900],
      ["Boden", 90200],
      ["Gällivare", 70200],
      ["Haparanda", 55300],
      ["Jokkmokk", 46300],
      ["Kalix", 67100],
      ["Kiruna", 80300],
      ["Luleå", 184700],
      ["Pajala", 48600],
      ["Piteå", 116900],
      ["Älvsbyn", 52400],
      ["Överkalix", 43400],
      ["Övertorneå", 45200],
    ]);
    expect(r.rows.find((x) => x.municipality === "Kalix")?.explanation.sv).toBe(
      "Kalix, Verksamhetsutvecklare e-tjänster 2023: 991 800 kr × fördelningsnyckeln 63 400 / 937 200 (Budget 2022, Verksamhetsutvecklare e-tjänster) ≈ 67 093,60 kr, fördelat med största rest till hela hundratal kronor = 67 100 kr. Beräknat med en fast fördelningsnyckel, inte publicerat.",
    );
  });

  it("E-tjänsteplattform 2023 is computed from the 2022 key on the unchanged total", () => {
    const r = allocateCostItem(norrbotten, "e-tjänsteplattformen", 2023);
    expect(r.rows.every((x) => x.provenance === "computed")).toBe(true);
    const key = norrbotten.publishedTables.find((t) => t.id === "nb2022_etjansteplattform");
    for (const row of r.rows) expect(row.amount.eq(key?.rows[row.municipality] ?? -1)).toBe(true);
    expect(r.rows[0]?.explanation.en).toMatch(
      /^Arjeplog, E-service platform 2023: 1 046 900 kr × the allocation key 48 200 \/ 1 046 900 .* = 48 200 kr\. Computed with a fixed allocation key, not published\.$/,
    );
  });

  it("published amounts say where they were printed", () => {
    const r = allocateCostItem(norrbotten, "E-arkiv", 2023);
    const kalix = r.rows.find((x) => x.municipality === "Kalix");
    expect(kalix?.provenance).toBe("published");
    expect(kalix?.explanation.sv).toBe(
      "Kalix, E-arkiv 2023: 1,25 kr per invånare × 16 169 invånare (SCB 31 december 2017) = 20 211,25 kr, avrundat uppåt till hela tusental kronor = 21 000 kr. Publicerat i Budget 2023, Gemensamma tjänster 2023.",
    );
    expect(r.roundingSource).toBe("rule");
    expect(allocateCostItem(norrbotten, "Grundfinansiering", 2023).roundingSource).toBe(
      "collaborationDefault",
    );
  });
});
