import type { Turn } from "./draft.js";
import type { NamedItem, NamedMunicipality } from "./parse.js";

/** The year a question is about, and where it came from; `compare` for "jämfört med …" questions. */
export interface ResolvedYear {
  readonly value: number;
  readonly source: "question" | "now" | "relative";
  /** The year to compare with, when the question compares (or names two years). */
  readonly compare?: number;
}

/**
 * Years as the question gives them: a number ("2023"), relative to the budget year of now ("i år",
 * "nästa år", "förra året"), or none — then the budget year of now, which the answer states.
 */
export function resolveYear(turn: Turn): ResolvedYear {
  const { parsed, now } = turn;
  const years = parsed.years.map((y) => ({
    value: y.year ?? now.year + (y.offset ?? 0),
    source: y.year !== undefined ? ("question" as const) : ("relative" as const),
  }));
  const comparing = parsed.signals.has("compare") || years.length >= 2;
  if (!comparing) return years[0] ?? { value: now.year, source: "now" };
  const distinct = [...new Map(years.map((y) => [y.value, y])).values()].sort((a, b) => a.value - b.value);
  if (distinct.length >= 2) {
    const last = distinct.at(-1) as (typeof distinct)[number];
    return {
      value: last.value,
      source: last.source,
      compare: (distinct[0] as (typeof distinct)[number]).value,
    };
  }
  const only = distinct[0];
  if (!only) return { value: now.year, source: "now", compare: now.year - 1 };
  // "jämfört med förra året": the relative year is the one compared with, the answer is for now's year.
  if (only.source === "relative" && only.value < now.year)
    return { value: now.year, source: "now", compare: only.value };
  return { ...only, compare: only.value - 1 };
}

/** The municipalities the question names in the turn's collaboration. */
export function municipalitiesIn(turn: Turn): NamedMunicipality[] {
  return turn.parsed.municipalities.filter((m) => m.collaboration === turn.dataset.collaboration.id);
}

/** The items the question names in the turn's collaboration (exact matches before typos). */
export function itemsIn(turn: Turn): NamedItem[] {
  const items = turn.parsed.items.filter((x) => x.collaboration === turn.dataset.collaboration.id);
  return [...items.filter((x) => x.how === "exact"), ...items.filter((x) => x.how === "typo")];
}

/** "Jag tolkade "Kalx" som Kalix." for every name read as a typo or a prefix: never a silent guess. */
export function interpretationNote(turn: Turn): string {
  const notes = [
    ...turn.parsed.municipalities.filter((m) => m.how !== "exact").map((m) => [m.typed, m.name] as const),
    ...itemsIn(turn)
      .filter((x) => x.how === "typo")
      .map((x) => [x.typed, turn.dataset.costItems.find((c) => c.id === x.ids[0])?.name ?? ""] as const),
  ];
  return notes
    .map(([typed, name]) =>
      turn.lang === "sv" ? ` Jag tolkade "${typed}" som ${name}.` : ` I read "${typed}" as ${name}.`,
    )
    .join("");
}

/** " Inget år angavs, så svaret gäller innevarande budgetår 2023." when the year came from now. */
export function yearNote(turn: Turn, year: ResolvedYear): string {
  if (year.source !== "now") return "";
  return turn.lang === "sv"
    ? ` Inget år angavs, så svaret gäller innevarande budgetår ${year.value}.`
    : ` No year was given, so this is for the current budget year, ${year.value}.`;
}
