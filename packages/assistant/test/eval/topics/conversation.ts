import type { Dataset } from "@samverkan/domain";
import { CONDITIONS } from "../../../src/conditions.js";
import type { EvalCase } from "../../support.js";

/**
 * Never a different question: money questions with a condition the documents cannot answer, or a second
 * name that is no municipality, are refused (no amount) with what was not understood quoted; text with no
 * words of either language is answered in Swedish. Generated over every condition phrase and member.
 */
export const topic = "conversation";

/** Swedish towns that are members of neither collaboration. */
const NON_MEMBERS = [
  "Stockholm",
  "Umeå",
  "Göteborg",
  "Uppsala",
  "Västerås",
  "Örebro",
  "Sundsvall",
  "Karlstad",
];

export function cases({ norrbotten: d }: { norrbotten: Dataset }): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-09-01";
  const names = d.collaboration.members.map((m) => m.municipality);
  const item = d.costItems.find((c) => c.id === "e-arkiv");
  if (!item) return out;
  let i = 0;
  for (const c of CONDITIONS) {
    for (const phrase of c.phrases) {
      const m = names[i++ % names.length] as string;
      const english =
        /^[a-z ]+$/.test(phrase) && !["moms", "momsen", "euro", "pund"].some((w) => phrase.includes(w));
      const swedish = !english || ["per person", "euro", "dollar", "nok", "dkk", "usd"].includes(phrase);
      if (swedish)
        out.push({
          q: `Vad betalar ${m} ${phrase} för ${item.name} 2023?`,
          now,
          lang: "sv",
          intent: "unknown",
          noAmounts: true,
          text: ["Jag förstod inte hela frågan", `"${phrase}"`],
        });
      if (english && !["per person"].includes(phrase))
        out.push({
          q: `What does ${m} pay ${phrase} for the e-archive in 2023?`,
          now,
          lang: "en",
          intent: "unknown",
          noAmounts: true,
          text: ["I did not understand all of the question", `"${phrase}"`],
        });
    }
  }
  NON_MEMBERS.forEach((town, k) => {
    const m = names[(k * 3) % names.length] as string;
    out.push(
      {
        q: `Vad betalar ${m} och ${town} för e-arkiv 2023?`,
        now,
        lang: "sv",
        intent: "unknown",
        noAmounts: true,
        text: [`"${town}" finns inte bland kommunerna`, `Vad betalar ${m} för e-arkiv 2023?`],
      },
      {
        q: `What do ${town} and ${m} pay for the e-archive in 2023?`,
        now,
        lang: "en",
        intent: "unknown",
        noAmounts: true,
        text: [`"${town}" is not among the municipalities`],
      },
    );
  });
  for (const q of [
    "'; DROP TABLE municipalities; --",
    "<script>alert(1)</script>",
    "42",
    "?!",
    "qwerty asdf zxcv",
  ])
    out.push({ q, now, lang: "sv", intent: "unknown", noAmounts: true });
  return out;
}
