import type { Decimal } from "decimal.js";
import type { CostItem } from "./cost-item.js";
import type { Dataset } from "./dataset.js";
import type { Municipality } from "./municipality.js";
import { closestNames, matchName, type NamedCandidate } from "./names.js";
import { yearEndDate, type PopulationVector } from "./population.js";
import type { SourceRef } from "./source.js";

/** The outcome of looking a name up: the thing, or the closest names to offer instead. */
export type Lookup<T> =
  | { readonly found: true; readonly value: T }
  | { readonly found: false; readonly suggestions: readonly string[] };

function municipalityCandidates(d: Pick<Dataset, "municipalities">): NamedCandidate[] {
  return d.municipalities.map((m) => ({ name: m.name, spellings: [m.name, m.code, ...m.aliases] }));
}

/** Finds a municipality by name, alias or kommunkod, ignoring case and å/ä/ö; else the closest names. */
export function findMunicipality(d: Pick<Dataset, "municipalities">, query: string): Lookup<Municipality> {
  const candidates = municipalityCandidates(d);
  const name = matchName(query, candidates);
  const value = name ? d.municipalities.find((m) => m.name === name) : undefined;
  return value ? { found: true, value } : { found: false, suggestions: closestNames(query, candidates) };
}

/** Finds a cost item by id, printed Swedish name, English name or synonym; else the closest names. */
export function findCostItem(d: Pick<Dataset, "costItems">, query: string): Lookup<CostItem> {
  const candidates = d.costItems.map((x) => ({
    name: x.name,
    spellings: [x.name, x.id, x.nameEn, ...x.synonyms],
  }));
  const name = matchName(query, candidates);
  const value = name ? d.costItems.find((x) => x.name === name) : undefined;
  return value ? { found: true, value } : { found: false, suggestions: closestNames(query, candidates) };
}

/** SCB population on 31 December of `year`, if the dataset has it. */
export function populationVectorFor(
  d: Pick<Dataset, "population">,
  year: number,
): PopulationVector | undefined {
  return d.population.find((v) => v.date === yearEndDate(year));
}

/** One cell of a published table, with where it was printed. */
export interface PublishedAmount {
  readonly tableId: string;
  readonly municipality: string;
  readonly costItem: string | undefined;
  /** The column heading as printed. */
  readonly column: string;
  readonly year: number;
  readonly amount: Decimal;
  readonly unit: "kr" | "tkr" | "share";
  readonly source: SourceRef;
  readonly markers: readonly string[];
}

/**
 * Every published amount matching the filter, in table order. Municipality and cost item are
 * canonical names/ids (use `findMunicipality` / `findCostItem` to resolve what a user typed).
 */
export function publishedAmounts(
  d: Pick<Dataset, "publishedTables">,
  filter: { municipality?: string; year?: number; costItem?: string } = {},
): PublishedAmount[] {
  return d.publishedTables
    .filter(
      (t) =>
        filter.year === undefined ||
        t.year === filter.year ||
        (t.toYear !== undefined && t.year <= filter.year && filter.year <= t.toYear),
    )
    .filter((t) => filter.costItem === undefined || t.costItem === filter.costItem)
    .flatMap((t) =>
      Object.entries(t.rows)
        .filter(([m]) => filter.municipality === undefined || m === filter.municipality)
        .map(([municipality, amount]) => ({
          tableId: t.id,
          municipality,
          costItem: t.costItem,
          column: t.column,
          year: t.year,
          amount,
          unit: t.unit,
          source: { ...t.source, section: t.source.section ?? t.title },
          markers: t.markers,
        })),
    );
}
