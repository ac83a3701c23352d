import type { Risk } from "@samverkan/domain";
import type { Turn } from "../draft.js";
import { PhraseIndex, type Word } from "../text.js";
import { phraseSet } from "./goals-risks-shared.js";
import {
  ACCEPTED_WORDS,
  COMPARISONS,
  HANDLING_WORDS,
  INTERNAL_CONTROL_WORDS,
  KEY_STEMS,
  LOW_STEMS,
  NEGATIONS,
  NUMBER_WORDS,
  RISK_PLAN_WORDS,
  RISK_ROW_WORDS,
  TOP_STEMS,
  TOP_WORDS,
} from "./risks-words.js";

/** What a risk question asks beyond "which risks": a decision, a ranking, a condition on a score. */

/** The score a question ranks or filters by: the risk value unless it names likelihood or consequence. */
export type RiskKey = "riskValue" | "likelihood" | "consequence";

export interface RiskQuestion {
  /** "Vilka risker accepteras?", "handled by internal control" (negated: "inte accepteras"). */
  readonly decision?: Risk["decision"];
  /** "De tre största", "the biggest risk", "lägst sannolikhet": how many, by what, which end. */
  readonly rank?: { readonly n: number; readonly key: RiskKey; readonly order: "highest" | "lowest" };
  /** "Riskvärde över 6", "sannolikhet 3", "risk value at least 8". */
  readonly condition?: { readonly op: Comparison; readonly n: number; readonly key: RiskKey };
}

export type Comparison = ">" | ">=" | "<" | "<=" | "=";

const rowIndex = phraseSet(RISK_ROW_WORDS);
const acceptedIndex = phraseSet(ACCEPTED_WORDS);
const handlingIndex = phraseSet(HANDLING_WORDS);
const negationIndex = phraseSet(NEGATIONS);
/** Internal-control words and the plan's names: the longest match wins, so "internal control plan" is the plan. */
const controlIndex = new PhraseIndex<"plan" | "control">();
for (const w of RISK_PLAN_WORDS) controlIndex.add(w, "plan");
for (const w of INTERNAL_CONTROL_WORDS) controlIndex.add(w, "control");
const comparisonIndex = new PhraseIndex<Comparison>();
for (const [phrase, op] of COMPARISONS) comparisonIndex.add(phrase, op);

const isNumber = (w: Word | undefined) => !!w && /^\d+$/.test(w.fold) && Number(w.fold) > 0;

/** Whether a word negates a decision word next to it ("inte accepteras", "accepteras inte", "not handled"). */
function negatedAt(words: readonly Word[], start: number, end: number): boolean {
  return negationIndex
    .find(words)
    .some((m) => (m.end <= start && start - m.end <= 1) || (m.start >= end && m.start - end <= 0));
}

/** The decision the question filters by, if it names one (and not both). */
export function decisionAsked(words: readonly Word[]): Risk["decision"] | undefined {
  const accepted = acceptedIndex.find(words);
  const control = controlIndex.find(words).filter((m) => m.value === "control");
  const handling = handlingIndex.find(words);
  const asksControl = control.length > 0 && handling.length > 0;
  if (accepted.length > 0 === asksControl) return undefined;
  const spans = accepted.length > 0 ? accepted : [...handling, ...control];
  const negated = spans.some((m) => negatedAt(words, m.start, m.end));
  const asked = accepted.length > 0 ? "accepted" : "internalControl";
  if (!negated) return asked;
  return asked === "accepted" ? "internalControl" : "accepted";
}

function keyAsked(words: readonly Word[]): RiskKey {
  for (const [key, stems] of Object.entries(KEY_STEMS) as [RiskKey, readonly string[]][])
    if (words.some((w) => stems.some((s) => w.fold.startsWith(s)))) return key;
  return "riskValue";
}

/** "över 6", "at least 8", "riskvärde 8": a comparison word (or a score word) and the number after it. */
function conditionAsked(words: readonly Word[], key: RiskKey): RiskQuestion["condition"] {
  for (const m of comparisonIndex.find(words)) {
    const next = words[m.end];
    if (isNumber(next)) return { op: m.value, n: Number(next?.fold), key };
  }
  const keyed = key !== "riskValue" || words.some((w) => /^(riskvard|value|score|poang)/.test(w.fold));
  const number = words.find((w, i) => isNumber(w) && !isRankNumber(words, i));
  return keyed && number ? { op: "=", n: Number(number.fold), key } : undefined;
}

const extreme = (w: Word | undefined): "highest" | "lowest" | undefined => {
  if (!w) return undefined;
  if (TOP_WORDS.includes(w.fold) || TOP_STEMS.some((s) => w.fold.startsWith(s))) return "highest";
  if (LOW_STEMS.some((s) => w.fold.startsWith(s))) return "lowest";
  return undefined;
};

/** A number next to a ranking word: "top 3", "de 3 största", "the 2 biggest". */
function isRankNumber(words: readonly Word[], i: number): boolean {
  return (
    [i - 1, i + 1, i + 2].some((j) => extreme(words[j]) !== undefined) &&
    !comparisonIndex.get(words[i - 1]?.fold ?? "")
  );
}

/**
 * "De tre största riskerna", "top 3", "the biggest risk", "lägst sannolikhet": a number next to the
 * ranking word gives how many; without one a singular risk word ("risken", "risk") means one and a
 * plural three.
 */
function rankAsked(words: readonly Word[], key: RiskKey): RiskQuestion["rank"] {
  const at = words.findIndex(
    (w, i) => extreme(w) !== undefined && !(comparisonIndex.get(w.fold) && isNumber(words[i + 1])),
  );
  if (at < 0) return undefined;
  const order = extreme(words[at]) as "highest" | "lowest";
  for (const i of [at + 1, at - 1, at - 2]) {
    const w = words[i];
    if (!w) continue;
    if (isNumber(w)) return { n: Number(w.fold), key, order };
    const n = NUMBER_WORDS[w.lower];
    if (n !== undefined) return { n, key, order };
  }
  const plural = rowIndex.find(words).some((m) =>
    /^(risker|riskerna|riskernas|risks|therisks|risjer|rsiker|riskerana|rsiks|riks)$/.test(
      words
        .slice(m.start, m.end)
        .map((w) => w.fold)
        .join(""),
    ),
  );
  return { n: plural ? 3 : 1, key, order };
}

/** Reads what the question asks of the plan's rows. */
export function readRiskQuestion(turn: Turn): RiskQuestion {
  const words = turn.parsed.words;
  const key = keyAsked(words);
  const decision = decisionAsked(words);
  const condition = conditionAsked(words, key);
  const rank = condition ? undefined : rankAsked(words, key);
  return {
    ...(decision ? { decision } : {}),
    ...(rank ? { rank } : {}),
    ...(condition ? { condition } : {}),
  };
}

/** Whether a risk meets the condition. */
export function meets(r: Risk, c: NonNullable<RiskQuestion["condition"]>): boolean {
  const v = r[c.key];
  switch (c.op) {
    case ">":
      return v > c.n;
    case ">=":
      return v >= c.n;
    case "<":
      return v < c.n;
    case "<=":
      return v <= c.n;
    case "=":
      return v === c.n;
  }
}
