import type { Dataset } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { answer, type Answer } from "../../src/index.js";
import { cases } from "../eval/topics/decisions.js";
import { datasets } from "../support.js";
import { expectEnoughCases, expectFollowUpsAnswered } from "./expect.js";

const [norrbotten, skanearkiv] = datasets as [Dataset, Dataset];
const ask = (q: string, now = "2022-09-01"): Answer => answer(q, { datasets, now });
const paragraph = (n: number) => norrbotten.decisions.find((x) => x.paragraph === n);

describe("the decisions topic", () => {
  it("answers one decision in full: §, ärendenr, title, the decision as minuted, meeting, source", () => {
    const a = ask("Vad beslutade nämnden om budget 2023?");
    expect(a.intent).toBe("decisions");
    expect(a.text).toMatch(
      /^§ 12 Budget 2023 \(ärendenr 2022\/13-2\.2\.0\.1\), nämndens sammanträde 22 juni 2022\./,
    );
    expect(a.text).toContain('Beslut: "E- nämnden beslutar att godkänna budgeten för 2023".');
    expect(a.text).toContain(
      "Källa: protokollet från nämndens sammanträde 22 juni 2022, 004_6c05a2f9a5cc7b0e.txt",
    );
    expect(a.meetings.map((m) => m.start)).toEqual(["2022-06-22T13:00:00+02:00"]);
    expect(a.amounts).toEqual([]);
    expect(JSON.stringify(a.card)).toContain("Ärendenr");
  });

  it("quotes the meeting plan's note when the date of the minutes is not printed", () => {
    const note = norrbotten.meetings.find((m) => m.date === paragraph(12)?.meetingDate)?.note ?? "";
    const a = ask("§ 12");
    expect(note).toContain("inte tryckt");
    expect(a.text).toContain("Om datumet säger sammanträdesplanen:");
    expect(a.text).toContain("sammanträdesdatumet är inte tryckt i utdraget");
    // Only the note's sentences about the minutes, not its remark on the meeting's status.
    expect(a.text).not.toContain("Status följer");
  });

  it("finds decisions by paragraph, case number, meeting, recipient and subject", () => {
    expect(ask("paragraf 14").text).toMatch(/^§ 14 Information om aktuella och pågående aktiviteter/);
    expect(ask("ärende 2022/13-2.2.0.1").text).toMatch(/^§ 12 Budget 2023/);
    expect(ask("ärende 2022/13").text).toMatch(/^§ 12 Budget 2023/);
    const june = ask("Vilka beslut togs 22 juni 2022?");
    expect(june.text.split("\n").filter((l) => l.startsWith("§ "))).toHaveLength(norrbotten.decisions.length);
    expect(ask("vilka beslut skickades till Kiruna?").text).toMatch(/^§ 8 Grundläggande granskning Kiruna/);
    const review = ask("beslut om grundläggande granskning");
    expect(review.text).toMatch(
      /^3 beslut om "grundläggande granskning" — nämndens sammanträde 22 juni 2022, § 8–§ 10:/,
    );
    expect(ask("§ 8–10").text).toMatch(/^3 beslut/);
  });

  it("looks for an English subject by the minutes' Swedish words, and says the text is quoted in Swedish", () => {
    const a = ask("What did the committee decide about the interim report?");
    expect(a.language).toBe("en");
    expect(a.text).toMatch(
      /^§ 16 Delårsrapport 2022 \(case no\. 2022\/17-1\.1\.1\.2\), the committee meeting of 22 June 2022\./,
    );
    expect(a.text).toContain("The decision, quoted in Swedish as minuted:");
    expect(ask("What was decided about the regulations?").text).toMatch(
      /^§ 15 Information gällande revidering av reglemente/,
    );
    // Internal control is the risks' word too: their plan has decisions of its own.
    expect(ask("Vilka risker beslutades att accepteras?").intent).toBe("risks");
  });

  it("never gives another decision: says what was searched and lists what exists", () => {
    const none = ask("Vad beslutades i § 20?");
    expect(none.text).toMatch(
      /^Jag hittade inget beslut med § 20 i protokollen i datat\. Protokoll finns från nämndens sammanträde 22 juni 2022 \(§ 8–§ 16\)\./,
    );
    expect(none.text).toContain("§ 12 Budget 2023");
    const march = ask("Vilka beslut togs 16 mars 2022?");
    expect(march.text).toContain(
      "Nämndens sammanträde 16 mars 2022 finns i sammanträdesplanen, men dess protokoll finns inte i datat.",
    );
    expect(ask("Vad beslutade nämnden om budget 2024?").text).toMatch(
      /^Jag hittade inget beslut från 2024 och om "budget"/,
    );
    const partly = ask("Vad beslutade nämnden om budget och skolskjutsar?");
    expect(partly.text).toMatch(/^§ 12 Budget 2023/);
    expect(partly.text).toContain('Inget beslut nämner "skolskjutsar".');
  });

  it("leaves what is to be decided to the annual cycle, and takes what was decided", () => {
    for (const q of [
      "Vad ska beslutas i juni?",
      "What is decided in June?",
      "När beslutas budgeten?",
      "What has to be decided in December?",
      "Vilka beslut fattas i oktober?",
      "Vad ska beslutas på nästa sammanträde?",
    ])
      expect(ask(q).intent, q).toBe("annualCycle");
    for (const q of [
      "När beslutades budgeten?",
      "When was the budget decided?",
      "What was decided in June 2022?",
      "senaste besluten",
      "Vilka beslut finns?",
    ])
      expect(ask(q).intent, q).toBe("decisions");
  });

  it("says SkånEarkiv has no minutes, and which collaboration has them", () => {
    const a = ask("Vilka beslut har SkånEarkiv fattat?");
    expect(a.collaboration).toBe(skanearkiv.collaboration.id);
    expect(a.text).toBe(
      "SkånEarkiv har inga protokoll eller beslut i datat. Det finns för Norrbottens e-nämnd.",
    );
  });

  it("suggests two to four next questions in the answer's language, each answered", () => {
    expectFollowUpsAnswered(
      ask,
      [
        ["§ 12", "sv"],
        ["What was decided on 22 June 2022?", "en"],
        ["Vad beslutades i § 40?", "sv"],
      ],
      ["decisions", "annualCycle"],
    );
  });
});

describe("the decisions topic's evaluation cases", () => {
  it("are at least 50, in Swedish and English (answered right: test/eval.test.ts)", () => {
    expectEnoughCases(cases({ norrbotten, skanearkiv }), 50);
  });
});
