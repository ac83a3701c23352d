import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../../src/index.js";
import { cases } from "../eval/topics/risks.js";
import { datasets } from "../support.js";
import { expectEnoughCases, expectFollowUpsAnswered } from "./expect.js";

const [norrbotten, skanearkiv] = datasets as [Dataset, Dataset];
const ask = (q: string, now = "2022-09-01"): Answer => answer(q, { datasets, now });
const risks2022 = norrbotten.risks.filter((r) => r.year === 2022);

/** The numbered lines of a list answer, in order. */
const lines = (a: Answer) => a.text.split("\n").filter((l) => /^\d+\. /.test(l));

describe("the risks topic", () => {
  it("ranks the plan by risk value, with the working, decision, role and method, and the source", () => {
    const a = ask("Vilka risker finns 2022?");
    expect(a.intent).toBe("risks");
    expect(a.amounts).toEqual([]);
    const values = lines(a).map((l) => Number(/ = (\d+),/.exec(l)?.[1]));
    expect(values).toEqual([...risks2022.map((r) => r.riskValue)].sort((x, y) => y - x));
    expect(lines(a)[0]).toBe(
      '1. "Kontrollera att projekt följer plan för tid, mål och budget": 3 × 3 = 9, hanteras via internkontroll. Ansvarig: samordnare. Metod: Avstämning med projektledare.',
    );
    expect(a.text).toContain("Internkontrollplan 2022 (Verksamhetsplan 2022, 004_6c05a2f9a5cc7b0e.txt)");
    expect(a.text).toContain("2 hanteras via internkontroll och 2 accepteras");
    expect(JSON.stringify(a.card)).toContain("Riskvärde");
  });

  it("limits 'the biggest' to the highest values, ties with the last one included", () => {
    expect(lines(ask("Vilka är de största riskerna?"))).toHaveLength(3);
    const two = ask("De två största riskerna 2022");
    expect(lines(two)).toHaveLength(3);
    expect(two.text).toContain("3 i stället för 2: flera har samma riskvärde");
    const one = ask("What is the biggest risk?");
    expect(one.language).toBe("en");
    expect(one.text).toMatch(/^The biggest risk in the internal-control plan 2022/);
    expect(one.text).toContain("3 × 3 = 9");
    expect(one.text).not.toContain("2 × 4 = 8");
  });

  it("filters by decision, also when the question says not", () => {
    const accepted = ask("vilka risker accepteras?");
    expect(lines(accepted).every((l) => l.includes("accepteras."))).toBe(true);
    expect(lines(accepted)).toHaveLength(risks2022.filter((r) => r.decision === "accepted").length);
    const control = ask("which risks are handled by internal control");
    expect(control.text).not.toContain("Collaboration does not take place");
    expect(lines(control).every((l) => l.includes("handled by internal control."))).toBe(true);
    expect(
      lines(ask("Vilka risker hanteras inte via internkontroll?")).every((l) => l.includes("accepteras.")),
    ).toBe(true);
  });

  it("finds one risk by its subject and says who is responsible", () => {
    const a = ask("who is responsible for the risk about supplier agreements");
    expect(a.text).toContain('"Existing supplier agreements are not complied with and not followed up"');
    expect(a.text).toContain('Responsible: "Utsedd förvaltningsorganisation" (as printed)');
    expect(a.text).toContain("2 × 4 = 8");
    const role = ask("Who is responsible for the risk about projects?");
    expect(role.text).toContain('Responsible: Coordinator ("samordnare")');
  });

  it("ranks and filters by likelihood or a score when asked", () => {
    const likely = ask("Vilken risk har högst sannolikhet?");
    expect(likely.text).toMatch(/^De 2 riskerna med högst sannolikhet/);
    const above = ask("Vilka risker har riskvärde över 6?");
    expect(lines(above)).toHaveLength(risks2022.filter((r) => r.riskValue > 6).length);
    const none = ask("risks with a risk value above 20");
    expect(none.text).toMatch(/^No risk in the internal-control plan 2022 .* has a risk value above 20\./);
  });

  it("leaves 'when is the plan decided' to the annual cycle, and keeps risk texts that speak of mål", () => {
    expect(ask("When is the internal control plan decided?").intent).toBe("annualCycle");
    expect(ask("När beslutas riskanalysen?").intent).toBe("annualCycle");
    expect(
      ask('Vilket riskvärde har "Kontrollera att projekt följer plan för tid, mål och budget"?').intent,
    ).toBe("risks");
  });

  it("says which years have a plan when the year asked has none", () => {
    expect(ask("riskanalys 2023").text).toBe(
      "Det finns ingen internkontrollplan för 2023 i datat. Det finns för 2022.",
    );
  });

  it("says SkånEarkiv has no internal-control plan, and which collaboration has one", () => {
    const a = ask("Vilka risker har Lund?");
    expect(a.collaboration).toBe(skanearkiv.collaboration.id);
    expect(a.text).toBe(
      "SkånEarkiv har ingen internkontrollplan eller riskanalys i datat. Det finns för Norrbottens e-nämnd.",
    );
  });

  it("suggests two to four next questions in the answer's language, each answered", () => {
    expectFollowUpsAnswered(
      ask,
      [
        ["Vilka risker finns?", "sv"],
        ["what are the biggest risks", "en"],
        ["vilka risker accepteras?", "sv"],
      ],
      ["risks", "goals"],
    );
  });
});

describe("the risks topic's evaluation cases", () => {
  it("are at least 50, in Swedish and English (answered right: test/eval.test.ts)", () => {
    expectEnoughCases(cases({ norrbotten, skanearkiv }), 50);
  });
});
