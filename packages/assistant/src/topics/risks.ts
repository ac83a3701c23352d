import type { Risk } from "@samverkan/domain";
import { say, type Draft, type Fact, type Turn } from "../draft.js";
import { capitalise, listing } from "../phrases.js";
import { interpretationNote, yearNote } from "../resolve.js";
import { answeredYears, bestMatches, phraseSet, subjectWords, typedSubject } from "./goals-risks-shared.js";
import { decisionAsked, meets, readRiskQuestion, type RiskQuestion } from "./risks-asked.js";
import { decisionText, risksTable } from "./risks-format.js";
import {
  conditionText,
  followUpsFor,
  keyText,
  missingYears,
  noRisks,
  planSource,
  rankText,
  riskDetail,
  riskLine,
} from "./risks-replies.js";
import {
  ACCEPTED_WORDS,
  HANDLING_WORDS,
  NEGATIONS,
  RISK_GENERIC_STEMS,
  RISK_ROW_WORDS,
  RISK_WORDS,
} from "./risks-words.js";
import type { Topic } from "./topic.js";

const rowIndex = phraseSet(RISK_ROW_WORDS);
/** The words that are the question's topic or what it asks (a decision), not its subject. */
const notSubject = phraseSet([
  ...RISK_WORDS.sv,
  ...RISK_WORDS.en,
  ...ACCEPTED_WORDS,
  ...HANDLING_WORDS,
  ...NEGATIONS,
]);

/**
 * Whether the risks topic answers: a risk word, unless the question asks when the plan is decided
 * ("När beslutas internkontrollplanen?", "When is the internal control plan decided?"): that is the
 * årshjul's, as long as no word of the plan's rows (risker, riskvärde, …) is there.
 */
function claims(turn: Turn): boolean {
  const p = turn.parsed;
  if (!p.topicSignals.has("risks")) return false;
  const when = p.signals.has("when");
  if (when && p.signals.has("decide")) return false;
  if ((when || p.signals.has("decide")) && !rowIndex.has(p.words) && !decisionAsked(p.words)) return false;
  return true;
}

/** By a score, highest (or lowest) first; then by risk value, highest first; then in the plan's order. */
function ranked(risks: readonly Risk[], rank?: RiskQuestion["rank"]): Risk[] {
  const key = rank?.key ?? "riskValue";
  const sign = rank?.order === "lowest" ? 1 : -1;
  return [...risks].sort((a, b) => sign * (a[key] - b[key]) || b.riskValue - a.riskValue);
}

/** The lead sentence of a list: what is shown, of how many, from which plan. */
function lead(
  turn: Turn,
  ask: RiskQuestion,
  shown: number,
  counts: { pool: number; all: number; internalControl: number },
  narrowed: boolean,
  source: string,
): string {
  const decided = ask.decision ? decisionText(turn, ask.decision) : "";
  if (ask.rank) {
    const ties =
      shown > ask.rank.n
        ? say(
            turn,
            ` (${shown} i stället för ${ask.rank.n}: flera har samma ${keyText(turn, ask.rank.key)})`,
            ` (${shown} rather than ${ask.rank.n}: several have the same ${keyText(turn, ask.rank.key)})`,
          )
        : "";
    const which = [
      decided ? say(turn, `som ${decided}`, decided) : "",
      ask.condition ? conditionText(turn, ask.condition, "with") : "",
    ].filter(Boolean);
    return say(
      turn,
      `${rankText(turn, ask.rank, shown)}${which.map((w) => ` ${w}`).join("")}${ties}, av ${counts.pool} i ${source}`,
      `${rankText(turn, ask.rank, shown)}${which.map((w) => ` ${w}`).join("")}${ties}, of ${counts.pool} in ${source}`,
    );
  }
  const parts = [
    decided ? say(turn, decided, `are ${decided}`) : "",
    ask.condition ? conditionText(turn, ask.condition, "have") : "",
    narrowed ? say(turn, "gäller det du frågar om", "concern what you ask about") : "",
  ].filter(Boolean);
  if (parts.length > 0)
    return say(
      turn,
      `${shown} av ${counts.all} risker i ${source} ${listing(parts, "sv")}`,
      `${shown} of ${counts.all} risks in ${source} ${listing(parts, "en")}`,
    );
  const ic = counts.internalControl;
  return say(
    turn,
    `${source} har ${shown} risker: ${ic} hanteras via internkontroll och ${shown - ic} accepteras`,
    `${capitalise(source)} has ${shown} risks: ${ic} handled by internal control and ${shown - ic} accepted`,
  );
}

/** The internal-control plan's risks for the years asked, ranked and filtered as asked. */
function answer(turn: Turn): Draft {
  const d = turn.dataset;
  if (d.risks.length === 0) return noRisks(turn);
  const available = [...new Set(d.risks.map((r) => r.year))].sort((a, b) => a - b);
  const ys = answeredYears(turn, available);
  if (ys.years.length === 0) return missingYears(turn, ys, available);
  const year = ys.years[0] as number;
  const all = ranked(d.risks.filter((r) => ys.years.includes(r.year)));
  const ask = readRiskQuestion(turn);
  const source = planSource(turn, year);

  const opening: string[] = [];
  let rows = ask.decision ? all.filter((r) => r.decision === ask.decision) : all;
  const words = subjectWords(turn, notSubject, RISK_GENERIC_STEMS);
  const matched = bestMatches(
    rows,
    (r) => [r.controlPoint, r.controlPointEn, r.responsible, r.method],
    words,
  );
  const narrowed = matched.length > 0 && matched.length < rows.length;
  if (narrowed) rows = matched;
  else if (words.length > 0 && matched.length === 0 && rows.length > 0) {
    const typed = typedSubject(turn, words);
    opening.push(
      say(
        turn,
        `Ingen risk för ${year} nämner "${typed}"; här är alla.`,
        `No risk for ${year} mentions "${typed}"; here are all of them.`,
      ),
    );
  }
  const condition = ask.condition;
  if (condition) rows = rows.filter((r) => meets(r, condition));
  const pool = rows.length;
  if (ask.rank) {
    const key = ask.rank.key;
    rows = ranked(rows, ask.rank);
    const last = rows[Math.min(ask.rank.n, rows.length) - 1];
    // Ties with the last one shown are shown too: the plan gives no order between equal scores.
    if (last)
      rows = rows.filter((r) => (ask.rank?.order === "lowest" ? r[key] <= last[key] : r[key] >= last[key]));
  }

  let text: string;
  const detail = rows.length === 1 && (narrowed || ask.rank !== undefined || pool === 1);
  if (rows.length === 0) {
    const values = listing(
      all.map((r) => String(r[condition?.key ?? "riskValue"])),
      turn.lang,
    );
    const key = keyText(turn, condition?.key ?? "riskValue");
    text = say(
      turn,
      `Ingen risk i ${source}${condition ? ` ${conditionText(turn, condition, "have")}` : ""}${ask.decision ? ` och ${decisionText(turn, ask.decision)}` : ""}. Riskerna har ${key} ${values}.`,
      `No risk in ${source}${condition ? ` has ${conditionText(turn, condition, "with").replace(/^with /, "")}` : ""}${ask.decision ? ` and is ${decisionText(turn, ask.decision)}` : ""}. The risks have the ${key}s ${values}.`,
    );
  } else if (detail) {
    const head = ask.rank
      ? say(
          turn,
          `${rankText(turn, ask.rank, 1)} i ${source} är`,
          `${rankText(turn, ask.rank, 1)} in ${source} is`,
        )
      : say(turn, `Risken i ${source}:`, `The risk in ${source}:`);
    text = riskDetail(turn, rows[0] as Risk, head);
  } else {
    const by = ask.rank && ask.rank.key !== "riskValue" ? keyText(turn, ask.rank.key) : undefined;
    const order = by
      ? say(
          turn,
          `Rangordnade efter ${by}, sedan riskvärde; riskvärde = sannolikhet × konsekvens (1–5 vardera):`,
          `Ranked by ${by}, then risk value; risk value = likelihood × consequence (1–5 each):`,
        )
      : say(
          turn,
          "Rangordnade efter riskvärde = sannolikhet × konsekvens (1–5 vardera):",
          "Ranked by risk value = likelihood × consequence (1–5 each):",
        );
    const counts = {
      pool,
      all: all.length,
      internalControl: rows.filter((r) => r.decision === "internalControl").length,
    };
    text = [
      `${lead(turn, ask, rows.length, counts, narrowed, source)}. ${order}`,
      ...rows.map((r, i) => riskLine(turn, r, i)),
    ].join("\n");
  }
  if (ys.insteadOf !== undefined)
    opening.unshift(
      say(
        turn,
        `Inget år angavs och det finns ingen internkontrollplan för innevarande budgetår ${ys.insteadOf} i datat, så svaret gäller ${year}, den senaste.`,
        `No year was given and the data has no internal-control plan for the current budget year, ${ys.insteadOf}, so this is for ${year}, the latest.`,
      ),
    );
  if (opening.length > 0) text = `${opening.join(" ")} ${text}`;
  const tail = [
    ys.insteadOf === undefined ? yearNote(turn, { value: year, source: ys.source }).trim() : "",
    ys.missing.length > 0
      ? say(
          turn,
          `Det finns ingen internkontrollplan för ${listing(ys.missing.map(String), "sv")} i datat.`,
          `There is no internal-control plan for ${listing(ys.missing.map(String), "en")} in the data.`,
        )
      : "",
    interpretationNote(turn).trim(),
  ]
    .filter(Boolean)
    .join(" ");
  // A list ends with its last risk: what is said about the whole answer goes on a line of its own.
  if (tail) text += `${detail || rows.length === 0 ? " " : "\n"}${tail}`;

  const facts: Fact[] = [
    { title: say(turn, "Källa", "Source"), value: capitalise(source) },
    {
      title: say(turn, "Riskvärde", "Risk value"),
      value: say(turn, "sannolikhet × konsekvens, 1–5 vardera", "likelihood × consequence, 1–5 each"),
    },
  ];
  return {
    intent: "risks",
    collaboration: d.collaboration.id,
    year: { value: year, source: ys.source },
    text,
    amounts: [],
    table: risksTable(turn, rows, ys.years.length > 1),
    facts,
    followUps: followUpsFor(turn, year, ask, narrowed),
  };
}

export const risksTopic: Topic = { id: "risks", claims, answer };
