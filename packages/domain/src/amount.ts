import { Decimal } from "decimal.js";
import { z } from "zod";

/**
 * An exact decimal amount as it is written in a data file: a string such as `"76100"` or `"1.25"`,
 * or a whole number such as `76100` (a JSON/YAML integer is exact while it is a safe integer).
 * A number with decimals is refused: it has already passed through a binary float, so write it
 * in quotes. The parsed value is a `Decimal`, which serialises back to a string.
 */
export const decimalSchema = z
  .union([z.string(), z.number()], { error: 'expected an amount, e.g. "76100" or "1.25"' })
  .transform((value, ctx): Decimal => {
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) {
        ctx.addIssue({
          code: "custom",
          message: `${value} is not a whole number; write decimal amounts in quotes, e.g. "1.25"`,
        });
        return z.NEVER;
      }
      return new Decimal(value);
    }
    const text = value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not an amount; use digits with an optional decimal point, e.g. "1065400" or "1.25" (no spaces, no decimal comma)`,
      });
      return z.NEVER;
    }
    return new Decimal(text);
  });

/** An amount that may not be negative: prices, totals, table cells. */
export const nonNegativeDecimalSchema = decimalSchema.refine((d) => !d.isNegative(), {
  message: "must not be negative",
});

/** A fraction between 0 and 1 inclusive (weights, shares, index rates are separate). */
export const fractionSchema = decimalSchema.refine((d) => d.gte(0) && d.lte(1), {
  message: "must be between 0 and 1",
});
