import type { Goal } from "@samverkan/domain";
import { say, type Draft, type Fact, type Turn } from "../draft.js";
import { capitalise, listing } from "../phrases.js";
import { interpretationNote, municipalitiesIn, yearNote } from "../resolve.js";
import {
  followUpSource,
  forecastText,
  goalsTable,
  goalText,
  kindText,
  latestFollowUp,
  measurementsText,
  targetText,
  type FollowUp,
} from "./goals-format.js";
import {
  answeredYears,
  bestMatches,
  collaborationName,
  collaborationsWith,
  documentTitled,
  phraseSet,
  subjectWords,
  typedSubject,
  type AnsweredYears,
} from "./goals-risks-shared.js";
import { AT_RISK_PHRASES, GOAL_GENERIC_STEMS, GOAL_WORDS, INDICATOR_WORDS } from "./goals-words.js";
import type { Topic } from "./topic.js";

const ALL_GOAL_WORDS = [...GOAL_WORDS.sv, ...GOAL_WORDS.en];
const indicatorIndex = phraseSet(INDICATOR_WORDS);
const goalOnlyIndex = phraseSet(ALL_GOAL_WORDS.filter((w) => !INDICATOR_WORDS.includes(w)));
const atRiskIndex = phraseSet(AT_RISK_PHRASES);
/** The words that are the question's topic, not its subject. */
const notSubject = phraseSet([...ALL_GOAL_WORDS, ...AT_RISK_PHRASES]);

/**
 * Whether the goals topic answers: a goal or indicator word, and neither a risk question (the risks'
 * texts speak of mål: "plan för tid, mål och budget") nor a question about measured attendance ("Når
 * nämnden målet om 75 % närvaro?", with a number or a meeting date: the attendance intent's).
 */
function claims(turn: Turn): boolean {
  const p = turn.parsed;
  if (!p.topicSignals.has("goals")) return false;
  const atRisk = atRiskIndex.has(p.words);
  if (p.topicSignals.has("risks") && !atRisk) return false;
  const measured =
    p.words.some((w) => /^\d+$/.test(w.fold)) || p.dates.length > 0 || p.months.length > 0 || p.meetingWord;
  if (p.signals.has("attendance") && measured) return false;
  return true;
}

/** "Verksamhetsplan 2022 (004_….txt)": the plan the goals of a year are printed in. */
function planSource(turn: Turn, year: number): string {
  const title = `Verksamhetsplan ${year}`;
  const document = documentTitled(turn.dataset, title);
  const name = say(turn, title, `operational plan ${title}`);
  return document ? `${name}, ${document}` : name;
}

/** "6 mål och 5 indikatorer" / "6 goals and 5 indicators". */
function countText(turn: Turn, goals: readonly Goal[]): string {
  const n = goals.filter((g) => g.kind === "goal").length;
  const i = goals.length - n;
  const parts = [
    n > 0 ? say(turn, `${n} mål`, `${n} goal${n === 1 ? "" : "s"}`) : "",
    i > 0 ? say(turn, `${i} indikator${i === 1 ? "" : "er"}`, `${i} indicator${i === 1 ? "" : "s"}`) : "",
  ].filter(Boolean);
  return listing(parts, turn.lang);
}

const sourceKey = (f: FollowUp) => `${f.report}|${f.asOf}`;

/** "Uppföljning i Delårsrapport … (per 31 maj 2022): 8 kommer att nås, 2 …; 1 har ingen uppföljning." */
function followUpSummary(turn: Turn, goals: readonly Goal[]): string {
  const groups = new Map<string, { f: FollowUp; counts: Map<string, number> }>();
  let none = 0;
  for (const g of goals) {
    const f = latestFollowUp(g);
    if (!f) {
      none++;
      continue;
    }
    const group = groups.get(sourceKey(f)) ?? { f, counts: new Map<string, number>() };
    const word = forecastText(turn, f.forecast);
    group.counts.set(word, (group.counts.get(word) ?? 0) + 1);
    groups.set(sourceKey(f), group);
  }
  const parts = [...groups.values()].map(({ f, counts }) =>
    say(
      turn,
      `Uppföljning i ${followUpSource(turn, f)}: ${[...counts].map(([w, n]) => `${n} ${w}`).join(", ")}`,
      `Follow-up in ${followUpSource(turn, f)}: ${[...counts].map(([w, n]) => `${n} ${w}`).join(", ")}`,
    ),
  );
  if (none > 0) parts.push(say(turn, `${none} följs inte upp`, `${none} not followed up`));
  return parts.length > 0 ? `${parts.join("; ")}.` : "";
}

/** One goal as a line of the list; the report is named when it is not the one the summary names. */
function goalLine(turn: Turn, g: Goal, commonSource: string | undefined): string {
  const f = latestFollowUp(g);
  const target = targetText(turn, g);
  const measured = measurementsText(turn, f);
  const where = f && sourceKey(f) !== commonSource ? ` (${followUpSource(turn, f)})` : "";
  return [
    `– ${kindText(turn, g, true)}: ${goalText(turn, g)}.`,
    target ? say(turn, ` Målvärde: ${target}.`, ` Target: ${target}.`) : "",
    f
      ? say(
          turn,
          ` Prognos${where}: ${forecastText(turn, f.forecast)}.`,
          ` Forecast${where}: ${forecastText(turn, f.forecast)}.`,
        )
      : say(turn, " Ingen uppföljning.", " Not followed up."),
    measured ? say(turn, ` Mätning: ${measured}.`, ` Measured: ${measured}.`) : "",
  ].join("");
}

/** One goal in full: target, the latest follow-up with its measurements, and the report's comment. */
function goalDetail(turn: Turn, g: Goal, year: number): string {
  const f = latestFollowUp(g);
  const target = targetText(turn, g);
  const kind = kindText(turn, g, true);
  let text = say(
    turn,
    `${kind === "Mål" ? "Målet" : "Indikatorn"} "${goalText(turn, g)}" (${planSource(turn, year)}).`,
    `The ${kindText(turn, g)} "${goalText(turn, g)}" (${planSource(turn, year)}).`,
  );
  if (target) text += say(turn, ` Målvärde: ${target}.`, ` Target: ${target}.`);
  if (!f) {
    const reports = [
      ...new Set(
        turn.dataset.goals.filter((x) => x.year === g.year).flatMap((x) => x.followUps.map((y) => y.report)),
      ),
    ];
    return (
      text +
      (reports.length > 0
        ? say(
            turn,
            ` Den följs inte upp i ${listing(reports, "sv")}.`,
            ` It is not followed up in ${listing(reports, "en")}.`,
          )
        : say(turn, " Ingen uppföljning finns i datat.", " The data has no follow-up of it."))
    );
  }
  const measured = measurementsText(turn, f);
  text += say(
    turn,
    ` Uppföljning i ${followUpSource(turn, f)}: prognos ${forecastText(turn, f.forecast)}.`,
    ` Follow-up in ${followUpSource(turn, f)}: forecast ${forecastText(turn, f.forecast)}.`,
  );
  if (measured) text += say(turn, ` Mätning: ${measured}.`, ` Measured: ${measured}.`);
  const comment = f.comment.replace(/\s*\n\s*/g, " / ");
  return (
    text +
    say(turn, ` Rapportens kommentar: "${comment}"`, ` The report's comment (in Swedish): "${comment}"`)
  );
}

/** The collaboration has no goals at all: say so, and which collaborations have them. */
function noGoals(turn: Turn): Draft {
  const d = turn.dataset;
  const others = collaborationsWith(turn, (x) => x.goals.length > 0);
  const name = (x: typeof d) => collaborationName(turn, x);
  const latest = (x: typeof d) => Math.max(...x.goals.map((g) => g.year));
  return {
    intent: "goals",
    collaboration: d.collaboration.id,
    text:
      say(
        turn,
        `${name(d)} har inga mål eller indikatorer i datat.`,
        `${capitalise(name(d))} has no goals or indicators in the data.`,
      ) +
      (others.length > 0
        ? say(
            turn,
            ` Mål och indikatorer finns för ${listing(others.map(name), "sv")}.`,
            ` Goals and indicators are there for ${listing(others.map(name), "en")}.`,
          )
        : ""),
    followUps: others.flatMap((x) => [
      say(
        turn,
        `Vilka mål har ${x.collaboration.name} ${latest(x)}?`,
        `What are the goals of ${collaborationName(turn, x)} for ${latest(x)}?`,
      ),
      say(turn, `Hur går det med målen ${latest(x)}?`, `How are the goals going in ${latest(x)}?`),
    ]),
  };
}

/** The years asked for have no goals: say which years have them. */
function missingYears(turn: Turn, ys: AnsweredYears, available: readonly number[]): Draft {
  const asked = listing(ys.missing.map(String), turn.lang);
  const have = listing(available.map(String), turn.lang);
  return {
    intent: "goals",
    collaboration: turn.dataset.collaboration.id,
    year: { value: ys.missing[0] ?? turn.now.year, source: ys.source },
    text:
      say(
        turn,
        `Det finns inga mål eller indikatorer för ${asked} i datat. Mål finns för ${have}.`,
        `There are no goals or indicators for ${asked} in the data. There are goals for ${have}.`,
      ) + interpretationNote(turn),
    followUps: available
      .slice(-2)
      .flatMap((y) => [
        say(turn, `Vilka mål har nämnden ${y}?`, `What are the committee's goals for ${y}?`),
        say(turn, `Hur går det med målen ${y}?`, `How are the goals going in ${y}?`),
      ]),
  };
}

function followUpsFor(
  turn: Turn,
  year: number,
  shown: readonly Goal[],
  all: readonly Goal[],
  kind: "all" | "filtered",
): string[] {
  const atRisk = all.filter((g) => ["atRisk", "notMet"].includes(latestFollowUp(g)?.forecast ?? ""));
  const list: string[] = [];
  if (kind === "filtered" || shown.length === 1)
    list.push(say(turn, `Vilka mål har nämnden ${year}?`, `What are the committee's goals for ${year}?`));
  if (atRisk.length > 0 && !shown.every((g) => atRisk.includes(g)))
    list.push(say(turn, `Vilka mål riskerar att inte nås ${year}?`, `Which goals are at risk in ${year}?`));
  if (!shown.every((g) => g.kind === "indicator"))
    list.push(say(turn, `Vilka indikatorer finns ${year}?`, `Which indicators are there for ${year}?`));
  if (shown.some((g) => g.target?.metric === "attendanceRate"))
    list.push(
      say(turn, "Hur var närvaron på sammanträdena?", "What was the attendance at the committee meetings?"),
    );
  if (turn.dataset.risks.some((r) => r.year === year))
    list.push(say(turn, `Vilka risker finns ${year}?`, `What are the risks in ${year}?`));
  return list.slice(0, 4);
}

/** The goals (and indicators) of the years asked, filtered by what the question names. */
function answer(turn: Turn): Draft {
  const d = turn.dataset;
  const p = turn.parsed;
  if (d.goals.length === 0) return noGoals(turn);
  const available = [...new Set(d.goals.map((g) => g.year))].sort((a, b) => a - b);
  const ys = answeredYears(turn, available);
  if (ys.years.length === 0) return missingYears(turn, ys, available);
  const year = ys.years[0] as number;
  const ofYears = d.goals.filter((g) => ys.years.includes(g.year));

  let shown = ofYears;
  let filter: "all" | "filtered" = "all";
  const notes: string[] = [];
  const opening: string[] = [];
  if (indicatorIndex.has(p.words) && !goalOnlyIndex.has(p.words))
    shown = shown.filter((g) => g.kind === "indicator");
  let lead: string | undefined;
  if (atRiskIndex.has(p.words)) {
    const atRisk = shown.filter((g) => ["atRisk", "notMet"].includes(latestFollowUp(g)?.forecast ?? ""));
    filter = "filtered";
    lead = say(
      turn,
      `Av ${countText(turn, shown)} för ${year} (${planSource(turn, year)}) har ${atRisk.length} en prognos om att inte nås.`,
      `Of the ${countText(turn, shown)} for ${year} (${planSource(turn, year)}), ${atRisk.length} are forecast not to be met.`,
    );
    shown = atRisk;
  }
  const words = subjectWords(turn, notSubject, GOAL_GENERIC_STEMS);
  const matched = bestMatches(shown, (g) => [g.text, g.textEn], words);
  if (matched.length > 0 && matched.length < shown.length) {
    shown = matched;
    filter = "filtered";
  } else if (words.length > 0 && matched.length === 0 && shown.length > 0) {
    const typed = typedSubject(turn, words);
    opening.push(
      say(
        turn,
        `Inget av målen för ${year} nämner "${typed}"; här är alla.`,
        `No goal for ${year} mentions "${typed}"; here are all of them.`,
      ),
    );
  }

  let text: string;
  const detail = shown.length === 1 && (filter === "filtered" || ofYears.length === 1);
  if (detail) {
    text = goalDetail(turn, shown[0] as Goal, (shown[0] as Goal).year);
  } else {
    const summary = followUpSummary(turn, shown);
    const sources = new Set(
      shown.flatMap((g) => {
        const f = latestFollowUp(g);
        return f ? [sourceKey(f)] : [];
      }),
    );
    const common = sources.size === 1 ? [...sources][0] : undefined;
    const years = listing(ys.years.map(String), turn.lang);
    lead ??=
      filter === "filtered"
        ? say(
            turn,
            `Av ${countText(turn, ofYears)} för ${years} (${planSource(turn, year)}) handlar ${countText(turn, shown)} om det du frågar om.`,
            `Of the ${countText(turn, ofYears)} for ${years} (${planSource(turn, year)}), ${countText(turn, shown)} concern what you ask about.`,
          )
        : say(
            turn,
            `${d.collaboration.name} har ${countText(turn, shown)} för ${years} (${planSource(turn, year)}).`,
            `${d.collaboration.nameEn} has ${countText(turn, shown)} for ${years} (${planSource(turn, year)}).`,
          );
    text = [lead, summary, ...shown.map((g) => goalLine(turn, g, common))].filter(Boolean).join("\n");
  }

  if (ys.insteadOf !== undefined)
    opening.unshift(
      say(
        turn,
        `Inget år angavs och det finns inga mål för innevarande budgetår ${ys.insteadOf} i datat, så svaret gäller ${year}, det senaste året med mål.`,
        `No year was given and the data has no goals for the current budget year, ${ys.insteadOf}, so this is for ${year}, the latest year with goals.`,
      ),
    );
  else notes.push(yearNote(turn, { value: year, source: ys.source }).trim());
  if (ys.missing.length > 0)
    notes.push(
      say(
        turn,
        `Det finns inga mål för ${listing(ys.missing.map(String), "sv")} i datat.`,
        `There are no goals for ${listing(ys.missing.map(String), "en")} in the data.`,
      ),
    );
  const munis = municipalitiesIn(turn).map((m) => m.name);
  if (munis.length > 0)
    notes.push(
      say(
        turn,
        `Målen är nämndens gemensamma, inte ${listing(munis, "sv")} för sig.`,
        `The goals are the committee's, not ${listing(munis, "en")}'s own.`,
      ),
    );
  if (opening.length > 0) text = `${opening.join(" ")} ${text}`;
  const tail = [...notes, interpretationNote(turn).trim()].filter(Boolean).join(" ");
  // A list ends with its last goal: what is said about the whole answer goes on a line of its own.
  if (tail) text += `${detail ? " " : "\n"}${tail}`;

  const reports = [
    ...new Map(
      shown.flatMap((g) => {
        const f = latestFollowUp(g);
        return f ? [[sourceKey(f), f] as const] : [];
      }),
    ).values(),
  ];
  const facts: Fact[] = [
    { title: say(turn, "Källa", "Source"), value: planSource(turn, year) },
    ...reports.map((f) => ({ title: say(turn, "Uppföljning", "Follow-up"), value: followUpSource(turn, f) })),
  ];
  return {
    intent: "goals",
    collaboration: d.collaboration.id,
    year: { value: year, source: ys.source },
    text,
    amounts: [],
    table: goalsTable(turn, shown, ys.years.length > 1),
    facts,
    followUps: followUpsFor(turn, year, shown, ofYears, filter),
  };
}

export const goalsTopic: Topic = { id: "goals", claims, answer };
