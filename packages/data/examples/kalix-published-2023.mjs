// Load the bundled Norrbottens e-nämnd dataset and list what Kalix's published amounts are for 2023.
// Run from the repository root after `npm install`:  node packages/data/examples/kalix-published-2023.mjs
import { loadBundledDataset } from "@samverkan/data";
import { describeSource, findMunicipality, formatMoney, publishedAmounts } from "@samverkan/domain";

const norrbotten = loadBundledDataset("norrbotten");

const kalix = findMunicipality(norrbotten, "kalix"); // case and å/ä/ö do not matter
if (!kalix.found) throw new Error(`Okänd kommun; menade du ${kalix.suggestions.join(" eller ")}?`);

for (const a of publishedAmounts(norrbotten, { municipality: kalix.value.name, year: 2023 })) {
  console.log(
    `${a.column}: ${formatMoney(a.amount, a.unit === "tkr" ? "tkr" : "kr")} — ${describeSource(a.source)}`,
  );
}
