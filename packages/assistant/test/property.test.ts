import fc from "fast-check";
import { allocateCostItem } from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer } from "../src/index.js";
import { datasets } from "./support.js";

/**
 * The wrong-number property: for any member, cost item and year, asked in Swedish or English, the
 * answer's amount for that municipality, item and year is exactly the engine's row (or the answer says
 * the municipality does not take part / the item has no allocation that year, and carries no amount).
 */
const questions = datasets.flatMap((d: Dataset) =>
  d.costItems.flatMap((item) => item.years.map((y) => ({ d, item, year: y.year }))),
);

const phrase = {
  sv: (m: string, item: string, year: number) => `Vad betalar ${m} för ${item} ${year}?`,
  en: (m: string, item: string, year: number) => `What does ${m} pay for ${item} in ${year}?`,
};

describe("any (municipality, item, year) question", () => {
  it("carries exactly the engine's amount for what it names, or none", () => {
    let withAmount = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...questions),
        fc.nat(),
        fc.constantFrom("sv" as const, "en" as const),
        ({ d, item, year }, k, lang) => {
          const members = d.collaboration.members.map((m) => m.municipality);
          const m = members[k % members.length] as string;
          const a = answer(phrase[lang](m, lang === "sv" ? item.name : item.nameEn, year), {
            datasets,
            now: "2022-09-01",
          });
          let row: { amount: string; unit: string } | undefined;
          try {
            const r = allocateCostItem(d, item.id, year).rows.find((x) => x.municipality === m);
            row = r ? { amount: r.amount.toFixed(), unit: r.unit } : undefined;
          } catch {
            row = undefined;
          }
          const mine = a.amounts.filter(
            (x) => x.municipality === m && x.itemId === item.id && x.year === year && x.role === "allocation",
          );
          if (row) {
            withAmount++;
            expect(mine.map((x) => [x.amount, x.unit])).toEqual([[row.amount, row.unit]]);
          } else {
            expect(mine).toEqual([]);
          }
          // Nothing else in the answer is for another municipality or item under this one's name.
          for (const x of a.amounts.filter((y) => y.role === "allocation"))
            expect(x.municipality === m && x.itemId === item.id).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    // Most generated questions name a member that takes part: the property is about real amounts.
    expect(withAmount).toBeGreaterThan(150);
  });
});
