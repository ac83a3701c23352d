import { Decimal } from "@samverkan/domain";
import { loadBundledDataset } from "@samverkan/data";
import { describe, expect, it } from "vitest";
import {
  AllocationError,
  allocateCostItem,
  buyIn,
  chargeForExtra,
  impliedIndexFactor,
  indexTotal,
  settle,
  whatIf,
} from "../src/index.js";

const nb = loadBundledDataset("norrbotten");

describe("what-if", () => {
  it("recomputes with a member removed and shows each member's difference", () => {
    const r = whatIf(nb, "E-arkiv", 2023, { remove: ["Luleå"] });
    const lulea = r.rows.find((x) => x.municipality === "Luleå");
    expect(lulea).toMatchObject({ after: null });
    expect(lulea?.before?.toNumber()).toBe(97000);
    expect(lulea?.difference.toNumber()).toBe(-97000);
    // A per-capita rate: the others' amounts do not change when Luleå leaves.
    expect(r.rows.filter((x) => x.municipality !== "Luleå").every((x) => x.difference.isZero())).toBe(true);
  });

  it("recomputes equal parts among fewer members: everyone else pays more", () => {
    const r = whatIf(nb, "Grundfinansiering", 2023, { remove: ["Kiruna"] });
    expect(r.rows.find((x) => x.municipality === "Kalix")?.after?.toNumber()).toBe(86700); // 1 127 000 / 13 = 86 692,31 → ceil 100
    expect(r.totalAfter.gte(1127000)).toBe(true);
  });

  it("recomputes with another model", () => {
    const r = whatIf(nb, "Grundfinansiering", 2023, {
      model: { type: "population", total: new Decimal(1127000), populationYear: 2020 },
    });
    const lulea = r.rows.find((x) => x.municipality === "Luleå");
    expect(lulea?.before?.toNumber()).toBe(80500);
    expect(lulea?.after?.gt(300000)).toBe(true);
    expect(r.after.rows.every((x) => x.provenance === "computed")).toBe(true);
  });

  it("refuses to add a member that already takes part, or to remove one that does not", () => {
    expect(() => whatIf(nb, "E-arkiv", 2023, { add: ["Kalix"] })).toThrow(AllocationError);
    expect(() => whatIf(nb, "E-arkiv", 2023, { remove: ["Lund"] })).toThrow("Lund deltar inte");
  });
});

describe("indexation", () => {
  it("compounds a fixed rate exactly", () => {
    expect(indexTotal("8541", { rate: "0.025" }, 2).toString()).toBe("8973.388125");
    expect(indexTotal("100", { name: "AKI", factor: "1.03" }).toString()).toBe("103");
  });

  it("shows the factor between two years' totals (Grundfinansiering 2022 → 2023)", () => {
    expect(impliedIndexFactor("1065400", "1127000").toString()).toBe("1.057819"); // 1.0578186… rounded to six places;
  });
});

describe("settlement: a surplus refunded by the same key", () => {
  it("refunds exactly the surplus, by each one's share of what was paid", () => {
    const paid = allocateCostItem(nb, "E-arkiv", 2023).rows.map((r) => ({
      municipality: r.municipality,
      amount: r.amount,
    }));
    const s = settle(paid, "300000");
    expect(s.surplus.toString()).toBe("22000");
    expect(s.rows.reduce((a, r) => a.plus(r.refund), new Decimal(0)).toString()).toBe("22000");
    expect(s.rows.find((r) => r.municipality === "Luleå")?.refund.toNumber()).toBe(6627); // 22 000 × 97 000 / 322 000 = 6 627,33
  });

  it("charges a deficit the same way, as negative refunds", () => {
    const s = settle(
      [
        { municipality: "A", amount: new Decimal(100) },
        { municipality: "B", amount: new Decimal(300) },
      ],
      "500",
    );
    expect(s.rows.map((r) => r.refund.toNumber())).toEqual([-25, -75]);
  });
});

describe("a late joiner's buy-in", () => {
  it("pays its population share of the investment, shared back to the original participants", () => {
    const b = buyIn(
      "368000",
      [
        { municipality: "A", population: 3000 },
        { municipality: "B", population: 1000 },
      ],
      { municipality: "C", population: 1000 },
    );
    expect(b.joinerPays.toNumber()).toBe(73600); // 368 000 × 1 000 / 5 000
    expect(b.refunds.map((r) => r.refund.toNumber())).toEqual([55200, 18400]);
  });
});

describe("extras", () => {
  const earkiv = nb.costItems.find((x) => x.id === "e-arkiv");
  it("storage at 84 kr/GB/år and the one-time start fee", () => {
    const storage = earkiv?.extras.find((e) => e.kind === "usagePrice");
    const fee = earkiv?.extras.find((e) => e.kind === "oneTimeFee");
    expect(storage && chargeForExtra(storage, "120.5").toString()).toBe("10122");
    expect(fee && chargeForExtra(fee).toString()).toBe("40000");
    expect(() => storage && chargeForExtra(storage)).toThrow("needs the quantity");
  });
});
