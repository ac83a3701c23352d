import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The shared folder sits beside the repository (CI: a clone with shared/ next to it).
const sharedGolden = process.env.SAMVERKAN_SHARED_DIR
  ? `${process.env.SAMVERKAN_SHARED_DIR}/golden`
  : fileURLToPath(new URL("../../../../shared/golden", import.meta.url));

describe.runIf(existsSync(sharedGolden))("golden fixtures", () => {
  it.each(["tables.json", "population.json"])("%s is an unchanged copy of shared/golden", (file) => {
    const copy = readFileSync(new URL(`./golden/${file}`, import.meta.url), "utf8");
    expect(copy).toBe(readFileSync(`${sharedGolden}/${file}`, "utf8"));
  });
});
