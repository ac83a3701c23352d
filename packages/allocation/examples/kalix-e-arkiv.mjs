// What Kalix pays for E-arkiv 2023, with the working, from the bundled Norrbotten data.
// Run from the repository root after `npm install`:  node packages/allocation/examples/kalix-e-arkiv.mjs
import { loadBundledDataset } from "@samverkan/data";
import { allocateCostItem, describeRounding } from "@samverkan/allocation";

const norrbotten = loadBundledDataset("norrbotten");
const result = allocateCostItem(norrbotten, "e-arkivet", 2023); // printed name, id or synonym

console.log(
  `${result.costItem.name} ${result.year}: ${describeRounding(result.rounding, result.unit, "sv")}`,
);
const kalix = result.rows.find((row) => row.municipality === "Kalix");
console.log(kalix.amount.toString(), kalix.unit, kalix.provenance);
console.log(kalix.explanation.sv);
console.log(kalix.explanation.en);
