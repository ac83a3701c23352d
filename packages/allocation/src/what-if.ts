import type { AllocationModel, CostItem, Dataset, Rounding } from "@samverkan/domain";
import { Decimal } from "@samverkan/domain";
import { allocateCostItem, AllocationError, type AllocationResult } from "./allocate-cost-item.js";

export interface WhatIfChange {
  /** Municipalities that would join (they need population figures for population models). */
  readonly add?: readonly string[];
  /** Municipalities that would leave. */
  readonly remove?: readonly string[];
  /** Another model for the same year. */
  readonly model?: AllocationModel;
  readonly rounding?: Rounding;
}

export interface WhatIfRow {
  readonly municipality: string;
  /** What it pays today (published where published), or null if it does not take part today. */
  readonly before: Decimal | null;
  /** What it would pay, or null if it would not take part. */
  readonly after: Decimal | null;
  /** after − before, counting a missing side as 0. */
  readonly difference: Decimal;
}

export interface WhatIfResult {
  readonly before: AllocationResult;
  readonly after: AllocationResult;
  readonly rows: readonly WhatIfRow[];
  readonly totalBefore: Decimal;
  readonly totalAfter: Decimal;
}

/**
 * The same cost item and year recomputed with members added or removed, or with another model
 * or rounding, and each municipality's difference. Pure: nothing in the dataset changes.
 */
export function whatIf(
  d: Dataset,
  item: CostItem | string,
  year: number,
  change: WhatIfChange,
): WhatIfResult {
  const before = allocateCostItem(d, item, year);
  const known = new Set(d.municipalities.map((m) => m.name));
  for (const name of change.add ?? []) {
    if (!known.has(name)) throw new AllocationError(`Okänd kommun "${name}"`, [...known]);
    if (before.participants.includes(name)) throw new AllocationError(`${name} deltar redan`);
  }
  for (const name of change.remove ?? []) {
    if (!before.participants.includes(name))
      throw new AllocationError(`${name} deltar inte`, before.participants);
  }
  const participants = [
    ...before.participants.filter((p) => !(change.remove ?? []).includes(p)),
    ...(change.add ?? []),
  ];
  const after = allocateCostItem(d, before.costItem.id, year, {
    participants,
    ...(change.model ? { model: change.model } : {}),
    ...(change.rounding ? { rounding: change.rounding } : {}),
    ignorePublished: true,
  });
  const names = [
    ...new Set([...before.rows.map((r) => r.municipality), ...after.rows.map((r) => r.municipality)]),
  ];
  const rows = names.map((municipality) => {
    const b = before.rows.find((r) => r.municipality === municipality)?.amount ?? null;
    const a = after.rows.find((r) => r.municipality === municipality)?.amount ?? null;
    return { municipality, before: b, after: a, difference: (a ?? new Decimal(0)).minus(b ?? 0) };
  });
  return { before, after, rows, totalBefore: before.rowSum, totalAfter: after.rowSum };
}
