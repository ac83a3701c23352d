import { Decimal, type CostExtra } from "@samverkan/domain";

/**
 * What an extra costs one municipality: a one-time fee as it stands, a usage price times the
 * quantity used (e.g. 120 GB × 84 kr/GB/år), a transaction cost as estimated. Exact decimals.
 */
export function chargeForExtra(
  extra: Pick<CostExtra, "kind" | "amount">,
  quantity?: Decimal | string,
): Decimal {
  if (extra.kind === "usagePrice") {
    if (quantity === undefined) throw new RangeError("a usage price needs the quantity used");
    const q = new Decimal(quantity);
    if (q.isNegative()) throw new RangeError("a quantity cannot be negative");
    return extra.amount.times(q);
  }
  return extra.amount;
}
