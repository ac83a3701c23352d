import { loadBundledDataset } from "@samverkan/data";
import { Decimal } from "@samverkan/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildAllocationReport,
  buildBudgetReport,
  buildInterimReport,
  buildMaxWithdrawalReport,
  buildMeetingsReport,
  buildReport,
  buildStatementReport,
  REPORT_NAMES,
  type Report,
  type ReportCell,
  type ReportTable,
} from "../src/index.js";

const norrbotten = loadBundledDataset("norrbotten");
const skanearkiv = loadBundledDataset("skanearkiv");

const money = (c: ReportCell | undefined) => (c?.kind === "money" ? c.value : undefined);
const textOf = (c: ReportCell | undefined) => (c?.kind === "text" ? c.text : undefined);
const row = (t: ReportTable | undefined, label: string) =>
  t?.rows.find((r) => Object.values(r.cells).some((c) => textOf(c) === label));

/** Every money cell of every row carries its provenance: a source when published, the working when computed. */
function expectProvenanceEverywhere(report: Report) {
  let cells = 0;
  for (const s of report.sections)
    for (const r of s.table?.rows ?? [])
      for (const c of Object.values(r.cells)) {
        if (c.kind !== "money") continue;
        cells++;
        if (c.provenance === "published") expect(c.source, JSON.stringify(c)).toMatch(/\S/);
        else if (c.provenance === "computed") expect(c.model, JSON.stringify(c)).toMatch(/\S/);
        else expect(c.provenance, `${report.name}: a row's money cell without provenance`).toBeDefined();
      }
  expect(cells).toBeGreaterThan(0);
}

/** Every totals row: each `sumOf` column's value is the exact sum of the rows above. */
function expectTotalsAreRowSums(report: Report) {
  for (const s of report.sections) {
    const t = s.table;
    if (!t?.totals) continue;
    expect(t.totals.sumOf.length).toBeGreaterThan(0);
    for (const key of t.totals.sumOf) {
      const sum = t.rows.reduce((a, r) => a.plus(money(r.cells[key]) ?? 0), new Decimal(0));
      expect(money(t.totals.cells[key]), `${s.title} ${key}`).toBe(sum.toFixed());
    }
  }
}

describe("Kommunbesked: Kalix 2023", () => {
  const r = buildStatementReport(norrbotten, { municipality: "kalix", year: 2023 });
  const [charges, supplier, extras, total] = r.sections;

  it("lists each item with amount, provenance, model, last year's amount and the change in kr and %", () => {
    expect(r.title).toBe("Kommunbesked 2023 — Kalix");
    expect(charges?.table?.rows.map((x) => [textOf(x.cells.item), money(x.cells.amount)])).toEqual([
      ["Grundfinansiering", "80500"],
      ["Verksamhetsutvecklare e-tjänster", "67100"],
      ["Förvaltningsledare verksamhetssystem SOC", "194700"],
      ["ECO-system grundplattform", "34300"],
      ["E-tjänsteplattform", "72000"],
      ["Räddningstjänsten verksamhetssystem", "67500"],
      ["E-arkiv", "21000"],
    ]);
    const base = row(charges?.table, "Grundfinansiering")?.cells;
    expect(base?.amount).toMatchObject({
      provenance: "published",
      source: expect.stringContaining("Budget 2023"),
    });
    expect(base?.previous).toMatchObject({ value: "76100", provenance: "published" });
    expect(base?.change).toEqual({
      kind: "money",
      value: "4400",
      unit: "kr",
      provenance: "computed",
      model: "80 500 kr − 76 100 kr (2023 mot 2022)",
    });
    expect(base?.changePercent).toEqual({ kind: "percent", value: "5.78", exact: false });
    expect(textOf(base?.model)).toBe("Lika delar");
    const vu = row(charges?.table, "Verksamhetsutvecklare e-tjänster")?.cells;
    expect(vu?.amount).toMatchObject({
      provenance: "computed",
      model: expect.stringContaining("fördelningsnyckeln"),
    });
    const eco = row(charges?.table, "ECO-system grundplattform");
    expect(eco?.cells.previous).toEqual({ kind: "empty" });
    expect(eco?.notes?.[0]).toContain("ingen avgift 2022");
    expect(charges?.table?.totals?.cells.amount).toEqual({ kind: "money", value: "537100", unit: "kr" });
  });

  it("puts Datacenter Norrbotten apart with the supplier note, lists extras unsummed, and gives the grand totals", () => {
    expect(supplier?.title).toBe("Faktureras direkt av leverantören");
    expect(supplier?.paragraphs?.[0]).toContain("ingår inte i nämndens budget");
    expect(supplier?.table?.rows.map((x) => money(x.cells.amount))).toEqual(["81600"]);
    expect(extras?.table?.rows.map((x) => textOf(x.cells.charge))).toEqual([
      "Transaktionskostnader för BankID",
      "Transaktionskostnader för BankID, signering, Freja, SMS 2023",
      "Engångskostnad vid uppstart",
      "Lagring och backup",
    ]);
    expect(extras?.table?.totals).toBeUndefined();
    expect(row(extras?.table, "Lagring och backup")?.cells.amount).toMatchObject({
      value: "84",
      provenance: "published",
    });
    expect(total?.paragraphs).toEqual([
      "Summa att betala till nämnden 2023: 537 100 kr.",
      "Inklusive det leverantören fakturerar direkt: 618 700 kr.",
      "Därtill kommer avgifterna under Tillkommer.",
    ]);
    expectProvenanceEverywhere(r);
    expectTotalsAreRowSums(r);
  });

  it("in English", () => {
    const en = buildStatementReport(norrbotten, { municipality: "Kalix", year: 2023, lang: "en" });
    expect(en.title).toBe("Municipality statement 2023 — Kalix");
    expect(en.collaboration).toBe("The Norrbotten e-committee");
    expect(en.sections.map((s) => s.title)).toEqual([
      "Charges by the committee 2023",
      "Invoiced directly by the supplier",
      "On top",
      "Total",
    ]);
    expect(en.sections[3]?.paragraphs?.[0]).toBe("Total payable to the committee in 2023: 537 100 kr.");
  });
});

describe("Budget", () => {
  it("2022: the budget and the printed inkl. Datacenter variant, with what the variant lacks flagged", () => {
    const r = buildBudgetReport(norrbotten, { year: 2022 });
    expect(r.sections.map((s) => s.title)).toEqual([
      "Budget 2022",
      "Budget 2022 inkl. Datacenter Norrbotten",
    ]);
    const [budget, inkl] = r.sections;
    expect(budget?.table?.columns.map((c) => c.label)).toEqual([
      "Post",
      "Intäkter",
      "Kostnader",
      "Intäkter − kostnader",
    ]);
    const g = row(budget?.table, "Grundfinansiering")?.cells;
    expect([money(g?.revenue), money(g?.costs), money(g?.computedNet)]).toEqual(["1065400", "1065400", "0"]);
    expect(budget?.table?.totals?.cells).toMatchObject({
      revenue: { value: "5034600" },
      costs: { value: "5034600" },
      computedNet: { value: "0" },
    });
    expect(budget?.notes?.join("\n")).toContain("Rörelseresultat: 0 kr som tryckt");
    expect(money(row(inkl?.table, "Datacenter Norrbotten")?.cells.revenue)).toBe("1208400");
    expect(inkl?.table?.totals?.cells.revenue).toMatchObject({ value: "5312400" });
    expect(row(inkl?.table, "Förvaltningsledare verksamhetssystem SOC")).toBeUndefined();
    expect(inkl?.notes).toContain(
      "⚠ Budget 2022 inkl. Datacenter Norrbotten saknar raden Förvaltningsledare verksamhetssystem SOC (930 600 kr) som finns i Budget 2022; den är inte tillagd här.",
    );
    expect(inkl?.notes).toContain(
      "Budget 2022 5 034 600 kr − 930 600 kr + 1 208 400 kr = 5 312 400 kr; Budget 2022 inkl. Datacenter Norrbotten summerar intäkterna till 5 312 400 kr.",
    );
    expectProvenanceEverywhere(r);
    expectTotalsAreRowSums(r);
  });

  it("2023: the document prints no inkl. Datacenter budget, so the variant is computed and says so", () => {
    const r = buildBudgetReport(norrbotten, { year: 2023 });
    const [budget, inkl] = r.sections;
    expect(budget?.table?.totals?.cells.revenue).toMatchObject({ value: "7618100" });
    expect(inkl?.title).toBe("Budget 2023 inkl. Datacenter Norrbotten (beräknad)");
    expect(row(inkl?.table, "Datacenter Norrbotten")?.cells.revenue).toMatchObject({
      value: "1208400",
      provenance: "computed",
      model: expect.stringContaining("Gemensamma tjänster 2023"),
    });
    expect(inkl?.table?.totals?.cells.revenue).toMatchObject({ value: "8826500" });
    expect(inkl?.notes?.[0]).toContain("den här varianten är beräknad");
    expectTotalsAreRowSums(r);
  });

  it("a year without a budget names the years that have one", () => {
    expect(() => buildBudgetReport(norrbotten, { year: 2019 })).toThrow(
      /ingen budget för 2019; det finns för 2022, 2023/,
    );
  });
});

describe("Delårsrapport januari–maj 2022", () => {
  const r = buildInterimReport(norrbotten, { year: 2022 });
  const [summary, outcome, fullYear] = r.sections;
  const flags = r.sections.flatMap((s) => s.notes ?? []).filter((n) => n.startsWith("⚠"));

  it("shows outcome, budget and forecast with the deviation, summary first", () => {
    expect(r.title).toBe("Delårsrapport 2022: utfall per 31 maj 2022");
    expect(summary?.table?.columns.map((c) => c.label)).toEqual([
      "Post",
      "Intäkter",
      "Kostnader",
      "Avvikelse",
      "Intäkter − kostnader",
    ]);
    expect(
      summary?.table?.rows.map((x) => [money(x.cells.revenue), money(x.cells.costs), money(x.cells.net)]),
    ).toEqual([
      ["1792", "1673", "120"],
      ["5034", "5034", "0"],
      ["6193", "6193", "0"],
    ]);
    expect(summary?.table?.totals).toBeUndefined();
    expect(money(row(outcome?.table, "Projekt HR")?.cells.net)).toBe("34067");
    expect(fullYear?.table?.totals?.cells.intakterPrognos).toMatchObject({ value: "6193400" });
  });

  it("flags the document's own inconsistencies and leaves the printed figures as printed", () => {
    expect(row(summary?.table, "Utfall per sista maj 2022 – Norrbottens e-nämnd")?.emphasis).toBe("flagged");
    expect(flags).toEqual(
      expect.arrayContaining([
        "⚠ Utfall per sista maj 2022 – Norrbottens e-nämnd: dokumentet trycker avvikelse 120 tkr, men 1 792 tkr − 1 673 tkr = 119 tkr.",
        "⚠ Budget 2022 – Norrbottens e-nämnd: Budget 2022 är 5 034 600 kr = 5 034,6 tkr; delårsrapporten trycker 5 034 tkr, inte 5 035 tkr (närmaste hela tkr).",
        "⚠ SOC ECO-system: avvikelse är tom i dokumentet; intäkter − kostnader = 0 kr.",
        expect.stringMatching(
          /^⚠ Intäkter: dokumentets tryckta summa är 1 792 486 kr, men raderna summerar till 1 792 487 kr/,
        ),
        expect.stringMatching(
          /^⚠ Avvikelse: dokumentets tryckta summa är 119 924 kr, men raderna summerar till 119 925 kr/,
        ),
      ]),
    );
    expect(outcome?.table?.totals?.cells.revenue).toMatchObject({ value: "1792487" });
    expect(r.notes?.[0]).toContain(`${flags.length} ställen`);
    expectProvenanceEverywhere(r);
    expectTotalsAreRowSums(r);
  });

  it("SkånEarkiv 2020: the Differens column that lost its minus signs is flagged", () => {
    const sk = buildInterimReport(skanearkiv, { year: 2020 });
    expect(sk.title).toBe("Uppföljning 2020");
    expect(sk.sections[0]?.notes?.[0]).toMatch(
      /^⚠ Differens .*4 975 tkr, men raderna summerar till 5 125 tkr/,
    );
  });
});

describe("Sammanträdesplan och årshjul 2022", () => {
  const r = buildMeetingsReport(norrbotten, { year: 2022 });
  const [plan, cycle] = r.sections;

  it("lists the year's meetings in date order with what the årshjul says each committee meeting decides", () => {
    const rows = plan?.table?.rows ?? [];
    expect(rows).toHaveLength(15);
    const dates = rows.map((x) => (x.cells.date as { value: string }).value);
    expect(dates).toEqual([...dates].sort());
    const committee = rows.filter((x) => textOf(x.cells.body) === "Nämnden");
    expect(committee.map((x) => [(x.cells.date as { value: string }).value, textOf(x.cells.cycle)])).toEqual([
      ["2022-03-16", "Beslut om verksamhetsberättelse"],
      ["2022-06-22", "Beslut om budget; Beslut om delårsrapport 1"],
      ["2022-10-12", "Beslut om delårsrapport 2"],
      ["2022-12-14", "Beslut om Verksamhets- och internkontrollplan"],
    ]);
    expect(
      textOf(rows.find((x) => (x.cells.date as { value: string }).value === "2022-09-21")?.cells.cycle),
    ).toBe("Riskanalys och verksamhetsplanering (strategidag)");
    expect(rows.filter((x) => textOf(x.cells.body) === "Beredningsgruppen")).toHaveLength(9);
  });

  it("measures attendance against the 75 % goal where the data has it and says where it has none", () => {
    const at = (date: string) =>
      plan?.table?.rows.find((x) => (x.cells.date as { value: string }).value === date);
    expect(at("2022-03-16")?.cells).toMatchObject({
      attendance: { text: "9 av 14 ledamöter" },
      rate: { kind: "percent", value: "64.3", exact: false },
      goal: { text: "ej uppnått" },
    });
    expect(at("2022-03-16")?.emphasis).toBe("flagged");
    expect(at("2022-02-23")?.cells.goal).toEqual({ kind: "text", text: "uppnått" });
    expect(at("2022-06-22")?.cells.attendance).toEqual({ kind: "empty" });
    expect(plan?.table?.rows.filter((x) => x.emphasis === "flagged")).toHaveLength(3);
    expect(plan?.notes?.[0]).toBe(
      "Närvaro finns i datat för 6 av 15 möten (till och med 2022-05-25); för övriga möten saknas uppgift.",
    );
  });

  it("lists the årshjul with the meeting that takes each item", () => {
    expect(cycle?.table?.rows.map((x) => [textOf(x.cells.item), textOf(x.cells.meeting)])).toEqual([
      ["Beslut om verksamhetsberättelse", "16 mars 2022"],
      ["Beslut om budget", "22 juni 2022"],
      ["Beslut om delårsrapport 1", "22 juni 2022"],
      ["Beslut om delårsrapport 2", "12 oktober 2022"],
      ["Riskanalys och verksamhetsplanering (strategidag)", "21 september 2022"],
      ["Beslut om Verksamhets- och internkontrollplan", "14 december 2022"],
    ]);
    expect(cycle?.paragraphs?.[0]).toBe("Vid varje sammanträde: Information om ekonomi och verksamhet.");
  });

  it("2021 has single meetings without attendance and says so; the årshjul items without a meeting are flagged", () => {
    const r2021 = buildMeetingsReport(norrbotten, { year: 2021 });
    expect(r2021.sections[0]?.notes?.[0]).toBe(
      "Datat har ingen närvaro för något av sammanträdena 2021; närvaron mot målet kan inte redovisas.",
    );
    const missing = r2021.sections[1]?.table?.rows
      .filter((x) => x.emphasis === "flagged")
      .map((x) => textOf(x.cells.item));
    expect(missing).toContain("Beslut om verksamhetsberättelse");
  });

  it("in English", () => {
    const en = buildMeetingsReport(norrbotten, { year: 2022, lang: "en" });
    expect(en.title).toBe("Meeting plan and annual cycle 2022");
    expect(textOf(en.sections[0]?.table?.rows[2]?.cells.body)).toBe("The committee");
    expect(textOf(en.sections[1]?.table?.rows[0]?.cells.months)).toBe("March");
  });
});

describe("SkånEarkiv: maximalt uttag 2021–2023", () => {
  const r = buildMaxWithdrawalReport(skanearkiv);
  const [perMember, indexation, classes] = r.sections;

  it("gives every member's published amount per year, the share and the totals", () => {
    expect(r.title).toBe("Maximalt uttag per kommun 2021–2023");
    expect(perMember?.table?.columns.map((c) => c.label)).toEqual([
      "Kommun",
      "Andel",
      "Maximalt uttag 2021",
      "Maximalt uttag 2022",
      "Maximalt uttag 2023",
    ]);
    const lund = row(perMember?.table, "Lund")?.cells;
    expect([lund?.share, money(lund?.y2021), money(lund?.y2022), money(lund?.y2023)]).toEqual([
      { kind: "number", value: "0.27" },
      "2183",
      "2238",
      "2293",
    ]);
    expect(lund?.y2023).toMatchObject({ unit: "tkr", provenance: "published" });
    expect(perMember?.table?.totals?.cells).toMatchObject({
      y2021: { value: "8541" },
      y2022: { value: "8757" },
      y2023: { value: "8970" },
      share: { value: "0.99" },
    });
    expect(perMember?.notes?.filter((n) => n.includes("ger exakt de publicerade beloppen"))).toHaveLength(3);
    expectTotalsAreRowSums(r);
    expectProvenanceEverywhere(r);
  });

  it("shows the indexation: the factor 1,025^k, the printed totals and the change", () => {
    expect(
      indexation?.table?.rows.map((x) => [
        (x.cells.factor as { value?: string }).value,
        money(x.cells.total),
        money(x.cells.change),
        (x.cells.changePercent as { value?: string }).value,
      ]),
    ).toEqual([
      ["1", "8541", undefined, undefined],
      ["1.025", "8757", "216", "2.53"],
      ["1.050625", "8970", "213", "2.43"],
    ]);
    const perstorp = row(classes?.table, "Perstorp, Örkelljunga")?.cells;
    expect([money(perstorp?.y2021), money(perstorp?.y2022), money(perstorp?.y2023)]).toEqual([
      "167.75",
      "171.94375",
      "176.24234375",
    ]);
    expect(perstorp?.y2023).toMatchObject({
      provenance: "computed",
      model: expect.stringContaining("× 1,025^2"),
    });
  });

  it("one year still shows its change from the year before; Norrbotten has no maximalt uttag", () => {
    const one = buildReport(skanearkiv, "max-withdrawal", { year: 2022 });
    expect(one.sections[0]?.table?.columns.map((c) => c.key)).toEqual(["municipality", "share", "y2022"]);
    expect(money(one.sections[1]?.table?.rows[0]?.cells.change)).toBe("216");
    expect(() => buildMaxWithdrawalReport(norrbotten)).toThrow(/ingen kostnadspost med klassbelopp/);
  });
});

describe("Fördelning per kostnadspost och år", () => {
  it("by default shows every item budgeted for the year, marking computed cells", () => {
    const r = buildAllocationReport(norrbotten, { year: 2023 });
    const t = r.sections[0]?.table;
    expect(t?.columns.map((c) => c.key)).toEqual([
      "municipality",
      "grundfinansiering",
      "verksamhetsutvecklare-e-tjanster",
      "forvaltningsledare-soc",
      "eco-grundplattform",
      "e-tjansteplattform",
      "raddningstjanstens-verksamhetssystem",
      "e-arkiv",
      "datacenter-norrbotten",
    ]);
    expect(row(t, "Kalix")?.cells["verksamhetsutvecklare-e-tjanster"]).toMatchObject({
      value: "67100",
      provenance: "computed",
    });
    expect(r.sections[0]?.notes).toContain(
      "Datacenter Norrbotten faktureras direkt av leverantören till varje kommun och ingår inte i nämndens budget.",
    );
    expectProvenanceEverywhere(r);
    expectTotalsAreRowSums(r);
  });

  it("an unknown table heading names the ones there are", () => {
    expect(() => buildAllocationReport(norrbotten, { year: 2023, table: "Gemensama tjänster" })).toThrow(
      /Ingen publicerad tabell "Gemensama tjänster" för 2023; det finns Grundfinansiering 2023, Gemensamma tjänster 2023/,
    );
  });

  it("property: for any year and any selection of items, the totals row is the exact sum of the rows", () => {
    const datasets = [norrbotten, skanearkiv];
    const choices = datasets.flatMap((d) =>
      [...new Set(d.costItems.flatMap((i) => i.years.filter((y) => y.rule).map((y) => y.year)))].map(
        (year) => ({
          d,
          year,
          items: d.costItems.filter((i) => i.years.some((y) => y.year === year && y.rule)).map((i) => i.id),
        }),
      ),
    );
    fc.assert(
      fc.property(
        fc
          .constantFrom(...choices)
          .chain((c) =>
            fc.tuple(
              fc.constant(c),
              fc.subarray(c.items, { minLength: 1 }),
              fc.constantFrom("sv" as const, "en" as const),
            ),
          ),
        ([c, items, lang]) => {
          const r = buildAllocationReport(c.d, { year: c.year, items, lang });
          const t = r.sections[0]?.table as ReportTable;
          expect(t.totals?.sumOf).toEqual(items);
          expectTotalsAreRowSums(r);
          expectProvenanceEverywhere(r);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("buildReport", () => {
  it("builds every report by name and asks for what a report needs", () => {
    expect(REPORT_NAMES).toEqual([
      "allocation",
      "statement",
      "budget",
      "interim",
      "meetings",
      "max-withdrawal",
      "attendance",
      "decisions",
    ]);
    expect(buildReport(norrbotten, "interim", { year: 2022 }).name).toBe("interim");
    expect(() => buildReport(norrbotten, "statement", { year: 2023 })).toThrow(
      "Rapporten statement kräver --municipality",
    );
    expect(() => buildReport(norrbotten, "budget", {})).toThrow("Rapporten budget kräver --year");
  });
});
