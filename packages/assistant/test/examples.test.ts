import { describe, expect, it } from "vitest";
import { answer, TOPIC_EXAMPLES } from "../src/index.js";
import { datasets } from "./support.js";

/** The help lists one example per topic: each must really be answered by that topic, in both languages. */
describe("the help's examples", () => {
  const cases = TOPIC_EXAMPLES.flatMap((e) =>
    (["sv", "en"] as const).map((lang) => [e.topic, lang, e] as const),
  );
  it.each(cases)("%s (%s) is answered by its topic", (_topic, lang, e) => {
    const previous = e.after ? answer(e.after[lang], { datasets, now: "2022-09-01" }).turn : undefined;
    const a = answer(e.question[lang], { datasets, now: "2022-09-01", ...(previous ? { previous } : {}) });
    expect(a.intent).toBe(e.intent);
    expect(a.language).toBe(lang);
  });

  it("the help answer lists every topic with its example, in the text and on the card", () => {
    for (const [q, lang] of [
      ["hjälp", "sv"],
      ["help", "en"],
    ] as const) {
      const a = answer(q, { datasets, now: "2022-09-01" });
      expect(a.intent).toBe("help");
      for (const e of TOPIC_EXAMPLES) {
        expect(a.text).toContain(e.title[lang]);
        expect(a.text).toContain(e.question[lang]);
        expect(JSON.stringify(a.card)).toContain(e.title[lang]);
      }
    }
  });
});
