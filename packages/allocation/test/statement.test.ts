import { loadBundledDataset } from "@samverkan/data";
import { Decimal, type CostItem, type Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { allocateCostItem, AllocationError, municipalityStatement } from "../src/index.js";

const norrbotten = loadBundledDataset("norrbotten");
const skanearkiv = loadBundledDataset("skanearkiv");

/** A cell of a bundled published table (packages/data/data/<collaboration>/published-tables.yaml). */
function printed(d: Dataset, tableId: string, municipality: string): string | undefined {
  return d.publishedTables.find((t) => t.id === tableId)?.rows[municipality]?.toFixed();
}

function thrown(f: () => unknown): AllocationError {
  try {
    f();
  } catch (error) {
    if (error instanceof AllocationError) return error;
    throw error;
  }
  throw new Error("expected an AllocationError");
}

describe("municipalityStatement: Kalix 2023 (Norrbottens e-nämnd)", () => {
  const s = municipalityStatement(norrbotten, "Kalix", 2023);
  const line = (id: string) => [...s.items, ...s.billedBySupplier].find((l) => l.costItem.id === id);

  it("lists every budgeted item Kalix pays, with the exact amounts", () => {
    expect(s.municipality).toBe("Kalix");
    expect(s.year).toBe(2023);
    expect(s.collaboration).toEqual({
      id: "norrbotten",
      name: "Norrbottens e-nämnd",
      nameEn: "The Norrbotten e-committee",
    });
    expect(s.items.map((l) => [l.costItem.name, l.amount.toFixed(), l.unit, l.provenance])).toEqual([
      ["Grundfinansiering", "80500", "kr", "published"],
      ["Verksamhetsutvecklare e-tjänster", "67100", "kr", "computed"],
      ["Förvaltningsledare verksamhetssystem SOC", "194700", "kr", "published"],
      ["ECO-system grundplattform", "34300", "kr", "published"],
      ["E-tjänsteplattform", "72000", "kr", "computed"],
      ["Räddningstjänsten verksamhetssystem", "67500", "kr", "published"],
      ["E-arkiv", "21000", "kr", "published"],
    ]);
  });

  it("takes the published amounts from the printed 2023 tables", () => {
    const tables: Record<string, string> = {
      grundfinansiering: "nb2023_grundfinansiering",
      "forvaltningsledare-soc": "nb2023_eco_forvaltning",
      "eco-grundplattform": "nb2023_eco_grundplattform",
      "raddningstjanstens-verksamhetssystem": "nb2023_raddningstjansten",
      "e-arkiv": "nb2023_earkiv",
      "datacenter-norrbotten": "nb2023_datacenter_grundplattform",
    };
    for (const [id, table] of Object.entries(tables)) {
      const l = line(id);
      expect(l?.provenance, id).toBe("published");
      expect(l?.amount.toFixed(), id).toBe(printed(norrbotten, table, "Kalix"));
      expect(l?.row.published?.tableId, id).toBe(table);
    }
  });

  it("computes the items with no 2023 table exactly as allocateCostItem does", () => {
    for (const id of ["verksamhetsutvecklare-e-tjanster", "e-tjansteplattform"]) {
      const row = allocateCostItem(norrbotten, id, 2023).rows.find((r) => r.municipality === "Kalix");
      expect(line(id)?.provenance, id).toBe("computed");
      expect(line(id)?.amount.eq(row?.amount ?? -1), id).toBe(true);
      expect(line(id)?.explanation, id).toEqual(row?.explanation);
    }
    expect(line("verksamhetsutvecklare-e-tjanster")?.amount.toFixed()).toBe("67100");
    expect(line("e-tjansteplattform")?.amount.toFixed()).toBe("72000");
  });

  it("carries the explanation and the allocation's model and rounding", () => {
    expect(line("e-arkiv")?.explanation.sv).toBe(
      "Kalix, E-arkiv 2023: 1,25 kr per invånare × 16 169 invånare (SCB 31 december 2017) = 20 211,25 kr, avrundat uppåt till hela tusental kronor = 21 000 kr. Publicerat i Budget 2023, Gemensamma tjänster 2023.",
    );
    expect(line("grundfinansiering")?.allocation).toMatchObject({
      roundingSource: "collaborationDefault",
      model: { type: "equal" },
    });
  });

  it("lists Datacenter Norrbotten apart, as billed by the supplier, and leaves it out of the total", () => {
    expect(s.billedBySupplier.map((l) => [l.costItem.name, l.amount.toFixed(), l.provenance])).toEqual([
      ["Datacenter Norrbotten", "81600", "published"],
    ]);
    expect(s.billedBySupplier[0]?.costItem.category).toBe("billedBySupplier");
    expect(s.items.some((l) => l.costItem.category === "billedBySupplier")).toBe(false);
    expect(s.billedBySupplierNote.sv).toContain("Faktureras direkt av leverantören");
    // 80 500 + 67 100 + 194 700 + 34 300 + 72 000 + 67 500 + 21 000
    expect(s.total.map((t) => [t.amount.toFixed(), t.unit])).toEqual([["537100", "kr"]]);
    expect(s.totalIncludingSupplier.map((t) => [t.amount.toFixed(), t.unit])).toEqual([["618700", "kr"]]);
  });

  it("lists the extras (E-arkiv's start fee and storage price) without adding them", () => {
    const earkiv = s.extras.filter((x) => x.costItem.id === "e-arkiv");
    expect(earkiv.map((x) => [x.kind, x.name, x.amount.toFixed(), x.unit, x.per])).toEqual([
      ["oneTimeFee", "Engångskostnad vid uppstart", "40000", "kr", "kommun vid uppstart"],
      ["usagePrice", "Lagring och backup", "84", "kr", "GB/år"],
    ]);
    expect(s.extras.filter((x) => x.costItem.id === "e-tjansteplattform").map((x) => x.kind)).toEqual([
      "transactionCost",
      "transactionCost",
    ]);
    expect(s.total[0]?.amount.toFixed()).toBe("537100");
  });

  it("gives the change from 2022: Grundfinansiering 76 100 → 80 500 = +4 400 kr", () => {
    const change = line("grundfinansiering")?.change;
    expect(change?.previousYear).toBe(2022);
    expect(change?.previous.toFixed()).toBe("76100");
    expect(change?.amount.toFixed()).toBe("4400");
    // 4 400 / 76 100 does not terminate: the percent is rounded to 10 decimals and says so.
    expect(change?.percent).toEqual({ value: new Decimal("5.7818659658"), exact: false });
    expect(line("e-arkiv")?.change).toMatchObject({ amount: new Decimal(0), percent: { exact: true } });
    expect(line("e-arkiv")?.change?.percent?.value.isZero()).toBe(true);
    // Computed in 2022 (no table), published in 2023.
    expect(line("forvaltningsledare-soc")?.change?.previous.toFixed()).toBe("62700");
    expect(line("forvaltningsledare-soc")?.change?.previousProvenance).toBe("computed");
    expect(change?.previousProvenance).toBe("published");
    expect(line("forvaltningsledare-soc")?.change?.amount.toFixed()).toBe("132000");
  });

  it("has no change where there is no allocation the year before (ECO-system grundplattform starts 2023)", () => {
    expect(line("eco-grundplattform")?.change).toBeNull();
  });
});

describe("municipalityStatement: what is not a charge", () => {
  it("leaves out proposed items (the e-learning cost calculation) and keeps the budgeted project", () => {
    const s = municipalityStatement(norrbotten, "Kalix", 2022);
    const ids = s.items.map((l) => l.costItem.id);
    expect(ids).toContain("hr-forstudie");
    expect(ids.filter((id) => id.startsWith("e-learning"))).toEqual([]);
    expect(s.items.every((l) => l.change === null)).toBe(true);
    expect(s.total.map((t) => t.amount.toFixed())).toEqual(["386100"]);
  });
});

describe("municipalityStatement: SkånEarkiv (tkr)", () => {
  it("keeps the amounts in tkr and totals them as tkr", () => {
    const s = municipalityStatement(skanearkiv, "Horby", 2023);
    expect(s.municipality).toBe("Hörby");
    expect(s.items.map((l) => [l.costItem.name, l.amount.toFixed(), l.unit, l.provenance])).toEqual([
      ["Maximalt uttag", printed(skanearkiv, "sk_max_uttag_2023", "Hörby"), "tkr", "published"],
    ]);
    expect(s.items[0]?.amount.toFixed()).toBe("327");
    expect(s.items[0]?.change?.previous.toFixed()).toBe("319");
    expect(s.items[0]?.change?.amount.toFixed()).toBe("8");
    expect(s.total.map((t) => [t.amount.toFixed(), t.unit])).toEqual([["327", "tkr"]]);
    expect(s.billedBySupplier).toEqual([]);
  });

  it("never adds kr and tkr: a dataset with both gets one total per unit", () => {
    const grund = norrbotten.costItems.find((x) => x.id === "grundfinansiering") as CostItem;
    const year = grund.years.find((y) => y.year === 2023) as CostItem["years"][number];
    const inTkr: CostItem = {
      ...grund,
      id: "i-tkr",
      name: "I tkr",
      synonyms: [],
      years: [
        {
          ...year,
          unit: "tkr",
          rule: {
            ...(year.rule as NonNullable<typeof year.rule>),
            unit: "tkr",
            model: { type: "equal", total: new Decimal(28) },
            rounding: { unit: 1, mode: "halfUp", total: "independent", period: "year" },
          },
        },
      ],
    };
    const d: Dataset = { ...norrbotten, costItems: [...norrbotten.costItems, inTkr] };
    const s = municipalityStatement(d, "Kalix", 2023);
    expect(s.items.at(-1)?.amount.toFixed()).toBe("2");
    expect(s.total.map((t) => [t.amount.toFixed(), t.unit])).toEqual([
      ["537100", "kr"],
      ["2", "tkr"],
    ]);
    expect(s.totalIncludingSupplier.map((t) => [t.amount.toFixed(), t.unit])).toEqual([
      ["618700", "kr"],
      ["2", "tkr"],
    ]);
  });
});

describe("municipalityStatement: errors", () => {
  it("refuses an unknown municipality with the closest names", () => {
    const e = thrown(() => municipalityStatement(norrbotten, "Kalx", 2023));
    expect(e.message).toBe('Okänd kommun "Kalx" i Norrbottens e-nämnd');
    expect(e.suggestions).toEqual(["Kalix"]);
  });

  it("matches names as people type them", () => {
    expect(municipalityStatement(norrbotten, "overkalix", 2023).municipality).toBe("Överkalix");
    expect(municipalityStatement(norrbotten, "2514", 2023).municipality).toBe("Kalix");
  });

  it("refuses a year with no allocation and gives the years there are", () => {
    const e = thrown(() => municipalityStatement(norrbotten, "Kalix", 2030));
    expect(e.message).toBe("Kalix har ingen budgeterad fördelning för 2030; det finns för 2022, 2023");
    expect(e.suggestions).toEqual(["2022", "2023"]);
  });
});
