import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../src/cli.js";
import { run } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "samverkan-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NB = ["--collaboration", "norrbotten"];

async function runAsync(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliAsync(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: "2022-09-01",
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("samverkan report (Markdown, the default)", () => {
  it("prints the published Gemensamma tjänster 2023 table with its totals", () => {
    const r = run(["report", "allocation", ...NB, "--year", "2023", "--table", "Gemensamma tjänster 2023"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^# Gemensamma tjänster 2023\n/);
    expect(r.out).toContain("| Kalix | 67 500 kr | 21 000 kr | 81 600 kr | 34 300 kr | 194 700 kr |");
    expect(r.out).toContain(
      "| **Summa** | **732 500 kr** | **322 000 kr** | **1 208 400 kr** | **509 200 kr** | **2 888 700 kr** |",
    );
  });

  it("builds every report", () => {
    const cases: [string, string[], RegExp][] = [
      ["statement", [...NB, "--year", "2023", "--municipality", "2514"], /^# Kommunbesked 2023 — Kalix/],
      ["budget", [...NB, "--year", "2022"], /## Budget 2022 inkl\. Datacenter Norrbotten/],
      ["interim", [...NB, "--year", "2022"], /⚠ Utfall per sista maj 2022/],
      ["meetings", [...NB, "--year", "2022"], /\| ⚠ 16 mars 2022 \| 13:00–16:00 \| Nämnden \|/],
      [
        "max-withdrawal",
        ["--collaboration", "skanearkiv"],
        /\| Lund \| 0,27 \| 2 183 tkr \| 2 238 tkr \| 2 293 tkr \|/,
      ],
    ];
    for (const [name, args, expected] of cases) {
      const r = run(["report", name, ...args]);
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      expect(r.out, name).toMatch(expected);
    }
  });

  it("writes English with --lang en", () => {
    const r = run(["report", "meetings", ...NB, "--year", "2022", "--lang", "en"]);
    expect(r.out).toMatch(/^# Meeting plan and annual cycle 2022/);
  });

  it("takes --item more than once, by the names people type", () => {
    const r = run([
      "report",
      "allocation",
      ...NB,
      "--year",
      "2022",
      "--item",
      "earkiv",
      "--item",
      "Grundfinansiering",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("| Kommun | E-arkiv | Grundfinansiering |");
  });
});

describe("samverkan report --format csv", () => {
  it("writes Swedish Excel CSV to --out: BOM, semicolons, decimal comma", () => {
    const file = join(dir, "kalix.csv");
    const r = run([
      "report",
      "statement",
      ...NB,
      "--year",
      "2023",
      "--municipality",
      "Kalix",
      "--format",
      "csv",
      "--out",
      file,
    ]);
    expect(r).toEqual({ code: 0, out: "", err: `Skrev ${file}` });
    const csv = readFileSync(file, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Grundfinansiering;80500;publicerad;Lika delar;76100;4400;5,78;");
  });

  it("with --csv plain: commas and a decimal point, no BOM", () => {
    const r = run([
      "report",
      "max-withdrawal",
      "--collaboration",
      "skanearkiv",
      "--format",
      "csv",
      "--csv",
      "plain",
    ]);
    expect(r.code).toBe(0);
    expect(r.out.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.out).toContain("Lund,0.27,2183,2238,2293,publicerad");
  });
});

describe("samverkan report --format xlsx and html", () => {
  it("xlsx needs --out, and writes a workbook with real numbers", async () => {
    const refused = run(["report", "budget", ...NB, "--year", "2022", "--format", "xlsx"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^--format xlsx skriver en binär fil och kräver --out FIL\./);
    const file = join(dir, "budget.xlsx");
    const r = await runAsync([
      "report",
      "budget",
      ...NB,
      "--year",
      "2022",
      "--format",
      "xlsx",
      "--out",
      file,
    ]);
    expect(r).toMatchObject({ code: 0, err: `Skrev ${file}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.length).toBe(2);
    const values = wb.worksheets[0]?.getSheetValues().flat() ?? [];
    expect(values).toContain(1065400);
  });

  it("card is Adaptive Card JSON", () => {
    const r = run([
      "report",
      "statement",
      ...NB,
      "--year",
      "2023",
      "--municipality",
      "Kalix",
      "--format",
      "card",
    ]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.out);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(r.out).toContain("537 100 kr");
  });

  it("html is a page", () => {
    const r = run(["report", "budget", ...NB, "--year", "2023", "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/i);
    expect(r.out).toContain("7 618 100");
  });
});

describe("samverkan report: mistakes", () => {
  it("an unknown report: exit 2 and the closest names", () => {
    const r = run(["report", "budgt", ...NB, "--year", "2022"]);
    expect(r).toEqual({ code: 2, out: "", err: 'Okänd rapport "budgt". Menade du: budget?' });
  });

  it("no report, a missing --year or --municipality, an unknown format: exit 2 with the usage", () => {
    for (const argv of [
      ["report", ...NB, "--year", "2022"],
      ["report", "budget", ...NB],
      ["report", "statement", ...NB, "--year", "2023"],
      ["report", "budget", ...NB, "--year", "2022", "--format", "pdf"],
      ["report", "budget", ...NB, "--year", "2022", "--municipality", "Kalix"],
    ]) {
      const r = run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err, argv.join(" ")).toContain("samverkan report RAPPORT --collaboration ID");
    }
  });

  it("an unknown municipality or item names the closest; a year without data names the years there are", () => {
    expect(run(["report", "statement", ...NB, "--year", "2023", "--municipality", "Kalx"]).err).toBe(
      'Okänd kommun "Kalx" i Norrbottens e-nämnd. Menade du: Kalix?',
    );
    expect(run(["report", "allocation", ...NB, "--year", "2023", "--item", "e-arkv"]).err).toMatch(
      /^Okänd kostnadspost "e-arkv" i Norrbottens e-nämnd\. Menade du: E-arkiv/,
    );
    const r = run(["report", "budget", ...NB, "--year", "2019"]);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "Norrbottens e-nämnd har ingen budget för 2019; det finns för 2022, 2023.",
    });
  });

  it("--help prints the usage with every report", () => {
    const r = run(["report", "--help"]);
    expect(r.code).toBe(0);
    for (const name of ["allocation", "statement", "budget", "interim", "meetings", "max-withdrawal"])
      expect(r.out).toContain(`    ${name} `);
    expect(run(["--help"]).out).toContain("samverkan report RAPPORT");
  });
});

describe("the samverkan bin", () => {
  it("writes an xlsx file and exits 0; a mistake exits 2", () => {
    const bin = fileURLToPath(new URL("../bin/samverkan.js", import.meta.url));
    const file = join(dir, "bin.xlsx");
    execFileSync(process.execPath, [
      bin,
      "report",
      "interim",
      ...NB,
      "--year",
      "2022",
      "--format",
      "xlsx",
      "--out",
      file,
    ]);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    const bad = spawnSync(process.execPath, [bin, "report", "nope", ...NB, "--year", "2022"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
  });
});
