import { annualCycleFor, membersOn } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { loadBundledDataset } from "../src/index.js";

const nb = loadBundledDataset("norrbotten");
const cycle = nb.annualCycle ?? { source: "", standingItems: [], entries: [] };

describe("Norrbottens e-nämnd's meeting plan 2022", () => {
  const committee = nb.meetings.filter((m) => m.body === "committee" && m.date.startsWith("2022"));
  const preparatory = nb.meetings.filter(
    (m) =>
      m.date.startsWith("2022") &&
      (m.body === "preparatoryGroup" ||
        (m.body === "strategyDay" && m.participants?.includes("preparatoryGroup"))),
  );

  it("has the committee's four meetings with their times", () => {
    expect(committee.map((m) => [m.date, m.startTime, m.endTime])).toEqual([
      ["2022-03-16", "13:00", "16:00"],
      ["2022-06-22", "13:00", "16:00"],
      ["2022-10-12", "10:00", "16:00"],
      ["2022-12-14", "10:00", "16:00"],
    ]);
  });

  it("has the preparatory group's eleven dates, two of them strategy days", () => {
    expect(preparatory.map((m) => m.date)).toEqual([
      "2022-01-26",
      "2022-02-23",
      "2022-03-23",
      "2022-04-27",
      "2022-05-25",
      "2022-06-20",
      "2022-08-24",
      "2022-09-21",
      "2022-10-26",
      "2022-11-23",
      "2022-12-21",
    ]);
    expect(preparatory.filter((m) => m.body === "strategyDay").map((m) => [m.date, m.endDate])).toEqual([
      ["2022-05-25", undefined],
      ["2022-09-21", "2022-09-22"],
    ]);
  });

  it("records attendance: 9 of 14 members on 16 March (below the 75 % goal)", () => {
    expect(committee[0]?.attendance).toMatchObject({ present: 9, of: 14, counts: "members" });
    expect(preparatory.filter((m) => m.attendance).map((m) => [m.date, m.attendance?.present])).toEqual([
      ["2022-01-26", 11],
      ["2022-02-23", 13],
      ["2022-03-23", 10],
      ["2022-04-27", 10],
      ["2022-05-25", 11],
    ]);
  });
});

describe("the årshjul", () => {
  it("is bundled", () => expect(nb.annualCycle).toBeDefined());

  it("says June decides the budget and interim report 1, and every meeting hears finances and activities", () => {
    const june = annualCycleFor(cycle, 6).flatMap((e) =>
      e.items.filter((i) => i.kind === "decision").map((i) => i.topic),
    );
    expect(june).toEqual(expect.arrayContaining(["budget", "interimReport1"]));
    expect(annualCycleFor(cycle, 10).flatMap((e) => e.items.map((i) => i.topic))).toEqual(
      expect.arrayContaining(["interimReport2"]),
    );
    expect(annualCycleFor(cycle, 3).flatMap((e) => e.items.map((i) => i.topic))).toEqual(
      expect.arrayContaining(["annualReport"]),
    );
    expect(nb.annualCycle?.standingItems.map((s) => s.text)).toEqual([
      "Information om ekonomi och verksamhet",
    ]);
  });
});

describe("goals, risks, projects and decisions 2022", () => {
  it("has the attendance goal with its 75 % target and the interim follow-up", () => {
    const goal = nb.goals.find((g) => g.target?.metric === "attendanceRate");
    expect(goal?.target?.min?.toString()).toBe("0.75");
    expect(goal?.followUps[0]).toMatchObject({ asOf: "2022-05-31", forecast: "atRisk" });
    expect(goal?.followUps[0]?.measurements[0]).toMatchObject({ date: "2022-03-16", value: 9, of: 14 });
    expect(nb.goals.find((g) => g.target?.metric === "meetingsHeld")?.target?.min?.toString()).toBe("4");
  });

  it("has the internal-control risks, scored sannolikhet × konsekvens", () => {
    expect(nb.risks.length).toBeGreaterThanOrEqual(4);
    expect(nb.risks.map((r) => [r.likelihood, r.consequence, r.riskValue, r.decision])).toEqual(
      expect.arrayContaining([
        [3, 3, 9, "internalControl"],
        [2, 4, 8, "internalControl"],
        [2, 4, 8, "accepted"],
        [3, 2, 6, "accepted"],
      ]),
    );
  });

  it("has the e-learning pre-study with six participating municipalities, all members", () => {
    const el = nb.projects.find((p) => /e-learning/i.test(p.name));
    expect(el?.participants).not.toBe("allMembers");
    expect(Array.isArray(el?.participants) && el.participants.length).toBe(6);
    const members = membersOn(nb.collaboration, "2022-01-01");
    expect(Array.isArray(el?.participants) && el.participants.every((m) => members.includes(m))).toBe(true);
  });

  it("has the minutes' items § 8–§ 16 with case numbers", () => {
    const paragraphs = nb.decisions.map((d) => d.paragraph);
    for (let p = 8; p <= 16; p++) expect(paragraphs).toContain(p);
    expect(nb.decisions.find((d) => d.paragraph === 16)).toMatchObject({ caseNumber: "2022/17-1.1.1.2" });
  });

  it("names roles, never people", () => {
    const text = JSON.stringify(nb);
    expect(text).not.toMatch(/@[a-z]+\.(se|com)/i);
    expect(text).not.toMatch(/\b0\d{2,3}-\d{2,3} ?\d{2} ?\d{2}\b/);
    for (const person of ["Christer Nordmark", "Bernt Nordgren"]) expect(text).not.toContain(person);
  });
});
