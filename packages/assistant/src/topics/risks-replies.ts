import type { Dataset, Risk } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { capitalise, listing } from "../phrases.js";
import { interpretationNote } from "../resolve.js";
import {
  collaborationName,
  collaborationsWith,
  documentTitled,
  type AnsweredYears,
} from "./goals-risks-shared.js";
import type { RiskKey, RiskQuestion } from "./risks-asked.js";
import { controlPointText, decisionText, methodText, responsibleText, scoreText } from "./risks-format.js";

/** The sentences of a risks answer: the plan's source, a risk as a line or in full, and the "none" replies. */

/**
 * "Internkontrollplan 2022 (Verksamhetsplan 2022, 004_….txt)": the plan of a year, and where it is
 * printed: the internal-control plan is a section of the year's operational plan.
 */
export function planSource(turn: Turn, year: number): string {
  const plan = `Verksamhetsplan ${year}`;
  const document = documentTitled(turn.dataset, plan);
  const where = document ? `${plan}, ${document}` : plan;
  return say(
    turn,
    `Internkontrollplan ${year} (${where})`,
    `the internal-control plan ${year} (Internkontrollplan ${year}, ${where})`,
  );
}

export function riskLine(turn: Turn, r: Risk, i: number): string {
  return say(
    turn,
    `${i + 1}. "${controlPointText(turn, r)}": ${scoreText(r)}, ${decisionText(turn, r.decision)}. Ansvarig: ${responsibleText(turn, r)}. Metod: ${methodText(turn, r)}.`,
    `${i + 1}. "${controlPointText(turn, r)}": ${scoreText(r)}, ${decisionText(turn, r.decision)}. Responsible: ${responsibleText(turn, r)}. Method: ${methodText(turn, r)}.`,
  );
}

/** One risk in full: the score with its working, the decision, role, method and the plan's analysis. */
export function riskDetail(turn: Turn, r: Risk, head: string): string {
  return say(
    turn,
    `${head} "${controlPointText(turn, r)}", riskvärde ${scoreText(r)} (sannolikhet × konsekvens), ${decisionText(turn, r.decision)}. Ansvarig: ${responsibleText(turn, r)}. Metod: ${methodText(turn, r)}. Analys: "${r.analysis}"`,
    `${head} "${controlPointText(turn, r)}", risk value ${scoreText(r)} (likelihood × consequence), ${decisionText(turn, r.decision)}. Responsible: ${responsibleText(turn, r)}. Method: ${methodText(turn, r)}. Analysis (in Swedish): "${r.analysis}"`,
  );
}

const KEY_WORDS: Record<RiskKey, { sv: string; en: string }> = {
  riskValue: { sv: "riskvärde", en: "risk value" },
  likelihood: { sv: "sannolikhet", en: "likelihood" },
  consequence: { sv: "konsekvens", en: "consequence" },
};

export function keyText(turn: Turn, key: RiskKey): string {
  return say(turn, KEY_WORDS[key].sv, KEY_WORDS[key].en);
}

const OPS_SV = { ">": "över", ">=": "minst", "<": "under", "<=": "högst", "=": "" } as const;
const OPS_EN = { ">": "above", ">=": "at least", "<": "below", "<=": "at most", "=": "" } as const;

/** "med riskvärde över 6" / "with a risk value above 6"; `have`: "har riskvärde över 6" / "have a …". */
export function conditionText(
  turn: Turn,
  c: NonNullable<RiskQuestion["condition"]>,
  form: "with" | "have",
): string {
  const op = say(turn, OPS_SV[c.op], OPS_EN[c.op]);
  const sv = `${form === "with" ? "med" : "har"} ${KEY_WORDS[c.key].sv} ${op ? `${op} ` : ""}${c.n}`;
  const en = `${form === "with" ? "with" : "have"} a ${KEY_WORDS[c.key].en} ${op ? `${op} ` : "of "}${c.n}`;
  return say(turn, sv, en);
}

/**
 * "De 3 största riskerna", "Risken med lägst sannolikhet", "The 2 risks with the highest consequence":
 * what a ranking shows, by its key and end.
 */
export function rankText(turn: Turn, rank: NonNullable<RiskQuestion["rank"]>, k: number): string {
  const high = rank.order === "highest";
  if (rank.key === "riskValue")
    return k === 1
      ? say(
          turn,
          high ? "Den största risken" : "Den minsta risken",
          high ? "The biggest risk" : "The smallest risk",
        )
      : say(
          turn,
          `De ${k} ${high ? "största" : "minsta"} riskerna`,
          `The ${k} ${high ? "biggest" : "smallest"} risks`,
        );
  const key = keyText(turn, rank.key);
  const end = say(turn, high ? "högst" : "lägst", high ? "the highest" : "the lowest");
  return k === 1
    ? say(turn, `Risken med ${end} ${key}`, `The risk with ${end} ${key}`)
    : say(turn, `De ${k} riskerna med ${end} ${key}`, `The ${k} risks with ${end} ${key}`);
}

/** The collaboration has no internal-control plan in the data: say so, and which ones have one. */
export function noRisks(turn: Turn): Draft {
  const d = turn.dataset;
  const others = collaborationsWith(turn, (x) => x.risks.length > 0);
  const names = listing(
    others.map((x) => collaborationName(turn, x)),
    turn.lang,
  );
  const latest = (x: Dataset) => Math.max(...x.risks.map((r) => r.year));
  return {
    intent: "risks",
    collaboration: d.collaboration.id,
    text:
      say(
        turn,
        `${collaborationName(turn, d)} har ingen internkontrollplan eller riskanalys i datat.`,
        `${capitalise(collaborationName(turn, d))} has no internal-control plan or risk analysis in the data.`,
      ) + (others.length > 0 ? say(turn, ` Det finns för ${names}.`, ` There is one for ${names}.`) : ""),
    amounts: [],
    followUps: others.flatMap((x) => [
      say(
        turn,
        `Vilka risker finns för ${x.collaboration.name} ${latest(x)}?`,
        `What are the risks of ${collaborationName(turn, x)} in ${latest(x)}?`,
      ),
      say(turn, `Vilka är de största riskerna ${latest(x)}?`, `What are the biggest risks in ${latest(x)}?`),
    ]),
  };
}

/** The years asked for have no internal-control plan: say which years have one. */
export function missingYears(turn: Turn, ys: AnsweredYears, available: readonly number[]): Draft {
  const asked = listing(ys.missing.map(String), turn.lang);
  const have = listing(available.map(String), turn.lang);
  return {
    intent: "risks",
    collaboration: turn.dataset.collaboration.id,
    year: { value: ys.missing[0] ?? turn.now.year, source: ys.source },
    text:
      say(
        turn,
        `Det finns ingen internkontrollplan för ${asked} i datat. Det finns för ${have}.`,
        `There is no internal-control plan for ${asked} in the data. There is for ${have}.`,
      ) + interpretationNote(turn),
    amounts: [],
    followUps: available
      .slice(-2)
      .flatMap((y) => [
        say(turn, `Vilka risker finns ${y}?`, `What are the risks in ${y}?`),
        say(turn, `Vilka är de största riskerna ${y}?`, `What are the biggest risks in ${y}?`),
      ]),
  };
}

/** Two to four next questions, in the answer's language, that the risks topic answers. */
export function followUpsFor(turn: Turn, year: number, asked: RiskQuestion, narrowed: boolean): string[] {
  const list: string[] = [];
  if (narrowed || asked.decision || asked.rank || asked.condition)
    list.push(say(turn, `Vilka risker finns ${year}?`, `What are the risks in ${year}?`));
  if (!asked.rank)
    list.push(say(turn, `Vilka är de största riskerna ${year}?`, `What are the biggest risks in ${year}?`));
  if (asked.decision !== "accepted")
    list.push(say(turn, `Vilka risker accepteras ${year}?`, `Which risks are accepted in ${year}?`));
  if (asked.decision !== "internalControl")
    list.push(
      say(
        turn,
        `Vilka risker hanteras via internkontroll ${year}?`,
        `Which risks are handled by internal control in ${year}?`,
      ),
    );
  if (turn.dataset.goals.some((g) => g.year === year))
    list.push(say(turn, `Vilka mål har nämnden ${year}?`, `What are the committee's goals for ${year}?`));
  return list.slice(0, 4);
}
