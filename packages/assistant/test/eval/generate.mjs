// Generates test/eval/generated.json: questions whose expected amounts are read from the INDEPENDENT
// transcription of the seeds' tables (packages/data/test/golden/tables.json), never from the assistant.
//
//   node packages/assistant/test/eval/generate.mjs && npx prettier --write packages/assistant/test/eval/generated.json
//
// Deterministic: the same tables give the same file. Phrasings, spellings of the municipality (name,
// no å/ä/ö, lower case, "X kommun") and of the item (printed name and everyday synonyms) rotate.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const golden = JSON.parse(readFileSync(here("../../../data/test/golden/tables.json"), "utf8"));

/** Golden table → the cost item it prints, and how people name that item (sv, en). */
const TABLES = {
  nb2022_grundfinansiering: [
    "grundfinansiering",
    ["grundfinansiering", "grundbeloppet", "grundfinansieringen"],
    ["base funding"],
  ],
  nb2022_verksamhetsutvecklare: [
    "verksamhetsutvecklare-e-tjanster",
    ["verksamhetsutvecklare e-tjänster", "e-kontorbeloppet"],
    ["the business developer"],
  ],
  nb2022_etjansteplattform: [
    "e-tjansteplattform",
    ["e-tjänsteplattformen", "e-tjänsteplattform"],
    ["the e-service platform"],
  ],
  nb2022_raddningstjansten: [
    "raddningstjanstens-verksamhetssystem",
    ["räddningstjänstens system", "räddningstjänsten"],
    ["the fire and rescue system"],
  ],
  nb2022_earkiv: ["e-arkiv", ["e-arkiv", "e-arkivet", "earkiv"], ["the e-archive", "e-arkiv"]],
  nb2022_datacenter_grundfunktion: [
    "datacenter-norrbotten",
    ["datacentret", "DCBD", "Datacenter Norrbotten"],
    ["the data centre", "DCBD"],
  ],
  nb2023_grundfinansiering: ["grundfinansiering", ["grundfinansiering", "grundbeloppet"], ["base funding"]],
  nb2023_raddningstjansten: [
    "raddningstjanstens-verksamhetssystem",
    ["räddningstjänstens verksamhetssystem", "räddningstjänsten"],
    ["the fire and rescue system"],
  ],
  nb2023_earkiv: ["e-arkiv", ["e-arkivet", "e-arkiv", "earkiv"], ["the e-archive", "e-arkiv"]],
  nb2023_datacenter_grundplattform: ["datacenter-norrbotten", ["datacentret", "DCBD"], ["the data centre"]],
  nb2023_eco_grundplattform: [
    "eco-grundplattform",
    ["ECO", "socialtjänstsystemet", "ECO-system grundplattform"],
    ["the social services system"],
  ],
  nb2023_eco_forvaltning: [
    "forvaltningsledare-soc",
    ["förvaltningsledaren", "ECO förvaltning"],
    ["the operations lead"],
  ],
  nb2022_hr_forstudie: ["hr-forstudie", ["HR-förstudien", "förstudie HR"], ["the payroll pre-study"]],
  el_personalkostnad: ["e-learning-personalkostnad", ["personalkostnad e-learning"], ["e-learning personal"]],
  el_plattform: ["e-learning-plattform", ["e-learningplattform", "lärplattform"], ["the LMS"]],
  el_arlig_kostnad: ["e-learning-arlig-kostnad", ["e-learning"], ["e-learning"]],
  sk_max_uttag_2021: ["maximalt-uttag", ["maximala uttag", "maxuttag"], ["maximum withdrawal"]],
  sk_max_uttag_2022: ["maximalt-uttag", ["maximala uttag", "max uttag"], ["maximum withdrawal"]],
  sk_max_uttag_2023: ["maximalt-uttag", ["maximala uttag", "maxuttag"], ["maximum withdrawal"]],
};

const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "");
const spellings = [(m) => m, (m) => fold(m), (m) => m.toLowerCase(), (m) => `${m} kommun`];
const SV = [
  (m, i, y) => `Vad betalar ${m} för ${i} ${y}?`,
  (m, i, y) => `Hur mycket betalar ${m} för ${i} år ${y}?`,
  (m, i, y) => `${m} ${i} ${y}`,
  (m, i, y) => `Vad kostar ${i} för ${m} ${y}?`,
  (m, i, y) => `vad blir kostnaden för ${i} för ${m} ${y}`,
];
const EN = [
  (m, i, y) => `What does ${m} pay for ${i} in ${y}?`,
  (m, i, y) => `How much does ${m} pay for ${i} in ${y}?`,
  (m, i, y) => `${m} ${i} ${y}?`,
];
const genitive = (m) => (/[sxz]$/.test(m) ? m : `${m}s`);
const SK_SV = [(m, y) => `Vad är ${genitive(m)} maximala uttag ${y}?`, (m, y) => `Maxuttag för ${m} ${y}`];
const SK_EN = [(m, y) => `What is the maximum withdrawal for ${m} in ${y}?`];

const questions = [];
let k = 0;
for (const table of golden.tables) {
  const spec = TABLES[table.id];
  if (!spec) continue;
  const [item, svNames, enNames] = spec;
  const year = Number(table.year);
  const municipalities = Object.keys(table.rows);
  const source = `tables.json ${table.id} (${table.seed_file}, lines ${table.source_lines.range.join("–")})`;
  // Every third row of each table: two to six questions per table, each municipality somewhere.
  municipalities.forEach((m, index) => {
    if ((index + table.id.length) % 3 !== 0) return;
    k++;
    const english = k % 4 === 0;
    const spelled = spellings[k % spellings.length](m);
    const sk = item === "maximalt-uttag";
    const q = sk
      ? english
        ? SK_EN[k % SK_EN.length](m, year)
        : SK_SV[k % SK_SV.length](m, year)
      : english
        ? EN[k % EN.length](spelled, enNames[k % enNames.length], year)
        : SV[k % SV.length](spelled, svNames[k % svNames.length], year);
    questions.push({
      q,
      now: "2022-09-01",
      lang: english ? "en" : "sv",
      intent: sk ? "maxWithdrawal" : "itemCost",
      amounts: [[m, item, year, String(table.rows[m])]],
      exactAmounts: true,
      source,
    });
  });
  // The table's total and who pays most and least.
  const values = Object.values(table.rows).map(Number);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const most = municipalities.filter((m) => Number(table.rows[m]) === max);
  const least = municipalities.filter((m) => Number(table.rows[m]) === min);
  const english = table.id.length % 2 === 0;
  const name = english ? enNames[0] : svNames[0];
  const q =
    item === "maximalt-uttag"
      ? english
        ? `What is SkånEarkiv's total maximum withdrawal in ${year}?`
        : `Vad är SkånEarkivs maximala uttag totalt ${year}?`
      : english
        ? `Who pays the most for ${name} in ${year}?`
        : `Vem betalar mest och minst för ${name} ${year}?`;
  questions.push({
    q,
    now: "2022-09-01",
    lang: english ? "en" : "sv",
    intent: item === "maximalt-uttag" ? "maxWithdrawal" : "itemTotal",
    amounts: [
      [null, item, year, String(table.row_sum)],
      ...(most.length < municipalities.length
        ? [...most, ...least].map((m) => [m, item, year, String(table.rows[m])])
        : []),
    ],
    source: `${source}; row_sum ${table.row_sum}`,
  });
}

writeFileSync(here("./generated.json"), `${JSON.stringify(questions, null, 1)}\n`);
console.log(`wrote ${questions.length} questions to test/eval/generated.json`);
