import { Decimal } from "@samverkan/domain";
import type { Turn } from "../draft.js";
import type { NamedMunicipality } from "../parse.js";
import { PhraseIndex, tokenize, type Word } from "../text.js";
import {
  BETWEEN,
  CONDITIONALS,
  CONSEQUENCE,
  CUT_VERBS,
  DOUBLE_WORDS,
  EQUAL_PHRASES,
  HALF_WORDS,
  HALVE_WORDS,
  INSTEAD,
  JOIN_AFTER,
  JOIN_BEFORE,
  LEAVE_AFTER,
  LEAVE_BEFORE,
  MARKERS_EN,
  MARKERS_SV,
  MIXED_PHRASES,
  POPULATION_PHRASES,
  RAISE_VERBS,
  SPLIT_VERBS,
  WHEN,
} from "./what-if-words.js";

/**
 * Reading a hypothetical: which municipalities would leave or join (by the verb beside each name, so
 * "om Kalix lämnar och Arjeplog går med" is one of each), which model would replace today's, and
 * whether the total would change. Only the question's words are read here; what can be computed is
 * decided against the data in what-if.ts.
 */

type Category =
  | "marker"
  | "if"
  | "when"
  | "aux"
  | "leaveAfter"
  | "leaveBefore"
  | "joinAfter"
  | "joinBefore"
  | "between"
  | "populationPer"
  | "populationBy"
  | "equal"
  | "mixed"
  | "half"
  | "split"
  | "pay"
  | "instead"
  | "raise"
  | "cut"
  | "double"
  | "halve";

/** Verbs of paying: a model change with them only by unambiguous words ("efter invånarantal", "lika"). */
const PAY_VERBS = new Set(["betalar", "betalade", "betala", "paid", "pay", "pays", "charged"]);

const index = new PhraseIndex<Category>();
{
  // Longer phrases win regardless of order (the index matches the longest run); among equal keys the
  // first added wins, so the more specific categories come first.
  const add = (phrases: readonly string[], c: Category) => {
    for (const p of phrases) index.add(p, c);
  };
  add([...MARKERS_SV, ...MARKERS_EN], "marker");
  add(MIXED_PHRASES, "mixed");
  add(LEAVE_AFTER, "leaveAfter");
  add(JOIN_AFTER, "joinAfter");
  add(LEAVE_BEFORE, "leaveBefore");
  add(JOIN_BEFORE, "joinBefore");
  add(
    POPULATION_PHRASES.filter((p) => p.startsWith("per ")),
    "populationPer",
  );
  add(
    POPULATION_PHRASES.filter((p) => !p.startsWith("per ")),
    "populationBy",
  );
  add(EQUAL_PHRASES, "equal");
  add(HALF_WORDS, "half");
  add(INSTEAD, "instead");
  add(RAISE_VERBS, "raise");
  add(CUT_VERBS, "cut");
  add(DOUBLE_WORDS, "double");
  add(HALVE_WORDS, "halve");
  add(
    SPLIT_VERBS.filter((v) => PAY_VERBS.has(v)),
    "pay",
  );
  add(
    SPLIT_VERBS.filter((v) => !PAY_VERBS.has(v)),
    "split",
  );
  add(["om", "ifall", "if", "i fall"], "if");
  add(CONSEQUENCE, "if");
  add(WHEN, "when");
  add(
    CONDITIONALS.filter((c) => !["om", "ifall", "if"].includes(c)),
    "aux",
  );
  add(BETWEEN, "between");
}

/** Words that ask what the others pay: "vad betalar de andra?". */
const OTHERS = new Set(["andra", "ovriga", "others", "rest", "resten", "everyone", "alla", "remaining"]);

/** A municipality and whether the question has it leave or join. */
export interface Mover {
  readonly municipality: NamedMunicipality;
  readonly kind: "leave" | "join";
}

/** Another total: scaled ("höjs med 10 %") or named ("om e-arkivet kostar 400 000 kr"). */
export type TotalChange =
  | { readonly kind: "scale"; readonly factor: Decimal; readonly typed: string }
  | { readonly kind: "total"; readonly value: Decimal; readonly unit: "kr" | "tkr"; readonly typed: string };

export interface ScenarioRequest {
  /** Whether the question is a hypothetical at all: the topic claims it. */
  readonly hypothetical: boolean;
  readonly movers: readonly Mover[];
  /** Municipalities named with no verb of their own ("vad betalar Luleå om Kalix lämnar?"). */
  readonly focus: readonly NamedMunicipality[];
  /** A verb of leaving or joining with no municipality to it ("om en kommun lämnar"). */
  readonly moverWithoutName?: "leave" | "join";
  readonly model?: { readonly type: "population" | "equal" | "mixed"; readonly typed: string };
  /** "med 2020 års befolkning": the population year the model would use. */
  readonly populationYear?: { readonly year: number; readonly typed: string };
  readonly total?: TotalChange;
  /** A change in words the scenario cannot be computed from ("om budgeten höjs" without how much). */
  readonly vague?: string;
}

interface Match {
  readonly start: number;
  readonly end: number;
  readonly c: Category;
}

/** The category of each word (undefined for a word of no category), and the matches in order. */
function categorise(words: readonly Word[]): { at: (Category | undefined)[]; matches: Match[] } {
  const matches = index.find(words).map((m) => ({ start: m.start, end: m.end, c: m.value }));
  const at: (Category | undefined)[] = words.map(() => undefined);
  for (const m of matches) for (let i = m.start; i < m.end; i++) at[i] = m.c;
  return { at, matches };
}

/** How many words a municipality's mention spans ("Luleå kommun" is two). */
function spanOf(m: NamedMunicipality): number {
  return Math.max(1, tokenize(m.typed).length);
}

/** The verb that goes with the municipality at `start`–`end`: after it, or before it for "utan"/"add". */
function verbOf(
  start: number,
  end: number,
  at: readonly (Category | undefined)[],
  isName: (i: number) => boolean,
): { kind: "leave" | "join"; before: boolean } | undefined {
  const skip = (i: number) => isName(i) || at[i] === "between" || at[i] === "aux";
  let j = end;
  while (j < at.length && skip(j)) j++;
  if (at[j] === "leaveAfter") return { kind: "leave", before: false };
  if (at[j] === "joinAfter") return { kind: "join", before: false };
  j = start - 1;
  while (j >= 0 && skip(j)) j--;
  if (at[j] === "leaveBefore") return { kind: "leave", before: true };
  if (at[j] === "joinBefore") return { kind: "join", before: true };
  return undefined;
}

const PERCENT = /(?<![\p{L}\p{N}])(\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent|percent|per cent)(?![\p{L}])/iu;
const POPULATION_YEAR = [
  /(?:med|använder|använda|using|with|use|uses)\s+(?:befolkning\p{L}*|invånarantal\p{L}*|folkmängd\p{L}*|population\p{L}*)(?:\s+(?:figures|siffror|numbers))?\s+(?:från|för|of|for|from|in|år)?\s*((?:19|20)\d{2})(?!\d)/iu,
  /(?<!\d)((?:19|20)\d{2})\s*(?:års|år|'s|s)?\s+(?:befolkning\p{L}*|invånarantal\p{L}*|folkmängd\p{L}*|befolkningssiffr\p{L}*|population\p{L}*|census)/iu,
  /(?:befolkning\p{L}*|invånarantal\p{L}*|folkmängd\p{L}*|befolkningssiffr\p{L}*|population\p{L}*|census)(?:\s+(?:figures|siffror|numbers))?\s+(?:från|för|per|of|for|from|at|år|den\s+31\s+december|31\s+december|31\s+dec|at\s+the\s+end\s+of)\s+((?:19|20)\d{2})(?!\d)/iu,
];

/** Reads the scenario the question asks about. */
export function readScenario(turn: Turn): ScenarioRequest {
  const p = turn.parsed;
  const words = p.words;
  const { at, matches } = categorise(words);
  const has = (c: Category) => matches.some((m) => m.c === c);
  const firstOf = (c: Category) => matches.find((m) => m.c === c)?.start ?? -1;

  const spans = p.municipalities.map((m) => ({ m, start: m.at, end: m.at + spanOf(m) }));
  const isName = (i: number) => spans.some((s) => i >= s.start && i < s.end);
  const movers: Mover[] = [];
  const focus: NamedMunicipality[] = [];
  let before = false;
  for (const s of spans) {
    const verb = verbOf(s.start, s.end, at, isName);
    if (verb) {
      movers.push({ municipality: s.m, kind: verb.kind });
      before ||= verb.before;
    } else focus.push(s.m);
  }
  const verbMatches = matches.filter((m) => ["leaveAfter", "joinAfter"].includes(m.c));
  const moverWithoutName =
    movers.length === 0 && verbMatches[0]
      ? verbMatches[0].c === "leaveAfter"
        ? "leave"
        : "join"
      : undefined;

  // Another model: a model phrase beside a verb of splitting, or "i stället".
  const instead = has("instead");
  const split = has("split");
  const pay = has("pay");
  const typedOf = (m: Match) => p.question.slice(words[m.start]?.start ?? 0, words[m.end - 1]?.end ?? 0);
  const phrase = (c: Category) => matches.find((m) => m.c === c);
  let model: ScenarioRequest["model"];
  const mixed = phrase("mixed");
  const half = phrase("half");
  const per = phrase("populationPer");
  const by = phrase("populationBy");
  const equal = phrase("equal");
  const population = by ?? per;
  if (mixed) model = { type: "mixed", typed: typedOf(mixed) };
  else if (half && population && equal)
    model = {
      type: "mixed",
      typed: p.question.slice(
        words[Math.min(half.start, population.start, equal.start)]?.start ?? 0,
        words[Math.max(population.end, equal.end) - 1]?.end ?? 0,
      ),
    };
  else if (by && (split || pay || instead)) model = { type: "population", typed: typedOf(by) };
  else if (per && (split || instead)) model = { type: "population", typed: typedOf(per) };
  else if (equal && (split || pay || instead)) model = { type: "equal", typed: typedOf(equal) };

  let populationYear: ScenarioRequest["populationYear"];
  for (const re of POPULATION_YEAR) {
    const m = re.exec(p.question);
    if (m?.[1]) {
      populationYear = { year: Number(m[1]), typed: m[0] };
      break;
    }
  }

  let total: TotalChange | undefined;
  let vague: string | undefined;
  const percent = PERCENT.exec(p.question);
  const raise = phrase("raise");
  const cut = phrase("cut");
  const double = phrase("double");
  const halve = phrase("halve");
  if (double) total = { kind: "scale", factor: new Decimal(2), typed: typedOf(double) };
  else if (halve) total = { kind: "scale", factor: new Decimal("0.5"), typed: typedOf(halve) };
  else if (percent?.[1] && (raise || cut)) {
    const rate = new Decimal(percent[1].replace(",", ".")).div(100);
    if (raise || rate.lte(1))
      total = {
        kind: "scale",
        factor: raise && (!cut || raise.start < cut.start) ? rate.plus(1) : new Decimal(1).minus(rate),
        typed: `${typedOf((raise ?? cut) as Match)} ${percent[0]}`,
      };
  } else if (raise || cut) vague = typedOf((raise ?? cut) as Match);
  const conditionalAt = Math.min(
    ...[firstOf("if"), firstOf("marker")].filter((i) => i >= 0),
    Number.MAX_SAFE_INTEGER,
  );
  const amount = p.amounts[0];
  if (!total && amount && conditionalAt < Number.MAX_SAFE_INTEGER) {
    // "om e-arkivet kostar 400 000 kr": an amount after the condition is the item's new total.
    const amountAt = p.question.search(/\d[\d   ]*(?:[,.]\d+)?\s*(?:kronor|kr|sek|tkr|:-)/iu);
    const conditionAt = words[conditionalAt]?.start ?? 0;
    if (amountAt > conditionAt)
      total = {
        kind: "total",
        value: amount.value,
        unit: amount.unit,
        typed:
          p.question
            .slice(amountAt)
            .match(/^[^?.!,]*/u)?.[0]
            ?.trim() ?? "",
      };
  }

  // Where the change is, for "om"/"if": the condition comes before the change it introduces.
  const changeAt = Math.max(
    -1,
    ...movers.map((m) => m.municipality.at),
    ...verbMatches.map((m) => m.start),
    ...(model
      ? [matches.find((m) => ["mixed", "populationBy", "populationPer", "equal"].includes(m.c))?.start ?? -1]
      : []),
    ...[raise, cut, double, halve].filter((m): m is Match => !!m).map((m) => m.start),
    ...(populationYear || total?.kind === "total" ? [Number.MAX_SAFE_INTEGER - 1] : []),
  );
  const change = changeAt >= 0;
  // "när Kalix lämnar", "when we split it equally": a condition; "när gick Kalix med?" asks a date.
  const whenAt =
    matches.find(
      (m) => m.c === "when" && (isName(m.end) || ["vi", "we", "man"].includes(words[m.end]?.fold ?? "")),
    )?.start ?? -1;
  const ifAt = Math.min(...[firstOf("if"), whenAt].filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const marker = has("marker");
  const asksOthers = p.signals.has("cost") || words.some((w) => OTHERS.has(w.fold));
  const otherTopic = [...p.topicSignals].some((t) => t !== "whatIf");
  const content = change || p.municipalities.length > 0 || p.items.length > 0 || p.unknownNames.length > 0;
  const hypothetical =
    (marker && (content || !otherTopic)) ||
    (ifAt < Number.MAX_SAFE_INTEGER && change && changeAt > ifAt) ||
    (has("aux") && change) ||
    (instead && !!model) ||
    (movers.length > 0 && (before || asksOthers));
  return {
    hypothetical,
    movers,
    focus,
    ...(moverWithoutName ? { moverWithoutName } : {}),
    ...(model ? { model } : {}),
    ...(populationYear ? { populationYear } : {}),
    ...(total ? { total } : {}),
    ...(vague ? { vague } : {}),
  };
}
