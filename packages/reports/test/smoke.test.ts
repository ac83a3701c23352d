import { Decimal } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../src/index.js";

describe("@samverkan/reports (smoke)", () => {
  it("formats kronor the Swedish way", () => {
    expect(formatMoney(new Decimal("1127000"))).toBe("1 127 000 kr");
  });
});
