import { describe, expect, it } from "vitest";
import { answer, asConversationTurn } from "../src/index.js";
import { datasets } from "./support.js";

describe("asConversationTurn", () => {
  it("reads back what answer() hands out, through JSON, so a store can keep it", () => {
    const a = answer("Vad betalar Kalix för e-arkiv 2023?", { datasets, now: "2022-09-01" });
    const stored = JSON.parse(JSON.stringify(a.turn));
    expect(asConversationTurn(stored)).toEqual(a.turn);
    const next = answer("och 2022?", { datasets, now: "2022-09-01", previous: asConversationTurn(stored) });
    expect(next.amounts[0]).toMatchObject({ municipality: "Kalix", itemId: "e-arkiv", year: 2022 });
  });

  it("drops a row of another shape instead of trusting it", () => {
    for (const bad of [
      null,
      "x",
      {},
      { question: "", language: "sv", intent: "itemCost" },
      { question: "q", language: "de", intent: "itemCost" },
      { question: "q", language: "sv", intent: "dropTables" },
      { question: "q", language: "sv", intent: "itemCost", year: 2022.5 },
      { question: "q", language: "sv", intent: "itemCost", collaboration: 7 },
    ])
      expect(asConversationTurn(bad)).toBeUndefined();
  });
});
