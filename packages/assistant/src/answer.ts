import type { Dataset } from "@samverkan/domain";
import { cardFor } from "./card.js";
import { say, type Draft, type Turn } from "./draft.js";
import {
  clarifyMunicipality,
  clarifyNames,
  followUpNotUnderstood,
  help,
  notUnderstood,
  unknownItem,
  unknownMunicipality,
} from "./intents/conversation.js";
import { explainAmount, itemCost, itemSplit, itemTotal, maxWithdrawal } from "./intents/cost.js";
import { extras } from "./intents/extras.js";
import { attendance } from "./intents/attendance.js";
import { annualCycle, meetingsInPeriod, nextMeeting } from "./intents/meetings.js";
import { itemParticipants, members, projectParticipants } from "./intents/membership.js";
import { statement } from "./intents/statement.js";
import { yearSeries, type YearSeriesOf } from "./intents/year-series.js";
import { yearSeriesMany } from "./intents/year-series-many.js";
import { eachYear } from "./intents/years-each.js";
import { askedYears } from "./years-asked.js";
import { parseQuestion, type ParsedQuestion } from "./parse.js";
import { alternatives, listing } from "./phrases.js";
import { itemsIn, municipalitiesIn, resolveYear } from "./resolve.js";
import { readFollowUp } from "./follow-up.js";
import { guard } from "./guard.js";
import { localNow } from "./time.js";
import { TOPICS } from "./topics/index.js";
import type { Answer, AssistantContext, ConversationTurn } from "./types.js";

/** The collaboration answered about when the question names none. */
export const DEFAULT_COLLABORATION = "norrbotten";

function datasetsOf(context: AssistantContext): Dataset[] {
  const list = Array.isArray(context.datasets)
    ? [...(context.datasets as readonly Dataset[])]
    : Object.values(context.datasets as Readonly<Record<string, Dataset>>);
  if (list.length === 0)
    throw new TypeError("answer(): context.datasets is empty; load at least one dataset");
  return list;
}

/**
 * The collaboration follows from the municipality named (the collaborations' members are disjoint),
 * else from a collaboration named ("SkånEarkiv", "e-nämnden"), else from an item only one
 * collaboration has ("maximalt uttag"), else the default.
 */
function chooseDataset(p: ParsedQuestion, datasets: readonly Dataset[], defaultId: string): Dataset {
  const byId = (id: string | undefined) => datasets.find((d) => d.collaboration.id === id);
  const fallback = byId(defaultId) ?? (datasets[0] as Dataset);
  const fromMunicipality = byId(p.municipalities[0]?.collaboration);
  const named = byId(p.collaborationsNamed[0]);
  if (named && (p.signals.has("members") || !fromMunicipality)) return named;
  if (fromMunicipality) return fromMunicipality;
  const itemCollaborations = [
    ...new Set([...p.items.map((x) => x.collaboration), ...p.projects.map((x) => x.collaboration)]),
  ];
  if (itemCollaborations.length > 0 && !itemCollaborations.includes(fallback.collaboration.id))
    return byId(itemCollaborations[0]) ?? fallback;
  return fallback;
}

/** Replaces what was typed with a name, to offer the question back as an option. */
function rephrase(question: string, typed: string, name: string): string {
  const at = question.indexOf(typed);
  const q =
    at >= 0 ? question.slice(0, at) + name + question.slice(at + typed.length) : `${question} (${name})`;
  return q
    .replace(/(…|\.\.\.)/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Decides what the question asks and hands it to that intent's handler. */
function route(turn: Turn): Draft {
  const p = turn.parsed;
  const d = turn.dataset;
  const s = p.signals;
  const munis = municipalitiesIn(turn).map((m) => m.name);
  const items = itemsIn(turn);
  const itemIds = [...new Set(items.flatMap((x) => x.ids))];
  const projects = p.projects.filter((x) => x.collaboration === d.collaboration.id);
  const year = resolveYear(turn);
  // Municipalities over several years ("2021–2023", "2022 och 2023"): every year asked, each answered,
  // for every municipality (and item) named.
  const years = askedYears(turn);
  const overYears = (ofs: readonly YearSeriesOf[], single: (y: typeof year) => Draft): Draft | undefined => {
    const [m, of] = [munis[0], ofs[0]];
    if (!years || !m || !of) return undefined;
    if (munis.length === 1 && ofs.length === 1) return yearSeries(turn, m, of, years, single);
    return yearSeriesMany(
      turn,
      munis.flatMap((municipality) => ofs.map((o) => ({ municipality, of: o }))),
      years,
    );
  };
  // An item's split or total, an explanation or attendance over several years: each year answered.
  const overEachYear = (f: (y: typeof year) => Draft): Draft => (years ? eachYear(turn, years, f) : f(year));
  const substantive =
    p.municipalities.length +
      p.items.length +
      p.projects.length +
      p.amounts.length +
      p.ambiguous.length +
      p.unknownNames.length +
      p.topics.length +
      p.topicSignals.size >
      0 ||
    p.meetingWord ||
    p.bodies.size > 0;

  const ambiguous = p.ambiguous[0];
  if (ambiguous)
    return clarifyNames(
      turn,
      ambiguous.typed,
      ambiguous.options.map((o) => o.name),
      (name) => rephrase(p.question, ambiguous.typed, name),
    );
  if (!substantive && s.has("help") && !s.has("cost") && !s.has("members")) return help(turn);

  // The documents' other topics (a hypothetical first), each claiming only questions in its own words.
  for (const topic of TOPICS) if (topic.claims(turn)) return topic.answer(turn);

  // Meetings, the årshjul and attendance.
  if (s.has("attendance"))
    return years && p.dates.length === 0 && p.months.length === 0
      ? eachYear(turn, years, (y) => attendance(turn, y.value))
      : attendance(turn);
  if (s.has("decide") || (p.topics.length > 0 && s.has("when") && munis.length === 0))
    return annualCycle(turn);
  if ((p.meetingWord || p.bodies.size > 0) && munis.length === 0 && itemIds.length === 0) {
    const period =
      p.months.length > 0 || p.monthOffset !== undefined || p.years.length > 0 || p.dates.length > 0;
    if (period || (s.has("list") && !s.has("next"))) return meetingsInPeriod(turn);
    return nextMeeting(turn);
  }

  // Members and participants.
  const asksWho = s.has("participants") || s.has("members");
  if (asksWho && !s.has("cost")) {
    const project = projects[0];
    if (project) return projectParticipants(turn, project.id);
    if (s.has("participants") && itemIds[0] && munis.length === 0)
      return itemParticipants(turn, itemIds[0], year);
    if (s.has("project") && itemIds.length === 0) {
      const preStudy = p.words.some((w) => w.fold.startsWith("forstudie") || w.fold === "prestudy");
      const options = d.projects.filter((x) => !preStudy || x.phase === "preStudy");
      if (options.length === 1 && options[0]) return projectParticipants(turn, options[0].id);
      if (options.length === 0)
        return {
          intent: "participants",
          collaboration: d.collaboration.id,
          text: say(
            turn,
            `Det finns inga ${preStudy ? "förstudier" : "projekt"} för ${d.collaboration.name} i datat.`,
            `There are no ${preStudy ? "pre-studies" : "projects"} for ${d.collaboration.nameEn} in the data.`,
          ),
          followUps: [
            say(
              turn,
              `Vilka kommuner är med i ${d.collaboration.name}?`,
              `Which municipalities are members of ${d.collaboration.name}?`,
            ),
          ],
        };
      const names = options.map((x) => (turn.lang === "sv" ? x.name : x.nameEn));
      return {
        intent: "clarify",
        collaboration: d.collaboration.id,
        text: say(
          turn,
          `Vilket projekt menar du? ${alternatives(names, "sv")}?`,
          `Which project do you mean? ${alternatives(names, "en")}?`,
        ),
        options: names,
        followUps: names.map((n) => say(turn, `Vilka deltar i ${n}?`, `Who takes part in ${n}?`)),
      };
    }
    const named = p.municipalities.map((m) => m.name);
    if (s.has("members") || named.length > 0 || p.unknownNames.length > 0)
      return members(turn, named, named.length ? [] : p.unknownNames);
  }

  // An item of another collaboration than the municipality's ("Lund" and "grundfinansiering").
  if (itemIds.length === 0 && p.items.length > 0 && munis.length > 0)
    return unknownItem(turn, p.items[0]?.typed ?? "", munis[0]);

  // SkånEarkiv's maximum withdrawal.
  const onlyItem = d.costItems.length === 1 ? d.costItems[0]?.id : undefined;
  if (
    onlyItem &&
    d.collaboration.id !== "norrbotten" &&
    !s.has("extras") &&
    (s.has("maxWithdrawal") || itemIds.includes(onlyItem) || munis.length > 0)
  )
    return (
      overYears([{ kind: "maxWithdrawal", itemId: onlyItem }], (y) =>
        maxWithdrawal(turn, munis, onlyItem, y),
      ) ?? overEachYear((y) => maxWithdrawal(turn, munis, onlyItem, y))
    );

  if (s.has("extras")) return extras(turn, itemIds, munis[0], year);

  // Money questions.
  if (munis.length === 0 && p.municipalities.length === 0 && p.unknownNames[0])
    return unknownMunicipality(turn, p.unknownNames[0]);
  const ambiguousItem = items.find((x) => x.ids.length > 1);
  if (ambiguousItem) {
    const names = ambiguousItem.ids.map((id) => {
      const item = d.costItems.find((x) => x.id === id);
      return (turn.lang === "sv" ? item?.name : item?.nameEn) ?? id;
    });
    return clarifyNames(turn, ambiguousItem.typed, names, (name) =>
      rephrase(p.question, ambiguousItem.typed, name),
    );
  }
  const item = itemIds[0];
  const muni = munis[0];
  if (s.has("why") && muni) return overEachYear((y) => explainAmount(turn, muni, item, p.amounts[0], y));
  // Several items named ("e-arkiv och datacenter"): each answered, none dropped.
  const each = (f: (id: string) => Draft): Draft =>
    itemIds.length > 1 ? combine(itemIds.map(f)) : f(item as string);
  if (s.has("why") && item) return each((id) => overEachYear((y) => itemSplit(turn, id, y)));
  if (s.has("split") && item && !muni && !s.has("most") && !s.has("least"))
    return each((id) => overEachYear((y) => itemSplit(turn, id, y)));
  if (s.has("split") && item && muni && !s.has("cost"))
    return each((id) => explainAmount(turn, muni, id, undefined, year));
  if (muni && item) {
    const ofs = itemIds.map((itemId) => ({ kind: "item" as const, itemId }));
    const series = overYears(ofs, (y) => itemCost(turn, munis, item, y));
    if (series) return series;
  }
  if (muni && item) return each((id) => itemCost(turn, munis, id, year));
  if (muni && p.amounts[0]) return explainAmount(turn, muni, undefined, p.amounts[0], year);
  if (muni) {
    if (p.unknownItem && !s.has("statement")) return unknownItem(turn, p.unknownItem, muni);
    const series = overYears([{ kind: "total" }], (y) => statement(turn, muni, y));
    if (series) return series;
    const drafts = munis.map((m) => statement(turn, m, year));
    return drafts.length === 1 ? (drafts[0] as Draft) : combine(drafts);
  }
  if (item) return each((id) => overEachYear((y) => itemTotal(turn, id, y)));
  if (p.unknownItem) return unknownItem(turn, p.unknownItem);
  if (s.has("cost") && p.unrecognised[0] && !s.has("most") && !s.has("least"))
    return unknownItem(turn, p.unrecognised[0]);
  if (s.has("most") || s.has("least") || s.has("split")) {
    const names = d.costItems
      .filter((x) => x.years.some((y) => y.status === "budgeted"))
      .map((x) => (turn.lang === "sv" ? x.name : x.nameEn));
    return {
      intent: "clarify",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `Vilken kostnadspost menar du? ${listing(names, "sv")}.`,
        `Which cost item do you mean? ${listing(names, "en")}.`,
      ),
      options: names,
      followUps: names
        .slice(0, 5)
        .map((n) => say(turn, `Vem betalar mest för ${n}?`, `Who pays the most for ${n}?`)),
    };
  }
  if (s.has("cost") || s.has("why") || p.amounts.length > 0)
    return clarifyMunicipality(turn, (name) =>
      say(turn, `Vad betalar ${name} ${year.value}?`, `What does ${name} pay in ${year.value}?`),
    );
  if (s.has("members") || p.collaborationsNamed.length > 0) return members(turn, [], []);
  if (s.has("help")) return help(turn);
  return notUnderstood(turn);
}

/** The routed answer, unless it leaves out part of the question (see guard.ts). */
function guarded(turn: Turn, draft: Draft): Draft {
  return guard(turn, draft) ?? draft;
}

/** Several statements (several municipalities named) as one answer. */
function combine(drafts: readonly Draft[]): Draft {
  const first = drafts[0] as Draft;
  return {
    ...first,
    text: drafts.map((x) => x.text).join("\n\n"),
    amounts: drafts.flatMap((x) => x.amounts ?? []),
    followUps: [...new Set(drafts.flatMap((x) => x.followUps ?? []))],
  };
}

/** Names from another collaboration than the one answered about are mentioned, never dropped silently. */
function otherCollaborationNote(turn: Turn, draft: Draft): string {
  const others = turn.parsed.municipalities.filter((m) => m.collaboration !== turn.dataset.collaboration.id);
  if (others.length === 0 || draft.intent === "clarify" || draft.intent === "members") return "";
  const byCollaboration = new Map<string, string[]>();
  for (const m of others)
    byCollaboration.set(m.collaboration, [...(byCollaboration.get(m.collaboration) ?? []), m.name]);
  return [...byCollaboration]
    .map(([id, names]) => {
      const d = turn.datasets.find((x) => x.collaboration.id === id);
      const name = turn.lang === "sv" ? d?.collaboration.name : d?.collaboration.nameEn;
      return say(
        turn,
        ` ${listing(names, "sv")} hör till ${name}; fråga om ${names.length > 1 ? "dem" : "den"} för sig.`,
        ` ${listing(names, "en")} belong${names.length > 1 ? "" : "s"} to ${name}; ask about ${names.length > 1 ? "them" : "it"} separately.`,
      );
    })
    .join("");
}

/**
 * Answers a question in Swedish or English from the collaborations' data. Pure and deterministic:
 * the same question, datasets and `now` give the same answer. Every amount comes from the allocation
 * engine or a published table, with its provenance. Never throws on any question text; throws a
 * TypeError / RangeError only for a bad `context` (no datasets, a `now` that is not a date).
 *
 * @example
 * answer("Vad betalar Kalix för e-arkiv 2023?", { datasets: [norrbotten, skanearkiv], now: "2022-09-01" })
 * // → { intent: "itemCost", text: "Kalix betalar 21 000 kr för E-arkiv 2023. …",
 * //     amounts: [{ municipality: "Kalix", item: "E-arkiv", year: 2023, amount: "21000", unit: "kr",
 * //                 provenance: { kind: "published", document: "004_6c05a2f9a5cc7b0e.txt", … } }], … }
 */
export function answer(question: string, context: AssistantContext): Answer {
  const datasets = datasetsOf(context);
  const asked = typeof question === "string" ? question : String(question ?? "");
  const follow = readFollowUp(asked, context.previous, datasets);
  const text = follow?.kind === "rewritten" ? follow.question : asked;
  const parsed = parseQuestion(text, datasets);
  const dataset = chooseDataset(parsed, datasets, context.defaultCollaboration ?? DEFAULT_COLLABORATION);
  const now = localNow(context.now, dataset.collaboration.timeZone);
  const lang = follow?.lang ?? parsed.lang;
  const turn: Turn = { parsed, lang, datasets, dataset, now };
  const routed =
    follow?.kind === "unresolved"
      ? followUpNotUnderstood(turn, follow.what, context.previous?.question ?? "")
      : guarded(turn, route(turn));
  const rewritten = follow?.kind === "rewritten" && follow.question !== asked.trim();
  const draft: Draft = {
    ...routed,
    text:
      (rewritten ? readAsNote(turn, follow.question) : "") +
      routed.text +
      otherCollaborationNote(turn, routed),
  };
  // A follow-up not understood, or any question not understood, keeps the conversation where it was:
  // the next follow-up follows the last answer ("och Stockholm?" then "och för datacentret?").
  const keep =
    context.previous !== undefined && (follow?.kind === "unresolved" || draft.intent === "unknown");
  return {
    language: turn.lang,
    intent: draft.intent,
    text: draft.text,
    amounts: draft.amounts ?? [],
    meetings: draft.meetings ?? [],
    followUps: [...new Set(draft.followUps ?? [])],
    ...(draft.options ? { options: draft.options } : {}),
    ...(draft.collaboration ? { collaboration: draft.collaboration } : {}),
    ...(draft.year ? { year: draft.year } : {}),
    card: cardFor(draft, turn.lang),
    ...(draft.chart ? { chart: draft.chart } : {}),
    ...(rewritten ? { interpretedAs: follow.question } : {}),
    turn: keep
      ? { ...(context.previous as ConversationTurn), language: turn.lang }
      : {
          question: text,
          language: turn.lang,
          intent: draft.intent,
          ...(draft.collaboration ? { collaboration: draft.collaboration } : {}),
          ...(draft.year ? { year: draft.year.value } : {}),
        },
  };
}

/** "Jag tolkade följdfrågan som "…". ": a follow-up is always answered as the whole question, said. */
function readAsNote(turn: Turn, question: string): string {
  return say(turn, `Jag tolkade följdfrågan som "${question}". `, `I read the follow-up as "${question}". `);
}
