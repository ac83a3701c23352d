import { allocateCostItem } from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { genitiveSv } from "../words.js";

/**
 * SkånEarkiv: every member's maximum withdrawal (maximalt uttag, capped) for every year of the table,
 * asked in the ways members ask it ("maxuttag", "charged at most", "e-arkivet"), the amount from the engine.
 */
export const topic = "skanearkiv";

export function cases({ skanearkiv: d }: { skanearkiv: Dataset }): EvalCase[] {
  const out: EvalCase[] = [];
  const item = d.costItems[0];
  if (!item) return out;
  const phrasings = [
    (m: string, y: number) => ({ q: `Vad är ${genitiveSv(m)} maximala uttag ${y}?`, lang: "sv" as const }),
    (m: string, y: number) => ({
      q: `How much can ${m} be charged at most for the e-archive in ${y}?`,
      lang: "en" as const,
    }),
    (m: string, y: number) => ({ q: `Vad betalar ${m} för e-arkivet ${y}?`, lang: "sv" as const }),
    (m: string, y: number) => ({ q: `What is ${m}'s cap in ${y}?`, lang: "en" as const }),
    (m: string, y: number) => ({ q: `${m} maxuttag ${y}`, lang: "sv" as const }),
  ];
  let i = 0;
  for (const { year } of item.years) {
    const result = allocateCostItem(d, item.id, year);
    for (const row of result.rows) {
      const ask = phrasings[i++ % phrasings.length] as (typeof phrasings)[number];
      out.push({
        ...ask(row.municipality, year),
        now: "2022-09-01",
        intent: "maxWithdrawal",
        amounts: [[row.municipality, item.id, year, row.amount.toFixed()]],
        exactAmounts: true,
      });
    }
  }
  return out;
}
