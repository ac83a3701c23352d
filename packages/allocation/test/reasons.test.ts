import { loadBundledDataset } from "@samverkan/data";
import { Decimal } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { allocateCostItem } from "../src/index.js";

// A rule's member-facing reason is prose written into the data, and the assistant says it after
// "Grund:" / "Basis:" next to the engine's amounts. An amount in that prose ("80 500 kr per kommun")
// must be one the engine or the rule itself gives for that item and year, or the member reads two
// different numbers for the same thing once the data changes.

/** "80 500 kr", "1,25 kr", "1.25 kr" → the amounts before "kr" (Swedish or English writing). */
function amountsIn(text: string): Decimal[] {
  const found = text.matchAll(/(\d{1,3}(?:[  ]\d{3})+|\d+)(?:[.,](\d+))?\s?kr\b/g);
  return [...found].map((m) => new Decimal(`${(m[1] ?? "").replace(/[  ]/g, "")}.${m[2] ?? "0"}`));
}

/** Every number the rule states (constants such as a fixed part or a monthly amount), as decimals. */
function numbersInRule(rule: unknown): Decimal[] {
  return [...JSON.stringify(rule).matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => new Decimal(m[0]));
}

describe.each(["norrbotten", "skanearkiv"] as const)("the %s rules' reasons", (id) => {
  const dataset = loadBundledDataset(id);
  const withReason = dataset.costItems.flatMap((item) =>
    item.years.flatMap((y) => (y.rule?.reason ? [{ item, year: y.year, rule: y.rule }] : [])),
  );

  it("name only amounts the engine computes or the rule states for that item and year", () => {
    const stray: string[] = [];
    for (const { item, year, rule } of withReason) {
      const result = allocateCostItem(dataset, item, year);
      const known = [
        result.rowSum,
        result.underlyingTotal.value,
        ...(result.budgetTotal ? [result.budgetTotal] : []),
        ...(result.publishedTable?.totalPrinted ? [result.publishedTable.totalPrinted] : []),
        ...result.rows.flatMap((r) => [r.amount, r.computed]),
        // A rule rounded per month states the month's total: the year's total over twelve months.
        ...(result.rows.some((r) => r.monthly) ? [result.underlyingTotal.value.div(12)] : []),
        ...numbersInRule(rule),
      ];
      for (const text of [rule.reason?.sv ?? "", rule.reason?.en ?? ""]) {
        for (const amount of amountsIn(text)) {
          if (!known.some((k) => k.eq(amount)))
            stray.push(`${item.id} ${year}: ${amount.toString()} kr in "${text}"`);
        }
      }
    }
    expect(stray).toEqual([]);
  });

  it("are checked at all (the amounts' pattern reads the data's writing)", () => {
    expect(amountsIn("80 500 kr per kommun, 1,25 kr, 1.25 kr")).toEqual([
      new Decimal(80500),
      new Decimal("1.25"),
      new Decimal("1.25"),
    ]);
    expect(withReason.length).toBeGreaterThan(0);
  });
});
