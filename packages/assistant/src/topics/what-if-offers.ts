import type { CostItem, Dataset } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { allocation, budgetYears, ruleYears } from "../engine.js";
import { yearNote, type ResolvedYear } from "../resolve.js";
import { listing } from "../phrases.js";
import type { NotComputed } from "./what-if-compute.js";
import { sameKind } from "./what-if-model.js";
import type { Movers } from "./what-if-text.js";

/**
 * The scenario questions to offer next, written so that the what-if reader reads them back as the
 * same scenario (a test asks each one), and the refusal an unanswerable hypothetical gets: what could
 * not be computed and why, never the ordinary amount in its place.
 */

type ModelType = "population" | "equal" | "mixed";

export function itemWord(turn: Turn, item: Pick<CostItem, "name" | "nameEn">): string {
  return say(turn, item.name, item.nameEn);
}

/** "Vad händer om Kalix lämnar E-arkiv 2023?" */
export function leaveQuestion(
  turn: Turn,
  municipalities: string | readonly string[],
  item: CostItem,
  year: number,
): string {
  const list = typeof municipalities === "string" ? [municipalities] : municipalities;
  return say(
    turn,
    `Vad händer om ${listing(list, "sv")} lämnar ${item.name} ${year}?`,
    `What if ${listing(list, "en")} ${list.length > 1 ? "leave" : "leaves"} ${item.nameEn} in ${year}?`,
  );
}

/** "Vad händer om Kalix lämnar 2023?": every item the municipality takes part in. */
export function leaveAllQuestion(turn: Turn, municipality: string, year: number): string {
  return say(
    turn,
    `Vad händer om ${municipality} lämnar ${year}?`,
    `What if ${municipality} leaves in ${year}?`,
  );
}

/** "Vad händer om E-arkiv delas lika 2023?" */
export function modelQuestion(turn: Turn, item: CostItem, type: ModelType, year: number): string {
  const sv = { population: "fördelas per invånare", equal: "delas lika", mixed: "fördelas 50/50" }[type];
  const en = { population: "split per capita", equal: "split equally", mixed: "split 50/50" }[type];
  return say(
    turn,
    `Vad händer om ${item.name} ${sv} ${year}?`,
    `What if ${item.nameEn} is ${en} in ${year}?`,
  );
}

export function splitQuestion(turn: Turn, item: CostItem, year: number): string {
  return say(turn, `Hur fördelas ${item.name} ${year}?`, `How is ${item.nameEn} split in ${year}?`);
}

export function costQuestion(turn: Turn, municipality: string, item: CostItem, year: number): string {
  return say(
    turn,
    `Vad betalar ${municipality} för ${item.name} ${year}?`,
    `What does ${municipality} pay for ${item.nameEn} in ${year}?`,
  );
}

/** The models an item could be re-split by: those it is not split by today. */
export function otherModels(d: Dataset, item: CostItem, year: number): ModelType[] {
  const today = allocation(d, item.id, year);
  const types: ModelType[] = ["population", "equal", "mixed"];
  return today.ok ? types.filter((t) => !sameKind(t, today.value.model)) : types;
}

/** The items with a budgeted allocation in the year (the proposals are left to be named). */
export function budgetedItems(d: Dataset, year: number): CostItem[] {
  return d.costItems.filter((x) => x.years.some((y) => y.year === year && y.rule && y.status === "budgeted"));
}

/** The year to offer when the asked one has no allocation: the nearest budget year. */
export function nearestYear(d: Dataset, item: CostItem | undefined, year: number): number | undefined {
  const years = item ? ruleYears(d, item.id) : budgetYears(d);
  return [...years].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a)[0];
}

/** The participants of an item in a year, or none. */
export function participantsOf(d: Dataset, item: CostItem, year: number): readonly string[] {
  const today = allocation(d, item.id, year);
  return today.ok ? today.value.participants : [];
}

/** Example scenarios for the collaboration, for a hypothetical the reader could not place. */
export function exampleScenarios(turn: Turn, year: number): string[] {
  const d = turn.dataset;
  const items = budgetedItems(d, year);
  const item = items.find((x) => x.id.includes("arkiv")) ?? items[0];
  if (!item) return [];
  const members = participantsOf(d, item, year);
  const model = otherModels(d, item, year)[0];
  return [
    ...(members[0] ? [leaveQuestion(turn, members[0], item, year)] : []),
    ...(model ? [modelQuestion(turn, item, model, year)] : []),
    ...(members[1] ? [leaveAllQuestion(turn, members[1], year)] : []),
  ];
}

/**
 * A hypothetical that cannot be computed: what was not computed and why, with the closest scenario
 * questions that can be. Never an amount: the ordinary amount would answer another question.
 */
export function refusal(
  turn: Turn,
  what: { readonly sv: string; readonly en: string },
  followUps: readonly string[],
  year?: ResolvedYear,
): Draft {
  const offers = [...new Set(followUps)].slice(0, 4);
  return {
    intent: "whatIf",
    collaboration: turn.dataset.collaboration.id,
    ...(year ? { year: { value: year.value, source: year.source } } : {}),
    text:
      say(
        turn,
        `Jag kan inte räkna det scenariot: ${what.sv}. Jag ger inget belopp för en annan fråga än den du ställde.`,
        `I cannot compute that scenario: ${what.en}. I give no amount for a different question than the one you asked.`,
      ) +
      (year ? yearNote(turn, year) : "") +
      (offers.length
        ? say(
            turn,
            ` Det här kan jag räkna: ${offers.map((q) => `"${q}"`).join(", ")}.`,
            ` This is what I can compute: ${offers.map((q) => `"${q}"`).join(", ")}.`,
          )
        : ""),
    followUps: offers,
  };
}

/** The closest questions to a scenario that could not be computed, by why it could not. */
export function offersFor(turn: Turn, failed: NotComputed, movers: Movers): string[] {
  const d = turn.dataset;
  const { item, year } = failed;
  const members = participantsOf(d, item, year);
  const someone = members.find((m) => !movers.leave.includes(m)) ?? members[0];
  const model = otherModels(d, item, year)[0];
  switch (failed.kind) {
    case "noRule": {
      const y = nearestYear(d, item, year);
      if (y === undefined) return [];
      const first = participantsOf(d, item, y)[0];
      const who = movers.leave[0] ?? movers.join[0] ?? first;
      return [
        ...(who ? [leaveQuestion(turn, who, item, y)] : []),
        ...otherModels(d, item, y)
          .slice(0, 1)
          .map((t) => modelQuestion(turn, item, t, y)),
        splitQuestion(turn, item, y),
      ];
    }
    case "alreadyMember":
      return [
        ...(movers.leave.length ? [leaveQuestion(turn, movers.leave, item, year)] : []),
        ...(failed.municipalities ?? [])
          .slice(0, 1)
          .flatMap((m) => [leaveQuestion(turn, m, item, year), costQuestion(turn, m, item, year)]),
        ...(model ? [modelQuestion(turn, item, model, year)] : []),
      ];
    case "already":
      return [
        ...otherModels(d, item, year).map((t) => modelQuestion(turn, item, t, year)),
        splitQuestion(turn, item, year),
      ];
    default:
      return [
        ...(someone ? [leaveQuestion(turn, someone, item, year)] : []),
        ...(model ? [modelQuestion(turn, item, model, year)] : []),
        splitQuestion(turn, item, year),
      ];
  }
}
