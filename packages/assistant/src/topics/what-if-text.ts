import { describeRounding, roundingPhrase, type WhatIfRow } from "@samverkan/allocation";
import { Decimal, type Dataset } from "@samverkan/domain";
import { rowAmount } from "../amounts.js";
import { say, type Fact, type Turn } from "../draft.js";
import { listing, money, signedMoney } from "../phrases.js";
import type { AnswerAmount, Lang } from "../types.js";
import type { Computed } from "./what-if-compute.js";
import { describeModel, totalChangeText } from "./what-if-model.js";
import type { ScenarioRequest } from "./what-if-read.js";

/**
 * A computed scenario in words, amounts and a table. Every number the text states is an amount the
 * answer carries: today's rows as the engine gives them (role `allocation`, published or computed as
 * the engine says), the scenario's rows (`scenario`) and each change (`scenarioChange`), and the item's
 * total before (`itemTotal`) and in the scenario (`scenario` with no municipality).
 */

/** Who leaves and who joins. */
export interface Movers {
  readonly leave: readonly string[];
  readonly join: readonly string[];
}

/** "om Kalix lämnar och Arjeplog går med och posten fördelas lika" / "if Kalix leaves and …". */
export function changePhrase(
  movers: Movers,
  request: Pick<ScenarioRequest, "model" | "populationYear" | "total">,
  lang: Lang,
  itemWord = lang === "sv" ? "posten" : "the item",
): string {
  const parts: string[] = [];
  const { leave, join } = movers;
  if (leave.length)
    parts.push(
      lang === "sv"
        ? `${listing(leave, "sv")} lämnar`
        : `${listing(leave, "en")} ${leave.length > 1 ? "leave" : "leaves"}`,
    );
  if (join.length)
    parts.push(
      lang === "sv"
        ? `${listing(join, "sv")} går med`
        : `${listing(join, "en")} ${join.length > 1 ? "join" : "joins"}`,
    );
  const model = request.model?.type;
  if (model)
    parts.push(
      lang === "sv"
        ? `${itemWord} fördelas ${model === "equal" ? "i lika delar" : model === "population" ? "efter invånarantal" : "med 50/50-modellen"}`
        : `${itemWord} is split ${model === "equal" ? "in equal parts" : model === "population" ? "by population" : "by the 50/50 model"}`,
    );
  if (request.populationYear)
    parts.push(
      lang === "sv"
        ? `befolkningen ${request.populationYear.year} används`
        : `the population of ${request.populationYear.year} is used`,
    );
  if (request.total) parts.push(totalChangeText(request.total, lang));
  return `${lang === "sv" ? "om" : "if"} ${listing(parts, lang)}`;
}

function itemName(s: Computed, lang: Lang): string {
  return lang === "sv" ? s.item.name : s.item.nameEn;
}

function description(s: Computed, movers: Movers, request: ScenarioRequest, lang: Lang): string {
  return lang === "sv"
    ? `beräknat scenario, inte publicerat: ${changePhrase(movers, request, "sv")}; ${describeModel(s.result.after.model, s.result.after.unit, "sv")}`
    : `computed scenario, not published: ${changePhrase(movers, request, "en")}; ${describeModel(s.result.after.model, s.result.after.unit, "en")}`;
}

/** Every amount of one item's scenario. */
export function scenarioAmounts(
  d: Dataset,
  s: Computed,
  movers: Movers,
  request: ScenarioRequest,
  lang: Lang,
): AnswerAmount[] {
  const { before, after } = s.result;
  const provenance = {
    kind: "computed" as const,
    model: after.model.type,
    description: description(s, movers, request, lang),
  };
  const base = {
    collaboration: d.collaboration.id,
    item: s.item.name,
    itemId: s.item.id,
    year: s.year,
    unit: after.unit,
    scenario: s.change,
  };
  const amounts: AnswerAmount[] = before.rows.map((r) => rowAmount(d, before, r, lang));
  amounts.push({
    role: "itemTotal",
    collaboration: d.collaboration.id,
    municipality: null,
    item: s.item.name,
    itemId: s.item.id,
    year: s.year,
    amount: s.result.totalBefore.toFixed(),
    unit: before.unit,
    provenance: {
      kind: "computed",
      model: "sum",
      description: lang === "sv" ? "summan av dagens belopp" : "the sum of today's amounts",
    },
  });
  for (const r of s.result.rows) {
    if (r.after)
      amounts.push({
        ...base,
        role: "scenario",
        municipality: r.municipality,
        amount: r.after.toFixed(),
        provenance,
      });
    amounts.push({
      ...base,
      role: "scenarioChange",
      municipality: r.municipality,
      amount: r.difference.toFixed(),
      provenance,
    });
  }
  amounts.push({
    ...base,
    role: "scenario",
    municipality: null,
    amount: s.result.totalAfter.toFixed(),
    provenance,
  });
  amounts.push({
    ...base,
    role: "scenarioChange",
    municipality: null,
    amount: s.result.totalAfter.minus(s.result.totalBefore).toFixed(),
    provenance,
  });
  return amounts;
}

function side(value: Decimal | null, unit: "kr" | "tkr", lang: Lang): string {
  return value ? money(value, unit, lang) : lang === "sv" ? "deltar inte" : "not taking part";
}

/** "Kalix 21 000 kr → deltar inte (−21 000 kr)". */
function rowText(r: WhatIfRow, unit: "kr" | "tkr", lang: Lang): string {
  return `${r.municipality} ${side(r.before, unit, lang)} → ${side(r.after, unit, lang)} (${signedMoney(r.difference, unit, lang)})`;
}

/** Each municipality's change: those that change one by one, those that do not by name. */
function rowsText(s: Computed, first: readonly string[], lang: Lang): string {
  const unit = s.result.after.unit;
  const order = (r: WhatIfRow) =>
    first.includes(r.municipality) ? first.indexOf(r.municipality) : first.length;
  const rows = [...s.result.rows].sort((a, b) => order(a) - order(b));
  const changed = rows.filter((r) => !r.difference.isZero() || first.includes(r.municipality));
  const same = rows.filter((r) => r.difference.isZero() && !first.includes(r.municipality));
  const parts = changed.map((r) => rowText(r, unit, lang));
  if (same.length)
    parts.push(
      lang === "sv"
        ? `oförändrat (±0 ${unit}): ${listing(
            same.map((r) => `${r.municipality} ${money(r.before ?? new Decimal(0), unit, "sv")}`),
            "sv",
          )}`
        : `unchanged (±0 ${unit}): ${listing(
            same.map((r) => `${r.municipality} ${money(r.before ?? new Decimal(0), unit, "en")}`),
            "en",
          )}`,
    );
  return parts.join("; ");
}

/** The model sentence: the scenario's model, and today's when it differs. */
function modelText(s: Computed, lang: Lang): string {
  const { before, after } = s.result;
  const now = describeModel(before.model, before.unit, lang);
  const then = describeModel(after.model, after.unit, lang);
  const rounding = roundingPhrase(after.rounding, after.unit, lang);
  const same = now === then;
  return lang === "sv"
    ? `Modell: ${then}${same ? ", samma som i dag" : ` (i dag: ${now})`}; avrundning: ${rounding}.`
    : `Model: ${then}${same ? ", the same as today" : ` (today: ${now})`}; rounding: ${rounding}.`;
}

function totalText(s: Computed, lang: Lang): string {
  const unit = s.result.after.unit;
  const { totalBefore, totalAfter } = s.result;
  return lang === "sv"
    ? `Totalt ${money(totalBefore, unit, "sv")} i dag → ${money(totalAfter, unit, "sv")} i scenariot (${signedMoney(totalAfter.minus(totalBefore), unit, "sv")}).`
    : `Total ${money(totalBefore, unit, "en")} today → ${money(totalAfter, unit, "en")} in the scenario (${signedMoney(totalAfter.minus(totalBefore), unit, "en")}).`;
}

/** One item in full: who shares it, the model, the totals and every municipality's change. */
export function singleText(
  turn: Turn,
  s: Computed,
  movers: Movers,
  request: ScenarioRequest,
  first: readonly string[],
): string {
  const lang = turn.lang;
  const n0 = s.result.before.participants.length;
  const n1 = s.result.after.participants.length;
  const who =
    n0 === n1
      ? say(
          turn,
          `${n1} kommuner delar på posten, som i dag.`,
          `${n1} municipalities share the item, as today.`,
        )
      : say(
          turn,
          `Då delar ${n1} kommuner på posten i stället för ${n0}.`,
          `Then ${n1} municipalities share the item instead of ${n0}.`,
        );
  return (
    [
      say(
        turn,
        `Beräknat scenario, inte ett publicerat belopp, för ${s.item.name} ${s.year}: ${changePhrase(movers, request, "sv")}.`,
        `A computed scenario, not a published amount, for ${s.item.nameEn} in ${s.year}: ${changePhrase(movers, request, "en")}.`,
      ),
      who,
      modelText(s, lang),
      totalText(s, lang),
      say(
        turn,
        `Per kommun, i dag → scenario: ${rowsText(s, first, "sv")}.`,
        `Per municipality, today → scenario: ${rowsText(s, first, "en")}.`,
      ),
    ].join(" ") + itemNote(turn, s)
  );
}

/** What kind of cost the item is, where that matters to the scenario: a proposal, or billed directly. */
function itemNote(turn: Turn, s: Computed): string {
  if (s.item.category === "billedBySupplier")
    return say(
      turn,
      ` ${s.item.name} faktureras direkt av leverantören och ingår inte i nämndens budget.`,
      ` ${s.item.nameEn} is invoiced directly by the supplier and is not part of the committee's budget.`,
    );
  if (s.item.years.find((y) => y.year === s.year)?.status === "proposed")
    return say(
      turn,
      " Posten är en kostnadskalkyl i ett förslag, inte en budgeterad avgift.",
      " The item is a cost calculation in a proposal, not a budgeted charge.",
    );
  return "";
}

/** One item of several in a sentence: totals, the movers' rows and the range of the others' changes. */
export function itemLine(s: Computed, movers: Movers, first: readonly string[], lang: Lang): string {
  const unit = s.result.after.unit;
  const named = [...movers.leave, ...movers.join, ...first];
  const own = s.result.rows.filter((r) => named.includes(r.municipality)).map((r) => rowText(r, unit, lang));
  const others = s.result.rows.filter((r) => !named.includes(r.municipality));
  let rest: string;
  const sorted = [...others].sort((a, b) => a.difference.comparedTo(b.difference));
  const low = sorted[0];
  const high = sorted.at(-1);
  if (!low || !high) rest = "";
  else if (low.difference.eq(high.difference))
    rest = low.difference.isZero()
      ? lang === "sv"
        ? "övriga oförändrade (±0 " + unit + ")"
        : "the others unchanged (±0 " + unit + ")"
      : lang === "sv"
        ? `var och en av de övriga ${signedMoney(low.difference, unit, "sv")}`
        : `each of the others ${signedMoney(low.difference, unit, "en")}`;
  else
    rest =
      lang === "sv"
        ? `övriga från ${signedMoney(low.difference, unit, "sv")} (${low.municipality}) till ${signedMoney(high.difference, unit, "sv")} (${high.municipality})`
        : `the others from ${signedMoney(low.difference, unit, "en")} (${low.municipality}) to ${signedMoney(high.difference, unit, "en")} (${high.municipality})`;
  const { totalBefore, totalAfter } = s.result;
  const total =
    lang === "sv"
      ? `totalt ${money(totalBefore, unit, "sv")} → ${money(totalAfter, unit, "sv")} (${signedMoney(totalAfter.minus(totalBefore), unit, "sv")})`
      : `total ${money(totalBefore, unit, "en")} → ${money(totalAfter, unit, "en")} (${signedMoney(totalAfter.minus(totalBefore), unit, "en")})`;
  return `${itemName(s, lang)}, ${describeModel(s.result.after.model, unit, lang)}: ${[total, ...own, rest].filter(Boolean).join("; ")}.`;
}

/** The card's facts: that it is a computed scenario, the change, the model and the rounding. */
export function scenarioFacts(
  turn: Turn,
  list: readonly Computed[],
  movers: Movers,
  request: ScenarioRequest,
): Fact[] {
  const lang = turn.lang;
  const one = list.length === 1 ? list[0] : undefined;
  return [
    {
      title: say(turn, "Beräknat scenario", "Computed scenario"),
      value: say(turn, "inte ett publicerat belopp", "not a published amount"),
    },
    { title: say(turn, "Ändring", "Change"), value: changePhrase(movers, request, lang) },
    ...(one
      ? [
          {
            title: say(turn, "Modell", "Model"),
            value: describeModel(one.result.after.model, one.result.after.unit, lang),
          },
          {
            title: say(turn, "Avrundning", "Rounding"),
            value: describeRounding(one.result.after.rounding, one.result.after.unit, lang),
          },
        ]
      : [
          {
            title: say(turn, "Modell", "Model"),
            value: say(turn, "varje posts egen modell", "each item's own model"),
          },
          {
            title: say(turn, "Avrundning", "Rounding"),
            value: say(turn, "varje posts egen avrundning", "each item's own rounding"),
          },
        ]),
  ];
}
