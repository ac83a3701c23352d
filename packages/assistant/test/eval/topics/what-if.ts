import { allocateCostItem, whatIf, type WhatIfChange, type WhatIfResult } from "@samverkan/allocation";
import {
  allocationModelSchema,
  Decimal,
  formatMoney,
  type AllocationModel,
  type CostItem,
  type Dataset,
} from "@samverkan/domain";
import type { EvalCase } from "../../support.js";

/**
 * What-if scenarios, generated from the data: for every item and budgeted year, a participant leaving
 * (Swedish and English, several phrasings, some misspelt), a non-participant joining where one exists
 * (else the refusal that it already takes part), the item re-split per capita, in equal parts and by
 * the 50/50 model where it is not split that way today, and the total raised by a percentage. The
 * expected amounts are the engine's `whatIf` itself, called here with the change built from the rule as
 * the domain schema writes it; the refusals (a year with no allocation, an unknown item or
 * municipality, a change without an amount) must carry no amount and never today's ordinary phrasing.
 */
export const topic = "what-if";

const NOW = "2022-09-01";
type Lang = "sv" | "en";
type Amount = readonly [string | null, string | null, number, string, string?];

const LABEL = {
  sv: "Beräknat scenario, inte ett publicerat belopp",
  en: "computed scenario, not a published amount",
};
const REFUSED = { sv: "Jag kan inte räkna det scenariot", en: "I cannot compute that scenario" };

function budgetedYears(item: CostItem): number[] {
  return item.years.filter((y) => y.rule && y.status === "budgeted").map((y) => y.year);
}

/** The population year for a new population key: the rule's, else the latest 31 December before the year. */
function populationYear(d: Dataset, model: AllocationModel, year: number): number | undefined {
  if ("populationYear" in model) return model.populationYear;
  const years = d.population
    .filter((v) => v.date.endsWith("-12-31"))
    .map((v) => Number(v.date.slice(0, 4)))
    .sort((a, b) => a - b);
  return years.filter((y) => y < year).at(-1) ?? years.at(-1);
}

type Key = "population" | "equal" | "mixed";

/** The same money by another key, as cost-items.yaml writes models; undefined when it is today's key. */
function otherModel(d: Dataset, item: CostItem, year: number, key: Key): AllocationModel | undefined {
  const itemYear = item.years.find((y) => y.year === year);
  const today = itemYear?.rule?.model;
  if (!today || !itemYear) return undefined;
  if (key === "equal" && today.type === "equal") return undefined;
  if (key === "population" && (today.type === "population" || today.type === "perCapita")) return undefined;
  if (key === "mixed" && today.type === "mixed" && today.equalWeight.eq("0.5")) return undefined;
  const total = (
    "total" in today ? today.total : (itemYear.total ?? allocateCostItem(d, item.id, year).rowSum)
  ).toFixed();
  const json =
    key === "equal"
      ? { type: "equal", total }
      : key === "population"
        ? { type: "population", total, populationYear: populationYear(d, today, year) }
        : { type: "mixed", total, equalWeight: "0.5", populationYear: populationYear(d, today, year) };
  return allocationModelSchema.parse(json);
}

/** Today's model with its total (or rate) raised by `percent`; undefined for models without one. */
function raised(item: CostItem, year: number, percent: number): AllocationModel | undefined {
  const model = item.years.find((y) => y.year === year)?.rule?.model;
  const factor = new Decimal(percent).div(100).plus(1);
  if (!model) return undefined;
  const json = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
  if ("total" in model) json.total = model.total.times(factor).toFixed();
  else if (model.type === "perCapita")
    json.ratePerInhabitant = model.ratePerInhabitant.times(factor).toFixed();
  else return undefined;
  return allocationModelSchema.parse(json);
}

/** The amounts a case requires: the named municipalities' scenario and change, and the new total. */
function expected(r: WhatIfResult, itemId: string, year: number, names: readonly string[]): Amount[] {
  const out: Amount[] = [[null, itemId, year, r.totalAfter.toFixed(), "scenario"]];
  for (const name of names) {
    const row = r.rows.find((x) => x.municipality === name);
    if (!row) continue;
    out.push([name, itemId, year, row.difference.toFixed(), "scenarioChange"]);
    if (row.after) out.push([name, itemId, year, row.after.toFixed(), "scenario"]);
  }
  return out;
}

/** The biggest participant other than `not`: its change shows the others' side of the scenario. */
function other(d: Dataset, members: readonly string[], not: readonly string[]): string {
  const latest = d.population.filter((v) => v.date.endsWith("-12-31")).at(-1);
  return (
    [...members]
      .filter((m) => !not.includes(m))
      .sort((a, b) => (latest?.counts[b] ?? 0) - (latest?.counts[a] ?? 0))[0] ?? ""
  );
}

/** A misspelling a member might type: a letter dropped from the middle ("Kalx"). */
function misspelt(name: string): string {
  const at = Math.floor(name.length / 2);
  return name.slice(0, at) + name.slice(at + 1);
}

/** Today's amount as the ordinary answer words it: a what-if must never read like it. */
function ordinary(name: string, amount: Decimal, unit: "kr" | "tkr", lang: Lang): string {
  return lang === "sv"
    ? `${name} betalar ${formatMoney(amount, unit, "sv")}`
    : `${name} pays ${formatMoney(amount, unit, "en")}`;
}

/** A Swedish word for the item as people write it: a synonym that names this item alone. */
function svWord(item: CostItem): string {
  return (
    item.synonyms.find((s) => !/soc|grundplattform|base platform|^[A-Z]+$/iu.test(s) && s.length > 3) ??
    item.name
  );
}

function collaborationCases(d: Dataset): EvalCase[] {
  const out: EvalCase[] = [];
  const all = d.municipalities.map((m) => m.name);
  let k = 0;
  for (const item of d.costItems) {
    for (const year of budgetedYears(item)) {
      k++;
      const today = allocateCostItem(d, item.id, year);
      const members = today.participants;
      const unit = today.unit;
      const base = { now: NOW, intent: "whatIf", year } as const;
      const leaver = members[(k * 5) % members.length] as string;
      const leaver2 = members[(k * 3 + 1) % members.length] as string;
      const row = (m: string) => today.rows.find((x) => x.municipality === m)?.amount ?? new Decimal(0);
      const leave = (who: string[]): WhatIfChange => ({ remove: who });
      const r1 = whatIf(d, item.id, year, leave([leaver]));
      const big1 = other(d, members, [leaver]);
      out.push({
        ...base,
        q: `Vad händer om ${leaver} lämnar ${item.name} ${year}?`,
        lang: "sv",
        amounts: expected(r1, item.id, year, [leaver, big1]),
        text: [LABEL.sv, leaver, "deltar inte"],
        notText: [ordinary(leaver, row(leaver), unit, "sv")],
      });
      const r2 = whatIf(d, item.id, year, leave([leaver2]));
      out.push({
        ...base,
        q: `What if ${leaver2} leaves ${item.nameEn} in ${year}?`,
        lang: "en",
        amounts: expected(r2, item.id, year, [leaver2, other(d, members, [leaver2])]),
        text: [LABEL.en, "not taking part"],
        notText: [ordinary(leaver2, row(leaver2), unit, "en")],
      });
      // Other phrasings, misspelt names, two members at once.
      if (k % 2 === 0) {
        out.push({
          ...base,
          q: `Om ${leaver} går ur ${svWord(item)} ${year}, vad betalar de andra?`,
          lang: "sv",
          amounts: expected(r1, item.id, year, [leaver, big1]),
          text: [LABEL.sv],
        });
      } else {
        out.push({
          ...base,
          q: `Suppose ${misspelt(leaver)} drops out of ${item.nameEn} in ${year}. What would ${big1} pay?`,
          lang: "en",
          amounts: expected(r1, item.id, year, [leaver, big1]),
          text: [LABEL.en, big1],
        });
      }
      if (k % 3 === 2)
        out.push({
          ...base,
          q: `Vad händer med ${big1} när ${leaver} lämnar ${svWord(item)} ${year}?`,
          lang: "sv",
          amounts: expected(r1, item.id, year, [leaver, big1]),
          text: [LABEL.sv, `Per kommun, i dag → scenario: ${big1}`],
        });
      if (k % 3 === 0) {
        const both = [leaver, leaver2].filter((m, i, a) => a.indexOf(m) === i);
        const r = whatIf(d, item.id, year, leave(both));
        out.push({
          ...base,
          q: `Vad hander om ${both.map(misspelt).join(" och ")} lamnar ${item.name} ${year}?`,
          lang: "sv",
          amounts: expected(r, item.id, year, both),
          text: [LABEL.sv],
        });
      }

      // Joining: a municipality of the collaboration that does not take part, else the refusal.
      const outsider = all.find((m) => !members.includes(m));
      const joiner = outsider ?? (members[(k * 7 + 2) % members.length] as string);
      if (outsider) {
        const r = whatIf(d, item.id, year, { add: [outsider] });
        out.push({
          ...base,
          q: `Suppose ${outsider} joins ${item.nameEn} in ${year}`,
          lang: "en",
          amounts: expected(r, item.id, year, [outsider]),
          text: [LABEL.en],
        });
      } else if (k % 2 === 1)
        out.push({
          ...base,
          q:
            k % 4 === 1
              ? `Vad händer om ${joiner} går med i ${item.name} ${year}?`
              : `Suppose ${joiner} joins ${item.nameEn} in ${year}`,
          lang: k % 4 === 1 ? "sv" : "en",
          noAmounts: true,
          text:
            k % 4 === 1
              ? [REFUSED.sv, `${joiner} deltar redan`]
              : [REFUSED.en, `${joiner} already takes part`],
          notText: [ordinary(joiner, row(joiner), unit, k % 4 === 1 ? "sv" : "en")],
        });

      // Another key for the same money.
      const phrasing: Record<Key, Record<Lang, (name: string) => string>> = {
        population: {
          sv: (n) => `Vad händer om ${n} fördelas per invånare i stället ${year}?`,
          en: (n) => `What if ${n} were split by population in ${year}?`,
        },
        equal: {
          sv: (n) => `Om vi delar ${n} lika ${year}, vad betalar ${big1}?`,
          en: (n) => `What if ${n} is shared equally in ${year}?`,
        },
        mixed: {
          sv: (n) => `Vad händer om ${n} fördelas hälften lika och hälften efter invånarantal ${year}?`,
          en: (n) => `What if ${n} is split 50/50 in ${year}?`,
        },
      };
      (["population", "equal", "mixed"] as const).forEach((key, i) => {
        const model = otherModel(d, item, year, key);
        const lang: Lang = (k + i) % 2 === 0 ? "sv" : "en";
        const q = phrasing[key][lang](lang === "sv" ? item.name : item.nameEn);
        if (!model) {
          if (key === "population" || (key === "equal" && today.model.type === "equal"))
            out.push({
              ...base,
              q,
              lang,
              noAmounts: true,
              text: [lang === "sv" ? "redan" : "already"],
            });
          return;
        }
        const r = whatIf(d, item.id, year, { model });
        out.push({
          ...base,
          q,
          lang,
          amounts: expected(r, item.id, year, [big1]),
          text: [lang === "sv" ? LABEL.sv : LABEL.en],
        });
      });

      // The total raised by a percentage, where the model has a total or a rate.
      const up = k % 3 === 1 ? raised(item, year, 10) : undefined;
      if (up) {
        const r = whatIf(d, item.id, year, { model: up });
        out.push({
          ...base,
          q: `Vad händer om ${item.name} höjs med 10 % ${year}?`,
          lang: "sv",
          amounts: expected(r, item.id, year, [big1]),
          text: [LABEL.sv, "10 %"],
        });
      }
    }
  }
  return out;
}

/** A scenario, then "och 2022?" / "och Luleå?" / "and Boden?": each read as the whole scenario again. */
function conversation(d: Dataset, item: CostItem, year: number): EvalCase[] {
  const other = budgetedYears(item).find((y) => y !== year);
  const members = allocateCostItem(d, item.id, year).participants;
  const [a, b] = [members[2], members[members.length - 2]] as [string, string];
  const out: EvalCase[] = [];
  const at = (y: number, who: string) =>
    expected(whatIf(d, item.id, y, { remove: [who] }), item.id, y, [who]);
  if (other !== undefined)
    out.push({
      now: NOW,
      intent: "whatIf",
      year: other,
      lang: "sv",
      previous: [`Vad händer om ${a} lämnar e-arkivet ${year}?`],
      q: `och ${other}?`,
      interpretedAs: `Vad händer om ${a} lämnar e-arkivet ${other}?`,
      amounts: at(other, a),
      text: [LABEL.sv],
    });
  out.push(
    {
      now: NOW,
      intent: "whatIf",
      year,
      lang: "sv",
      previous: [`Vad händer om ${a} lämnar e-arkivet ${year}?`],
      q: `och ${b}?`,
      interpretedAs: `Vad händer om ${b} lämnar e-arkivet ${year}?`,
      amounts: at(year, b),
      text: [LABEL.sv],
    },
    {
      now: NOW,
      intent: "whatIf",
      year,
      lang: "en",
      previous: [`What if ${b} leaves the e-archive in ${year}?`],
      q: `and ${a}?`,
      interpretedAs: `What if ${a} leaves the e-archive in ${year}?`,
      amounts: at(year, a),
      text: [LABEL.en],
    },
  );
  return out;
}

/** Hypotheticals that cannot be computed, the regression and a short conversation. */
function refusals(d: Dataset): EvalCase[] {
  const earkiv = d.costItems.find((x) => x.id === "e-arkiv") as CostItem;
  const year = Math.max(...budgetedYears(earkiv));
  const today = allocateCostItem(d, earkiv.id, year);
  const kalix = today.rows.find((r) => r.municipality === "Kalix")?.amount ?? new Decimal(0);
  const base = { now: NOW, intent: "whatIf", noAmounts: true } as const;
  const r = whatIf(d, earkiv.id, year, { remove: ["Kalix"] });
  const none = year + 7;
  return [
    // The issue: the hypothetical was dropped and Kalix's ordinary amount answered instead.
    {
      now: NOW,
      intent: "whatIf",
      year,
      q: `Vad händer om Kalix lämnar e-arkivet ${year}?`,
      lang: "sv",
      amounts: [...expected(r, earkiv.id, year, ["Kalix", other(d, today.participants, ["Kalix"])])],
      text: [LABEL.sv, "Kalix", "deltar inte"],
      notText: [ordinary("Kalix", kalix, "kr", "sv")],
    },
    // Follow-ups in a conversation: the scenario is kept, the year or the municipality replaced.
    ...conversation(d, earkiv, year),
    {
      ...base,
      q: `Vad händer om Kalix lämnar e-arkivet ${none}?`,
      lang: "sv",
      text: [REFUSED.sv, `ingen fördelning för ${none}`],
      notText: [ordinary("Kalix", kalix, "kr", "sv")],
    },
    {
      ...base,
      q: `What if Kalix leaves the e-archive in ${none}?`,
      lang: "en",
      text: [REFUSED.en, `no allocation for ${none}`],
    },
    {
      ...base,
      q: `Vad händer om Kalix lämnar bredbandet ${year}?`,
      lang: "sv",
      text: [REFUSED.sv, '"bredbandet"'],
      notText: [ordinary("Kalix", kalix, "kr", "sv")],
    },
    {
      ...base,
      q: `Vad händer om Umeå går med i e-arkivet ${year}?`,
      lang: "sv",
      text: [REFUSED.sv, '"Umeå"'],
    },
    {
      ...base,
      q: `What if Stockholm joins the e-archive in ${year}?`,
      lang: "en",
      text: [REFUSED.en, '"Stockholm"'],
    },
    {
      ...base,
      q: `Vad händer om budgeten för e-arkivet höjs ${year}?`,
      lang: "sv",
      text: [REFUSED.sv, '"höjs"'],
    },
    {
      ...base,
      q: `Vad händer om en kommun lämnar e-arkivet ${year}?`,
      lang: "sv",
      text: [REFUSED.sv, "vilken kommun"],
    },
    {
      ...base,
      q: `What if a municipality drops out of the e-archive in ${year}?`,
      lang: "en",
      text: [REFUSED.en, "which municipality"],
    },
    {
      ...base,
      q: `Vad betalar Kalix för e-arkivet ${year} om vi räknar med 2021 års befolkning?`,
      lang: "sv",
      text: [REFUSED.sv, "31 december 2021"],
      notText: [ordinary("Kalix", kalix, "kr", "sv")],
    },
    {
      ...base,
      q: `Vad händer om mötet flyttas?`,
      lang: "sv",
      text: [REFUSED.sv, "vilken ändring"],
    },
    {
      ...base,
      q: `Hypothetically, what would happen to the e-archive?`,
      lang: "en",
      text: [REFUSED.en, "which change"],
    },
  ];
}

export function cases({ norrbotten, skanearkiv }: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[] {
  return [...collaborationCases(norrbotten), ...collaborationCases(skanearkiv), ...refusals(norrbotten)];
}
