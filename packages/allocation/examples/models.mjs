// Each allocation model on three municipalities, straight on the engine (no dataset needed).
// Run from the repository root after `npm install`:  node packages/allocation/examples/models.mjs
import { fromDecimal, runEngine } from "@samverkan/allocation";

const members = [
  { municipality: "A", population: 1000n },
  { municipality: "B", population: 2000n },
  { municipality: "C", population: 7000n },
];
const yearly = (unit, mode, total = "independent") => ({
  year: 2023,
  rounding: { unit, mode, total, period: "year" },
});
const show = (label, result) =>
  console.log(
    `${label.padEnd(38)} ${result.rows.map((r) => `${r.municipality} ${r.amount}`).join(", ")}  (sum ${result.rowSum})`,
  );

show(
  "equal 1 000 kr, half-up 1",
  runEngine({ type: "equal", total: fromDecimal(1000) }, members, yearly(1, "halfUp")),
);
show(
  "equal 1 000 kr, largest remainder",
  runEngine({ type: "equal", total: fromDecimal(1000) }, members, yearly(1, "halfUp", "largestRemainder")),
);
show(
  "population 1 000 kr",
  runEngine({ type: "population", total: fromDecimal(1000) }, members, yearly(1, "halfUp")),
);
show(
  "50/50 of 10 000 kr, ceil 100",
  runEngine(
    { type: "mixed", total: fromDecimal(10000), equalWeight: fromDecimal("0.5") },
    members,
    yearly(100, "ceil"),
  ),
);
show(
  "100 kr each + rest by population",
  runEngine(
    { type: "affine", total: fromDecimal(1300), fixedPerMember: fromDecimal(100) },
    members,
    yearly(1, "halfUp"),
  ),
);
show(
  "1,25 kr per inhabitant, ceil 1 000",
  runEngine({ type: "perCapita", ratePerInhabitant: fromDecimal("1.25") }, members, yearly(1000, "ceil")),
);
show(
  "fixed key 1:1:2 of 1 000 kr",
  runEngine(
    { type: "fixedKey", total: fromDecimal(1000) },
    members.map((m, i) => ({ ...m, weight: fromDecimal([1, 1, 2][i]) })),
    yearly(1, "halfUp"),
  ),
);
show(
  "monthly: 1 000 kr a year, ceil 1/month",
  runEngine({ type: "equal", total: fromDecimal(1000) }, members, {
    year: 2023,
    rounding: { unit: 1, mode: "ceil", total: "independent", period: "month" },
  }),
);
show(
  "tiered 311.1 tkr + 2.5 %/yr, 2023",
  runEngine(
    { type: "tiered", baseYear: 2021, indexRate: fromDecimal("0.025") },
    [{ municipality: "Bjuv", baseAmount: fromDecimal("311.1") }],
    yearly(1, "halfUp"),
  ),
);
show(
  "cap 500 kr, excess redistributed",
  runEngine(
    { type: "population", total: fromDecimal(1000) },
    [
      { municipality: "A", population: 1000n },
      { municipality: "B", population: 1000n },
      { municipality: "C", population: 8000n },
    ],
    {
      ...yearly(1, "halfUp"),
      cap: { amount: fromDecimal(500), excess: "redistribute" },
    },
  ),
);
show(
  "C joins 1 July: 6/12 of its share",
  runEngine(
    { type: "equal", total: fromDecimal(300) },
    members.map((m) => (m.municipality === "C" ? { ...m, months: 6 } : m)),
    yearly(1, "halfUp"),
  ),
);
