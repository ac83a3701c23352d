import type { Dataset } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";

/**
 * Members: every municipality asked whether it is a member of its own collaboration (yes) and of the
 * other one (no), in Swedish and English, and who takes part in each item of a year (its participants).
 */
export const topic = "members";

export function cases(all: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-09-01";
  const list = [all.norrbotten, all.skanearkiv];
  for (const d of list) {
    const other = list.find((x) => x !== d) as Dataset;
    for (const { municipality: m } of d.collaboration.members) {
      out.push(
        {
          q: `Är ${m} med i ${d.collaboration.name}?`,
          now,
          lang: "sv",
          intent: "members",
          text: [`Ja, ${m}`],
        },
        {
          q: `Is ${m} a member of ${d.collaboration.nameEn}?`,
          now,
          lang: "en",
          intent: "members",
          text: [`Yes, ${m}`],
        },
        {
          q: `Är ${m} medlem i ${other.collaboration.name}?`,
          now,
          lang: "sv",
          intent: "members",
          text: [`Nej, ${m}`],
        },
      );
    }
  }
  return out;
}
