import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer } from "../../src/index.js";
import { datasets } from "../support.js";
import { statementLineProblems } from "../eval/check-statement-lines.js";
import { runCases } from "../eval/run.js";
import * as budget from "../eval/topics/budget.js";
import * as outcome from "../eval/topics/outcome.js";

const ask = (q: string, now = "2022-09-01") => answer(q, { datasets, now });
const byId = {
  norrbotten: datasets.find((d) => d.collaboration.id === "norrbotten") as Dataset,
  skanearkiv: datasets.find((d) => d.collaboration.id === "skanearkiv") as Dataset,
};

describe("the budget and the interim report", () => {
  it("gives the year's printed budget totals with the document, and says the other 2022 version exists", () => {
    const a = ask("Vad är budgeten för 2022?");
    expect(a.intent).toBe("budget");
    expect(a.text).toContain("Summa kostnader 5 034 600 kr");
    expect(a.text).toContain("004_6c05a2f9a5cc7b0e.txt");
    expect(a.text).toContain('"Budget 2022 inkl. Datacenter Norrbotten"');
    expect(statementLineProblems(a, datasets)).toEqual([]);
  });

  it("answers 'what does the committee cost next year' from the next year's budget, saying which year", () => {
    const a = ask("Vad kostar nämnden totalt nästa år?");
    expect(a.year?.value).toBe(2023);
    expect(a.amounts.some((x) => x.statement?.line === "SUMMA KOSTNADER" && x.amount === "7618100")).toBe(
      true,
    );
  });

  it("compares with the year before line by line, the difference computed from printed cells", () => {
    const a = ask("Hur förändras budgeten från 2022 till 2023?");
    expect(a.text).toContain("Grundfinansiering 1 065 400 kr → 1 127 000 kr (+61 600 kr)");
    expect(a.text).toContain("ny rad SOC system, grund");
  });

  it("keeps tkr as tkr and states where the document's own total does not add up", () => {
    const a = ask("Vad blev utfallet för SkånEarkiv 2020?");
    expect(a.intent).toBe("outcome");
    expect(a.amounts.every((x) => x.unit === "tkr")).toBe(true);
    expect(a.text).toContain("stämmer inte summan");
  });

  it("leaves the annual cycle's and a municipality's own questions to them", () => {
    expect(ask("När beslutas budgeten?").intent).toBe("annualCycle");
    expect(ask("Vad betalar Kalix enligt budgeten 2023?").intent).toBe("statement");
  });

  it("catches a wrong cell (the checker is not vacuous)", () => {
    const a = ask("Vad är budgeten för 2023?");
    const wrong = { ...a, amounts: a.amounts.map((x, i) => (i === 0 ? { ...x, amount: "1" } : x)) };
    expect(statementLineProblems(wrong, datasets)).toHaveLength(1);
  });

  it("answers its evaluation cases", () => {
    const results = runCases([...budget.cases(byId), ...outcome.cases(byId)], [statementLineProblems]);
    expect(
      results.filter((r) => r.problems.length > 0).map((r) => `${r.c.q}: ${r.problems.join("; ")}`),
    ).toEqual([]);
  });
});
