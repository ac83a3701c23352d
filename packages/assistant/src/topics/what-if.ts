import type { CostItem } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import type { ParsedQuestion } from "../parse.js";
import { alternatives, listing } from "../phrases.js";
import { interpretationNote, itemsIn, yearNote, type ResolvedYear } from "../resolve.js";
import type { Topic } from "./topic.js";
import { computeItem, type Computed, type ItemScenario, type NotComputed } from "./what-if-compute.js";
import {
  budgetedItems,
  exampleScenarios,
  leaveAllQuestion,
  leaveQuestion,
  modelQuestion,
  nearestYear,
  offersFor,
  otherModels,
  participantsOf,
  refusal,
  splitQuestion,
} from "./what-if-offers.js";
import { readScenario, type ScenarioRequest } from "./what-if-read.js";
import { scenarioTable, sumTable } from "./what-if-table.js";
import {
  changePhrase,
  itemLine,
  scenarioAmounts,
  scenarioFacts,
  singleText,
  type Movers,
} from "./what-if-text.js";
import * as words from "./what-if-words.js";

/**
 * What-if: a cost item re-split through the engine's `whatIf` with members leaving or joining, by
 * another model (per capita, equal parts, 50/50), with another population year or another total. A
 * hypothetical is always answered as one: computed and labelled as a scenario, or refused with what
 * could not be computed and the closest scenarios that can — never with today's ordinary amount,
 * which would answer a different question ("vad händer om Kalix lämnar e-arkivet?" is not "vad betalar
 * Kalix för e-arkivet?").
 *
 * A municipality leaving with no item named ("vad händer om Kalix lämnar nämnden?") is computed for
 * every budgeted item it takes part in that year, item by item with each item's own model: that is
 * what leaving the committee means, and one answer shows it all (the table sums the items per
 * municipality; each item's rows are in the amounts). A new model or total with no item asks which.
 */

const requests = new WeakMap<ParsedQuestion, ScenarioRequest>();
function request(turn: Turn): ScenarioRequest {
  let r = requests.get(turn.parsed);
  if (!r) {
    r = readScenario(turn);
    requests.set(turn.parsed, r);
  }
  return r;
}

const fold = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Every single word of the topic's phrases, and words that belong to a hypothetical's wording. */
const OWN_WORDS = new Set(
  [
    ...Object.values(words).flatMap((v) => (Array.isArray(v) ? (v as string[]) : [])),
    "händer hända hänt andra övriga resten alla allt samarbetet samverkan samverkansavtalet avtalet avtal posterna poster",
    "agreement contract",
    "everything others rest remaining everyone collaboration entirely altogether items item happen happens",
    "betala betalar pays pay would skulle kosta kostar cost vad what helt",
  ]
    .flatMap((p) => p.split(/[\s/-]+/))
    .map((w) => fold(w)),
);

/** Words after which an item is named: a verb of leaving or joining, or a preposition ("lämnar X", "ur X"). */
const BEFORE_ITEM = new Set(
  [
    ...[...words.LEAVE_AFTER, ...words.JOIN_AFTER].map((p) => p.split(" ").at(-1) ?? ""),
    ..."i ur från fran in from of out the med på pa för for av till to".split(" "),
  ].map(fold),
);

/**
 * A word in an item's place that names no item ("Vad händer om Kalix lämnar bredbandet?"): computing
 * every item instead would answer another question. Other unknown words ("plötsligt") are let be.
 */
function unknownItemWord(turn: Turn): string | undefined {
  const p = turn.parsed;
  if (p.unknownItem) return p.unknownItem;
  return p.words.find((w, i) => {
    const before = p.words[i - 1];
    return (
      p.unrecognised.includes(w.raw) &&
      !OWN_WORDS.has(fold(w.raw)) &&
      before !== undefined &&
      BEFORE_ITEM.has(before.fold)
    );
  })?.raw;
}

/** The scenario's year: named, relative, or now's budget year (the population year is not it). */
function scenarioYear(turn: Turn, r: ScenarioRequest): ResolvedYear | { several: number[] } {
  const years = turn.parsed.years.map((y) => ({
    value: y.year ?? turn.now.year + (y.offset ?? 0),
    source: y.year !== undefined ? ("question" as const) : ("relative" as const),
  }));
  const at = years.findIndex((y) => y.value === r.populationYear?.year);
  if (at >= 0) years.splice(at, 1);
  const distinct = [...new Set(years.map((y) => y.value))];
  if (distinct.length > 1) return { several: distinct };
  return years[0] ?? { value: turn.now.year, source: "now" };
}

function moversOf(turn: Turn, r: ScenarioRequest): Movers {
  const names = (kind: "leave" | "join") => [
    ...new Set(r.movers.filter((m) => m.kind === kind).map((m) => m.municipality.name)),
  ];
  return { leave: names("leave"), join: names("join") };
}

function answerWhatIf(turn: Turn): Draft {
  const p = turn.parsed;
  const d = turn.dataset;
  const r = request(turn);
  const movers = moversOf(turn, r);
  const yearOrSeveral = scenarioYear(turn, r);
  const nowYear = "several" in yearOrSeveral ? turn.now.year : yearOrSeveral.value;
  const examples = exampleScenarios(turn, nearestYear(d, undefined, nowYear) ?? nowYear);

  if (p.unknownNames.length)
    return refusal(
      turn,
      {
        sv: `${listing(
          p.unknownNames.map((n) => `"${n}"`),
          "sv",
        )} finns inte bland kommunerna i datat, så det finns inga siffror att räkna med för ${p.unknownNames.length > 1 ? "dem" : "den"}`,
        en: `${listing(
          p.unknownNames.map((n) => `"${n}"`),
          "en",
        )} ${p.unknownNames.length > 1 ? "are" : "is"} not among the municipalities in the data, so there are no figures to compute with`,
      },
      examples,
    );
  if ("several" in yearOrSeveral) {
    // The same scenario for each year named, when it names an item and who leaves.
    const item = d.costItems.find((x) => x.id === itemsIn(turn)[0]?.ids[0]);
    const years = yearOrSeveral.several;
    return refusal(
      turn,
      {
        sv: `jag räknar ett år i taget, och frågan nämner ${listing(years.map(String), "sv")}`,
        en: `I compute one year at a time, and the question names ${listing(years.map(String), "en")}`,
      },
      item && movers.leave.length
        ? years.map((y) => leaveQuestion(turn, movers.leave, item, y))
        : movers.leave.length
          ? years.map((y) => leaveAllQuestion(turn, movers.leave[0] as string, y))
          : examples,
    );
  }
  const year = yearOrSeveral;
  const hasChange = movers.leave.length + movers.join.length > 0 || r.model || r.populationYear || r.total;
  if (!hasChange) {
    const what = r.vague
      ? {
          sv: `"${r.vague}" säger inte hur mycket; ange en procentsats eller ett nytt totalbelopp`,
          en: `"${r.vague}" does not say by how much; give a percentage or a new total`,
        }
      : r.moverWithoutName && r.focus.length
        ? {
            sv: `frågan nämner ${listing(
              r.focus.map((m) => m.name),
              "sv",
            )}, men jag kunde inte läsa vem som ${r.moverWithoutName === "leave" ? "lämnar" : "går med"}`,
            en: `the question names ${listing(
              r.focus.map((m) => m.name),
              "en",
            )}, but I could not read who ${r.moverWithoutName === "leave" ? "leaves" : "joins"}`,
          }
        : r.moverWithoutName
          ? {
              sv: `frågan säger inte vilken kommun som ${r.moverWithoutName === "leave" ? "lämnar" : "går med"}`,
              en: `the question does not say which municipality ${r.moverWithoutName === "leave" ? "leaves" : "joins"}`,
            }
          : {
              sv: `jag förstod inte vilken ändring du menar; jag räknar på kommuner som lämnar eller går med i en kostnadspost, en annan fördelning (lika delar, per invånare, 50/50), ett annat befolkningsår eller en total som höjs eller sänks`,
              en: `I did not understand which change you mean; I compute municipalities leaving or joining a cost item, another split (equal parts, per capita, 50/50), another population year, or a total raised or cut`,
            };
    const item = itemsIn(turn)[0]?.ids[0];
    const named = d.costItems.find((x) => x.id === item);
    const who = r.focus.find((m) => m.collaboration === d.collaboration.id)?.name;
    const offers =
      r.moverWithoutName === "leave" && who
        ? [
            named ? leaveQuestion(turn, who, named, year.value) : leaveAllQuestion(turn, who, year.value),
            ...examples,
          ]
        : named && r.vague
          ? [
              say(
                turn,
                `Vad händer om ${named.name} höjs med 10 % ${year.value}?`,
                `What if ${named.nameEn} is raised by 10 % in ${year.value}?`,
              ),
              splitQuestion(turn, named, year.value),
            ]
          : examples;
    return refusal(turn, what, offers, year);
  }

  // Which items: named (exact before typos), else every budgeted item for a member leaving or joining.
  const named = itemsIn(turn);
  const ambiguous = named.find((x) => x.ids.length > 1);
  if (ambiguous) {
    const names = ambiguous.ids.map((id) => {
      const x = d.costItems.find((c) => c.id === id);
      return (turn.lang === "sv" ? x?.name : x?.nameEn) ?? id;
    });
    const options = ambiguous.ids
      .map((id) => d.costItems.find((c) => c.id === id))
      .filter((x): x is CostItem => !!x);
    return {
      intent: "clarify",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `Vilken kostnadspost menar du med "${ambiguous.typed}"? ${alternatives(names, "sv")}?`,
        `Which cost item do you mean by "${ambiguous.typed}"? ${alternatives(names, "en")}?`,
      ),
      options: names,
      followUps: options.map((x) =>
        movers.leave[0]
          ? leaveQuestion(turn, movers.leave[0], x, year.value)
          : modelQuestion(turn, x, r.model?.type ?? "population", year.value),
      ),
    };
  }
  const ids = [...new Set(named.flatMap((x) => x.ids))];
  let items = ids.map((id) => d.costItems.find((x) => x.id === id)).filter((x): x is CostItem => !!x);
  const unknownItem = items.length === 0 ? unknownItemWord(turn) : p.unknownItem;
  if (items.length === 0 && (unknownItem || p.items.length > 0)) {
    const typed = unknownItem ?? p.items[0]?.typed ?? "";
    const list = budgetedItems(d, year.value).map((x) => (turn.lang === "sv" ? x.name : x.nameEn));
    return refusal(
      turn,
      {
        sv: `"${typed}" är ingen av ${d.collaboration.name}s kostnadsposter (de är ${listing(list, "sv")})`,
        en: `"${typed}" is not one of ${d.collaboration.nameEn}'s cost items (they are ${listing(list, "en")})`,
      },
      examples,
      year,
    );
  }
  const all = items.length === 0;
  if (all) {
    if (r.model || r.populationYear || r.total) {
      const list = budgetedItems(d, year.value);
      const names = list.map((x) => (turn.lang === "sv" ? x.name : x.nameEn));
      return {
        intent: "clarify",
        collaboration: d.collaboration.id,
        year: { value: year.value, source: year.source },
        text: say(
          turn,
          `Vilken kostnadspost gäller scenariot? ${alternatives(names, "sv")}?`,
          `Which cost item is the scenario for? ${alternatives(names, "en")}?`,
        ),
        options: names,
        followUps: list
          .slice(0, 4)
          .map((x) => modelQuestion(turn, x, r.model?.type ?? "population", year.value)),
      };
    }
    items = budgetedItems(d, year.value).filter((x) => {
      const members = participantsOf(d, x, year.value);
      return movers.leave.every((m) => members.includes(m)) && movers.join.every((m) => !members.includes(m));
    });
    if (items.length === 0) {
      const who = [...movers.leave, ...movers.join];
      const any = budgetedItems(d, year.value)[0];
      return refusal(
        turn,
        movers.join.length
          ? {
              sv: `${listing(movers.join, "sv")} deltar redan i alla poster ${year.value}${movers.leave.length ? ` eller ${listing(movers.leave, "sv")} deltar inte i dem` : ""}, så det finns ingen post att gå med i`,
              en: `${listing(movers.join, "en")} already take${movers.join.length > 1 ? "" : "s"} part in every item in ${year.value}${movers.leave.length ? ` or ${listing(movers.leave, "en")} do not` : ""}, so there is no item to join`,
            }
          : {
              sv: `${listing(who, "sv")} deltar inte i någon post med en fördelning ${year.value}`,
              en: `${listing(who, "en")} take${who.length > 1 ? "" : "s"} part in no item with an allocation in ${year.value}`,
            },
        [
          ...(movers.join[0] && any ? [leaveQuestion(turn, movers.join[0], any, year.value)] : []),
          ...(movers.join[0] ? [leaveAllQuestion(turn, movers.join[0], year.value)] : []),
          ...examples,
        ],
        year,
      );
    }
  }

  const results: ItemScenario[] = items.map((x) =>
    computeItem(d, x, year.value, r, movers.leave, movers.join),
  );
  const computed = results.filter((x): x is Computed => x.ok);
  const failed = results.filter((x): x is NotComputed => !x.ok);
  if (computed.length === 0) {
    const first = failed[0] as NotComputed;
    return refusal(
      turn,
      {
        sv: failed.map((f) => f.reason.sv).join("; "),
        en: failed.map((f) => f.reason.en).join("; "),
      },
      offersFor(turn, first, movers),
      year,
    );
  }
  return computedDraft(turn, year, computed, failed, movers, r, all);
}

/** The answer for the computed scenarios: the text, every amount, the table, the facts and what next. */
function computedDraft(
  turn: Turn,
  year: ResolvedYear,
  computed: readonly Computed[],
  failed: readonly NotComputed[],
  movers: Movers,
  r: ScenarioRequest,
  all: boolean,
): Draft {
  const d = turn.dataset;
  const focus = [
    ...new Set(r.focus.filter((m) => m.collaboration === d.collaboration.id).map((m) => m.name)),
  ];
  const first = [...focus, ...movers.leave, ...movers.join];
  const amounts = computed.flatMap((s) => scenarioAmounts(d, s, movers, r, turn.lang));
  // One item computed (SkånEarkiv has one): shown in full, even when every item was asked for.
  const one = computed.length === 1 ? computed[0] : undefined;
  let text: string;
  if (one) text = singleText(turn, one, movers, r, first);
  else {
    const head = all
      ? say(
          turn,
          `Beräknat scenario, inte ett publicerat belopp: ${changePhrase(movers, r, turn.lang, say(turn, "posterna", "the items"))} ${year.value}, räknat för var och en av de ${computed.length} poster med en fördelning det året, med varje posts egen modell och avrundning.`,
          `A computed scenario, not a published amount: ${changePhrase(movers, r, turn.lang, say(turn, "posterna", "the items"))} in ${year.value}, computed for each of the ${computed.length} items with an allocation that year, with each item's own model and rounding.`,
        )
      : say(
          turn,
          `Beräknat scenario, inte ett publicerat belopp: ${changePhrase(movers, r, turn.lang, say(turn, "posterna", "the items"))} ${year.value}, post för post.`,
          `A computed scenario, not a published amount: ${changePhrase(movers, r, turn.lang, say(turn, "posterna", "the items"))} in ${year.value}, item by item.`,
        );
    text = [head, ...computed.map((s) => itemLine(s, movers, first, turn.lang))].join(" ");
    const example = computed[0];
    if (example)
      text += say(
        turn,
        ` Tabellen summerar posterna per kommun; varje kommuns belopp per post finns i svaret.`,
        ` The table adds the items up per municipality; each municipality's amount per item is in the answer.`,
      );
  }
  if (failed.length)
    text += say(
      turn,
      ` Inte beräknat: ${failed.map((f) => f.reason.sv).join("; ")}.`,
      ` Not computed: ${failed.map((f) => f.reason.en).join("; ")}.`,
    );
  text += yearNote(turn, year) + interpretationNote(turn);

  const lead = computed[0] as Computed;
  const members = lead.result.before.participants;
  const someone = members.find((m) => !first.includes(m));
  const model = otherModels(d, lead.item, year.value)[0];
  const followUps = [
    ...(all && !one && movers.leave[0] ? [leaveQuestion(turn, movers.leave[0], lead.item, year.value)] : []),
    ...(model && (movers.leave.length || movers.join.length)
      ? [modelQuestion(turn, lead.item, model, year.value)]
      : []),
    ...(someone
      ? [
          all && !one
            ? leaveAllQuestion(turn, someone, year.value)
            : leaveQuestion(turn, someone, lead.item, year.value),
        ]
      : []),
    splitQuestion(turn, lead.item, year.value),
  ].slice(0, 4);
  return {
    intent: "whatIf",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts,
    followUps,
    table: one ? scenarioTable(one, amounts, turn.lang) : sumTable(computed, turn.lang),
    facts: scenarioFacts(turn, computed, movers, r),
  };
}

/** Hypotheticals: "vad händer om Kalix lämnar e-arkivet?", "what if e-archive is split equally?". */
export const whatIfTopic: Topic = {
  id: "whatIf",
  claims: (turn) => request(turn).hypothetical,
  answer: answerWhatIf,
};
