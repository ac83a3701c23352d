import { describe, expect, it } from "vitest";
import {
  closestNames,
  editDistance,
  findCostItem,
  findMunicipality,
  foldName,
  type Dataset,
} from "../src/index.js";

const municipalities: Dataset["municipalities"] = [
  { code: "2513", name: "Överkalix", aliases: ["Overkalix"] },
  { code: "2514", name: "Kalix", aliases: [] },
  { code: "2518", name: "Övertorneå", aliases: [] },
  { code: "2580", name: "Luleå", aliases: ["Lulea"] },
  { code: "2560", name: "Älvsbyn", aliases: [] },
];

describe("municipality names as people type them", () => {
  it("folds case, å/ä/ö and punctuation", () => {
    expect(foldName("  ÖVERTORNEÅ ")).toBe("overtornea");
    expect(foldName("Älvsbyn")).toBe("alvsbyn");
  });

  it("finds by name, alias, missing diacritics or kommunkod", () => {
    for (const q of ["Luleå", "lulea", "LULEA", "2580"]) {
      expect(findMunicipality({ municipalities }, q)).toMatchObject({
        found: true,
        value: { name: "Luleå" },
      });
    }
    expect(findMunicipality({ municipalities }, "alvsbyn")).toMatchObject({
      found: true,
      value: { name: "Älvsbyn" },
    });
  });

  it("suggests the closest names for a typo or a prefix, and nothing for a stranger", () => {
    expect(findMunicipality({ municipalities }, "Kalx")).toEqual({ found: false, suggestions: ["Kalix"] });
    expect(
      closestNames(
        "Över",
        municipalities.map((m) => ({ name: m.name, spellings: [m.name] })),
      ),
    ).toEqual(["Överkalix", "Övertorneå"]);
    expect(findMunicipality({ municipalities }, "Stockholm")).toEqual({ found: false, suggestions: [] });
  });

  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("kalix", "kailx")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("finds cost items by printed name, id, English name and synonym", () => {
    const costItems = [
      {
        id: "e-arkiv",
        name: "E-arkiv",
        nameEn: "E-archive",
        category: "sharedService",
        synonyms: ["e-arkivet"],
        extras: [],
        years: [],
      },
    ] as unknown as Dataset["costItems"];
    for (const q of ["E-arkiv", "e-arkivet", "earkiv", "E-archive", "e arkiv", "EARKIVET", "e archive"]) {
      expect(findCostItem({ costItems }, q)).toMatchObject({ found: true, value: { id: "e-arkiv" } });
    }
    expect(findCostItem({ costItems }, "e-arkv")).toEqual({ found: false, suggestions: ["E-arkiv"] });
  });
});
