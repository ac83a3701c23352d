import { Decimal, type Project } from "@samverkan/domain";
import { say, type Draft, type Fact, type Turn } from "../draft.js";
import { capitalise, listing, money } from "../phrases.js";
import { interpretationNote, municipalitiesIn } from "../resolve.js";
import type { AnswerAmount } from "../types.js";
import { projectCost } from "./projects-cost.js";
import {
  costIndex,
  readProjectQuestion,
  splitIndex,
  strongIndex,
  type ProjectQuestion,
} from "./projects-find.js";
import {
  participantsSentence,
  phaseSentence,
  phaseText,
  planSource,
  projectName,
  projectsTable,
  statusSentence,
  statusSource,
  statusText,
  timePlanSentence,
  yearsText,
} from "./projects-format.js";
import { PHASES } from "./projects-words.js";
import type { Topic } from "./topic.js";

/**
 * Whether the projects topic answers: a word of its own ("projekt", "förstudien", "status", "tidplan",
 * "vem betalar"), or a project named inside a compound ("datacenterprojektet"). "projekt"/"förstudie"
 * claim alone ("Vilka projekt pågår?"); the others only with a project named. Left to the older intents:
 * who takes part ("Vilka deltar i förstudien om e-learning?", participants), a municipality's cost
 * ("Vad betalar Boden för HR-förstudien?", itemCost), the most and least, a split, a reason, extras.
 */
function claims(turn: Turn): boolean {
  const p = turn.parsed;
  const ask = readProjectQuestion(turn);
  const compound = ask.named.some((n) => n.how === "compound");
  if (!p.topicSignals.has("projects") && !compound) return false;
  const s = p.signals;
  if (s.has("participants") || s.has("members") || s.has("attendance")) return false;
  if (s.has("most") || s.has("least") || s.has("why") || s.has("extras") || s.has("compare")) return false;
  if (splitIndex.has(p.words) || p.topicSignals.has("outcome")) return false;
  // A municipality with a cost or an item ("Lulea förstudie HR 2022") asks what it pays: the cost intents'.
  const items = p.items.filter((x) => x.collaboration === turn.dataset.collaboration.id);
  if (municipalitiesIn(turn).length > 0 && (s.has("cost") || costIndex.has(p.words) || items.length > 0))
    return false;
  if (strongIndex.has(p.words) || compound) return true;
  return ask.named.length > 0;
}

function collaborationName(turn: Turn): string {
  const c = turn.dataset.collaboration;
  return turn.lang === "sv" ? c.name : c.nameEn.replace(/^The /, "the ");
}

/** SkånEarkiv and any collaboration without projects in its data. */
function noProjects(turn: Turn): Draft {
  const d = turn.dataset;
  const others = turn.datasets.filter((o) => o !== d && o.projects.length > 0);
  const names = others.map((o) => (turn.lang === "sv" ? o.collaboration.name : o.collaboration.nameEn));
  return {
    intent: "projects",
    collaboration: d.collaboration.id,
    text: say(
      turn,
      `${d.collaboration.name} har inga projekt eller förstudier i datat.${names.length ? ` Det finns för ${listing(names, "sv")}.` : ""}`,
      `${d.collaboration.nameEn} has no projects or pre-studies in the data.${names.length ? ` There are for ${listing(names, "en")}.` : ""}`,
    ),
    followUps: [
      ...others.map((o) =>
        say(
          turn,
          `Vilka projekt har ${o.collaboration.name}?`,
          `Which projects does ${o.collaboration.name} have?`,
        ),
      ),
      say(
        turn,
        `Vilka kommuner är med i ${d.collaboration.name}?`,
        `Which municipalities are members of ${d.collaboration.name}?`,
      ),
    ],
  };
}

function followUpsFor(turn: Turn, shown: readonly Project[]): string[] {
  const first = shown[0];
  const out: string[] = [];
  if (first) {
    out.push(say(turn, `Vilka deltar i ${first.name}?`, `Who takes part in ${first.nameEn}?`));
    if (first.costItem)
      out.push(
        say(turn, `Vad kostar projektet ${first.name}?`, `What does the project ${first.nameEn} cost?`),
      );
    out.push(say(turn, `När slutar projektet ${first.name}?`, `When does the project ${first.nameEn} end?`));
  }
  out.push(say(turn, "Vilka förstudier finns?", "Which pre-studies are there?"));
  return [...new Set(out)].slice(0, 4);
}

function facts(turn: Turn, shown: readonly Project[]): Fact[] {
  const plans = [...new Set(shown.map((p) => planSource(turn, p)))];
  const status = [...new Set(shown.filter((p) => p.status).map((p) => statusSource(turn, p)))];
  return [
    { title: say(turn, "Källa (plan)", "Source (plan)"), value: capitalise(listing(plans, turn.lang)) },
    ...(status.length
      ? [{ title: say(turn, "Källa (status)", "Source (status)"), value: listing(status, turn.lang) }]
      : []),
  ];
}

/** One project, as asked: its status, phase, time plan, cost or who pays; with nothing asked, all but money. */
function projectAnswer(turn: Turn, p: Project, q: ProjectQuestion): Draft {
  const asks = q.asks;
  const parts: string[] = [];
  let cost: Draft | undefined;
  if (asks.has("whoPays")) parts.push(participantsSentence(turn, p));
  if (asks.has("cost") || asks.has("whoPays")) {
    cost = projectCost(turn, p);
    parts.push(cost.text);
  }
  const overview = asks.size === 0;
  if (asks.has("status") || overview) parts.push(statusSentence(turn, p));
  if (asks.has("phase") || asks.has("status") || overview) parts.push(phaseSentence(turn, p));
  if (asks.has("timePlan") || overview) parts.push(timePlanSentence(turn, p, q));
  if (overview) {
    parts.push(participantsSentence(turn, p));
    const item = turn.dataset.costItems.find((x) => x.id === p.costItem);
    if (item) parts.push(say(turn, `Kostnadspost: ${item.name}.`, `Cost item: ${item.nameEn}.`));
  }
  const lead = cost ? "" : `${projectName(turn, p)}: `;
  return {
    intent: "projects",
    collaboration: turn.dataset.collaboration.id,
    ...(cost?.year ? { year: cost.year } : {}),
    text: lead + parts.join(" "),
    amounts: cost?.amounts ?? [],
    table: cost?.table ?? projectsTable(turn, [p]),
    facts: [...facts(turn, [p]), ...(cost?.facts ?? [])],
  };
}

/** "förstudier", "projekt i införande": what a list of the phases asked holds. */
function phasesLabel(turn: Turn, phases: readonly Project["phase"][]): string {
  return listing(
    phases.map((ph) =>
      ph === "preStudy"
        ? say(turn, "förstudier", "pre-studies")
        : ph === "operations"
          ? say(turn, "tjänster i drift och förvaltning", "services in operation")
          : say(turn, `projekt i fasen ${PHASES[ph].sv}`, `projects in the ${PHASES[ph].en} phase`),
    ),
    turn.lang,
  );
}

/** A project's line in a list, with what the question asks of every project. */
function listLine(turn: Turn, p: Project, q: ProjectQuestion, amounts: AnswerAmount[]): string {
  const bits: string[] = [];
  const overview = q.asks.size === 0;
  if (q.asks.has("phase") || q.asks.has("status") || overview) bits.push(phaseText(turn, p));
  if (q.asks.has("timePlan") || overview)
    bits.push(yearsText(p) ?? say(turn, "ingen tidplan med år", "no time plan in years"));
  if (q.asks.has("cost") || q.asks.has("whoPays")) {
    const total = p.costItem ? projectCost(turn, p).amounts?.find((a) => a.role === "itemTotal") : undefined;
    if (total) {
      amounts.push(total);
      bits.push(
        say(
          turn,
          `${total.item} ${total.year}: totalt ${amountText(total, "sv")}`,
          `${turn.dataset.costItems.find((x) => x.id === total.itemId)?.nameEn ?? total.item} ${total.year}: ${amountText(total, "en")} in total`,
        ),
      );
    } else bits.push(say(turn, "ingen kostnadspost i datat", "no cost item in the data"));
  }
  const status = q.asks.has("status") || overview ? statusText(turn, p) : undefined;
  return `${projectName(turn, p)} — ${bits.join(", ")}.${status ? say(turn, ` Status: ${status}.`, ` Status (in Swedish): ${status}.`) : ""}`;
}

/** An answer's amount as text: "368 800 kr". */
function amountText(a: AnswerAmount, lang: "sv" | "en"): string {
  return money(new Decimal(a.amount), a.unit, lang);
}

/** The projects of the phases asked (or all but those in operation), each with what was asked. */
function listAnswer(turn: Turn, q: ProjectQuestion): Draft {
  const d = turn.dataset;
  const munis = municipalitiesIn(turn).map((m) => m.name);
  const takesPart = (p: Project) =>
    munis.every((m) => p.participants === "allMembers" || p.participants.includes(m));
  const projects =
    q.phases.length > 0
      ? d.projects.filter((p) => q.phases.includes(p.phase))
      : d.projects.filter((p) => p.phase !== "operations" && p.phase !== "closed");
  const shown = projects.filter(takesPart);
  const services =
    q.phases.length > 0 ? [] : d.projects.filter((p) => p.phase === "operations" && takesPart(p));
  const label =
    q.phases.length > 0
      ? phasesLabel(turn, q.phases)
      : say(turn, "projekt och förstudier", "projects and pre-studies");
  const who = munis.length
    ? say(
        turn,
        ` där ${listing(munis, "sv")} deltar`,
        ` that ${listing(munis, "en")} take${munis.length > 1 ? "" : "s"} part in`,
      )
    : "";
  if (shown.length === 0)
    return {
      intent: "projects",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `Det finns inga ${label}${who} i datat för ${collaborationName(turn)}. Projekten är: ${d.projects.map((p) => `${p.name} (${PHASES[p.phase].sv})`).join("; ")}.`,
        `There are no ${label}${who} in the data for ${collaborationName(turn)}. The projects are: ${d.projects.map((p) => `${p.nameEn} (${PHASES[p.phase].en})`).join("; ")}.`,
      ),
      followUps: followUpsFor(turn, d.projects),
      table: projectsTable(turn, d.projects),
      facts: facts(turn, d.projects),
    };
  const amounts: AnswerAmount[] = [];
  const lines = shown.map((p, i) => `${i + 1}. ${listLine(turn, p, q, amounts)}`);
  const lead = say(
    turn,
    `${collaborationName(turn)} har ${shown.length} ${label}${who}:`,
    `${capitalise(collaborationName(turn))} has ${shown.length} ${label}${who}:`,
  );
  const rest = services.length
    ? say(
        turn,
        `I drift och förvaltning dessutom: ${listing(
          services.map((p) => p.name),
          "sv",
        )}.`,
        `In operation as well: ${listing(
          services.map((p) => p.nameEn),
          "en",
        )}.`,
      )
    : "";
  const sources = facts(turn, shown).map((f) => `${f.title}: ${f.value}.`);
  return {
    intent: "projects",
    collaboration: d.collaboration.id,
    text:
      [lead, ...lines, [rest, ...sources].filter(Boolean).join(" ")].join("\n") + interpretationNote(turn),
    amounts,
    followUps: followUpsFor(turn, shown),
    table: projectsTable(turn, [...shown, ...services]),
    facts: facts(turn, shown),
  };
}

/** "Jag tolkade "datacenterprojektet" som Datacenter Norrbotten (DCBD)." for compounds and misspellings. */
function readAs(turn: Turn, q: ProjectQuestion): string {
  return q.named
    .filter((n) => n.how !== "exact")
    .map((n) =>
      say(
        turn,
        ` Jag tolkade "${n.typed}" som ${n.project.name}.`,
        ` I read "${n.typed}" as ${n.project.nameEn}.`,
      ),
    )
    .join("");
}

function answer(turn: Turn): Draft {
  const d = turn.dataset;
  if (d.projects.length === 0) return noProjects(turn);
  const q = readProjectQuestion(turn);
  if (q.named.length === 0) return listAnswer(turn, q);
  const drafts = q.named.map((n) => projectAnswer(turn, n.project, q));
  const first = drafts[0] as Draft;
  const shown = q.named.map((n) => n.project);
  return {
    ...first,
    text: drafts.map((x) => x.text).join("\n\n") + readAs(turn, q) + interpretationNote(turn),
    amounts: drafts.flatMap((x) => x.amounts ?? []),
    followUps: followUpsFor(turn, shown),
    ...(drafts.length > 1 ? { table: projectsTable(turn, shown), facts: facts(turn, shown) } : {}),
  };
}

export const projectsTopic: Topic = { id: "projects", claims, answer };
