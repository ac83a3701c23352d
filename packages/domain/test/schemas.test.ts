import { describe, expect, it } from "vitest";
import {
  annualCycleFor,
  checkPublishedTable,
  collaborationSchema,
  decimalSchema,
  describeSource,
  meetingSchema,
  membersOn,
  problemsFromZod,
  riskSchema,
  allocationRuleSchema,
} from "../src/index.js";

describe("schemas say what is wrong in plain words", () => {
  it("a risk whose riskvärde is not sannolikhet × konsekvens", () => {
    const r = riskSchema.safeParse(
      {
        id: "r",
        year: 2022,
        controlPoint: "x",
        controlPointEn: "x",
        responsible: "samordnare",
        method: "m",
        likelihood: 3,
        consequence: 3,
        riskValue: 8,
        decision: "accepted",
        analysis: "a",
      },
      { reportInput: true },
    );
    expect(r.success).toBe(false);
    expect(r.error && problemsFromZod("risks.yaml", r.error)).toEqual([
      { file: "risks.yaml", path: "riskValue", message: "riskValue is not likelihood × consequence" },
    ]);
  });

  it("a meeting that ends before it starts, and an impossible date", () => {
    const r = meetingSchema.safeParse({
      id: "m",
      body: "committee",
      date: "2022-06-22",
      startTime: "16:00",
      endTime: "13:00",
    });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["endTime is not after startTime"]);
    const d = meetingSchema.safeParse({ id: "m", body: "committee", date: "2022-02-30" });
    expect(d.error?.issues.map((i) => i.message)).toEqual(["is not a real calendar date"]);
  });

  it("an unknown allocation model names the models there are", () => {
    const r = allocationRuleSchema.safeParse({ model: { type: "perHead", total: 1 } }, { reportInput: true });
    expect(r.error && problemsFromZod("cost-items.yaml", r.error)[0]?.message).toMatch(
      /model\.type must be one of "equal", "population", "mixed"/,
    );
  });

  it("a rule without rounding or participants takes the defaults", () => {
    const rule = allocationRuleSchema.parse({ model: { type: "equal", total: "1127000" } });
    expect(rule.participants).toBe("allMembers");
    expect(rule.rounding).toBeUndefined();
    expect(rule.unit).toBe("kr");
  });
});

describe("pure helpers", () => {
  const collaboration = collaborationSchema.parse({
    id: "x",
    name: "X",
    nameEn: "X",
    kind: "gemensam nämnd",
    host: "A",
    unit: "kr",
    defaultRounding: { unit: 100, mode: "ceil" },
    members: [
      { municipality: "A", from: "2013-01-01" },
      { municipality: "B", from: "2013-01-01", to: "2021-12-31" },
      { municipality: "C", from: "2022-07-01" },
    ],
  });

  it("members on a date honour membership periods", () => {
    expect(membersOn(collaboration, "2021-06-01")).toEqual(["A", "B"]);
    expect(membersOn(collaboration, "2022-01-01")).toEqual(["A"]);
    expect(membersOn(collaboration, "2022-07-01")).toEqual(["A", "C"]);
  });

  it("a table check adds exactly and reports the printed difference", () => {
    const check = checkPublishedTable({
      rows: { A: decimalSchema.parse("0.1"), B: decimalSchema.parse("0.2") },
      totalPrinted: decimalSchema.parse("0.3"),
    });
    expect(check.totalMatchesRowSum).toBe(true);
    expect(
      checkPublishedTable({
        rows: { A: decimalSchema.parse(1) },
        totalPrinted: decimalSchema.parse(2),
      }).difference.toString(),
    ).toBe("1");
  });

  it("describes a source in Swedish and English", () => {
    const s = {
      document: "004.txt",
      title: "Budget 2023",
      section: "Gemensamma tjänster 2023",
      lines: [2335, 2371] as [number, number],
    };
    expect(describeSource(s)).toBe("Budget 2023, Gemensamma tjänster 2023 (004.txt, rad 2335–2371)");
    expect(describeSource(s, "en")).toBe("Budget 2023, Gemensamma tjänster 2023 (004.txt, lines 2335–2371)");
  });

  it("finds the årshjul entries of a month", () => {
    const cycle = {
      source: "s",
      standingItems: [],
      entries: [
        {
          id: "juni",
          label: "Juni",
          months: [6],
          items: [{ kind: "decision" as const, text: "Beslut om budget", textEn: "Budget" }],
        },
        {
          id: "hosten",
          label: "September/Oktober",
          months: [9, 10],
          items: [{ kind: "decision" as const, text: "Delårsrapport 2", textEn: "Interim 2" }],
        },
      ],
    };
    expect(annualCycleFor(cycle, 10).map((e) => e.id)).toEqual(["hosten"]);
    expect(annualCycleFor(cycle, 1)).toEqual([]);
  });
});

describe("Swedish number formatting", async () => {
  const { formatMoney, formatNumber } = await import("../src/index.js");
  it("groups thousands with spaces and uses a decimal comma", () => {
    expect(formatMoney(decimalSchema.parse(1127000))).toBe("1 127 000 kr");
    expect(formatNumber(decimalSchema.parse("20211.25"))).toBe("20 211,25");
    expect(formatMoney(decimalSchema.parse(8541), "tkr")).toBe("8 541 tkr");
    expect(formatNumber(decimalSchema.parse("-1158800"))).toBe("−1 158 800");
    expect(formatNumber(decimalSchema.parse("999"))).toBe("999");
  });
});
