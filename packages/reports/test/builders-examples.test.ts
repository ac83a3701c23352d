import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const run = (file: string) =>
  execFileSync(process.execPath, [fileURLToPath(new URL(`../examples/${file}`, import.meta.url))], {
    encoding: "utf8",
  });
const code = (file: string) =>
  readFileSync(new URL(`../examples/${file}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("//"))
    .join("\n")
    .trim();

describe("the README's builder examples run and print what the README shows", () => {
  for (const name of ["allocation", "statement", "budget", "interim", "meetings", "max-withdrawal"]) {
    it(`${name}.mjs`, () => {
      const file = `${name}.mjs`;
      expect(readme).toContain(code(file));
      expect(readme).toContain(
        `\`node packages/reports/examples/${file}\` prints\n\n\`\`\`\n${run(file)}\`\`\``,
      );
    });
  }
});
