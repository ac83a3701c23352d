import { describe, expect, it } from "vitest";
import { parseQuestion } from "../src/parse.js";
import { AMBIGUOUS_ITEM_WORDS, ITEM_SYNONYMS } from "../src/vocabulary.js";
import { datasets } from "./support.js";

/**
 * The item ids a phrase is read as, in a question around it, among one collaboration's items (the
 * same word may name an item of each: "e-archive" is Norrbotten's E-arkiv and SkånEarkiv's withdrawal;
 * the municipality named decides which collaboration is answered about).
 */
function itemIdsOf(phrase: string, lang: "sv" | "en", collaboration = "norrbotten"): string[] {
  const q = lang === "sv" ? `Vad kostar ${phrase} 2023?` : `What does ${phrase} cost in 2023?`;
  const items = parseQuestion(q, datasets).items.filter((x) => x.collaboration === collaboration);
  return [...new Set(items.flatMap((x) => x.ids))];
}

describe("item words in Swedish and English", () => {
  const items = datasets.flatMap((d) => d.costItems.map((item) => ({ d, item })));

  it.each(items.map(({ d, item }) => [d.collaboration.id, item.id, item.name, item.nameEn] as const))(
    "%s %s is read from its Swedish name (%s) and its English name (%s)",
    (collaboration, id, name, nameEn) => {
      expect(itemIdsOf(name, "sv", collaboration)).toEqual([id]);
      expect(itemIdsOf(nameEn, "en", collaboration)).toEqual([id]);
    },
  );

  const synonyms = Object.entries(ITEM_SYNONYMS).flatMap(([collaboration, byItem]) =>
    Object.entries(byItem).flatMap(([id, words]) => words.map((w) => [collaboration, w, id] as const)),
  );
  it.each(synonyms)("%s: %s is read as %s", (collaboration, word, id) => {
    expect(itemIdsOf(word, "sv", collaboration)).toEqual([id]);
  });

  const ambiguous = Object.entries(AMBIGUOUS_ITEM_WORDS).flatMap(([collaboration, byWord]) =>
    Object.entries(byWord).map(([word, ids]) => [collaboration, word, ids] as const),
  );
  it.each(ambiguous)("%s: %s could be any of %j, so the question asks which", (collaboration, word, ids) => {
    expect(itemIdsOf(word, "sv", collaboration).sort()).toEqual([...ids].sort());
  });

  it("reads förvaltning as management, not the base platform (issue 12)", () => {
    expect(itemIdsOf("ECO-system management", "en")).toEqual(["forvaltningsledare-soc"]);
    expect(itemIdsOf("ECO-system base platform", "en")).toEqual(["eco-grundplattform"]);
    expect(itemIdsOf("förvaltningen av ECO-systemet", "sv")).toEqual(["forvaltningsledare-soc"]);
  });
});
