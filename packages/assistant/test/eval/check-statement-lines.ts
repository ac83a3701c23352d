import type { Dataset, Decimal, FinancialStatement } from "@samverkan/domain";
import type { Answer, AnswerAmount } from "../../src/index.js";

/**
 * The wrong-number check for budget and follow-up tables. An amount of role "statementLine" must be
 * exactly the printed cell it names (statement id, line label, column key) in that collaboration's
 * statements, in the statement's unit and year, published in that statement's document. An amount of
 * role "statementChange" must be exactly the later printed cell minus the earlier one it names
 * (`comparedWith`), both printed, in one unit, and labelled computed ("difference"): a change is never
 * passed off as printed. Any other amount that names a statement cell is a problem too.
 */

type CellRef = NonNullable<AnswerAmount["statement"]>;

function statementOf(ds: readonly Dataset[], collaboration: string, id: string | undefined) {
  return ds.find((y) => y.collaboration.id === collaboration)?.statements.find((s) => s.id === id);
}

/** The printed values of a cell (a label may be printed on two lines, under revenue and under costs). */
function printed(s: FinancialStatement, ref: CellRef): Decimal[] {
  return [...s.lines, ...s.totals]
    .filter((l) => l.label === ref.line)
    .map((l) => l.values[ref.column])
    .filter((v): v is Decimal => v !== undefined && v !== null);
}

function lineProblems(x: AnswerAmount, ds: readonly Dataset[], label: string): string[] {
  const s = statementOf(ds, x.collaboration, x.statement?.id);
  if (!s || !x.statement) return [`${label}: no such statement`];
  const problems: string[] = [];
  const cells = printed(s, x.statement);
  if (!cells.some((v) => v.toFixed() === x.amount))
    problems.push(`${label}: printed ${cells.map((v) => v.toFixed()).join(", ") || "nothing"}`);
  if (x.unit !== s.unit) problems.push(`${label}: unit ${x.unit}, printed in ${s.unit}`);
  if (x.year !== s.year) problems.push(`${label}: year ${x.year}, statement ${s.year}`);
  if (
    x.provenance.kind !== "published" ||
    x.provenance.document !== s.source.document ||
    x.provenance.tableId !== s.id
  )
    problems.push(`${label}: provenance does not name the statement's document`);
  return problems;
}

function changeProblems(x: AnswerAmount, ds: readonly Dataset[], label: string): string[] {
  const later = statementOf(ds, x.collaboration, x.statement?.id);
  const earlier = statementOf(ds, x.collaboration, x.comparedWith?.id);
  if (!later || !earlier || !x.statement || !x.comparedWith) return [`${label}: no such pair of statements`];
  const problems: string[] = [];
  if (later.unit !== earlier.unit || x.unit !== later.unit)
    problems.push(`${label}: units ${earlier.unit} and ${later.unit}, amount in ${x.unit}`);
  const now = printed(later, x.statement);
  const then = printed(earlier, x.comparedWith);
  if (!now.some((a) => then.some((b) => a.minus(b).toFixed() === x.amount)))
    problems.push(
      `${label}: the printed cells give ${now.map((a) => then.map((b) => a.minus(b).toFixed())).join(", ") || "nothing"}`,
    );
  if (x.year !== later.year) problems.push(`${label}: year ${x.year}, statement ${later.year}`);
  if (x.provenance.kind !== "computed" || x.provenance.model !== "difference")
    problems.push(`${label}: a difference must be labelled computed ("difference")`);
  return problems;
}

export function statementLineProblems(a: Answer, ds: readonly Dataset[]): string[] {
  const problems: string[] = [];
  for (const x of a.amounts) {
    const ref = (r: CellRef | undefined) => `${r?.id}/${r?.line}/${r?.column}`;
    const label = `${x.role} ${ref(x.statement)}${x.comparedWith ? ` − ${ref(x.comparedWith)}` : ""} = ${x.amount} ${x.unit}`;
    if (x.role === "statementLine") problems.push(...lineProblems(x, ds, label));
    else if (x.role === "statementChange") problems.push(...changeProblems(x, ds, label));
    else if (x.statement || x.comparedWith)
      problems.push(`${label}: names a statement cell but is a ${x.role}`);
  }
  return problems;
}
