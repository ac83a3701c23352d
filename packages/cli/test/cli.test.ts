import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/index.js";
import { BUNDLED_DATA_DIR } from "@samverkan/data";

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), today: "2022-09-01" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("samverkan summary", () => {
  it("summarises both bundled collaborations", () => {
    const r = run(["summary"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Norrbottens e-nämnd (norrbotten) — gemensam nämnd, värdkommun Luleå");
    expect(r.out).toContain("Medlemmar 2022-09-01: 14");
    expect(r.out).toContain("- Grundfinansiering [grundfinansiering] 2022: 1 065 400 kr; 2023: 1 127 000 kr");
    expect(r.out).toContain(
      "! Förstudierapport avseende gemensam e-learningplattform, Plattform (e-learning, InfoCaption budgetoffert): raderna summerar till 1 124 999, tryckt summa 1 125 000",
    );
    expect(r.out).toContain("SkånEarkiv (skanearkiv)");
    expect(r.out).toContain(
      "- Maximalt uttag [gemensam tjänst] 2021: 8 541 tkr; 2022: 8 757 tkr; 2023: 8 970 tkr",
    );
  });

  it("refuses an unknown collaboration with exit code 2 and the names there are", () => {
    const r = run(["summary", "--collaboration", "stockholm"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('Okänt samverkanskollektiv "stockholm". Finns: norrbotten, skanearkiv.');
  });
});

describe("samverkan validate", () => {
  it("accepts a valid folder", () => {
    const r = run(["validate", `${BUNDLED_DATA_DIR}skanearkiv`]);
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringContaining(": ok — SkånEarkiv, 1 kostnadsposter, 4 publicerade tabeller"),
    });
  });

  it("reports a broken folder with exit code 1 and no stack trace", () => {
    const r = run(["validate", "/nonexistent/dir"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Could not load dataset "dir": 1 problem\n  - /nonexistent/dir: is not a readable folder',
    );
  });

  it("unknown commands and options exit with 2", () => {
    expect(run(["frobnicate"]).code).toBe(2);
    expect(run(["summary", "--colaboration", "x"]).code).toBe(2);
    expect(run([]).code).toBe(2);
    expect(run(["--help"]).code).toBe(0);
  });
});

describe("the installed bin", () => {
  const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
  it("runs as a program and sets its exit code", () => {
    expect(
      execFileSync(process.execPath, [bin, "summary", "--collaboration", "skanearkiv"], { encoding: "utf8" }),
    ).toContain("SkånEarkiv");
    const bad = spawnSync(process.execPath, [bin, "validate", "/nonexistent/dir"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
