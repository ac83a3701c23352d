import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLED_DATA_DIR, loadBundledDataset, loadDataset } from "@samverkan/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../src/cli.js";
import { run } from "./run.js";

// The commands open the store from the environment: here always an embedded database of this file's own.
const dir = mkdtempSync(join(tmpdir(), "samverkan-import-"));
const saved = { url: process.env.DATABASE_URL, data: process.env.SAMVERKAN_DATA_DIR };
beforeAll(() => {
  delete process.env.DATABASE_URL;
  process.env.SAMVERKAN_DATA_DIR = join(dir, "data");
});
afterAll(() => {
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  if (saved.data !== undefined) process.env.SAMVERKAN_DATA_DIR = saved.data;
  else delete process.env.SAMVERKAN_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

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

function copyOf(id: string, name = id): string {
  const target = join(dir, "folders", `${name}-${Math.random().toString(36).slice(2)}`, id);
  cpSync(join(BUNDLED_DATA_DIR, id), target, { recursive: true });
  return target;
}

describe("samverkan import and export", () => {
  it("imports a changed folder and says, file by file, what changed; the same folder again changes nothing", async () => {
    const folder = copyOf("norrbotten");
    const risks = join(folder, "risks.yaml");
    writeFileSync(
      risks,
      readFileSync(risks, "utf8").replace("id: risk-2022-charter", "id: risk-2022-reglemente"),
    );
    const r = await runAsync(["import", folder, "--collaboration", "norrbotten", "--actor", "sekreteraren"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "norrbotten: uppdaterad, revision 2",
        "  risks.yaml: tillagda risk-2022-reglemente; borttagna risk-2022-charter",
      ].join("\n"),
    );
    const again = await runAsync(["import", folder]);
    expect(again).toMatchObject({ code: 0, out: "norrbotten: inga ändringar (revision 2)" });
  });

  it("refuses a folder with mistakes (exit 1), names file, path and problem, and changes nothing", async () => {
    const folder = copyOf("skanearkiv");
    const population = join(folder, "population.yaml");
    writeFileSync(population, readFileSync(population, "utf8").replace("Bjuv:", "Bjuvv:"));
    const r = await runAsync(["import", folder]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `${population.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: population\\[\\d\\]\\.counts\\.Bjuvv: unknown municipality "Bjuvv"; did you mean "Bjuv"\\?`,
      ),
    );
    const wrong = await runAsync(["import", copyOf("skanearkiv"), "--collaboration", "norrbotten"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('holds collaboration "skanearkiv", not "norrbotten"');

    const out = join(dir, "after-bad-import");
    expect((await runAsync(["export", "--collaboration", "skanearkiv", "--out", out])).code).toBe(0);
    expect(loadDataset(out)).toEqual(loadBundledDataset("skanearkiv"));
  });

  it("exports what import stored, as files the loader reads back to the same dataset", async () => {
    const out = join(dir, "export", "norrbotten");
    const r = await runAsync(["export", "--collaboration", "norrbotten", "--out", out]);
    expect(r).toMatchObject({ code: 0, out: `norrbotten: 12 filer skrivna till ${out}` });
    const exported = loadDataset(out);
    expect(exported.risks.map((x) => x.id)).toContain("risk-2022-reglemente");
    expect({ ...exported, risks: [] }).toEqual({ ...loadBundledDataset("norrbotten"), risks: [] });

    // Into a folder that holds data files: only with --overwrite.
    const busy = await runAsync(["export", "--collaboration", "norrbotten", "--out", out]);
    expect(busy.code).toBe(2);
    expect(busy.err).toContain("already holds YAML files");
    expect(
      (await runAsync(["export", "--collaboration", "norrbotten", "--out", out, "--overwrite"])).code,
    ).toBe(0);
  });

  it("says what is wrong on the command line (exit 2)", async () => {
    const unknown = await runAsync(["export", "--collaboration", "norrboten", "--out", join(dir, "x")]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown collaboration "norrboten"; known: norrbotten, skanearkiv');
    expect((await runAsync(["export", "--out", join(dir, "y")])).err).toContain("--collaboration saknas.");
    expect((await runAsync(["import"])).code).toBe(2);
    expect((await runAsync(["import", "a", "b"])).err).toContain("Ange exakt en datamapp.");
    expect((await runAsync(["import", join(dir, "nowhere")])).err).toContain("is not a readable folder");
    // The synchronous runCli cannot wait for a database, and says so instead of pretending.
    expect(run(["import", "x"])).toMatchObject({ code: 2 });
    expect(run(["export", "--help"]).out).toContain("samverkan export --collaboration ID --out DIR");
    expect(run(["--help"]).out).toContain("samverkan import DIR [--collaboration ID]");
  });
});
