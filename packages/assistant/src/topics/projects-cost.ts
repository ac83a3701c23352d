import type { Project } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { ruleYears } from "../engine.js";
import { itemName, itemTotal } from "../intents/cost.js";
import { listing } from "../phrases.js";
import { resolveYear, type ResolvedYear } from "../resolve.js";
import { planSource } from "./projects-format.js";

/**
 * What a project costs: its cost item's total for the year through the engine (the same answer as "Vad
 * kostar X totalt?", `itemTotal`, so every amount is the engine's or the published table's), or, for a
 * project without a cost item, that the data has none, with what its description prints about money.
 */

/** The year to cost: the one asked, or now's; with none asked and none for now, the nearest the item has. */
function costYear(turn: Turn, itemId: string): { year: ResolvedYear; insteadOf?: number } {
  const asked = resolveYear(turn);
  const years = ruleYears(turn.dataset, itemId);
  if (asked.source !== "now" || years.includes(asked.value) || years.length === 0) return { year: asked };
  const earlier = years.filter((y) => y < asked.value);
  const value = earlier.at(-1) ?? (years[0] as number);
  // "question": the year is stated in the answer's own words below, not by itemTotal's "no year given".
  return { year: { value, source: "question" }, insteadOf: asked.value };
}

/** Sentences of the description that print an amount ("930 600 kr"), quoted, with where they are from. */
export function printedAmounts(turn: Turn, p: Project): string {
  const quotes = [...p.description.matchAll(/"([^"]*\d[\d  ]*\s?(?:kr|tkr)[^"]*)"/g)].map(
    (m) => m[1] as string,
  );
  if (quotes.length === 0) return "";
  const source = planSource(turn, p);
  return say(
    turn,
    ` Underlaget skriver också (${source}): ${quotes.map((q) => `"${q}"`).join(" ")}`,
    ` The documents also say (${source}, in Swedish): ${quotes.map((q) => `"${q}"`).join(" ")}`,
  );
}

/** The project's cost through its cost item, as a draft whose amounts the engine gives. */
export function projectCost(turn: Turn, p: Project): Draft {
  const d = turn.dataset;
  const name = turn.lang === "sv" ? p.name : p.nameEn;
  const item = d.costItems.find((x) => x.id === p.costItem);
  if (!item)
    return {
      intent: "projects",
      collaboration: d.collaboration.id,
      text:
        say(
          turn,
          `Datat har ingen kostnadspost eller budget för ${name}.`,
          `The data has no cost item or budget for ${name}.`,
        ) + printedAmounts(turn, p),
    };
  const { year, insteadOf } = costYear(turn, item.id);
  const total = itemTotal(turn, item.id, year);
  const years = ruleYears(d, item.id);
  const instead =
    insteadOf !== undefined
      ? say(
          turn,
          ` Inget år angavs och ${item.name} har ingen fördelning för innevarande budgetår ${insteadOf}, så svaret gäller ${year.value} (fördelning finns för ${listing(years.map(String), "sv")}).`,
          ` No year was given and ${item.nameEn} has no allocation for the current budget year, ${insteadOf}, so this is for ${year.value} (there is one for ${listing(years.map(String), "en")}).`,
        )
      : "";
  return {
    ...total,
    intent: "projects",
    year: { value: year.value, source: insteadOf !== undefined ? "now" : year.source },
    text:
      say(
        turn,
        `${name} betalas via kostnadsposten ${item.name}. `,
        `${name} is paid for through the cost item ${itemName(turn, item)}. `,
      ) +
      total.text +
      instead +
      printedAmounts(turn, p),
  };
}
