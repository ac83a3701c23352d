import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../src/index.js";
import { datasets, unsupportedAmounts } from "./support.js";

/** Pieces real questions are made of, so that random strings also hit the interesting paths. */
const PIECES = [
  "Vad betalar",
  "What does",
  "Kalix",
  "Kalx",
  "Luleås",
  "Över…",
  "Lund",
  "Stockholm",
  "för",
  "for",
  "e-arkiv",
  "earkiv",
  "DCBD",
  "ECO",
  "SOC",
  "grundbeloppet",
  "2022",
  "2023",
  "2030",
  "i år",
  "nästa år",
  "förra året",
  "21 000 kr",
  "999999999999999999999999999 kr",
  "varför",
  "why",
  "totalt",
  "mest",
  "minst",
  "hur fördelas",
  "tillkommer",
  "lagring",
  "vilka kommuner",
  "deltar i förstudien",
  "nästa sammanträde",
  "beredningsgrupp",
  "i oktober",
  "beslutas",
  "närvaro",
  "maximala uttag",
  "jämfört med",
  "?",
  "…",
  "🙂",
  "'; DROP TABLE x; --",
  "<b>html</b>",
  "\u0000",
  "\u202e",
  "  ",
];

const question = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.string({ maxLength: 500, unit: "grapheme" }),
  fc.string({ maxLength: 500, unit: "binary" }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(" ").slice(0, 500)),
  fc.bigInt({ min: 0n, max: 10n ** 200n }).map((n) => `Vad betalar Kalix ${n} kr ${n}?`.slice(0, 500)),
);
const now = fc.constantFrom(
  "2021-06-01",
  "2022-09-01",
  "2023-02-15",
  "2022-10-12T09:30:00+02:00",
  "2030-01-01",
);

function check(a: Answer): void {
  expect(["sv", "en"]).toContain(a.language);
  expect(typeof a.text).toBe("string");
  expect(a.text.length).toBeGreaterThan(0);
  expect(unsupportedAmounts(a)).toEqual([]);
  if (a.intent === "clarify") expect(a.options?.length ?? 0).toBeGreaterThan(0);
  // Plain data: what goes over the wire comes back the same.
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
}

describe("any string up to 500 characters", () => {
  it("gets an answer or a clarifying question, never a throw, never an amount the engine does not give", () => {
    fc.assert(
      fc.property(question, now, (q, n) => check(answer(q, { datasets, now: n }))),
      { numRuns: 400 },
    );
  });

  it("the amounts are supported for question-like inputs too (the pieces recombined)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 8 }).map((p) => p.join(" ")),
        now,
        (q, n) => check(answer(q, { datasets, now: n })),
      ),
      { numRuns: 400 },
    );
  });
});
