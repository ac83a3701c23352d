import { describe, expect, it } from "vitest";
import {
  apportion,
  fromDecimal,
  rational,
  roundToUnit,
  runEngine,
  toDecimal,
  type EngineParticipant,
} from "../src/index.js";

const year = (
  unit: 1 | 100 | 1000,
  mode: "ceil" | "floor" | "halfUp" | "halfEven",
  total: "independent" | "largestRemainder" = "independent",
) => ({
  year: 2023,
  rounding: { unit, mode, total, period: "year" as const },
});
const amounts = (r: ReturnType<typeof runEngine>) => r.rows.map((x) => Number(x.amount));

describe("rounding", () => {
  it.each([
    ["ceil", [20211.25, 21000], [20000, 20000], [20000.01, 21000]],
    ["floor", [20211.25, 20000], [20999.99, 20000], [21000, 21000]],
    ["halfUp", [20500, 21000], [20499.99, 20000], [21499, 21000]],
    ["halfEven", [20500, 20000], [21500, 22000], [20500.01, 21000]],
  ] as const)("%s to whole thousands", (mode, ...cases) => {
    for (const [x, want] of cases) expect(Number(roundToUnit(fromDecimal(String(x)), 1000, mode))).toBe(want);
  });

  it("decides a boundary exactly, where floats would not: 0.1 + 0.2 kr × 1000 is 300, not 300.00000000000006", () => {
    const x = rational(3n, 10n); // 0.3 exactly
    expect(Number(roundToUnit({ num: x.num * 1000n, den: x.den }, 100, "ceil"))).toBe(300);
  });
});

describe("largest remainder (Hamilton)", () => {
  it("splits 100 kr 1:1:1 as 34/33/33 and says who got the extra krona", () => {
    const third = rational(100n, 3n);
    expect(
      apportion([third, third, third], ["A", "B", "C"], {
        unit: 1,
        mode: "halfUp",
        total: "largestRemainder",
      }),
    ).toEqual({
      amounts: [34n, 33n, 33n],
      extraUnitTo: [0],
      target: 100n,
    });
  });

  it("splits 100 kr 2:3:1 as 33/50/17 (brick/money's example), where independent half-up gives 33/50/17 too", () => {
    const q = [rational(200n, 6n), rational(300n, 6n), rational(100n, 6n)];
    expect(
      apportion(q, ["A", "B", "C"], { unit: 1, mode: "halfUp", total: "largestRemainder" }).amounts,
    ).toEqual([33n, 50n, 17n]);
  });

  it("breaks equal remainders by the larger quota, then by Swedish alphabetical order", () => {
    const r = apportion(
      [rational(50n), rational(50n)],
      ["Älvsbyn", "Arjeplog"],
      { unit: 100, mode: "halfUp", total: "largestRemainder" },
      rational(100n),
    );
    expect(r.amounts).toEqual([0n, 100n]); // A before Ä in Swedish
  });
});

describe("models", () => {
  const three: EngineParticipant[] = [
    { municipality: "A", population: 1000n },
    { municipality: "B", population: 2000n },
    { municipality: "C", population: 7000n },
  ];

  it("equal split", () => {
    expect(amounts(runEngine({ type: "equal", total: fromDecimal(300) }, three, year(1, "halfUp")))).toEqual([
      100, 100, 100,
    ]);
  });

  it("population share", () => {
    expect(
      amounts(runEngine({ type: "population", total: fromDecimal(1000) }, three, year(1, "halfUp"))),
    ).toEqual([100, 200, 700]);
  });

  it("mixed: 50/50 and any other weight", () => {
    const r = runEngine(
      { type: "mixed", total: fromDecimal(600), equalWeight: fromDecimal("0.5") },
      three,
      year(1, "halfUp"),
    );
    expect(amounts(r)).toEqual([130, 160, 310]);
    expect(toDecimal(r.rows[0]?.equalPart ?? rational(0n)).toString()).toBe("100");
    expect(
      amounts(
        runEngine(
          { type: "mixed", total: fromDecimal(1000), equalWeight: fromDecimal("0.1") },
          three,
          year(1, "halfUp"),
        ),
      ),
    ).toEqual([123, 213, 663]);
  });

  it("affine: a fixed amount each and the rest by population", () => {
    expect(
      amounts(
        runEngine(
          { type: "affine", total: fromDecimal(1300), fixedPerMember: fromDecimal(100) },
          three,
          year(1, "halfUp"),
        ),
      ),
    ).toEqual([200, 300, 800]);
    expect(() =>
      runEngine(
        { type: "affine", total: fromDecimal(100), fixedPerMember: fromDecimal(100) },
        three,
        year(1, "halfUp"),
      ),
    ).toThrow(/fixed amounts exceed the total/);
  });

  it("per-capita rate", () => {
    const r = runEngine(
      { type: "perCapita", ratePerInhabitant: fromDecimal("1.25") },
      three,
      year(1000, "ceil"),
    );
    expect(amounts(r)).toEqual([2000, 3000, 9000]);
    expect(toDecimal(r.underlyingTotal).toString()).toBe("12500");
  });

  it("monthly amounts: compute a month, round it, × 12", () => {
    const r = runEngine({ type: "equal", total: fromDecimal(1000) }, three, {
      year: 2023,
      rounding: { unit: 1, mode: "ceil", total: "independent", period: "month" },
    });
    expect(amounts(r)).toEqual([336, 336, 336]); // 27.78 → 28 a month
    expect(r.rows[0]?.monthly?.amount).toBe(28n);
  });

  it("fixed key applied to a new total", () => {
    const keyed = three.map((p, i) => ({ ...p, weight: fromDecimal([1, 1, 2][i] ?? 0) }));
    expect(
      amounts(runEngine({ type: "fixedKey", total: fromDecimal(1000) }, keyed, year(1, "halfUp"))),
    ).toEqual([250, 250, 500]);
  });

  it("tiered classes with compounding indexation on the unrounded base", () => {
    const p = [{ municipality: "Bjuv", baseAmount: fromDecimal("311.1") }];
    const at = (y: number) =>
      Number(
        runEngine({ type: "tiered", baseYear: 2021, indexRate: fromDecimal("0.025") }, p, {
          ...year(1, "halfUp"),
          year: y,
        }).rows[0]?.amount,
      );
    expect([at(2021), at(2022), at(2023)]).toEqual([311, 319, 327]);
  });

  it("usage: quantity × unit price", () => {
    const p = [{ municipality: "A", quantity: fromDecimal("120.5") }];
    expect(amounts(runEngine({ type: "usage", unitPrice: fromDecimal(84) }, p, year(1, "halfUp")))).toEqual([
      10122,
    ]);
  });

  it("a member who joins mid-year pays pro rata by month", () => {
    const part = three.map((p) => (p.municipality === "C" ? { ...p, months: 6 } : p));
    const r = runEngine({ type: "equal", total: fromDecimal(300) }, part, year(1, "halfUp"));
    expect(amounts(r)).toEqual([100, 100, 50]);
  });
});

describe("caps", () => {
  const p: EngineParticipant[] = [
    { municipality: "A", population: 1000n },
    { municipality: "B", population: 1000n },
    { municipality: "C", population: 8000n },
  ];
  const model = { type: "population" as const, total: fromDecimal(1000) };

  it("redistribute: what is cut off goes to those under the cap, by the same key", () => {
    const r = runEngine(model, p, {
      ...year(1, "halfUp"),
      cap: { amount: fromDecimal(500), excess: "redistribute" },
    });
    expect(amounts(r)).toEqual([250, 250, 500]);
    expect(r.rows.map((x) => x.capped)).toEqual([false, false, true]);
    expect(r.unallocated.num).toBe(0n);
  });

  it("unallocated: what is cut off stays unpaid, and the result says how much", () => {
    const r = runEngine(model, p, {
      ...year(1, "halfUp"),
      cap: { amount: fromDecimal(500), excess: "unallocated" },
    });
    expect(amounts(r)).toEqual([100, 100, 500]);
    expect(toDecimal(r.unallocated).toString()).toBe("300");
  });
});

describe("bad input is refused plainly", () => {
  it("no participants, duplicates, zero population, missing inputs", () => {
    const model = { type: "population" as const, total: fromDecimal(10) };
    expect(() => runEngine(model, [], year(1, "ceil"))).toThrow("no participants");
    expect(() =>
      runEngine(
        model,
        [
          { municipality: "A", population: 1n },
          { municipality: "A", population: 1n },
        ],
        year(1, "ceil"),
      ),
    ).toThrow("listed twice");
    expect(() => runEngine(model, [{ municipality: "A", population: 0n }], year(1, "ceil"))).toThrow(
      "population sums to 0",
    );
    expect(() => runEngine(model, [{ municipality: "A" }], year(1, "ceil"))).toThrow("A has no population");
  });
});
