import { Decimal as BaseDecimal } from "decimal.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalAmount, StoreError, type Store } from "../src/index.js";
import { BACKENDS, type Opened } from "./backends.js";

/** Enough precision for 18 + 6 digits and their sums: decimal.js rounds arithmetic to 20 digits by default. */
const Decimal = BaseDecimal.clone({ precision: 60 });

/** Decimal strings as a secretary might write them: optional minus, up to 15 digits, up to 6 decimals. */
const amountText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^\d{1,15}$/),
    fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
  )
  .map(
    ([negative, whole, fraction]) =>
      `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`,
  );

describe("canonicalAmount", () => {
  it("drops leading zeros and the sign of zero, and keeps the decimals", () => {
    expect(["007", "-0", "-0.00", "0.10", "-12.50", "119924.00"].map(canonicalAmount)).toEqual([
      "7",
      "0",
      "0.00",
      "0.10",
      "-12.50",
      "119924.00",
    ]);
  });
});

describe.each(BACKENDS.filter((b) => b.name !== "PGlite (folder)"))("amounts on $name", (backend) => {
  let opened: Opened;
  let store: Store;
  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it("come back exactly as written, and sum exactly (in kronor, tkr × 1000)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(amountText, fc.constantFrom("kr" as const, "tkr" as const)), {
          minLength: 1,
          maxLength: 5,
        }),
        async (entries) => {
          run += 1;
          const date = `2030-01-${String((run % 28) + 1).padStart(2, "0")}`;
          const line = `prop-${run}`;
          for (const [i, [amount, unit]] of entries.entries()) {
            await store.recordOutcome(
              "norrbotten",
              { line: `${line}-${i}`, date, amount, unit },
              { actor: "fc" },
            );
          }
          const stored = await store.amounts("norrbotten", { kind: "outcome", from: date, to: date });
          const mine = stored.filter((a) => a.line.startsWith(`${line}-`));
          // Exactly the value, with the decimals as written ("119924.00" stays so).
          expect(mine.map((a) => a.unit)).toEqual(entries.map(([, unit]) => unit));
          mine.forEach((a, i) => {
            const written = entries[i]?.[0] ?? "";
            expect(new Decimal(a.amount).eq(written)).toBe(true);
            expect(a.amount.split(".")[1]?.length ?? 0).toBe(written.split(".")[1]?.length ?? 0);
            expect(a.amount).toBe(canonicalAmount(written));
          });
          const expected = entries.reduce(
            (sum, [amount, unit]) => sum.plus(new Decimal(amount).times(unit === "tkr" ? 1000 : 1)),
            new Decimal(0),
          );
          const total = mine.reduce(
            (sum, a) => sum.plus(new Decimal(a.amount).times(a.unit === "tkr" ? 1000 : 1)),
            new Decimal(0),
          );
          expect(total.eq(expected)).toBe(true);
          const all = await store.amounts("norrbotten", { kind: "outcome", from: date, to: date });
          const sqlTotal = new Decimal(
            await store.amountTotal("norrbotten", { kind: "outcome", from: date, to: date }),
          );
          const allSum = all.reduce(
            (sum, a) => sum.plus(new Decimal(a.amount).times(a.unit === "tkr" ? 1000 : 1)),
            new Decimal(0),
          );
          expect(sqlTotal.eq(allSum)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("refuse any number that is not a safe whole number, since it has passed through a float", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ noNaN: false }).filter((x) => !Number.isSafeInteger(x)),
        async (x) => {
          const error = await store
            .recordOutcome(
              "norrbotten",
              { line: "float", date: "2030-02-01", amount: x, unit: "kr" },
              { actor: "fc" },
            )
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(StoreError);
          expect((error as StoreError).code).toBe("invalid");
        },
      ),
      { numRuns: 50 },
    );
    expect(await store.amounts("norrbotten", { line: "float" })).toEqual([]);
  });
});
