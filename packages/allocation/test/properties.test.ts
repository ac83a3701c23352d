import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromDecimal,
  runEngine,
  type EngineModel,
  type EngineOptions,
  type EngineParticipant,
} from "../src/index.js";

const names = [
  "Arjeplog",
  "Arvidsjaur",
  "Boden",
  "Gällivare",
  "Haparanda",
  "Jokkmokk",
  "Kalix",
  "Kiruna",
  "Luleå",
  "Pajala",
  "Piteå",
  "Älvsbyn",
  "Överkalix",
  "Övertorneå",
];
const participantsArb = fc
  .array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: names.length })
  .map((pops) =>
    pops.map((p, i): EngineParticipant => ({ municipality: names[i] ?? `M${i}`, population: BigInt(p) })),
  );
const totalArb = fc.integer({ min: 0, max: 50_000_000 }).map((t) => fromDecimal(t));
const modelArb: fc.Arbitrary<EngineModel> = fc.oneof(
  totalArb.map((total) => ({ type: "equal" as const, total })),
  totalArb.map((total) => ({ type: "population" as const, total })),
  fc
    .tuple(totalArb, fc.integer({ min: 0, max: 100 }))
    .map(([total, w]) => ({ type: "mixed" as const, total, equalWeight: fromDecimal(w / 100) })),
  fc
    .integer({ min: 0, max: 1000 })
    .map((r) => ({ type: "perCapita" as const, ratePerInhabitant: fromDecimal(r / 100) })),
);
const roundingArb = fc.record({
  unit: fc.constantFrom(1 as const, 100 as const, 1000 as const),
  mode: fc.constantFrom("ceil" as const, "floor" as const, "halfUp" as const, "halfEven" as const),
  total: fc.constantFrom("independent" as const, "largestRemainder" as const),
  period: fc.constantFrom("year" as const, "month" as const),
});
const options = (rounding: EngineOptions["rounding"]): EngineOptions => ({ year: 2023, rounding });
const byName = (r: ReturnType<typeof runEngine>) =>
  Object.fromEntries(r.rows.map((x) => [x.municipality, x.amount]));

describe("invariants of the engine (fast-check)", () => {
  it("largest remainder: the rows add up exactly to the total rounded to the unit", () => {
    fc.assert(
      fc.property(modelArb, participantsArb, roundingArb, (model, ps, rounding) => {
        const r = runEngine(model, ps, options({ ...rounding, total: "largestRemainder", period: "year" }));
        const total = r.underlyingTotal;
        const u = BigInt(rounding.unit);
        const q = (total.num * 2n + total.den * u) / (2n * total.den * u); // half-up to the unit
        expect(r.rowSum).toBe(q * u);
      }),
    );
  });

  it("independent rounding stays within one unit per row of the exact total", () => {
    fc.assert(
      fc.property(modelArb, participantsArb, roundingArb, (model, ps, rounding) => {
        const r = runEngine(model, ps, options({ ...rounding, total: "independent", period: "year" }));
        const diff = r.rowSum * r.underlyingTotal.den - r.underlyingTotal.num;
        const bound = BigInt(ps.length * rounding.unit) * r.underlyingTotal.den;
        expect(diff <= bound && -diff <= bound).toBe(true);
      }),
    );
  });

  it("never a negative amount", () => {
    fc.assert(
      fc.property(modelArb, participantsArb, roundingArb, (model, ps, rounding) => {
        for (const row of runEngine(model, ps, options(rounding)).rows) expect(row.amount >= 0n).toBe(true);
      }),
    );
  });

  it("members with equal inputs pay equal (independent rounding; largest remainder differs by at most one unit)", () => {
    fc.assert(
      fc.property(
        modelArb,
        participantsArb,
        roundingArb,
        fc.integer({ min: 1, max: 200_000 }),
        (model, ps, rounding, pop) => {
          const twins = [
            ...ps.slice(0, 12),
            { municipality: "Tvilling A", population: BigInt(pop) },
            { municipality: "Tvilling B", population: BigInt(pop) },
          ];
          const r = byName(runEngine(model, twins, options(rounding)));
          const d = (r["Tvilling A"] ?? 0n) - (r["Tvilling B"] ?? 0n);
          if (rounding.total === "independent") expect(d).toBe(0n);
          else {
            // One unit of the rounding period: a month's unit is 12 units a year.
            const step = BigInt(rounding.unit) * (rounding.period === "month" ? 12n : 1n);
            expect(d === 0n || d === step || d === -step).toBe(true);
          }
        },
      ),
    );
  });

  it("the result does not depend on the order of the members", () => {
    fc.assert(
      fc.property(modelArb, participantsArb, roundingArb, fc.integer(), (model, ps, rounding, seed) => {
        const shuffled = [...ps].sort(
          (a, b) =>
            ((a.municipality.charCodeAt(0) * 31 + seed) % 7) -
            ((b.municipality.charCodeAt(0) * 31 + seed) % 7),
        );
        expect(byName(runEngine(model, shuffled, options(rounding)))).toEqual(
          byName(runEngine(model, ps, options(rounding))),
        );
      }),
    );
  });

  it("a larger population never pays less under a population model", () => {
    const popModel = fc.oneof(
      totalArb.map((total): EngineModel => ({ type: "population", total })),
      // An equal weight of 1 is a pure equal split, not a population model.
      fc
        .tuple(totalArb, fc.integer({ min: 0, max: 99 }))
        .map(([total, w]): EngineModel => ({ type: "mixed", total, equalWeight: fromDecimal(w / 100) })),
      fc
        .integer({ min: 0, max: 1000 })
        .map((r): EngineModel => ({ type: "perCapita", ratePerInhabitant: fromDecimal(r / 100) })),
    );
    fc.assert(
      fc.property(popModel, participantsArb, roundingArb, (model, ps, rounding) => {
        const r = runEngine(model, ps, options(rounding));
        const pop = (name: string) => ps.find((p) => p.municipality === name)?.population ?? 0n;
        for (const a of r.rows)
          for (const b of r.rows)
            if (pop(a.municipality) > pop(b.municipality)) expect(a.amount >= b.amount).toBe(true);
      }),
    );
  });
});
