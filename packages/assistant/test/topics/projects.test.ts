import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../../src/index.js";
import { cases } from "../eval/topics/projects.js";
import { datasets, unsupportedAmounts } from "../support.js";
import { expectEnoughCases, expectFollowUpsAnswered } from "./expect.js";

const [norrbotten, skanearkiv] = datasets as [Dataset, Dataset];
const ask = (q: string, now = "2022-09-01"): Answer => answer(q, { datasets, now });

describe("the projects topic", () => {
  it("lists the projects under way with phase, time plan and status, and the services in operation apart", () => {
    const a = ask("Vilka projekt pågår?");
    expect(a.intent).toBe("projects");
    const lines = a.text.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(norrbotten.projects.filter((p) => p.phase !== "operations").length);
    expect(lines[0]).toMatch(
      /^1\. Gemensamt verksamhetssystem Socialtjänsten Norrbotten — införande \(i planen: "Realisering\/införande"\), 2017–2022\. Status: Rekrytering/,
    );
    expect(a.text).toContain("I drift och förvaltning dessutom: Gemensam e-tjänsteplattform");
    expect(a.text).toContain("Källa (plan): Verksamhetsplan 2022, 004_6c05a2f9a5cc7b0e.txt.");
    expect(a.text).toContain(
      "Källa (status): Protokoll § 14 (ärendenr 2022/15-2.2.0.1), juni 2022, 004_6c05a2f9a5cc7b0e.txt.",
    );
    expect(JSON.stringify(a.card)).toContain("Tidplan");
    const pre = ask("Vilka förstudier finns?");
    expect(pre.text).toMatch(/^Norrbottens e-nämnd har 2 förstudier:/);
  });

  it("answers a project's status as reported, also inside a compound or misspelt, and says how it read the name", () => {
    const a = ask("Vad är status för datacenterprojektet?");
    expect(a.text).toMatch(/^Datat|^Datacenter Norrbotten \(DCBD\): Status \(Protokoll § 14/);
    expect(a.text).toContain("Älvsbyn, Boden och Gällivare är inne i plattformen");
    expect(a.text).toContain('Jag tolkade "datacenterprojektet" som Datacenter Norrbotten (DCBD).');
    const en = ask("What is the status of the e-learning pre-study?");
    expect(en.language).toBe("en");
    expect(en.text).toContain("quoted in Swedish): Förstudie genomförd (avrapporteras i separat ärende).");
    expect(ask("Vad är status för elevhälsn?").text).toContain(
      'Jag tolkade "elevhälsn" som Gemensamt system elevhälsan.',
    );
  });

  it("answers the time plan, the end when asked, and quotes a time plan without years", () => {
    expect(ask("När slutar projektet elevhälsan?").text).toContain("Enligt tidplanen slutar det 2022.");
    expect(ask("När slutar Förvaltning ramavtal?").text).toContain(
      'Tidplanen lyder: "Respektive avtalslängd".',
    );
  });

  it("costs a project through its cost item with the engine's amounts, and says so when it has none", () => {
    const a = ask("Hur mycket kostar förstudien om e-learning?");
    expect(a.intent).toBe("projects");
    expect(a.text).toMatch(
      /^Gemensam e-learning plattform betalas via kostnadsposten Årlig kostnad \(e-learning\)\./,
    );
    expect(a.amounts.find((x) => x.role === "itemTotal")?.itemId).toBe("e-learning-arlig-kostnad");
    expect(unsupportedAmounts(a)).toEqual([]);
    // The ECO system's item has a split for 2023 only: said, never a silent switch of year.
    const eco = ask("Vem betalar för socialtjänstsystemet?");
    expect(eco.text).toMatch(/^Deltar: alla 14 medlemmar\./);
    expect(eco.text).toContain("har ingen fördelning för innevarande budgetår 2022, så svaret gäller 2023");
    expect(eco.text).toContain('"För 2022 är följande budget beslutad av ingående kommuner: 930 600 kr');
    expect(unsupportedAmounts(eco)).toEqual([]);
    const none = ask("Hur mycket kostar projektet elevhälsan?");
    expect(none.text).toBe("Datat har ingen kostnadspost eller budget för Gemensamt system elevhälsan.");
    expect(none.amounts).toEqual([]);
  });

  it("leaves who takes part, a municipality's cost, the most and least and a split to the older intents", () => {
    expect(ask("Vilka deltar i förstudien om e-learning?").intent).toBe("participants");
    expect(ask("Vilka deltar i förstudien?").intent).toBe("clarify");
    expect(ask("Vad betalar Boden för HR-förstudien?").intent).toBe("itemCost");
    expect(ask("Vem betalar mest och minst för HR-förstudien 2022?").intent).toBe("itemTotal");
    expect(ask("Hur fördelas kostnaden för HR-förstudien?").intent).toBe("itemSplit");
  });

  it("says SkånEarkiv has no projects, and which collaboration has them", () => {
    const a = ask("Vilka projekt har Lund?");
    expect(a.collaboration).toBe(skanearkiv.collaboration.id);
    expect(a.text).toBe(
      "SkånEarkiv har inga projekt eller förstudier i datat. Det finns för Norrbottens e-nämnd.",
    );
  });

  it("suggests two to four next questions in the answer's language, each answered", () => {
    expectFollowUpsAnswered(
      ask,
      [
        ["Vilka projekt pågår?", "sv"],
        ["What is the status of the e-learning pre-study?", "en"],
        ["Vad kostar projektet ECO?", "sv"],
      ],
      ["projects", "participants"],
    );
  });
});

describe("the projects topic's evaluation cases", () => {
  it("are at least 50, in Swedish and English (answered right: test/eval.test.ts)", () => {
    expectEnoughCases(cases({ norrbotten, skanearkiv }), 50);
  });
});
