import { Decimal } from "@samverkan/domain";
import { apportion } from "./apportion.js";
import { div, fromDecimal, mul, sub, sum, toDecimal } from "./rational.js";

export interface SettlementRow {
  readonly municipality: string;
  readonly paid: Decimal;
  /** Positive: refunded to the municipality (återbetalning); negative: charged on top. */
  readonly refund: Decimal;
}

export interface Settlement {
  /** Paid minus outcome: positive is a surplus to refund, negative a deficit to charge. */
  readonly surplus: Decimal;
  readonly rows: readonly SettlementRow[];
}

/**
 * Settles a year: when the outcome (utfall) is below what the members paid, the surplus goes back
 * by the same key they paid by (each one's share of what was paid); a deficit is charged the
 * same way. Refunds are whole kronor and add up exactly to the surplus (largest remainder).
 */
export function settle(
  paid: readonly { municipality: string; amount: Decimal }[],
  outcome: Decimal | string,
): Settlement {
  const paidTotal = sum(paid.map((p) => fromDecimal(p.amount)));
  if (paidTotal.num === 0n) throw new RangeError("nothing was paid, so there is no key to settle by");
  const surplus = sub(paidTotal, fromDecimal(outcome));
  const sign = surplus.num < 0n ? -1n : 1n;
  const magnitude = { num: surplus.num * sign, den: surplus.den };
  const quotas = paid.map((p) => mul(div(fromDecimal(p.amount), paidTotal), magnitude));
  const names = paid.map((p) => p.municipality);
  const { amounts } = apportion(
    quotas,
    names,
    { unit: 1, mode: "halfUp", total: "largestRemainder" },
    magnitude,
  );
  return {
    surplus: toDecimal(surplus, 2),
    rows: paid.map((p, i) => ({
      municipality: p.municipality,
      paid: p.amount,
      refund: new Decimal(((amounts[i] ?? 0n) * sign).toString()),
    })),
  };
}
