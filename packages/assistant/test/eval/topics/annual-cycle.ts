import type { Dataset } from "@samverkan/domain";
import { TOPIC_WORDS } from "../../../src/vocabulary.js";
import type { EvalCase } from "../../support.js";
import { MONTHS_EN, MONTHS_SV } from "../words.js";

/**
 * The annual cycle (årshjul): for every month, what is decided then (each item's text from the data,
 * or that nothing in particular is); for every topic of the cycle and each of its words, when it is decided.
 */
export const topic = "annual-cycle";

export function cases({ norrbotten: d }: { norrbotten: Dataset }): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-01-10";
  const entries = d.annualCycle?.entries ?? [];
  for (let month = 1; month <= 12; month++) {
    const entry = entries.find((e) => e.months.includes(month));
    const sv = entry ? entry.items.map((i) => i.text.replace(/,$/, "")) : ["inget särskilt beslut"];
    const en = entry ? entry.items.map((i) => i.textEn) : [];
    out.push(
      { q: `Vad ska beslutas i ${MONTHS_SV[month - 1]}?`, now, lang: "sv", intent: "annualCycle", text: sv },
      { q: `What is decided in ${MONTHS_EN[month - 1]}?`, now, lang: "en", intent: "annualCycle", text: en },
    );
  }
  for (const e of entries)
    for (const item of e.items) {
      const words = TOPIC_WORDS[item.topic ?? ""] ?? [];
      for (const w of words) {
        const english = /^[a-z -]+$/.test(w) && !/å|ä|ö/.test(w) && /report|plan|analysis|budget/.test(w);
        out.push(
          english
            ? { q: `When is the ${w} decided?`, now, lang: "en", intent: "annualCycle", text: [item.textEn] }
            : {
                q: `När beslutas ${w}?`,
                now,
                lang: "sv",
                intent: "annualCycle",
                text: [item.text.replace(/,$/, "")],
              },
        );
      }
    }
  return out;
}
