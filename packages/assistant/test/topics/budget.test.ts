import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../../src/index.js";
import { datasets } from "../support.js";
import { statementLineProblems } from "../eval/check-statement-lines.js";
import { expectEnoughCases } from "./expect.js";
import * as budget from "../eval/topics/budget.js";

const ask = (q: string, now = "2022-09-01") => answer(q, { datasets, now });
const byId = {
  norrbotten: datasets.find((d) => d.collaboration.id === "norrbotten") as Dataset,
  skanearkiv: datasets.find((d) => d.collaboration.id === "skanearkiv") as Dataset,
};
const cell = (a: Answer, line: string, column: string) =>
  a.amounts.find(
    (x) => x.role === "statementLine" && x.statement?.line === line && x.statement.column === column,
  );

describe("the committee's budget", () => {
  it("gives the year's printed totals with the statement and its document, and says what the other 2022 version has", () => {
    const a = ask("Vad är budgeten för 2022?");
    expect(a.intent).toBe("budget");
    expect(a.text).toContain("Budget 2022 för Norrbottens e-nämnd (004_6c05a2f9a5cc7b0e.txt, rad 2531–2560)");
    expect(a.text).toContain("Summa kostnader 5 034 600 kr");
    expect(a.text).toContain(
      '"Budget 2022 inkl. Datacenter Norrbotten" (med Datacenter Norrbotten 1 208 400 kr; utan Förvaltningsledare verksamhetssystem SOC 930 600 kr; Summa kostnader 5 312 400 kr)',
    );
    expect(cell(a, "Summa kostnader", "kostnader")?.provenance).toMatchObject({
      kind: "published",
      tableId: "budget_2022",
    });
    expect(a.followUps).toContain("Vad är budgeten 2022 inklusive Datacenter Norrbotten?");
    expect(statementLineProblems(a, datasets)).toEqual([]);
  });

  it("answers the version with the datacenter when asked, and the plain one 'utan datacenter'", () => {
    const including = ask("budget inklusive datacenter 2022");
    expect(including.text).toMatch(/^Budget 2022 inkl\. Datacenter Norrbotten/);
    expect(cell(including, "Summa kostnader", "kostnader")?.amount).toBe("5312400");
    const without = ask("Vad är budgeten 2022 utan Datacenter Norrbotten?");
    expect(without.text).toMatch(/^Budget 2022 för/);
    expect(without.text).not.toContain("finns inte som egen rad");
  });

  it("answers 'what does the committee cost next year' from next year's budget, in English too", () => {
    const a = ask("Vad kostar nämnden totalt nästa år?");
    expect(a.year).toEqual({ value: 2023, source: "relative" });
    expect(cell(a, "SUMMA KOSTNADER", "kostnader")?.amount).toBe("7618100");
    const en = ask("What is the committee's revenue in 2023?");
    expect(en.language).toBe("en");
    expect(en.text).toContain("E-arkiv 322 000 kr (revenue, costs)");
  });

  it("gives the printed totals alone when the question asks for a total", () => {
    const a = ask("Vad är rörelseresultatet 2023?");
    expect(a.text).toContain("RÖRELSERESLUTAT [sic] 0 kr.");
    expect(a.text).not.toContain("Rader:");
    expect(a.amounts.map((x) => x.statement?.line)).toEqual([
      "SUMMA INTÄKTER",
      "SUMMA KOSTNADER",
      "RÖRELSERESLUTAT [sic]",
    ]);
  });

  it("gives one line by its label, not the items read inside it ('grund' is no Grundfinansiering here)", () => {
    const a = ask("Vad är budgeten för SOC system, grund 2023?");
    expect(a.text).toContain("SOC system, grund 509 200 kr (intäkter, kostnader)");
    expect(a.text).not.toContain("Grundfinansiering");
    expect(a.card).toMatchObject({ type: "AdaptiveCard" });
  });

  it("says a line is not in the budget, and where it is", () => {
    const a = ask("Hur stor är budgeten för datacenter 2023?");
    expect(a.text).toContain(
      "Datacenter Norrbotten finns inte som egen rad i Budget 2023; hela budgeten visas",
    );
  });

  it("gives the change per line as the difference of two printed cells, each a verified statementChange", () => {
    const a = ask("Hur förändras budgeten från 2022 till 2023?");
    expect(a.text).toContain("Grundfinansiering 1 065 400 kr → 1 127 000 kr (+61 600 kr)");
    expect(a.text).toContain("ny rad SOC system, grund 509 200 kr");
    expect(a.text).toContain("SUMMA KOSTNADER 5 034 600 kr → 7 618 100 kr (+2 583 500 kr)");
    const total = a.amounts.find(
      (x) => x.role === "statementChange" && x.statement?.line === "SUMMA KOSTNADER",
    );
    expect(total).toMatchObject({
      amount: "2583500",
      provenance: { kind: "computed", model: "difference" },
      comparedWith: { id: "budget_2022", line: "Summa kostnader", column: "kostnader" },
    });
    expect(statementLineProblems(a, datasets)).toEqual([]);
    // "jämfört med förra året" in 2023 compares with 2022
    const relative = ask("Hur har budgeten förändrats jämfört med förra året?", "2023-03-01");
    expect(relative.amounts.filter((x) => x.role === "statementChange").length).toBeGreaterThan(0);
  });

  it("says which years have a budget when asked about another", () => {
    const a = ask("Vad är budgeten för 2030?");
    expect(a.text).toBe(
      "Det finns ingen budget för Norrbottens e-nämnd 2030 i datat; det finns för 2022 och 2023.",
    );
    expect(a.amounts).toEqual([]);
    expect(a.followUps).toEqual(["Vad är budgeten 2022?", "Vad är budgeten 2023?"]);
  });

  it("answers SkånEarkiv's costs from its 2020 summary in tkr, stating the printed total that does not add up", () => {
    const a = ask("SkånEarkivs kostnader 2020");
    expect(a.intent).toBe("budget");
    expect(a.text).toContain("Summa: budgeterat 8 200 tkr, utfall 3 225 tkr, differens 4 975 tkr");
    expect(a.text).toContain("tryckt 4 975 tkr, raderna summerar till 5 125 tkr");
    expect(a.amounts.every((x) => x.unit === "tkr")).toBe(true);
    // the follow-ups name SkånEarkiv, or they would be asked about the default collaboration
    expect(a.followUps).toContain("Vad blev utfallet för SkånEarkiv 2020?");
  });

  it("refuses a condition the budget cannot answer instead of giving the plain amount", () => {
    const a = ask("Vad är budgeten per invånare 2023?");
    expect(a.intent).toBe("unknown");
    expect(a.amounts).toEqual([]);
    expect(a.followUps).toEqual(["Vad är budgeten 2023?"]);
  });

  it("leaves the annual cycle's and a municipality's own questions to them", () => {
    expect(ask("När beslutas budgeten?").intent).toBe("annualCycle");
    expect(ask("Vad betalar Kalix enligt budgeten 2023?").intent).toBe("statement");
    expect(ask("Vad betalar Kalix 2023?").intent).toBe("statement");
    expect(ask("Vad kostar e-arkivet totalt 2022?").intent).toBe("itemTotal");
  });

  it("offers two to four follow-ups, each one the data answers", () => {
    for (const q of [
      "Vad är budgeten för 2023?",
      "Hur förändras budgeten från 2022 till 2023?",
      "budgeen 2022",
    ]) {
      const a = ask(q);
      expect(a.followUps.length, q).toBeGreaterThanOrEqual(2);
      expect(a.followUps.length, q).toBeLessThanOrEqual(4);
      for (const f of a.followUps) expect(ask(f).intent, `${q} → ${f}`).not.toMatch(/unknown|clarify/);
    }
  });
});

describe("the statement-line check", () => {
  it("catches a wrong printed cell, a wrong difference and a difference passed off as printed", () => {
    const a = ask("Hur förändras budgeten från 2022 till 2023?");
    const first = (role: string) => a.amounts.findIndex((x) => x.role === role);
    const tamper = (i: number, change: object) => ({
      ...a,
      amounts: a.amounts.map((x, j) => (j === i ? { ...x, ...change } : x)),
    });
    expect(statementLineProblems(tamper(first("statementLine"), { amount: "1" }), datasets)).toHaveLength(1);
    expect(statementLineProblems(tamper(first("statementChange"), { amount: "1" }), datasets)).toHaveLength(
      1,
    );
    const published = { kind: "published", document: "004_6c05a2f9a5cc7b0e.txt", table: "Budget 2023" };
    expect(
      statementLineProblems(tamper(first("statementChange"), { provenance: published }), datasets),
    ).toHaveLength(1);
    expect(statementLineProblems(tamper(first("statementLine"), { unit: "tkr" }), datasets)).toHaveLength(1);
  });

  it("has at least 50 evaluation cases in Swedish and English (answered right: test/eval.test.ts)", () => {
    expectEnoughCases(budget.cases(byId), 50);
  });
});
