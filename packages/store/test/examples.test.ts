import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const outputs = [...readme.matchAll(/prints\n\n```\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("the README's example runs and prints what the README shows", () => {
  it("record-outcome.mjs", () => {
    const file = fileURLToPath(new URL("../examples/record-outcome.mjs", import.meta.url));
    expect(execFileSync(process.execPath, [file], { encoding: "utf8" })).toBe(outputs[0]);
    const code = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("//"))
      .join("\n")
      .trim();
    expect(readme).toContain(code);
  });
});
