import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadBundledDataset } from "@samverkan/data";
import { allocateCostItem } from "@samverkan/allocation";
import { Decimal } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { csvField } from "../src/render.js";
import { run } from "./run.js";

const E_ARKIV = ["allocate", "--collaboration", "norrbotten", "--year", "2023", "--item", "E-arkiv"];

describe("samverkan allocate (table)", () => {
  it("prints one aligned row per municipality, the total, model, rounding and source", () => {
    const r = run(E_ARKIV);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toBe(
      [
        "E-arkiv 2023 — Norrbottens e-nämnd",
        "Modell: Ett belopp per invånare (1,25 kr per invånare, befolkning SCB 31 december 2017)",
        "Avrundning: avrundat uppåt till hela tusental kronor, varje kommun för sig (summan blir radernas summa) — fördelningsregelns egen",
        "Källa: Budget 2023, Gemensamma tjänster 2023 (004_6c05a2f9a5cc7b0e.txt, rad 2335–2371)",
        "Tryckt anmärkning: * Prognos",
        "",
        "Kommun          Belopp  Ursprung",
        "Arjeplog      4 000 kr  publicerad",
        "Arvidsjaur    9 000 kr  publicerad",
        "Boden        36 000 kr  publicerad",
        "Gällivare    23 000 kr  publicerad",
        "Haparanda    13 000 kr  publicerad",
        "Jokkmokk      7 000 kr  publicerad",
        "Kalix        21 000 kr  publicerad",
        "Kiruna       29 000 kr  publicerad",
        "Luleå        97 000 kr  publicerad",
        "Pajala        8 000 kr  publicerad",
        "Piteå        53 000 kr  publicerad",
        "Älvsbyn      11 000 kr  publicerad",
        "Överkalix     5 000 kr  publicerad",
        "Övertorneå    6 000 kr  publicerad",
        "Summa       322 000 kr",
      ].join("\n"),
    );
  });

  it("matches the item by printed name, id or synonym, ignoring case and diacritics", () => {
    const expected = run(E_ARKIV).out;
    for (const item of ["e-arkiv", "E-ARKIV", "earkiv", "e arkiv", "e-arkivet", "E-archive"]) {
      expect(run([...E_ARKIV.slice(0, -1), item]).out, item).toBe(expected);
    }
    expect(
      run(["allocate", "--collaboration", "Norrbotten", "--year", "2023", "--item", "raddningstjansten"]).out,
    ).toContain("Räddningstjänsten verksamhetssystem 2023 — Norrbottens e-nämnd");
  });

  it("with --explain adds the explanation sentence to every row, in the chosen language", () => {
    const sv = run([...E_ARKIV, "--explain"]);
    expect(sv.out).toContain("Grund: Oförändrat från 2022, utan uppräkning.");
    expect(sv.out).toContain("Analys: Unchanged from 2022 (no indexation).");
    expect(sv.out).toContain(
      "Kalix        21 000 kr  publicerad  Kalix, E-arkiv 2023: 1,25 kr per invånare × 16 169 invånare (SCB 31 december 2017) = 20 211,25 kr, avrundat uppåt till hela tusental kronor = 21 000 kr. Publicerat i Budget 2023, Gemensamma tjänster 2023.",
    );
    const en = run([...E_ARKIV, "--explain", "--lang", "en"]);
    expect(en.out.split("\n").slice(0, 3)).toEqual([
      "E-archive 2023 — The Norrbotten e-committee",
      "Model: An amount per inhabitant (1.25 kr per inhabitant, population SCB 31 December 2017)",
      "Rounding: rounded up to whole thousands of kronor, each municipality on its own (the total is the row sum) — set by the allocation rule",
    ]);
    expect(en.out).toMatch(
      /^Kalix +21 000 kr {2}published {3}Kalix, E-archive 2023: 1\.25 kr per inhabitant × 16 169 inhabitants/m,
    );
    expect(en.out).toContain("Basis: Unchanged from 2022, without indexation.");
  });

  it("says when the rounding is the collaboration's default", () => {
    const r = run([
      "allocate",
      "--collaboration",
      "norrbotten",
      "--year",
      "2023",
      "--item",
      "grundfinansiering",
    ]);
    expect(r.out).toContain(
      "Avrundning: avrundat uppåt till hela hundratal kronor, varje kommun för sig (summan blir radernas summa) — standard för Norrbottens e-nämnd",
    );
    expect(r.out).toMatch(/^Kalix +80 500 kr {2}publicerad$/m);
    expect(r.out).toMatch(/^Summa +1 127 000 kr$/m);
  });

  it("marks computed rows and names the budget they come from when no table is published", () => {
    const r = run([
      "allocate",
      "--collaboration",
      "norrbotten",
      "--year",
      "2023",
      "--item",
      "verksamhetsutvecklare",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Källa: beräknad, ingen publicerad tabell för 2023; budgeten ur Budget 2023, Intäkter budget 2023 (004_6c05a2f9a5cc7b0e.txt, rad 2255–2289)",
    );
    expect(r.out).toContain("Kalix        67 100 kr  beräknad");
    expect(r.out).toContain("Summa       991 800 kr");
  });

  it("flags items billed by the supplier and proposals", () => {
    expect(
      run(["allocate", "--collaboration", "norrbotten", "--year", "2023", "--item", "DCBD"]).out,
    ).toContain("Faktureras direkt av leverantören till varje kommun; ingår inte i nämndens budget");
    expect(
      run(["allocate", "--collaboration", "norrbotten", "--year", "2022", "--item", "e-learning"]).out,
    ).toContain("Status: förslag (kostnadskalkyl), inte en budgeterad avgift");
  });

  it("keeps SkånEarkiv's amounts in tkr", () => {
    const r = run([
      "allocate",
      "--collaboration",
      "skanearkiv",
      "--year",
      "2023",
      "--item",
      "maximalt uttag",
    ]);
    expect(r.out).toContain("Lund         2 293 tkr  publicerad");
    expect(r.out).toContain("Summa        8 970 tkr");
  });
});

describe("samverkan allocate --format json", () => {
  it("prints an array with the printed name, the amount as a decimal string, unit, provenance and explanation", () => {
    const r = run([...E_ARKIV, "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(14);
    const kalix = rows.find((x) => x.municipality === "Kalix");
    const engine = allocateCostItem(loadBundledDataset("norrbotten"), "e-arkiv", 2023).rows.find(
      (x) => x.municipality === "Kalix",
    );
    expect(kalix).toEqual({
      municipality: "Kalix",
      costItem: "e-arkiv",
      year: 2023,
      amount: "21000",
      unit: "kr",
      provenance: "published",
      computed: "21000",
      explanation: engine?.explanation,
    });
    expect(rows.reduce((a, x) => a.plus(x.amount as string), new Decimal(0)).toFixed()).toBe("322000");
  });

  it("gives tkr items in tkr, with the unit", () => {
    const r = run([
      "allocate",
      "--collaboration",
      "skanearkiv",
      "--year",
      "2023",
      "--item",
      "maxuttag",
      "--format",
      "json",
    ]);
    const lund = (JSON.parse(r.out) as Record<string, unknown>[]).find((x) => x.municipality === "Lund");
    expect(lund).toMatchObject({ amount: "2293", unit: "tkr", provenance: "published" });
  });

  it("marks computed rows", () => {
    const r = run([
      "allocate",
      "--collaboration",
      "norrbotten",
      "--year",
      "2023",
      "--item",
      "e-tjansteplattform",
      "--format",
      "json",
    ]);
    const rows = JSON.parse(r.out) as { provenance: string }[];
    expect(new Set(rows.map((x) => x.provenance))).toEqual(new Set(["computed"]));
  });
});

describe("samverkan allocate --format csv", () => {
  it("prints a header and one line per municipality, ';'-separated, decimal point, explanation in --lang", () => {
    const r = run([...E_ARKIV, "--format", "csv"]);
    const lines = r.out.split("\n");
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe("municipality;amount;unit;provenance;explanation");
    expect(lines).toContain(
      "Kalix;21000;kr;published;Kalix, E-arkiv 2023: 1,25 kr per invånare × 16 169 invånare (SCB 31 december 2017) = 20 211,25 kr, avrundat uppåt till hela tusental kronor = 21 000 kr. Publicerat i Budget 2023, Gemensamma tjänster 2023.",
    );
    expect(run([...E_ARKIV, "--format", "csv", "--lang", "en"]).out).toContain(
      "Kalix;21000;kr;published;Kalix, E-archive 2023: 1.25 kr per inhabitant",
    );
  });

  it("quotes a field that holds the separator, a quote or a line break", () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('sa "x"')).toBe('"sa ""x"""');
    expect(csvField("plain, text")).toBe("plain, text");
  });
});

describe("samverkan allocate: mistakes", () => {
  it("unknown collaboration: exit 2 and the closest names", () => {
    const r = run(["allocate", "--collaboration", "norbotten", "--year", "2023", "--item", "e-arkiv"]);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: 'Okänt samverkanskollektiv "norbotten". Menade du: norrbotten? Finns: norrbotten, skanearkiv.',
    });
  });

  it("unknown item: exit 2 and the closest names, or every name when none is close", () => {
    const close = run([...E_ARKIV.slice(0, -1), "e-arkv"]);
    expect(close.code).toBe(2);
    expect(close.err).toBe('Okänd kostnadspost "e-arkv" i Norrbottens e-nämnd. Menade du: E-arkiv?');
    const far = run([...E_ARKIV.slice(0, -1), "xyzzy"]);
    expect(far.code).toBe(2);
    expect(far.err).toMatch(
      /^Okänd kostnadspost "xyzzy" i Norrbottens e-nämnd\. Kostnadsposter: Grundfinansiering, /,
    );
    expect(far.err).toContain("E-arkiv, Datacenter Norrbotten");
  });

  it("a year with no allocation: exit 2 and the years there are", () => {
    const r = run(["allocate", "--collaboration", "norrbotten", "--year", "2030", "--item", "e-arkiv"]);
    expect(r).toMatchObject({
      code: 2,
      err: "E-arkiv har ingen fördelning för 2030; det finns för 2022, 2023.",
    });
  });

  it("missing or malformed options: exit 2 with the usage", () => {
    for (const argv of [
      ["allocate"],
      ["allocate", "--collaboration", "norrbotten", "--year", "2023"],
      ["allocate", "--collaboration", "norrbotten", "--item", "e-arkiv"],
      ["allocate", "--year", "2023", "--item", "e-arkiv"],
      ["allocate", "--collaboration", "norrbotten", "--year", "tjugo", "--item", "e-arkiv"],
      [...E_ARKIV, "--format", "xml"],
      [...E_ARKIV, "--lang", "fi"],
      [...E_ARKIV, "--bogus"],
    ]) {
      const r = run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain(
        "samverkan allocate --collaboration ID --year ÅR --item KOSTNADSPOST",
      );
    }
    expect(run(["allocate", "--collaboration", "norrbotten", "--year", "2023"]).err).toMatch(
      /^--item saknas\./,
    );
    expect(run([...E_ARKIV, "--format", "xml"]).err).toMatch(
      /^--format ska vara table, json eller csv \(fick "xml"\)\./,
    );
  });

  it("--help prints the usage with an example and exits 0", () => {
    const r = run(["allocate", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'samverkan allocate --collaboration norrbotten --year 2023 --item "E-arkiv" --explain',
    );
  });
});

describe("the built bin", () => {
  it("runs allocate as a program and prints JSON", () => {
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const out = execFileSync(
      process.execPath,
      [
        bin,
        "allocate",
        "--collaboration",
        "norrbotten",
        "--year",
        "2023",
        "--item",
        "e-arkiv",
        "--format",
        "json",
      ],
      { encoding: "utf8" },
    );
    const rows = JSON.parse(out) as { municipality: string; amount: string; unit: string }[];
    expect(rows.find((x) => x.municipality === "Luleå")).toMatchObject({ amount: "97000", unit: "kr" });
  });
});
