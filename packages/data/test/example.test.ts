import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const example = fileURLToPath(new URL("../examples/kalix-published-2023.mjs", import.meta.url));
const readme = readFileSync(new URL("../../domain/README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1],
  body: m[2] ?? "",
}));

describe("the domain README's runnable example", () => {
  it("shows the example file's code verbatim", () => {
    const code = readFileSync(example, "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("//"))
      .join("\n")
      .trim();
    expect(blocks.find((b) => b.lang === "js")?.body.trim()).toBe(code);
  });

  it("prints exactly what the README says it prints", () => {
    const output = execFileSync(process.execPath, [example], { encoding: "utf8" });
    const shown = blocks.filter((b) => b.lang === "").map((b) => b.body)[0];
    expect(output).toBe(shown);
  });
});
