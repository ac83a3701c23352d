import { editDistance, type Dataset, type Project, type ProjectPhase } from "@samverkan/domain";
import type { Turn } from "../draft.js";
import { compactKey, PhraseIndex, type Word } from "../text.js";
import { phrases } from "./decisions-find.js";
import {
  COST_WORDS,
  END_WORDS,
  PHASE_WORDS,
  PHASES,
  PROJECT_STRONG_EN,
  PROJECT_STRONG_SV,
  RUNNING_WORDS,
  START_WORDS,
  STATUS_WORDS,
  TIME_PLAN_WORDS,
  WHEN_WORDS,
  WHO_PAYS_WORDS,
} from "./projects-words.js";

export const strongIndex = phrases([...PROJECT_STRONG_SV, ...PROJECT_STRONG_EN]);
const statusIndex = phrases(STATUS_WORDS);
const phaseIndex = phrases(PHASE_WORDS);
const timePlanIndex = phrases(TIME_PLAN_WORDS);
const whenIndex = phrases(WHEN_WORDS);
const startIndex = phrases(START_WORDS);
const endIndex = phrases(END_WORDS);
export const costIndex = phrases(COST_WORDS);
const whoPaysIndex = phrases(WHO_PAYS_WORDS);
const runningIndex = phrases(RUNNING_WORDS);
const phaseAskedIndex = new PhraseIndex<ProjectPhase>();
for (const [phase, words] of Object.entries(PHASES) as [ProjectPhase, (typeof PHASES)[ProjectPhase]][])
  for (const w of words.asked) phaseAskedIndex.add(w, phase);

/** "Hur fördelas kostnaden för förstudien?" is the cost item's split, which the cost intents answer. */
export const splitIndex = phrases([
  "fördelas",
  "fördelning",
  "fördelningen",
  "fördelningsmodell",
  "fördelningsnyckel",
  "split",
  "divided",
  "allocated",
  "allocation",
  "apportioned",
]);

/** A project the question names, and how it was read: as written, inside a compound, or as a misspelling. */
export interface NamedProject {
  readonly project: Project;
  readonly typed: string;
  readonly how: "exact" | "compound" | "typo";
}

/** The stems a compound ends with: "datacenterprojektet", "e-learningförstudien". Folded. */
const COMPOUND_ENDINGS = ["projektets", "projektet", "projekten", "projekt", "forstudien", "forstudie"];

const keysOf = new WeakMap<Dataset, readonly { key: string; id: string }[]>();

/** Every name of every project as a compact key ("elevhalsan", "datacenter", "elearning"). */
function projectKeys(d: Dataset): readonly { key: string; id: string }[] {
  let keys = keysOf.get(d);
  if (!keys) {
    keys = d.projects.flatMap((p) =>
      [p.name, p.nameEn, p.id, ...p.synonyms].map((s) => ({ key: compactKey(s), id: p.id })),
    );
    keysOf.set(d, keys);
  }
  return keys;
}

/** The one project a key names: exactly, or as the start of a single project's name ("socialtjanst…"). */
function projectByKey(d: Dataset, key: string): string | undefined {
  const keys = projectKeys(d);
  const exact = keys.find((k) => k.key === key);
  if (exact) return exact.id;
  if (key.length < 6) return undefined;
  const ids = new Set(keys.filter((k) => k.key.startsWith(key)).map((k) => k.id));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** The one project a misspelt key is closest to (one edit for 7–9 letters, two from 10), if only one. */
function projectByTypo(d: Dataset, key: string): string | undefined {
  if (key.length < 7) return undefined;
  const limit = key.length >= 10 ? 2 : 1;
  const ids = new Set(
    projectKeys(d)
      .filter((k) => k.key.length >= 7 && Math.abs(k.key.length - key.length) <= limit)
      .filter((k) => editDistance(key, k.key) <= limit)
      .map((k) => k.id),
  );
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** The compound's project: the word's beginning (with the words before it: "e-learning…") names one. */
function compoundProject(d: Dataset, words: readonly Word[], w: Word): string | undefined {
  const ending = COMPOUND_ENDINGS.find((e) => w.fold.endsWith(e) && w.fold.length > e.length + 1);
  if (!ending) return undefined;
  const head = w.fold.slice(0, -ending.length);
  for (const back of [2, 1, 0]) {
    const before = words.slice(Math.max(0, w.index - back), w.index).map((x) => x.fold);
    if (before.length < back) continue;
    const id = projectByKey(d, [...before, head].join("")) ?? projectByKey(d, head.replace(/s$/, ""));
    if (id) return id;
  }
  return projectByTypo(d, head);
}

/** The projects a question names, in the dataset answered about. */
export function namedProjects(turn: Turn): NamedProject[] {
  const d = turn.dataset;
  const p = turn.parsed;
  const out: NamedProject[] = [];
  const add = (id: string | undefined, typed: string, how: NamedProject["how"]) => {
    const project = d.projects.find((x) => x.id === id);
    if (project && !out.some((x) => x.project === project)) out.push({ project, typed, how });
  };
  for (const x of p.projects) if (x.collaboration === d.collaboration.id) add(x.id, x.typed, "exact");
  for (const w of p.words) add(compoundProject(d, p.words, w), w.raw, "compound");
  if (out.length > 0) return out;
  // Misspelt: a word nothing else explains, or one the parser read as a misspelt cost item
  // ("datacnetret"), whose closest project name is a single project's.
  for (const raw of p.unrecognised) {
    const at = p.words.find((w) => w.raw === raw);
    const before = at ? p.words[at.index - 1] : undefined;
    const key = compactKey(raw);
    const id =
      projectByTypo(d, key) ??
      (before && before.fold.length <= 2 ? projectByTypo(d, before.fold + key) : undefined);
    add(id, before && before.fold.length <= 2 ? `${before.raw}-${raw}` : raw, "typo");
  }
  for (const x of p.items)
    if (x.how === "typo" && x.collaboration === d.collaboration.id)
      add(
        projectByTypo(d, compactKey(x.typed)) ??
          d.projects.find((pr) => pr.costItem && x.ids.includes(pr.costItem))?.id,
        x.typed,
        "typo",
      );
  return out;
}

export type ProjectAsk = "status" | "phase" | "timePlan" | "cost" | "whoPays";

/** What a project question asks. */
export interface ProjectQuestion {
  readonly named: readonly NamedProject[];
  readonly asks: ReadonlySet<ProjectAsk>;
  /** For a time plan: whether the start or the end was asked (both when neither). */
  readonly end: boolean;
  readonly start: boolean;
  /** Phases asked for in a list ("Vilka förstudier finns?"). */
  readonly phases: readonly ProjectPhase[];
  /** "Vilka projekt pågår?" */
  readonly running: boolean;
}

/** Reads what the question asks of the projects it names (or of all of them). */
export function readProjectQuestion(turn: Turn): ProjectQuestion {
  const words = turn.parsed.words;
  const asks = new Set<ProjectAsk>();
  if (whoPaysIndex.has(words)) asks.add("whoPays");
  else if (costIndex.has(words)) asks.add("cost");
  if (statusIndex.has(words)) asks.add("status");
  if (phaseIndex.has(words)) asks.add("phase");
  const start = startIndex.has(words);
  const end = endIndex.has(words);
  if (timePlanIndex.has(words) || (whenIndex.has(words) && asks.size === 0)) asks.add("timePlan");
  return {
    named: namedProjects(turn),
    asks,
    start,
    end,
    phases: [...new Set(phaseAskedIndex.find(words).map((m) => m.value))],
    running: runningIndex.has(words),
  };
}
