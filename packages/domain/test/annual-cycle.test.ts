import { describe, expect, it } from "vitest";
import { annualCycleForMeeting, annualCycleSchema } from "../src/index.js";

// A small årshjul in the shape of Norrbotten's: June decides the budget; September/October has a
// decision and the strategy day's activity.
const cycle = annualCycleSchema.parse({
  source: "test",
  entries: [
    {
      id: "juni",
      label: "Juni",
      months: [6],
      items: [{ kind: "decision", text: "Beslut om budget", textEn: "Budget" }],
    },
    {
      id: "hosten",
      label: "September/Oktober",
      months: [9, 10],
      items: [
        { kind: "decision", text: "Beslut om delårsrapport 2", textEn: "Interim report 2" },
        { kind: "activity", text: "Riskanalys (strategidag)", textEn: "Risk analysis" },
      ],
    },
  ],
});
const texts = (m: Parameters<typeof annualCycleForMeeting>[1]) =>
  annualCycleForMeeting(cycle, m).map((x) => x.item.text);

describe("annualCycleForMeeting", () => {
  it("puts the month's decisions on a committee meeting", () => {
    expect(texts({ date: "2022-06-22", body: "committee" })).toEqual(["Beslut om budget"]);
    expect(texts({ date: "2022-10-12", body: "committee" })).toEqual(["Beslut om delårsrapport 2"]);
  });

  it("puts activities on a strategy day and nothing on the preparatory group", () => {
    expect(texts({ date: "2022-09-20", endDate: "2022-09-21", body: "strategyDay" })).toEqual([
      "Riskanalys (strategidag)",
    ]);
    expect(texts({ date: "2022-06-01", body: "preparatoryGroup" })).toEqual([]);
  });

  it("takes every month a meeting spans, each entry once", () => {
    expect(texts({ date: "2022-09-30", endDate: "2022-10-01", body: "committee" })).toEqual([
      "Beslut om delårsrapport 2",
    ]);
    expect(texts({ date: "2022-06-30", endDate: "2022-07-01", body: "committee" })).toEqual([
      "Beslut om budget",
    ]);
    expect(texts({ date: "2022-01-15", body: "committee" })).toEqual([]);
  });
});
