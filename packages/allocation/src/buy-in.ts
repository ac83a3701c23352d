import { Decimal } from "@samverkan/domain";
import { apportion } from "./apportion.js";
import { div, fromDecimal, mul, rational } from "./rational.js";

export interface BuyIn {
  /** What the late joiner pays: its population share of the investment had it been in from the start. */
  readonly joinerPays: Decimal;
  /** How that payment is returned to those who paid the investment, by their population share. */
  readonly refunds: readonly { municipality: string; refund: Decimal }[];
}

/**
 * A late joiner's buy-in (projektfinansiering: "kommuner som i efterhand vill ansluta sig … köpa in
 * sig enligt samma principer"): the joiner pays investment × P_joiner / (ΣP + P_joiner), in whole
 * kronor rounded half-up, and that sum is shared back to the original participants by population
 * so that everyone ends up as if the joiner had taken part from the start (largest remainder).
 */
export function buyIn(
  investment: Decimal | string,
  participants: readonly { municipality: string; population: number }[],
  joiner: { municipality: string; population: number },
): BuyIn {
  const S = participants.reduce((a, p) => a + BigInt(p.population), 0n);
  if (S === 0n) throw new RangeError("the participants' population sums to 0");
  const share = rational(BigInt(joiner.population), S + BigInt(joiner.population));
  const pays = mul(fromDecimal(investment), share);
  const { amounts } = apportion([pays], [joiner.municipality], {
    unit: 1,
    mode: "halfUp",
    total: "independent",
  });
  const joinerPays = amounts[0] ?? 0n;
  const total = rational(joinerPays);
  const refunds = apportion(
    participants.map((p) => mul(total, div(rational(BigInt(p.population)), rational(S)))),
    participants.map((p) => p.municipality),
    { unit: 1, mode: "halfUp", total: "largestRemainder" },
    total,
  ).amounts;
  return {
    joinerPays: new Decimal(joinerPays.toString()),
    refunds: participants.map((p, i) => ({
      municipality: p.municipality,
      refund: new Decimal((refunds[i] ?? 0n).toString()),
    })),
  };
}
