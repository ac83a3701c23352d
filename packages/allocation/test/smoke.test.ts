import { loadBundledDataset } from "@samverkan/data";
import { describe, expect, it } from "vitest";
import type { AllocationRule } from "../src/index.js";

describe("@samverkan/allocation (smoke)", () => {
  it("sees every bundled rule through the types it will implement", () => {
    const rules: AllocationRule[] = loadBundledDataset("norrbotten").costItems.flatMap((x) =>
      x.years.flatMap((y) => (y.rule ? [y.rule] : [])),
    );
    expect(new Set(rules.map((r) => r.model.type))).toEqual(
      new Set(["equal", "affine", "fixedKey", "mixed", "perCapita", "population", "sum"]),
    );
  });
});
