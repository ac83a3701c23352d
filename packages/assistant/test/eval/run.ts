import { readdirSync, readFileSync } from "node:fs";
import type { Dataset } from "@samverkan/domain";
import type { Answer } from "../../src/index.js";
import { ask, datasets, evalProblems, unsupportedAmounts, type EvalCase } from "../support.js";

/**
 * The whole evaluation set, each case with the topic it counts towards: the hand-written questions and
 * those generated from the golden tables (topic by intent), and every topic generator in
 * test/eval/topics/ (questions built from the data, so the set stays true when the data changes).
 */

/** The topic of a hand-written or table-generated case, by the intent it expects. */
const TOPIC_OF_INTENT: Readonly<Record<string, string>> = {
  itemCost: "cost",
  statement: "cost",
  itemTotal: "cost",
  itemSplit: "cost",
  explainAmount: "cost",
  extras: "cost",
  members: "members",
  participants: "members",
  nextMeeting: "meetings",
  meetingsInPeriod: "meetings",
  annualCycle: "annual-cycle",
  attendance: "attendance",
  maxWithdrawal: "skanearkiv",
  help: "conversation",
  clarify: "conversation",
  unknown: "conversation",
};

const read = (name: string): EvalCase[] =>
  JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), "utf8")) as EvalCase[];

export const handWritten = read("questions.json");
export const fromTables = read("generated.json");

interface TopicModule {
  readonly topic: string;
  cases(d: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[];
}

const byId = {
  norrbotten: datasets.find((d) => d.collaboration.id === "norrbotten") as Dataset,
  skanearkiv: datasets.find((d) => d.collaboration.id === "skanearkiv") as Dataset,
};

/** Every topic generator's cases, tagged with its topic. */
export async function generatedByTopic(): Promise<EvalCase[]> {
  const dir = new URL("./topics/", import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const cases: EvalCase[] = [];
  for (const f of files) {
    const m = (await import(new URL(f, dir).href)) as TopicModule;
    for (const c of m.cases(byId)) cases.push({ ...c, topic: c.topic ?? m.topic });
  }
  return cases;
}

export async function allCases(): Promise<EvalCase[]> {
  return [
    ...[...handWritten, ...fromTables].map((c) => ({ ...c, topic: c.topic ?? TOPIC_OF_INTENT[c.intent] })),
    ...(await generatedByTopic()),
  ];
}

/** A checker of one kind of amount against its source (engine, statement, scenario). */
export type AmountCheck = (a: Answer, ds: readonly Dataset[]) => string[];

export interface CaseResult {
  readonly c: EvalCase;
  readonly a: Answer;
  /** Everything wrong with the answer: its expectations and its amounts. */
  readonly problems: readonly string[];
  /** Amounts that are not exactly what the engine, the published table or the statement gives. */
  readonly wrongNumbers: readonly string[];
}

/** Asks every case and lists what is wrong: the case's expectations, and every amount against its source. */
export function runCases(cases: readonly EvalCase[], checks: readonly AmountCheck[]): CaseResult[] {
  return cases.map((c) => {
    const a = ask(c);
    const wrongNumbers = [...unsupportedAmounts(a), ...checks.flatMap((check) => check(a, datasets))];
    return { c, a, problems: [...evalProblems(c, a), ...wrongNumbers], wrongNumbers };
  });
}

export interface TopicAccuracy {
  readonly topic: string;
  readonly total: number;
  readonly right: number;
  readonly sv: number;
  readonly en: number;
  readonly conversations: number;
}

export function accuracyByTopic(results: readonly CaseResult[]): TopicAccuracy[] {
  const topics = [...new Set(results.map((r) => r.c.topic ?? "other"))].sort();
  return topics.map((topic) => {
    const rs = results.filter((r) => (r.c.topic ?? "other") === topic);
    return {
      topic,
      total: rs.length,
      right: rs.filter((r) => r.problems.length === 0).length,
      sv: rs.filter((r) => r.c.lang === "sv").length,
      en: rs.filter((r) => r.c.lang === "en").length,
      conversations: rs.filter((r) => (r.c.previous ?? []).length > 0).length,
    };
  });
}

function percent(right: number, total: number): string {
  return `${((100 * right) / total).toFixed(1)} %`;
}

/** The accuracy table as it stands in README.md. */
export function accuracyTable(rows: readonly TopicAccuracy[]): string {
  const total = rows.reduce((n, r) => n + r.total, 0);
  const right = rows.reduce((n, r) => n + r.right, 0);
  return [
    "| topic | questions | Swedish | English | in a conversation | correct | accuracy |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.topic} | ${r.total} | ${r.sv} | ${r.en} | ${r.conversations} | ${r.right} | ${percent(r.right, r.total)} |`,
    ),
    `| **all** | **${total}** | ${rows.reduce((n, r) => n + r.sv, 0)} | ${rows.reduce((n, r) => n + r.en, 0)} | ${rows.reduce((n, r) => n + r.conversations, 0)} | **${right}** | **${percent(right, total)}** |`,
  ].join("\n");
}
