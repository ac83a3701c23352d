// An Adaptive Card for Teams: a whole report as a compact card, and an assistant's answer card
// with its source and follow-up buttons. Run from the repository root after `npm install` and
// `npm run build -w @samverkan/reports`:  node packages/reports/examples/card.mjs
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBundledDataset } from "@samverkan/data";
import { answerCard, buildReport, cardBytes, renderAdaptiveCard } from "@samverkan/reports";

const norrbotten = loadBundledDataset("norrbotten");
const statement = buildReport(norrbotten, "statement", { year: 2023, municipality: "Kalix" });
const card = renderAdaptiveCard(statement);

const answer = answerCard({
  lang: "sv",
  text: "Kalix betalar **21 000 kr** för e-arkiv 2023.",
  facts: [{ title: "Källa", value: "Budget 2023, Gemensamma tjänster 2023 (rad 2335–2371)" }],
  table: statement.sections[0]?.table,
  followUps: ["Vad betalade Kalix 2022?", "Visa hela kommunbeskedet för Kalix 2023"],
});

const dir = await mkdtemp(join(tmpdir(), "samverkan-"));
await writeFile(join(dir, "kommunbesked-kalix-2023.card.json"), JSON.stringify(card, null, 2));
await writeFile(join(dir, "answer.card.json"), JSON.stringify(answer, null, 2));
console.log(`Wrote two cards to ${dir}: ${cardBytes(card)} and ${cardBytes(answer)} bytes.`);
console.log("Paste either into https://adaptivecards.io/designer/ (host app: Microsoft Teams) to see it.");
console.log(answer.actions.map((action) => `[${action.title}] → ${JSON.stringify(action.data)}`).join("\n"));
