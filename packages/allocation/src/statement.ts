import {
  Decimal,
  findMunicipality,
  KRONOR_PER_UNIT,
  type AllocationRule,
  type CostExtra,
  type CostItem,
  type Dataset,
  type MoneyUnit,
} from "@samverkan/domain";
import {
  allocateCostItem,
  AllocationError,
  type AllocationResult,
  type AllocationRow,
  type ExactAmount,
} from "./allocate-cost-item.js";
import { membersDuring } from "./participation.js";
import { div, fromDecimal, isTerminating, mul, toDecimal } from "./rational.js";

/** An amount and its unit. Totals are kept per unit: kronor and tkr are never added together. */
export interface StatementTotal {
  readonly amount: Decimal;
  readonly unit: MoneyUnit;
}

/** How a line changed since the year before, in the line's unit. */
export interface StatementChange {
  readonly previousYear: number;
  /** What the municipality paid for the item the year before (converted to this year's unit if it differs). */
  readonly previous: Decimal;
  /** Whether last year's amount was printed in a table or computed by the engine. */
  readonly previousProvenance: "published" | "computed";
  /** This year's amount minus the previous one. */
  readonly amount: Decimal;
  /**
   * `amount` / `previous` × 100: exact when it terminates (+4 400 / 76 100 does not, so it is
   * ≈ 5,7818659658 and `exact` is false); null when the previous amount is 0.
   */
  readonly percent: ExactAmount | null;
}

/** One cost item on a municipality's statement: what it pays, how it came about, and the change. */
export interface StatementLine {
  readonly costItem: Pick<CostItem, "id" | "name" | "nameEn" | "category">;
  readonly amount: Decimal;
  readonly unit: MoneyUnit;
  readonly provenance: "published" | "computed";
  readonly explanation: { readonly sv: string; readonly en: string };
  /** The full row from `allocateCostItem`, with the working and the published cell. */
  readonly row: AllocationRow;
  /** The allocation the row comes from (model, rounding and where the rounding came from, source). */
  readonly allocation: Omit<AllocationResult, "rows">;
  /** Null when the item has no budgeted allocation for the municipality the year before. */
  readonly change: StatementChange | null;
}

/** A charge on top of a split amount (engångskostnad, lagring per GB, transaktionskostnader), as printed. */
export interface StatementExtra extends CostExtra {
  readonly costItem: Pick<CostItem, "id" | "name" | "nameEn">;
}

/** A kommunbesked: everything one member pays for one year. */
export interface MunicipalityStatement {
  readonly collaboration: { readonly id: string; readonly name: string; readonly nameEn: string };
  /** The municipality's printed name. */
  readonly municipality: string;
  readonly year: number;
  /** Items the committee bills, in the dataset's order. */
  readonly items: readonly StatementLine[];
  /** Items the supplier invoices directly (category `billedBySupplier`): not in `total`. */
  readonly billedBySupplier: readonly StatementLine[];
  /** The supplier-billed items' note, one sentence per language. */
  readonly billedBySupplierNote: { readonly sv: string; readonly en: string };
  /** Charges on top of the included items' amounts; listed, never summed. */
  readonly extras: readonly StatementExtra[];
  /** The sum of `items`, one entry per unit (kr before tkr); empty when there are none. */
  readonly total: readonly StatementTotal[];
  /** The sum of `items` and `billedBySupplier`, one entry per unit. */
  readonly totalIncludingSupplier: readonly StatementTotal[];
}

const BILLED_BY_SUPPLIER_NOTE = {
  sv: "Faktureras direkt av leverantören till kommunen; ingår inte i nämndens budget eller summa.",
  en: "Invoiced directly by the supplier to the municipality; not part of the committee's budget or total.",
} as const;

function budgetedAllocation(d: Dataset, item: CostItem, year: number): AllocationResult | undefined {
  const itemYear = item.years.find((y) => y.year === year);
  if (!itemYear?.rule || itemYear.status !== "budgeted") return undefined;
  return allocateCostItem(d, item, year);
}

/** Whether `municipality` is among the rule's participants in `year` (without allocating). */
function takesPart(
  d: Dataset,
  rule: AllocationRule | undefined,
  year: number,
  municipality: string,
): boolean {
  if (!rule) return false;
  if (rule.participants === "allMembers")
    return membersDuring(d.collaboration, year).some((m) => m.municipality === municipality);
  return rule.participants.includes(municipality);
}

function inUnit(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  return from === to ? value : value.times(KRONOR_PER_UNIT[from]).div(KRONOR_PER_UNIT[to]);
}

function changeFrom(
  previous: AllocationRow | undefined,
  current: AllocationRow,
  year: number,
): StatementChange | null {
  if (!previous) return null;
  const before = inUnit(previous.amount, previous.unit, current.unit);
  const amount = current.amount.minus(before);
  let percent: ExactAmount | null = null;
  if (!before.isZero()) {
    const ratio = mul(div(fromDecimal(amount), fromDecimal(before)), fromDecimal(100));
    percent = { value: toDecimal(ratio, 10), exact: isTerminating(ratio) };
  }
  return {
    previousYear: year - 1,
    previous: before,
    previousProvenance: previous.provenance,
    amount,
    percent,
  };
}

function totalsByUnit(lines: readonly StatementLine[]): StatementTotal[] {
  const units: MoneyUnit[] = ["kr", "tkr"];
  return units.flatMap((unit) => {
    const of = lines.filter((l) => l.unit === unit);
    return of.length ? [{ amount: of.reduce((a, l) => a.plus(l.amount), new Decimal(0)), unit }] : [];
  });
}

/**
 * A municipality's kommunbesked for one year: every cost item with a budgeted rule for `year` in which
 * it takes part, with the amount from `allocateCostItem` (published where printed, else computed), the
 * explanation and the change since the year before. Items billed directly by the supplier are listed
 * apart and left out of `total`; the items' extras are listed and never summed. Proposed items (a
 * pre-study's cost calculation) are not charges and are left out.
 *
 * Throws an `AllocationError` for an unknown municipality (suggestions: the closest names, else all) and
 * for a year in which the municipality has no budgeted allocation (suggestions: the years it has).
 *
 * @example
 * const s = municipalityStatement(loadBundledDataset("norrbotten"), "kalix", 2023);
 * s.items[0]; // Grundfinansiering, 80 500 kr, published, change +4 400 kr from 76 100 kr
 * s.total; // [{ amount: 537 100, unit: "kr" }]
 */
export function municipalityStatement(d: Dataset, municipality: string, year: number): MunicipalityStatement {
  const found = findMunicipality(d, municipality);
  if (!found.found) {
    throw new AllocationError(
      `Okänd kommun "${municipality}" i ${d.collaboration.name}`,
      found.suggestions.length ? found.suggestions : d.municipalities.map((m) => m.name),
    );
  }
  const name = found.value.name;

  const lines: StatementLine[] = [];
  for (const item of d.costItems) {
    const result = budgetedAllocation(d, item, year);
    const row = result?.rows.find((r) => r.municipality === name);
    if (!result || !row) continue;
    const previous = budgetedAllocation(d, item, year - 1)?.rows.find((r) => r.municipality === name);
    const { rows: _rows, ...allocation } = result;
    lines.push({
      costItem: result.costItem,
      amount: row.amount,
      unit: row.unit,
      provenance: row.provenance,
      explanation: row.explanation,
      row,
      allocation,
      change: changeFrom(previous, row, year),
    });
  }

  if (lines.length === 0) {
    const years = [
      ...new Set(
        d.costItems.flatMap((item) =>
          item.years
            .filter((y) => y.status === "budgeted" && takesPart(d, y.rule, y.year, name))
            .map((y) => y.year),
        ),
      ),
    ].sort((a, b) => a - b);
    throw new AllocationError(
      `${name} har ingen budgeterad fördelning för ${year}${years.length ? `; det finns för ${years.join(", ")}` : ""}`,
      years.map(String),
    );
  }

  const items = lines.filter((l) => l.costItem.category !== "billedBySupplier");
  const billedBySupplier = lines.filter((l) => l.costItem.category === "billedBySupplier");
  const extras = lines.flatMap((l) =>
    (d.costItems.find((x) => x.id === l.costItem.id)?.extras ?? []).map((extra) => ({
      ...extra,
      costItem: { id: l.costItem.id, name: l.costItem.name, nameEn: l.costItem.nameEn },
    })),
  );
  return {
    collaboration: { id: d.collaboration.id, name: d.collaboration.name, nameEn: d.collaboration.nameEn },
    municipality: name,
    year,
    items,
    billedBySupplier,
    billedBySupplierNote: BILLED_BY_SUPPLIER_NOTE,
    extras,
    total: totalsByUnit(items),
    totalIncludingSupplier: totalsByUnit(lines),
  };
}
