import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const outputs = [...readme.matchAll(/prints\n\n```\n([\s\S]*?)```/g)].map((m) => m[1]);
const run = (file: string) =>
  execFileSync(process.execPath, [fileURLToPath(new URL(`../examples/${file}`, import.meta.url))], {
    encoding: "utf8",
  });

describe("the README's examples run and print what the README shows", () => {
  it("kalix-e-arkiv.mjs", () => {
    expect(run("kalix-e-arkiv.mjs")).toBe(outputs[0]);
    const code = readFileSync(new URL("../examples/kalix-e-arkiv.mjs", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("//"))
      .join("\n")
      .trim();
    expect(readme).toContain(code);
  });

  it("models.mjs", () => {
    expect(readme).toContain(run("models.mjs"));
  });
});
