import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalSchema, nonNegativeDecimalSchema } from "../src/index.js";

describe("amounts are exact decimals", () => {
  it("reads strings and safe integers exactly and serialises back to the same string", () => {
    expect(decimalSchema.parse("1.25").toString()).toBe("1.25");
    expect(decimalSchema.parse(1065400).toString()).toBe("1065400");
    expect(JSON.stringify({ a: decimalSchema.parse("0.1").plus(decimalSchema.parse("0.2")) })).toBe(
      '{"a":"0.3"}',
    );
  });

  it("refuses floats, decimal commas, spaces and negative prices with a plain message", () => {
    const message = (v: unknown) => nonNegativeDecimalSchema.safeParse(v).error?.issues[0]?.message;
    expect(message(1.25)).toBe('1.25 is not a whole number; write decimal amounts in quotes, e.g. "1.25"');
    expect(message("1,25")).toMatch(/^"1,25" is not an amount/);
    expect(message("76 100")).toMatch(/^"76 100" is not an amount/);
    expect(message("-5")).toBe("must not be negative");
  });

  it("round-trips any decimal string of up to 30 digits without loss", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 12 }),
        (n, scale) => {
          const s = n.toString().replace(/^(-?)(\d+)$/, (_m, sign: string, digits: string) => {
            if (scale === 0) return `${sign}${digits}`;
            const padded = digits.padStart(scale + 1, "0");
            return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
          });
          expect(decimalSchema.parse(s).eq(s)).toBe(true);
        },
      ),
    );
  });
});
