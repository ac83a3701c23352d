import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's example runs and prints what the README shows", () => {
  it("agenda-reminder.mjs", () => {
    const file = fileURLToPath(new URL("../examples/agenda-reminder.mjs", import.meta.url));
    const printed = /prints\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(execFileSync(process.execPath, [file], { encoding: "utf8" })).toBe(printed);
    const code = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("//"))
      .join("\n")
      .trim();
    expect(readme).toContain(code);
  });
});
