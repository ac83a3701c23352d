import { loadBundledDataset } from "@samverkan/data";
import { answer } from "@samverkan/assistant";
const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];
const now = process.env.NOW ?? "2022-09-01";
for (const q of process.argv.slice(2)) {
  const a = answer(q, { datasets, now });
  console.log(
    "Q:",
    q,
    "\n  ",
    a.intent,
    a.language,
    "|",
    a.text,
    "\n   amounts:",
    a.amounts
      .map(
        (x) => `${x.role}:${x.municipality}/${x.itemId}/${x.year}=${x.amount}${x.unit}(${x.provenance.kind})`,
      )
      .join(" "),
    "\n   meetings:",
    a.meetings.map((m) => m.start).join(" "),
    a.options ? "\n   options: " + a.options.join(" | ") : "",
    "\n   follow:",
    a.followUps.join(" | "),
  );
}
