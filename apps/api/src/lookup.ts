import {
  findCostItem,
  findMunicipality,
  type CostItem,
  type Dataset,
  type Municipality,
} from "@samverkan/domain";
import { HttpProblem } from "./problem.js";

/** The member municipality a user named (name, alias, kommunkod; case and å/ä/ö ignored), or a 404 with the closest names. */
export function municipalityIn(d: Dataset, query: string): Municipality {
  const found = findMunicipality(d, query);
  if (found.found) return found.value;
  const offer = found.suggestions.length ? ` Menade du ${found.suggestions.join(", ")}?` : "";
  const offerEn = found.suggestions.length ? ` Did you mean ${found.suggestions.join(", ")}?` : "";
  throw new HttpProblem(
    "unknown-municipality",
    {
      sv: `${d.collaboration.name} har ingen medlemskommun "${query}".${offer}`,
      en: `${d.collaboration.nameEn} has no member municipality "${query}".${offerEn}`,
    },
    { suggestions: found.suggestions },
  );
}

/** The cost item a user named (id, name, English name or synonym), or a 404 with the closest names. */
export function costItemIn(d: Dataset, query: string): CostItem {
  const byId = d.costItems.find((x) => x.id === query);
  if (byId) return byId;
  const found = findCostItem(d, query);
  if (found.found) return found.value;
  const suggestions = found.suggestions.length ? found.suggestions : d.costItems.map((x) => x.name);
  throw new HttpProblem(
    "unknown-cost-item",
    {
      sv: `${d.collaboration.name} har ingen kostnadspost "${query}". Närmast: ${suggestions.join(", ")}.`,
      en: `${d.collaboration.nameEn} has no cost item "${query}". Closest: ${suggestions.join(", ")}.`,
    },
    { suggestions },
  );
}

/** The years a dataset has budgeted allocations for, for "there is data for …" messages. */
export function allocationYears(d: Dataset): number[] {
  return [...new Set(d.costItems.flatMap((x) => x.years.filter((y) => y.rule).map((y) => y.year)))].sort();
}
