import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { openStore } from "@samverkan/store";
import { describe, expect, it } from "vitest";
import { runCliAsync } from "../src/cli.js";
import { run } from "./run.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** `samverkan chat` in-process, reading `lines` as its input. */
async function chat(lines: readonly string[], args: readonly string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliAsync(["chat", ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    today: "2022-09-01",
    input: Readable.from(lines.map((l) => `${l}\n`)),
  });
  return { code, out, err: err.join("\n") };
}

describe("samverkan chat", () => {
  it("answers each line of piped stdin, reading follow-ups against the answer before (the built bin)", () => {
    const r = spawnSync(process.execPath, [bin, "chat", "--now", "2022-09-01"], {
      input: "Vad betalar Kalix för e-arkiv 2023?\noch 2022?\noch Luleå?\n",
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // Blank lines separate the answers and, within one, its sources and follow-up questions.
    const texts = r.stdout
      .trimEnd()
      .split("\n\n")
      .filter((block) => !/^(Ursprung|Du kan också fråga):/.test(block));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Kalix betalar 21 000 kr för E-arkiv 2023\. /);
    expect(texts[1]).toMatch(
      /^Jag tolkade följdfrågan som "Vad betalar Kalix för e-arkiv 2022\?"\. Kalix betalar 21 000 kr för E-arkiv 2022\. /,
    );
    expect(texts[2]).toMatch(
      /^Jag tolkade följdfrågan som "Vad betalar Luleå för e-arkiv 2022\?"\. Luleå betalar 97 000 kr för E-arkiv 2022\. /,
    );
    // Each answer keeps what `ask` prints: where the amount comes from.
    expect(r.stdout.match(/^Ursprung:$/gm)).toHaveLength(3);
  });

  it("ends at exit, quit or avsluta, skips empty lines, and follows English too", async () => {
    const r = await chat([
      "what does Kalix pay for e-arkiv 2023?",
      "",
      "and Luleå?",
      "exit",
      "Vad betalar Piteå för e-arkiv 2023?",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(2);
    expect(r.out[0]).toMatch(/^Kalix pays 21 000 kr for E-archive in 2023/);
    expect(r.out[1]).toMatch(
      /^\nI read the follow-up as "what does Luleå pay for e-arkiv 2023\?"\. Luleå pays 97 000 kr/,
    );
    for (const word of ["quit", "avsluta", "QUIT"])
      expect((await chat([word, "Vad betalar Kalix för e-arkiv 2023?"])).out).toEqual([]);
  });

  it("has nothing to follow in a new chat: a first follow-up is not understood", async () => {
    const r = await chat(["och 2022?"]);
    expect(r.out[0]).toMatch(/^Jag förstod inte frågan\./);
  });

  it("counts years from --now and answers about --collaboration, like ask", async () => {
    const r = await chat(
      ["Vad betalar Kalix för e-arkiv i år?", "Vilka kommuner är med?"],
      ["--now", "2023-02-01", "--collaboration", "skanearkiv"],
    );
    expect(r.out[0]).toMatch(/E-arkiv 2023/);
    expect(r.out[1]).toMatch(/^\nSkånEarkiv har 16 medlemmar/);
  });

  it("explains itself with --help and refuses a question as an argument or a bad --now (exit 2)", async () => {
    const help = run(["chat", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^samverkan chat \[--now DATUM\] \[--collaboration ID\]/);
    expect(help.out).toContain("exit, quit, avsluta eller Ctrl-D avslutar");
    expect(run(["--help"]).out).toContain("samverkan chat [--now DATUM] [--collaboration ID]");
    const positional = await chat([], ["Vad betalar Kalix?"]);
    expect(positional.code).toBe(2);
    expect(positional.err).toMatch(/^chat tar frågorna rad för rad, inte som argument/);
    expect((await chat([], ["--now", "igår"])).code).toBe(2);
  });
});

describe("samverkan chat on a database", () => {
  it("answers from what the secretary recorded, as ask does (the built bin, SAMVERKAN_DATA_DIR)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samverkan-chat-"));
    try {
      const dataDir = join(dir, "data");
      // The CLI keeps its embedded database in $SAMVERKAN_DATA_DIR/pglite.
      const store = await openStore({ dataDir: join(dataDir, "pglite") });
      await store.recordAttendance(
        "norrbotten",
        "committee-2022-03-16",
        {
          municipalities: [
            "Luleå",
            "Piteå",
            "Boden",
            "Kalix",
            "Älvsbyn",
            "Haparanda",
            "Överkalix",
            "Övertorneå",
            "Jokkmokk",
            "Gällivare",
          ],
        },
        { actor: "test" },
      );
      await store.close();
      const env: NodeJS.ProcessEnv = { ...process.env, SAMVERKAN_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const r = spawnSync(process.execPath, [bin, "chat", "--now", "2022-09-01"], {
        input: "Hur var närvaron 16 mars 2022?\n",
        encoding: "utf8",
        env,
        timeout: 120_000,
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("10 av 14 ledamöter");
      expect(r.stdout).toContain("Registrerad närvaro");
      // Without the database, the minutes' own count.
      const bundled = spawnSync(process.execPath, [bin, "chat", "--now", "2022-09-01"], {
        input: "Hur var närvaron 16 mars 2022?\n",
        encoding: "utf8",
        env: { ...env, SAMVERKAN_DATA_DIR: "" },
        cwd: dir,
        timeout: 120_000,
      });
      expect(bundled.stdout).toContain("9 av 14 ledamöter");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
