import { allocateCostItem, whatIf } from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answer, type Answer, type AnswerAmount } from "../../src/index.js";
import { parseQuestion } from "../../src/parse.js";
import { localNow } from "../../src/time.js";
import { whatIfTopic } from "../../src/topics/what-if.js";
import { scenarioProblems } from "../eval/check-scenarios.js";
import { expectEnoughCases } from "./expect.js";
import { cases } from "../eval/topics/what-if.js";
import { datasets } from "../support.js";

const NOW = "2022-09-01";
const norrbotten = datasets.find((d) => d.collaboration.id === "norrbotten") as Dataset;
const skanearkiv = datasets.find((d) => d.collaboration.id === "skanearkiv") as Dataset;
const ask = (q: string): Answer => answer(q, { datasets, now: NOW });

/** Whether the topic claims a question, apart from what the other topics would answer. */
function claims(q: string): boolean {
  const parsed = parseQuestion(q, datasets);
  const d =
    datasets.find((x) => x.collaboration.id === parsed.municipalities[0]?.collaboration) ?? norrbotten;
  return whatIfTopic.claims({
    parsed,
    lang: parsed.lang,
    datasets,
    dataset: d,
    now: localNow(NOW, "Europe/Stockholm"),
  });
}

const of = (a: Answer, role: AnswerAmount["role"], municipality: string | null, itemId?: string) =>
  a.amounts.find(
    (x) => x.role === role && x.municipality === municipality && (!itemId || x.itemId === itemId),
  );

describe("what-if: a hypothetical is answered as one", () => {
  it("computes Kalix leaving the e-archive instead of answering what Kalix pays (the issue's bug)", () => {
    const a = ask("Vad händer om Kalix lämnar e-arkivet 2023?");
    expect(a.intent).toBe("whatIf");
    expect(a.text).toContain("Beräknat scenario, inte ett publicerat belopp");
    expect(a.text).not.toContain("Kalix betalar 21 000 kr");
    const r = whatIf(norrbotten, "e-arkiv", 2023, { remove: ["Kalix"] });
    expect(of(a, "scenarioChange", "Kalix")?.amount).toBe("-21000");
    expect(of(a, "scenario", "Kalix")).toBeUndefined();
    expect(of(a, "scenario", null)?.amount).toBe(r.totalAfter.toFixed());
    expect(of(a, "scenarioChange", "Kalix")?.scenario).toEqual({ remove: ["Kalix"] });
    expect(of(a, "scenarioChange", "Kalix")?.provenance.kind).toBe("computed");
    // Today's amounts are there too, exactly as the engine publishes them.
    expect(a.amounts.filter((x) => x.role !== "allocation").length).toBeGreaterThan(0);
    expect(scenarioProblems(a, datasets)).toEqual([]);
  });

  it("reads who leaves and who joins from the verb beside each name", () => {
    const a = ask("Om Kalix lämnar och Arjeplog går med i datacentret 2023, vad betalar de andra?");
    expect(a.intent).toBe("whatIf");
    expect(a.amounts).toEqual([]);
    // Every member takes part in the datacenter: Arjeplog cannot join, and the answer says so.
    expect(a.text).toContain("Arjeplog deltar redan i Datacenter Norrbotten 2023");
    expect(a.followUps).toContain("Vad händer om Kalix lämnar Datacenter Norrbotten 2023?");

    const b = ask("Vad betalar Luleå om Kalix och Piteå går ur e-tjänsteplattformen 2023?");
    expect(of(b, "scenarioChange", "Kalix")?.scenario).toEqual({ remove: ["Kalix", "Piteå"] });
    expect(of(b, "scenario", "Luleå")).toBeDefined();
    // The municipality asked about comes first among the rows.
    expect(b.text.split("Per kommun, i dag → scenario: ")[1]?.startsWith("Luleå")).toBe(true);
  });

  it("refuses a municipality joining what it already takes part in, and offers what it can compute", () => {
    const a = ask("What if Arjeplog joins the datacenter?");
    expect(a.intent).toBe("whatIf");
    expect(a.language).toBe("en");
    expect(a.amounts).toEqual([]);
    expect(a.text).toContain("Arjeplog already takes part in Datacenter Norrbotten (DCBD) in 2022");
    expect(a.text).toContain("No year was given");
    expect(a.followUps).toContain("What if Arjeplog leaves Datacenter Norrbotten (DCBD) in 2022?");
  });

  it("re-splits by another model built as the domain schema writes it, with the item's population year", () => {
    const a = ask("Vad händer om grundfinansieringen fördelas per invånare 2023?");
    const model = of(a, "scenario", "Luleå")?.scenario?.model;
    // Grundfinansiering has no population key: the latest 31 December before 2023 in the data is 2020.
    expect(model).toEqual({ type: "population", total: "1127000", populationYear: 2020 });
    expect(a.text).toContain("befolkning 31 december 2020");
    expect(a.text).toContain("(i dag: lika delar)");

    const b = ask("What if the datacenter is split equally in 2023?");
    expect(of(b, "scenario", "Luleå")?.scenario?.model).toEqual({ type: "equal", total: "1200000" });
    const c = ask("Vad händer om e-arkivet fördelas hälften lika och hälften per invånare 2023?");
    expect(of(c, "scenario", "Luleå")?.scenario?.model).toEqual({
      type: "mixed",
      total: "322000",
      equalWeight: "0.5",
      populationYear: 2017,
    });
    for (const x of [a, b, c]) expect(scenarioProblems(x, datasets)).toEqual([]);
  });

  it("says when the item already is split that way, instead of computing the same split", () => {
    const a = ask("Om e-arkivet fördelas per invånare i stället 2023?");
    expect(a.intent).toBe("whatIf");
    expect(a.amounts).toEqual([]);
    expect(a.text).toContain("fördelas redan efter 1,25 kr per invånare");
    expect(a.followUps).toContain("Vad händer om E-arkiv delas lika 2023?");
  });

  it("raises a total by a percentage, and refuses a raise that says not how much", () => {
    const a = ask("Vad händer om grundfinansieringen höjs med 10 % 2023?");
    expect(of(a, "scenario", "Kalix")?.scenario?.model).toEqual({ type: "equal", total: "1239700" });
    const b = ask("Vad händer om budgeten för e-arkivet höjs 2023?");
    expect(b.amounts).toEqual([]);
    expect(b.text).toContain('"höjs" säger inte hur mycket');
  });

  it("computes a member leaving the committee item by item when no item is named", () => {
    const a = ask("Vad händer om Kalix lämnar nämnden 2023?");
    const items = norrbotten.costItems.filter((x) =>
      x.years.some((y) => y.year === 2023 && y.rule && y.status === "budgeted"),
    );
    for (const x of items) expect(of(a, "scenarioChange", "Kalix", x.id), x.id).toBeDefined();
    // The card's table sums the items per municipality.
    expect(JSON.stringify(a.card)).toContain("I dag, posterna sammanlagt");
    expect(a.followUps.length).toBeGreaterThanOrEqual(2);
    expect(a.followUps.length).toBeLessThanOrEqual(4);
    expect(scenarioProblems(a, datasets)).toEqual([]);
  });

  it("computes SkånEarkiv's maximum withdrawal with a member leaving and by population", () => {
    const a = ask("Vad händer om Ystad lämnar SkånEarkiv 2023?");
    expect(of(a, "scenarioChange", "Ystad")?.unit).toBe("tkr");
    expect(of(a, "scenarioChange", "Lund")?.amount).toBe("0");
    const b = ask("Vad händer om maxuttaget fördelas per invånare 2023?");
    expect(of(b, "scenario", "Lund")?.scenario?.model).toEqual({
      type: "population",
      total: "8970",
      populationYear: 2019,
    });
    for (const x of [a, b]) expect(scenarioProblems(x, datasets)).toEqual([]);
  });

  it("does not claim ordinary questions: 'om' as 'about', 'skulle' without a change", () => {
    for (const q of [
      "Vad vet du om e-arkivet?",
      "Vad skulle Kalix betala för e-learningplattform 2022?",
      "What would Luleå pay for e-learning in 2022?",
      "Vad tillkommer för e-arkivet?",
      "Hur fördelas e-arkivet per invånare?",
    ])
      expect(ask(q).intent, q).not.toBe("whatIf");
    for (const q of [
      "Vad vet du om e-arkivet?",
      "Vilka deltar i förstudien om e-learning?",
      "Vad skulle Kalix betala för e-learningplattform 2022?",
      "What would Luleå pay for e-learning in 2022?",
      "Vad tillkommer för e-arkivet?",
      "Vilka kommuner går med i e-arkivet?",
      "Hur fördelas e-arkivet per invånare?",
      "Varför ökar Kalix kostnad om man jämför 2022 och 2023?",
      "Vad händer om en risk inträffar?",
      "Har Kalix lämnat e-arkivet?",
      "When did Kalix join the e-committee?",
    ])
      expect(claims(q), q).toBe(false);
  });

  it("labels the card as a computed scenario, with the model and a today | scenario | change table", () => {
    const a = ask("What if Kalix leaves the e-archive in 2023?");
    const card = JSON.stringify(a.card);
    expect(card).toContain("Computed scenario");
    expect(card).toContain("not a published amount");
    expect(card).toContain("Rounding");
    expect(a.followUps.length).toBeGreaterThanOrEqual(2);
  });

  it("offers only questions it answers: every follow-up of a scenario is itself answered", () => {
    for (const q of [
      "Vad händer om Kalix lämnar e-arkivet 2023?",
      "What if Arjeplog joins the datacenter?",
      "Vad händer om Kalix lämnar nämnden 2023?",
      "What if Kalix leaves the e-archive in 2030?",
    ])
      for (const f of ask(q).followUps) {
        const a = ask(f);
        expect(a.intent, `${q} → ${f}: ${a.text}`).not.toBe("unknown");
        if (/^(Vad händer om|What if)/.test(f)) expect(a.amounts.length, f).toBeGreaterThan(0);
      }
  });

  it("catches a wrong scenario number (the check can fail)", () => {
    const a = ask("Vad händer om Kalix lämnar e-arkivet 2023?");
    const wrong = a.amounts.map((x) =>
      x.role === "scenario" && x.municipality === "Luleå" ? { ...x, amount: "98000" } : x,
    );
    expect(scenarioProblems({ ...a, amounts: wrong }, datasets)).toHaveLength(1);
    const published = a.amounts.map((x) =>
      x.role === "scenarioChange" && x.municipality === "Kalix"
        ? { ...x, provenance: { kind: "published" as const, document: "x", table: "y" } }
        : x,
    );
    expect(scenarioProblems({ ...a, amounts: published }, datasets)).toHaveLength(1);
  });
});

/** Every (item, budgeted year) of both collaborations, with today's participants. */
const itemYears = [norrbotten, skanearkiv].flatMap((d) =>
  d.costItems.flatMap((item) =>
    item.years
      .filter((y) => y.rule && y.status === "budgeted")
      .map((y) => ({ d, item, year: y.year, members: allocateCostItem(d, item.id, y.year).participants })),
  ),
);

describe("what-if: properties", () => {
  it("a member leaving: each change is after − before, the rows add up to the scenario's total, as the rounding allows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...itemYears),
        fc.nat(),
        fc.boolean(),
        ({ d, item, year, members }, seed, en) => {
          const leaver = members[seed % members.length] as string;
          const a = ask(
            en
              ? `What if ${leaver} leaves ${item.nameEn} in ${year}?`
              : `Vad händer om ${leaver} lämnar ${item.name} ${year}?`,
          );
          expect(a.intent).toBe("whatIf");
          const mine = a.amounts.filter(
            (x) => x.itemId === item.id && x.collaboration === d.collaboration.id,
          );
          const value = (role: AnswerAmount["role"], m: string | null) =>
            mine.find((x) => x.role === role && x.municipality === m)?.amount;
          for (const m of members) {
            const before = Number(value("allocation", m) ?? 0);
            const after = Number(value("scenario", m) ?? 0);
            // Amounts are whole kronor or tkr, so Number is exact here.
            expect(Number(value("scenarioChange", m))).toBe(after - before);
          }
          expect(value("scenario", leaver)).toBeUndefined();
          const rows = mine.filter((x) => x.role === "scenario" && x.municipality !== null);
          const sum = rows.reduce((t, x) => t + Number(x.amount), 0);
          expect(String(sum)).toBe(value("scenario", null));
          // The engine's rounding: largest remainder adds up to the model's total exactly; independent
          // rounding leaves each row less than one rounding unit (a month's, × 12) from its exact share.
          const r = whatIf(d, item.id, year, { remove: [leaver] });
          const unit = r.after.rounding.unit * (r.after.rounding.period === "month" ? 12 : 1);
          const gap = r.totalAfter.minus(r.after.underlyingTotal.value).abs();
          if (r.after.rounding.total === "largestRemainder") expect(gap.isZero()).toBe(true);
          else expect(gap.lt(unit * rows.length)).toBe(true);
          expect(scenarioProblems(a, datasets)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("what-if evaluation module", () => {
  it("has at least 60 cases in Swedish and English (answered right, every scenario amount the engine's: test/eval.test.ts)", () => {
    expectEnoughCases(cases({ norrbotten, skanearkiv }), 60);
  });
});
