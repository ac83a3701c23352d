import {
  allocateCostItem,
  AllocationError,
  municipalityStatement,
  type AllocationResult,
  type MunicipalityStatement,
} from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";

/** An engine result, or the engine's own reason why there is none (an `AllocationError`'s message). */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly suggestions: readonly string[] };

/**
 * The engine's answers, remembered per dataset. Datasets are frozen and the engine is pure, so the
 * same question always gets the same result; a kommunbesked allocates every item for two years
 * (≈ 8 ms), which a chat answer should not pay for twice.
 */
const allocations = new WeakMap<Dataset, Map<string, Outcome<AllocationResult>>>();
const statements = new WeakMap<Dataset, Map<string, Outcome<MunicipalityStatement>>>();

function remember<T>(
  cache: WeakMap<Dataset, Map<string, Outcome<T>>>,
  d: Dataset,
  key: string,
  compute: () => T,
): Outcome<T> {
  let byKey = cache.get(d);
  if (!byKey) {
    byKey = new Map();
    cache.set(d, byKey);
  }
  let outcome = byKey.get(key);
  if (!outcome) {
    try {
      outcome = { ok: true, value: compute() };
    } catch (error) {
      if (!(error instanceof AllocationError)) throw error;
      outcome = { ok: false, message: error.message, suggestions: error.suggestions };
    }
    byKey.set(key, outcome);
  }
  return outcome;
}

/** `allocateCostItem(d, itemId, year)`, remembered. */
export function allocation(d: Dataset, itemId: string, year: number): Outcome<AllocationResult> {
  return remember(allocations, d, `${itemId}|${year}`, () => allocateCostItem(d, itemId, year));
}

/** `municipalityStatement(d, municipality, year)`, remembered. */
export function statement(d: Dataset, municipality: string, year: number): Outcome<MunicipalityStatement> {
  return remember(statements, d, `${municipality}|${year}`, () =>
    municipalityStatement(d, municipality, year),
  );
}

/** The years for which an item has an allocation rule, ascending. */
export function ruleYears(d: Dataset, itemId: string): number[] {
  const item = d.costItems.find((x) => x.id === itemId);
  return (item?.years ?? [])
    .filter((y) => y.rule)
    .map((y) => y.year)
    .sort((a, b) => a - b);
}

/** The years in which any item has a budgeted allocation, ascending. */
export function budgetYears(d: Dataset): number[] {
  return [
    ...new Set(
      d.costItems.flatMap((x) => x.years.filter((y) => y.rule && y.status === "budgeted").map((y) => y.year)),
    ),
  ].sort((a, b) => a - b);
}
