import { closestNames } from "@samverkan/domain";
import type { Dataset } from "@samverkan/domain";
import { CONDITIONS, MONTH_PHRASES } from "./conditions.js";
import { say, type Draft, type Turn } from "./draft.js";
import { alternatives, listing } from "./phrases.js";
import { askedYears } from "./years-asked.js";
import type { Intent } from "./types.js";

/**
 * Never a different question. A money answer is only given when every part of the question was
 * understood: a condition the documents cannot answer ("per invånare", "exklusive moms") or a second
 * name that is no municipality ("Kalix och Stockholm") would otherwise be dropped, and the member would
 * get a confident number for a narrower question than the one asked. A refusal costs a minute; a wrong
 * number costs money. The refusal says what was not understood and offers the closest questions.
 */

/** The intents whose answers are amounts for a municipality, an item and a year. */
const MONEY_INTENTS: ReadonlySet<Intent> = new Set([
  "itemCost",
  "statement",
  "itemTotal",
  "explainAmount",
  "maxWithdrawal",
]);

/** Whether every amount is of an item priced per month that year: its answer explains the monthly amount. */
function pricedPerMonth(d: Dataset, draft: Draft): boolean {
  const amounts = draft.amounts ?? [];
  return amounts.every((a) => {
    const year = d.costItems.find((c) => c.id === a.itemId)?.years.find((y) => y.year === a.year);
    return year?.rule?.rounding?.period === "month";
  });
}

/** The question with a phrase taken out, as a suggestion to ask instead. */
function without(question: string, typed: string): string {
  const at = question.indexOf(typed);
  if (at < 0) return question;
  // "Kalix och Stockholm" / "Stockholm och Kalix": the conjunction goes with the name.
  const before = question.slice(0, at).replace(/\s(och|and|eller|or),?\s*$/iu, " ");
  const after = question.slice(at + typed.length);
  const rest =
    before === question.slice(0, at)
      ? before + after.replace(/^,?\s*(och|and|eller|or)\s/iu, " ")
      : before + after;
  // Tidy what the phrase leaves behind: "Kalix och för" → "Kalix för", "in?" → "?".
  return rest
    .replace(/\s+/g, " ")
    .replace(/(^|\s)(och|and|eller|or),?\s+(?=(för|for|i|in|på|at|och|and)\s)/giu, "$1")
    .replace(/(^|\s)(och|and|eller|or|i|in|på|at|för|for)\s*(?=[?.!]|$)/giu, "")
    .replace(/\s+([?.,!])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** A refusal for the parts of the question not understood, or undefined when the answer stands. */
export function guard(turn: Turn, draft: Draft): Draft | undefined {
  if (!MONEY_INTENTS.has(draft.intent) || (draft.amounts ?? []).length === 0) return undefined;
  const p = turn.parsed;
  const parts: string[] = [];
  const followUps: string[] = [];
  let narrower = p.question.trim();
  let offerSplit = false;
  for (const c of p.conditions) {
    const condition = CONDITIONS.find((x) => x.id === c.id);
    if (!condition) continue;
    if (MONTH_PHRASES.has(c.typed.toLowerCase()) && pricedPerMonth(turn.dataset, draft)) continue;
    parts.push(`"${c.typed}": ${turn.lang === "sv" ? condition.why.sv : condition.why.en}`);
    narrower = without(narrower, c.typed);
    offerSplit ||= condition.offerSplit;
  }
  // A name that is no municipality, beside one that is: the answer would be for the known ones only.
  if (p.municipalities.length > 0)
    for (const name of p.unknownNames) {
      const candidates = turn.datasets.flatMap((d) =>
        d.municipalities.map((m) => ({ name: m.name, spellings: [m.name, ...m.aliases] })),
      );
      const closest = closestNames(name, candidates);
      parts.push(
        say(
          turn,
          `"${name}" finns inte bland kommunerna i datat${closest.length ? ` (menade du ${alternatives(closest, "sv")}?)` : ""}`,
          `"${name}" is not among the municipalities in the data${closest.length ? ` (did you mean ${alternatives(closest, "en")}?)` : ""}`,
        ),
      );
      narrower = without(narrower, name);
    }
  // Every year asked is answered or said to have no amount: an answer for some of them is for a
  // narrower question ("2021–2023" answered for 2023 and compared with 2021, 2022 left out).
  const asked = askedYears(turn);
  if (asked) {
    const answered = new Set((draft.amounts ?? []).map((a) => a.year));
    const dropped = asked.filter((y) => !answered.has(y) && !draft.text.includes(String(y)));
    if (dropped.length > 0)
      parts.push(
        say(
          turn,
          `${listing(dropped.map(String), "sv")}: jag kan inte svara för vart och ett av åren ${listing(asked.map(String), "sv")} i samma svar`,
          `${listing(dropped.map(String), "en")}: I cannot answer each of the years ${listing(asked.map(String), "en")} in one answer`,
        ),
      );
  }
  if (parts.length === 0) return undefined;
  if (narrower && narrower !== p.question.trim()) followUps.push(narrower);
  const first = draft.amounts?.find((a) => a.itemId);
  if (offerSplit && first)
    followUps.push(
      say(turn, `Hur fördelas ${first.item} ${first.year}?`, `How is ${first.item} split in ${first.year}?`),
    );
  return {
    intent: "unknown",
    ...(draft.collaboration ? { collaboration: draft.collaboration } : {}),
    ...(draft.year ? { year: draft.year } : {}),
    text: say(
      turn,
      `Jag förstod inte hela frågan: ${listing(parts, "sv")}. Jag ger inget belopp för en annan fråga än den du ställde${followUps.length ? `; det här kan jag svara på: ${followUps.map((q) => `"${q}"`).join(", ")}` : ""}.`,
      `I did not understand all of the question: ${listing(parts, "en")}. I give no amount for a different question than the one you asked${followUps.length ? `; this is what I can answer: ${followUps.map((q) => `"${q}"`).join(", ")}` : ""}.`,
    ),
    followUps,
  };
}
