import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../../src/index.js";
import { cases } from "../eval/topics/goals.js";
import { datasets } from "../support.js";
import { expectEnoughCases, expectFollowUpsAnswered } from "./expect.js";

const [norrbotten, skanearkiv] = datasets as [Dataset, Dataset];
const ask = (q: string, now = "2022-09-01"): Answer => answer(q, { datasets, now });
const goals2022 = norrbotten.goals.filter((g) => g.year === 2022);

/** The card's table rows, as the card JSON carries them (one per goal shown). */
function tableRows(a: Answer): number {
  const body = JSON.stringify(a.card);
  return (body.match(/"type":"TableRow"/g) ?? []).length - 1;
}

describe("the goals topic", () => {
  it("lists every goal and indicator of the year, labelled, with target, forecast and the sources", () => {
    const a = ask("Vilka mål har nämnden 2022?");
    expect(a.intent).toBe("goals");
    expect(a.amounts).toEqual([]);
    expect(a.year).toEqual({ value: 2022, source: "question" });
    for (const g of goals2022) expect(a.text).toContain(g.text.replace(/\.$/, ""));
    expect(a.text).toContain("– Mål: ");
    expect(a.text).toContain("– Indikator: ");
    expect(a.text).toContain("Målvärde: minst 4 sammanträden");
    expect(a.text).toContain("Verksamhetsplan 2022, 004_6c05a2f9a5cc7b0e.txt");
    expect(a.text).toContain("Delårsrapport januari–maj 2022, per 31 maj 2022");
    expect(tableRows(a)).toBe(goals2022.length);
    expect(JSON.stringify(a.card)).toContain("Källa");
  });

  it("answers in English with the English goal texts and the forecast in words", () => {
    const a = ask("What are the committee's goals for 2022?");
    expect(a.language).toBe("en");
    for (const g of goals2022) expect(a.text).toContain(g.textEn.replace(/\.$/, ""));
    expect(a.text).toContain("8 will be met, 2 at risk of not being met; 1 not followed up");
    expect(a.text).not.toContain("Prognos");
  });

  it("finds one goal by its subject and gives its measurements as printed", () => {
    const a = ask("Hur går det med målet om närvaro?");
    expect(a.intent).toBe("goals");
    expect(a.text).toMatch(/^Målet "Ingående kommuner visar/);
    expect(a.text).toContain("9 av 14 (ca 64%)");
    expect(a.text).toContain("prognos risk att det inte nås");
    expect(a.text).toContain("Inget år angavs, så svaret gäller innevarande budgetår 2022");
    expect(tableRows(a)).toBe(1);
  });

  it("narrows by words after om/about only, and says when no goal has them", () => {
    // "adopted" is a word of the handbook indicator's text, but it names no subject here.
    expect(tableRows(ask("What goals has the committee adopted?"))).toBe(goals2022.length);
    expect(tableRows(ask("Vilka mål har nämnden beslutat om för 2022?"))).toBe(goals2022.length);
    const none = ask("Vad är målet med e-arkivet?");
    expect(none.text).toMatch(/^Inget av målen för 2022 nämner "e-arkivet"; här är alla\./);
    expect(tableRows(none)).toBe(goals2022.length);
  });

  it("gives the indicators alone when only indicators are asked for", () => {
    const a = ask("Vilka indikatorer finns?");
    expect(a.text).not.toContain("– Mål: ");
    expect(tableRows(a)).toBe(goals2022.filter((g) => g.kind === "indicator").length);
  });

  it("lists only the goals at risk when asked which are at risk, though 'risk' is a risk word", () => {
    const a = ask("Which goals are at risk in 2022?");
    expect(a.intent).toBe("goals");
    const atRisk = goals2022.filter((g) => g.followUps.at(-1)?.forecast === "atRisk");
    expect(tableRows(a)).toBe(atRisk.length);
  });

  it("says which years have goals when the year asked has none, and never answers another year", () => {
    const a = ask("Vilka mål har nämnden 2023?");
    expect(a.text).toBe("Det finns inga mål eller indikatorer för 2023 i datat. Mål finns för 2022.");
    expect(a.followUps).toContain("Vilka mål har nämnden 2022?");
  });

  it("says so when no year was given and now's year has no goals, and answers the latest year", () => {
    const a = ask("Vilka mål har nämnden?", "2023-03-01");
    expect(a.text).toMatch(/^Inget år angavs och det finns inga mål för innevarande budgetår 2023/);
    expect(a.year?.value).toBe(2022);
  });

  it("says SkånEarkiv has no goals, and which collaboration has them", () => {
    const a = ask("Vilka mål har SkånEarkiv?");
    expect(a.intent).toBe("goals");
    expect(a.collaboration).toBe(skanearkiv.collaboration.id);
    expect(a.text).toBe(
      "SkånEarkiv har inga mål eller indikatorer i datat. Mål och indikatorer finns för Norrbottens e-nämnd.",
    );
  });

  it("leaves measured attendance at a meeting to the attendance answer", () => {
    expect(ask("Når nämnden målet om 75 % närvaro?").intent).toBe("attendance");
    expect(ask("Hur var närvaron på sammanträdet 16 mars?").intent).toBe("attendance");
    expect(ask("Vad är målet för närvaro?").intent).toBe("goals");
  });

  it("suggests two to four next questions in the answer's language, each answered", () => {
    expectFollowUpsAnswered(
      ask,
      [
        ["Vilka mål har nämnden 2022?", "sv"],
        ["målet om närvaro", "sv"],
        ["Which indicators are there?", "en"],
      ],
      ["goals", "risks", "attendance"],
    );
  });

  it("follows a conversation to another year", () => {
    const first = ask("Vilka mål har nämnden 2022?");
    const next = answer("och 2023?", { datasets, now: "2022-09-01", previous: first.turn });
    expect(next.intent).toBe("goals");
    expect(next.interpretedAs).toBe("Vilka mål har nämnden 2023?");
  });
});

describe("the goals topic's evaluation cases", () => {
  it("are at least 50, in Swedish and English (answered right: test/eval.test.ts)", () => {
    expectEnoughCases(cases({ norrbotten, skanearkiv }), 50);
  });
});
