import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer } from "../../src/index.js";
import { datasets } from "../support.js";
import { statementLineProblems } from "../eval/check-statement-lines.js";
import { expectEnoughCases } from "./expect.js";
import * as outcome from "../eval/topics/outcome.js";

const ask = (q: string, now = "2022-09-01") => answer(q, { datasets, now });
const byId = {
  norrbotten: datasets.find((d) => d.collaboration.id === "norrbotten") as Dataset,
  skanearkiv: datasets.find((d) => d.collaboration.id === "skanearkiv") as Dataset,
};

describe("outcomes and forecasts of the interim report", () => {
  it("gives the outcome per May in kr and the summary in tkr, never converted, and the totals that do not add up", () => {
    const a = ask("Vad blev utfallet per maj 2022?");
    expect(a.intent).toBe("outcome");
    expect(a.text).toContain("per 31 maj 2022");
    expect(a.text).toContain("SUMMA: intäkter 1 792 486 kr, kostnader 1 672 562 kr, avvikelse 119 924 kr");
    expect(a.text).toContain("intäkter 1 792 tkr, kostnader 1 673 tkr, avvikelse 120 tkr");
    expect(a.text).toContain("tryckt 1 792 486 kr, raderna summerar till 1 792 487 kr");
    expect(a.text).toContain("avvikelsen är tryckt 120 tkr, men 1 792 tkr − 1 673 tkr = 119 tkr");
    const tkr = a.amounts.filter((x) => x.statement?.id === "delarsrapport_2022_tkr");
    expect(tkr.length).toBeGreaterThan(0);
    expect(tkr.every((x) => x.unit === "tkr")).toBe(true);
    expect(statementLineProblems(a, datasets)).toEqual([]);
  });

  it("gives the full-year forecast, in English with English column words", () => {
    const a = ask("What is the forecast for 2022?");
    expect(a.language).toBe("en");
    expect(a.text).toContain("Summa kostnader: costs budget 5 034 600 kr, costs forecast 6 193 400 kr");
    expect(a.text).toContain("revenue forecast 6 193 tkr");
    expect(a.followUps).toContain("What was the outcome in 2022?");
  });

  it("finds a line by an item's synonym: the datacenter is 'Projekt DCBD' in the outcome", () => {
    const a = ask("what was spent on the datacenter by May?");
    expect(a.text).toContain("Projekt DCBD: revenue 66 667 kr, costs 56 170 kr, deviation 10 497 kr");
    expect(a.text).not.toContain("not a line of its own");
  });

  it("answers 'avvikelse mot budget' with the deviations against the budget, not revenue minus costs", () => {
    const a = ask("avvikelse mot budget");
    expect(a.intent).toBe("outcome");
    expect(a.text).toContain("intäkter avvikelse = intäkter budget − intäkter prognos");
    expect(a.text).toContain(
      "INTÄKTER Uppdrag och Projekt: intäkter prognos 1 158 800 kr, intäkter avvikelse −1 158 800 kr",
    );
    expect(a.text).toContain("är kolumnen avvikelse intäkter minus kostnader, inte avvikelse mot budget");
    expect(a.amounts.some((x) => x.statement?.id === "utfall_maj_2022_kr")).toBe(false);
    expect(a.text).toContain("Inget år angavs");
  });

  it("reads the outcome table's own deviation when a date is asked, saying what the column is", () => {
    const a = ask("Vad är avvikelsen per maj 2022?");
    expect(a.text).toContain("(Kolumnen avvikelse är intäkter minus kostnader, inte avvikelse mot budget.)");
  });

  it("answers SkånEarkiv's outcome in tkr, and says which years have a forecast when one is missing", () => {
    const a = ask("Vad blev utfallet för SkånEarkiv 2020?");
    expect(a.text).toContain("Summa: budgeterat 8 200 tkr, utfall 3 225 tkr");
    expect(a.amounts.every((x) => x.unit === "tkr")).toBe(true);
    const none = ask("Vad är prognosen för 2023?");
    expect(none.text).toBe(
      "Det finns ingen prognos för Norrbottens e-nämnd 2023 i datat; det finns för 2022.",
    );
    expect(none.amounts).toEqual([]);
  });

  it("has a card with the printed table and its source", () => {
    const a = ask("Vad är prognosen för helåret 2022?");
    const body = JSON.stringify(a.card);
    expect(body).toContain("rad 4712–4736");
    // too wide for a card as printed (seven columns): one column per figure, every printed cell kept
    expect(body).toContain('"text":"Prognos"');
    expect(body).toContain("6 193 400 kr");
    expect(body).not.toContain("kolumner");
    expect(a.followUps.length).toBeGreaterThanOrEqual(2);
    expect(a.followUps.length).toBeLessThanOrEqual(4);
  });

  it("has at least 50 evaluation cases in Swedish and English (answered right: test/eval.test.ts)", () => {
    expectEnoughCases(outcome.cases(byId), 50);
  });
});
