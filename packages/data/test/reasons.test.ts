import { describe, expect, it } from "vitest";
import { loadBundledDataset } from "../src/index.js";

// The assistant says "Grund: …" / "Basis: …" from a rule's member-facing reason. A rule that has an
// analyst's `basis` but no `reason` would answer members with the model and the working only, so every
// such rule in the bundled data must carry a reason in both languages.
describe.each(["norrbotten", "skanearkiv"] as const)("the %s cost items' rules", (id) => {
  const dataset = loadBundledDataset(id);
  const rules = dataset.costItems.flatMap((item) =>
    item.years.flatMap((y) => (y.rule ? [{ where: `${item.id} ${y.year}`, rule: y.rule }] : [])),
  );

  it("exist", () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  it("each say why, for members, in Swedish and English, where the analyst's note does", () => {
    const missing = rules
      .filter(({ rule }) => rule.basis !== undefined)
      .filter(({ rule }) => !rule.reason?.sv.trim() || !rule.reason.en.trim())
      .map(({ where }) => where);
    expect(missing).toEqual([]);
  });

  it("never hand a member the analyst's note as the reason", () => {
    const same = rules
      .filter(({ rule }) => rule.reason !== undefined && rule.reason.sv === rule.basis)
      .map(({ where }) => where);
    expect(same).toEqual([]);
  });
});
