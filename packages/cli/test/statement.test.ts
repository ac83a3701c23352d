import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const KALIX = ["statement", "--collaboration", "norrbotten", "--municipality", "Kalix", "--year", "2023"];

describe("samverkan statement (table)", () => {
  it("prints Kalix's kommunbesked: every item, the change, the total, supplier items apart and the extras", () => {
    const r = run(KALIX);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toBe(
      [
        "Kommunbesked 2023 — Kalix, Norrbottens e-nämnd",
        "",
        "Kostnadspost                                  Belopp  Ursprung    Förändring mot 2022",
        "Grundfinansiering                          80 500 kr  publicerad  +4 400 kr (+5,78 %)",
        "Verksamhetsutvecklare e-tjänster           67 100 kr  beräknad    +3 700 kr (+5,84 %)",
        "Förvaltningsledare verksamhetssystem SOC  194 700 kr  publicerad  +132 000 kr (+210,53 %)",
        "ECO-system grundplattform                  34 300 kr  publicerad  ingen året innan",
        "E-tjänsteplattform                         72 000 kr  beräknad    ±0 kr",
        "Räddningstjänsten verksamhetssystem        67 500 kr  publicerad  ±0 kr",
        "E-arkiv                                    21 000 kr  publicerad  ±0 kr",
        "Summa (faktureras av nämnden)             537 100 kr",
        "",
        "Faktureras direkt av leverantören (ingår inte i nämndens summa):",
        "Datacenter Norrbotten                      81 600 kr  publicerad  ±0 kr",
        "Summa inklusive leverantörsfakturerat     618 700 kr",
        "",
        "Tillkommer (ingår inte i summorna):",
        "  E-tjänsteplattform — Transaktionskostnader för BankID: 500–1 500 kr per år och kommun",
        "  E-tjänsteplattform — Transaktionskostnader för BankID, signering, Freja, SMS 2023: 175 800 kr per år (hela nämnden)",
        "  E-arkiv — Engångskostnad vid uppstart: 40 000 kr per kommun vid uppstart",
        "  E-arkiv — Lagring och backup: 84 kr per GB/år",
      ].join("\n"),
    );
  });

  it("matches the municipality as people type it and the same statement comes out", () => {
    const expected = run(KALIX).out;
    for (const name of ["kalix", "KALIX", "2514"]) {
      expect(run([...KALIX.slice(0, 4), name, ...KALIX.slice(5)]).out, name).toBe(expected);
    }
    expect(
      run(["statement", "--collaboration", "norrbotten", "--municipality", "overkalix", "--year", "2023"])
        .out,
    ).toMatch(/^Kommunbesked 2023 — Överkalix, Norrbottens e-nämnd/);
  });

  it("in English, with --explain, puts the explanation under each item", () => {
    const r = run([...KALIX, "--lang", "en", "--explain"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Statement 2023 — Kalix, The Norrbotten e-committee");
    const base = lines.findIndex((l) => l.startsWith("Base funding"));
    expect(lines[base]).toMatch(/^Base funding +80 500 kr {2}published {3}\+4 400 kr \(\+5\.78 %\)$/);
    expect(lines[base + 1]).toBe(
      "    Kalix, Base funding 2023: 1 127 000 kr in equal parts between 14 municipalities = 80 500 kr. Published in Budget 2023, Grundfinansiering 2023.",
    );
    expect(r.out).toContain("Invoiced directly by the supplier (not in the committee's total):");
    expect(r.out).toMatch(/^Total \(billed by the committee\) +537 100 kr$/m);
  });

  it("keeps a SkånEarkiv member's amounts in tkr", () => {
    const r = run([
      "statement",
      "--collaboration",
      "skanearkiv",
      "--municipality",
      "Horby",
      "--year",
      "2023",
    ]);
    expect(r.out).toBe(
      [
        "Kommunbesked 2023 — Hörby, SkånEarkiv",
        "",
        "Kostnadspost     Belopp  Ursprung    Förändring mot 2022",
        "Maximalt uttag  327 tkr  publicerad  +8 tkr (+2,51 %)",
        "Summa           327 tkr",
      ].join("\n"),
    );
  });
});

describe("samverkan statement --format json", () => {
  it("gives the items, totals per unit, supplier items, extras and the change as decimal strings", () => {
    const r = run([...KALIX, "--format", "json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ collaboration: "norrbotten", municipality: "Kalix", year: 2023 });
    expect(s.items.map((x: { name: string; amount: string }) => [x.name, x.amount])).toEqual([
      ["Grundfinansiering", "80500"],
      ["Verksamhetsutvecklare e-tjänster", "67100"],
      ["Förvaltningsledare verksamhetssystem SOC", "194700"],
      ["ECO-system grundplattform", "34300"],
      ["E-tjänsteplattform", "72000"],
      ["Räddningstjänsten verksamhetssystem", "67500"],
      ["E-arkiv", "21000"],
    ]);
    expect(s.items[0]).toMatchObject({
      costItem: "grundfinansiering",
      category: "baseFunding",
      unit: "kr",
      provenance: "published",
      explanation: { sv: expect.stringContaining("80 500 kr"), en: expect.stringContaining("Base funding") },
      change: {
        previousYear: 2022,
        previous: "76100",
        previousProvenance: "published",
        amount: "4400",
        percent: "5.7818659658",
        percentExact: false,
      },
    });
    expect(s.items[3].change).toBeNull();
    expect(s.total).toEqual([{ amount: "537100", unit: "kr" }]);
    expect(s.billedBySupplier).toHaveLength(1);
    expect(s.billedBySupplier[0]).toMatchObject({ costItem: "datacenter-norrbotten", amount: "81600" });
    expect(s.totalIncludingSupplier).toEqual([{ amount: "618700", unit: "kr" }]);
    expect(s.extras).toContainEqual({
      costItem: "e-arkiv",
      kind: "oneTimeFee",
      name: "Engångskostnad vid uppstart",
      nameEn: "One-time start fee",
      amount: "40000",
      unit: "kr",
      per: "kommun vid uppstart",
    });
  });
});

describe("samverkan statement: mistakes", () => {
  it("unknown municipality: exit 2 and the closest names", () => {
    const r = run(["statement", "--collaboration", "norrbotten", "--municipality", "Kalx", "--year", "2023"]);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: 'Okänd kommun "Kalx" i Norrbottens e-nämnd. Menade du: Kalix?',
    });
    const far = run([
      "statement",
      "--collaboration",
      "norrbotten",
      "--municipality",
      "Stockholm",
      "--year",
      "2023",
    ]);
    expect(far.code).toBe(2);
    expect(far.err).toMatch(/^Okänd kommun "Stockholm" i Norrbottens e-nämnd\. Kommuner: .*Kalix/);
  });

  it("unknown collaboration: exit 2", () => {
    const r = run(["statement", "--collaboration", "skane", "--municipality", "Lund", "--year", "2023"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Menade du: skanearkiv?");
  });

  it("a year with no allocation: exit 2 and the years there are", () => {
    const r = run([
      "statement",
      "--collaboration",
      "norrbotten",
      "--municipality",
      "Kalix",
      "--year",
      "2030",
    ]);
    expect(r).toMatchObject({
      code: 2,
      err: "Kalix har ingen budgeterad fördelning för 2030; det finns för 2022, 2023.",
    });
  });

  it("missing or malformed options: exit 2 with the usage; --help exits 0", () => {
    for (const argv of [
      ["statement"],
      ["statement", "--collaboration", "norrbotten", "--year", "2023"],
      ["statement", "--collaboration", "norrbotten", "--municipality", "Kalix"],
      [...KALIX, "--format", "csv"],
    ]) {
      const r = run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain("samverkan statement --collaboration ID --municipality KOMMUN");
    }
    expect(run(["statement", "--help"])).toMatchObject({
      code: 0,
      out: expect.stringContaining("Kommunbesked"),
    });
  });
});

describe("samverkan --help", () => {
  it("lists every command", () => {
    const r = run(["--help"]);
    for (const c of ["summary", "validate", "allocate", "statement"])
      expect(r.out).toContain(`samverkan ${c}`);
    for (const c of ["summary", "validate"]) expect(run([c, "--help"]).code).toBe(0);
  });
});

describe("the built bin", () => {
  it("runs statement as a program and prints JSON", () => {
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const out = execFileSync(process.execPath, [bin, ...KALIX, "--format", "json"], { encoding: "utf8" });
    expect(JSON.parse(out).total).toEqual([{ amount: "537100", unit: "kr" }]);
  });
});
