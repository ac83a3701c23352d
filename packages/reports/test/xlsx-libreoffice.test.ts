import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { renderXlsx } from "../src/index.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";

/*
 * The number formats are only as good as what a spreadsheet program shows. When LibreOffice is
 * installed (Debian: apt-get install libreoffice-calc-nogui), this opens the workbook in it, under
 * an English locale on purpose, and reads back the text the cells display. Without LibreOffice the
 * test is skipped: it is an extra check, not part of the required toolchain.
 */
const run = promisify(execFile);
const soffice = await run("which", ["soffice"]).then(
  (r) => r.stdout.trim(),
  () => undefined,
);
if (!soffice)
  console.warn("xlsx-libreoffice: skipped, soffice not found (apt-get install libreoffice-calc-nogui)");

describe.skipIf(!soffice)("XLSX opened in LibreOffice", () => {
  it("shows Swedish amounts, percentages and dates whatever the reader's locale", async () => {
    const dir = await mkdtemp(join(tmpdir(), "samverkan-lo-"));
    const xlsx = join(dir, "fordelning.xlsx");
    await writeFile(xlsx, await renderXlsx(fordelning2022));
    await run(
      soffice as string,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "html",
        "--outdir",
        dir,
        xlsx,
      ],
      { env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8" }, timeout: 240_000 },
    );
    const shown = (await readFile(join(dir, "fordelning.html"), "utf8"))
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;|\u00a0/g, " ")
      .replace(/\s+/g, " ");
    expect(shown).toContain(" 2 101 400 kr "); // the SUM total of Gemensamma tjänster
    expect(shown).toContain(" 72 000 kr "); // Kalix, E-tjänsteplattform
    expect(shown).toContain(" 1 125 000 kr "); // a printed total kept as printed
    expect(shown).toContain(" 78,6 % ");
    expect(shown).toContain(" 26 januari 2022 14:00 ");
    expect(shown).toContain(" 25 maj 2022 ");
    expect(shown).not.toMatch(/\d,\d{3} kr/); // no English thousands commas
  });
});
