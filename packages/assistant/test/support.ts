import { allocateCostItem, municipalityStatement } from "@samverkan/allocation";
import { loadBundledDataset } from "@samverkan/data";
import type { Dataset } from "@samverkan/domain";
import { answer, type Answer, type ConversationTurn } from "../src/index.js";

export const datasets: Dataset[] = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];

function datasetOf(id: string): Dataset | undefined {
  return datasets.find((d) => d.collaboration.id === id);
}

/** The years any item of the dataset has, to find which year a difference is against. */
function years(d: Dataset): number[] {
  return [...new Set(d.costItems.flatMap((x) => x.years.map((y) => y.year)))];
}

/**
 * Checks every amount of an answer against the engine itself (`allocateCostItem`,
 * `municipalityStatement`, the dataset's extras), never against the assistant's own cache: an
 * amount the data does not support is a problem. Returns the problems, empty when all are supported.
 */
export function unsupportedAmounts(a: Answer): string[] {
  const problems: string[] = [];
  for (const x of a.amounts) {
    const d = datasetOf(x.collaboration);
    const label = `${x.role} ${x.municipality ?? "-"} ${x.itemId ?? "-"} ${x.year} = ${x.amount} ${x.unit}`;
    if (!d) {
      problems.push(`${label}: unknown collaboration`);
      continue;
    }
    if (!/^-?\d+(\.\d+)?$/.test(x.amount)) problems.push(`${label}: not an exact decimal string`);
    try {
      switch (x.role) {
        case "allocation": {
          const r = allocateCostItem(d, x.itemId ?? "", x.year);
          const row = r.rows.find((y) => y.municipality === x.municipality);
          if (!row || row.amount.toFixed() !== x.amount || row.unit !== x.unit)
            problems.push(`${label}: engine says ${row?.amount.toFixed()}`);
          else if (row.provenance !== x.provenance.kind)
            problems.push(`${label}: provenance ${x.provenance.kind}, engine ${row.provenance}`);
          else if (
            x.provenance.kind === "published" &&
            (x.provenance.tableId !== row.published?.tableId ||
              x.provenance.document !== row.published?.source.document)
          )
            problems.push(`${label}: wrong table`);
          break;
        }
        case "itemTotal": {
          const r = allocateCostItem(d, x.itemId ?? "", x.year);
          if (r.rowSum.toFixed() !== x.amount) problems.push(`${label}: row sum is ${r.rowSum.toFixed()}`);
          break;
        }
        case "statementTotal": {
          const s = municipalityStatement(d, x.municipality ?? "", x.year);
          if (!s.total.some((t) => t.amount.toFixed() === x.amount && t.unit === x.unit))
            problems.push(`${label}: statement total differs`);
          break;
        }
        case "change": {
          const ok = years(d).some((other) => {
            if (other === x.year) return false;
            try {
              if (x.itemId === null) {
                const now = municipalityStatement(d, x.municipality ?? "", x.year).total.find(
                  (t) => t.unit === x.unit,
                );
                const then = municipalityStatement(d, x.municipality ?? "", other).total.find(
                  (t) => t.unit === x.unit,
                );
                return !!now && !!then && now.amount.minus(then.amount).toFixed() === x.amount;
              }
              const now = allocateCostItem(d, x.itemId, x.year).rows.find(
                (r) => r.municipality === x.municipality,
              );
              const then = allocateCostItem(d, x.itemId, other).rows.find(
                (r) => r.municipality === x.municipality,
              );
              return !!now && !!then && now.amount.minus(then.amount).toFixed() === x.amount;
            } catch {
              return false;
            }
          });
          if (!ok) problems.push(`${label}: no pair of years gives this difference`);
          break;
        }
        case "extra": {
          const item = d.costItems.find((y) => y.id === x.itemId);
          const extra = item?.extras.find((e) => e.amount.toFixed() === x.amount && e.unit === x.unit);
          if (!extra || (x.amountMax ?? undefined) !== extra.amountMax?.toFixed())
            problems.push(`${label}: no such extra`);
          break;
        }
      }
    } catch (error) {
      problems.push(`${label}: the engine refuses it (${(error as Error).message})`);
    }
  }
  return problems;
}

/** One evaluation case as written in test/eval/*.json. */
export interface EvalCase {
  readonly q: string;
  readonly now: string;
  readonly lang: "sv" | "en";
  readonly intent: string;
  /** [municipality | null, itemId | null, year, amount, role?]; role defaults to any but "change". */
  readonly amounts?: readonly (readonly [string | null, string | null, number, string, string?])[];
  /** The answer has exactly these municipality amounts (role "allocation"), no others. */
  readonly exactAmounts?: boolean;
  readonly noAmounts?: boolean;
  readonly meetings?: readonly string[];
  readonly options?: readonly string[];
  readonly year?: number;
  readonly text?: readonly string[];
  /** Substrings the answer's text must not contain. */
  readonly notText?: readonly string[];
  /** Printed statement cells the answer must carry (role "statementLine"): [statementId, line, column, amount]. */
  readonly statementAmounts?: readonly (readonly [string, string, string, string])[];
  /** Earlier questions of the same conversation, asked first in order; the expectations are for `q`. */
  readonly previous?: readonly string[];
  /** The rewritten question a follow-up must be read as (`Answer.interpretedAs`). */
  readonly interpretedAs?: string;
  /** The topic the case counts towards in the accuracy table (set by the topic generators' runner). */
  readonly topic?: string;
  readonly source?: string;
}

/** What is wrong with an answer to an evaluation case; empty when it is right. */
export function evalProblems(c: EvalCase, a: Answer): string[] {
  const p: string[] = [];
  if (a.intent !== c.intent) p.push(`intent ${a.intent}, expected ${c.intent}`);
  if (a.language !== c.lang) p.push(`language ${a.language}, expected ${c.lang}`);
  for (const [m, item, year, amount, role] of c.amounts ?? []) {
    const found = a.amounts.some(
      (x) =>
        x.municipality === m &&
        x.itemId === item &&
        x.year === year &&
        x.amount === amount &&
        (role ? x.role === role : x.role !== "change"),
    );
    if (!found) p.push(`missing amount ${m} ${item} ${year} ${amount}${role ? ` (${role})` : ""}`);
  }
  if (c.exactAmounts) {
    const n = a.amounts.filter((x) => x.role === "allocation").length;
    const expected = (c.amounts ?? []).filter(
      ([m, item, , , role]) => m !== null && item !== null && !role,
    ).length;
    if (n !== expected) p.push(`${n} municipality amounts, expected ${expected}`);
  }
  if (c.noAmounts && a.amounts.length > 0) p.push(`expected no amounts, got ${a.amounts.length}`);
  if (c.meetings && JSON.stringify(a.meetings.map((m) => m.start)) !== JSON.stringify(c.meetings))
    p.push(
      `meetings ${JSON.stringify(a.meetings.map((m) => m.start))}, expected ${JSON.stringify(c.meetings)}`,
    );
  if (c.options && JSON.stringify(a.options ?? []) !== JSON.stringify(c.options))
    p.push(`options ${JSON.stringify(a.options)}, expected ${JSON.stringify(c.options)}`);
  if (c.year !== undefined && a.year?.value !== c.year) p.push(`year ${a.year?.value}, expected ${c.year}`);
  for (const t of c.text ?? []) if (!a.text.includes(t)) p.push(`text lacks "${t}"`);
  for (const t of c.notText ?? []) if (a.text.includes(t)) p.push(`text has "${t}"`);
  for (const [id, line, column, amount] of c.statementAmounts ?? []) {
    const found = a.amounts.some(
      (x) =>
        x.role === "statementLine" &&
        x.statement?.id === id &&
        x.statement.line === line &&
        x.statement.column === column &&
        x.amount === amount,
    );
    if (!found) p.push(`missing statement amount ${id} ${line} ${column} ${amount}`);
  }
  if (c.interpretedAs !== undefined && a.interpretedAs !== c.interpretedAs)
    p.push(`read as ${JSON.stringify(a.interpretedAs)}, expected ${JSON.stringify(c.interpretedAs)}`);
  if (a.intent === "unknown" && a.amounts.length > 0) p.push("an unknown answer carries amounts");
  return p;
}

/** Asks a case's question the way a member would: its `previous` questions first, in one conversation. */
export function ask(c: Pick<EvalCase, "q" | "now" | "previous">): Answer {
  let previous: ConversationTurn | undefined;
  for (const q of c.previous ?? []) previous = answer(q, { datasets, now: c.now, previous }).turn;
  return answer(c.q, { datasets, now: c.now, ...(previous ? { previous } : {}) });
}
