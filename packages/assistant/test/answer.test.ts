import { describe, expect, it } from "vitest";
import { answer } from "../src/index.js";
import { datasets } from "./support.js";

const ctx = { datasets, now: "2022-09-01" };

describe("an answer", () => {
  it("carries the amount exactly, with unit and the table it is printed in", () => {
    const a = answer("Vad betalar Kalix för e-arkiv 2023?", ctx);
    expect(a.text.startsWith("Kalix betalar 21 000 kr för E-arkiv 2023.")).toBe(true);
    expect(a.amounts).toEqual([
      {
        role: "allocation",
        collaboration: "norrbotten",
        municipality: "Kalix",
        item: "E-arkiv",
        itemId: "e-arkiv",
        year: 2023,
        amount: "21000",
        unit: "kr",
        provenance: {
          kind: "published",
          document: "004_6c05a2f9a5cc7b0e.txt",
          table: "Gemensamma tjänster 2023",
          tableId: "nb2023_earkiv",
          lines: [2335, 2371],
        },
      },
    ]);
    expect(a.year).toEqual({ value: 2023, source: "question" });
  });

  it("says which model computed an amount that no document prints", () => {
    const a = answer("what does Kalix pay for the business developer in 2023?", ctx);
    expect(a.language).toBe("en");
    expect(a.amounts[0]?.provenance).toEqual({
      kind: "computed",
      model: "fixedKey",
      description: "a fixed allocation key",
    });
    expect(a.text).toMatch(/67 100 kr \(computed, not published\)/);
  });

  it("states the year it assumed, and how it read a misspelt name", () => {
    const a = answer("Vad betalar Kalx för earkiv?", { datasets, now: "2023-05-01" });
    expect(a.year).toEqual({ value: 2023, source: "now" });
    expect(a.text).toContain("Inget år angavs, så svaret gäller innevarande budgetår 2023.");
    expect(a.text).toContain('Jag tolkade "Kalx" som Kalix.');
  });

  it("is an Adaptive Card for Teams with the follow-ups as Action.Submit buttons sending { question }", () => {
    const a = answer("Vem betalar mest för e-arkivet 2023?", ctx);
    expect(a.card.type).toBe("AdaptiveCard");
    const actions = a.card.actions as { type: string; data: { question: string } }[];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0]?.type).toBe("Action.Submit");
    expect(actions.map((x) => x.data.question)).toEqual(a.followUps.slice(0, actions.length));
    expect(JSON.stringify(a.card)).toContain("Luleå");
  });

  it("asks back when a name fits two municipalities, offering both", () => {
    const a = answer("Vad betalar Över… för e-arkiv 2023?", ctx);
    expect(a.intent).toBe("clarify");
    expect(a.options).toEqual(["Överkalix", "Övertorneå"]);
    expect(a.followUps).toEqual([
      "Vad betalar Överkalix för e-arkiv 2023?",
      "Vad betalar Övertorneå för e-arkiv 2023?",
    ]);
    expect(a.amounts).toEqual([]);
  });

  it("gives meetings as ISO times with the collaboration's offset (summer and winter time)", () => {
    const a = answer("Vilka sammanträden har nämnden 2022?", ctx);
    expect(a.meetings.map((m) => [m.start, m.end])).toEqual([
      ["2022-03-16T13:00:00+01:00", "2022-03-16T16:00:00+01:00"],
      ["2022-06-22T13:00:00+02:00", "2022-06-22T16:00:00+02:00"],
      ["2022-10-12T10:00:00+02:00", "2022-10-12T16:00:00+02:00"],
      ["2022-12-14T10:00:00+01:00", "2022-12-14T16:00:00+01:00"],
    ]);
    expect(a.meetings[0]?.body).toBe("committee");
  });

  it("takes now as a Date, reading it in the collaboration's time zone", () => {
    // 23:30 UTC on 31 December 2022 is already 2023 in Stockholm.
    const a = answer("Vad betalar Kalix för e-arkiv i år?", {
      datasets,
      now: new Date("2022-12-31T23:30:00Z"),
    });
    expect(a.year?.value).toBe(2023);
  });

  it("answers about the default collaboration unless told otherwise, and takes datasets as a record", () => {
    const record = { norrbotten: datasets[0], skanearkiv: datasets[1] } as never;
    expect(answer("Vilka kommuner är med?", { datasets: record, now: "2022-09-01" }).collaboration).toBe(
      "norrbotten",
    );
    const a = answer("Vilka kommuner är med?", {
      datasets,
      now: "2022-09-01",
      defaultCollaboration: "skanearkiv",
    });
    expect(a.collaboration).toBe("skanearkiv");
    expect(a.text).toContain("16 medlemmar");
  });

  it("is deterministic: the same question and now give the same answer", () => {
    const q = "Hur har Kalix kostnader förändrats från 2022 till 2023?";
    expect(answer(q, ctx)).toEqual(answer(q, ctx));
  });

  it("rejects a context it cannot answer from (no datasets, a now that is not a date)", () => {
    expect(() => answer("hej", { datasets: [], now: "2022-09-01" })).toThrow(TypeError);
    expect(() => answer("hej", { datasets, now: "igår" })).toThrow(RangeError);
  });
});
