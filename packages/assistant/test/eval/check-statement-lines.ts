import type { Dataset } from "@samverkan/domain";
import type { Answer } from "../../src/index.js";

/**
 * The wrong-number check for budget and follow-up cells: an amount of role "statementLine" must be
 * exactly the printed cell it names (statement id, line label, column key) in that collaboration's
 * statements, in the statement's unit and year, published in that statement's document.
 */
export function statementLineProblems(a: Answer, ds: readonly Dataset[]): string[] {
  const problems: string[] = [];
  for (const x of a.amounts) {
    if (x.role !== "statementLine") continue;
    const label = `statementLine ${x.statement?.id}/${x.statement?.line}/${x.statement?.column} = ${x.amount} ${x.unit}`;
    const d = ds.find((y) => y.collaboration.id === x.collaboration);
    const s = d?.statements.find((y) => y.id === x.statement?.id);
    if (!s || !x.statement) {
      problems.push(`${label}: no such statement`);
      continue;
    }
    const cells = [...s.lines, ...s.totals]
      .filter((l) => l.label === x.statement?.line)
      .map((l) => l.values[x.statement?.column ?? ""])
      .filter((v) => v !== undefined && v !== null);
    if (!cells.some((v) => v?.toFixed() === x.amount))
      problems.push(`${label}: printed ${cells.map((v) => v?.toFixed()).join(", ") || "nothing"}`);
    if (x.unit !== s.unit) problems.push(`${label}: unit ${x.unit}, printed in ${s.unit}`);
    if (x.year !== s.year) problems.push(`${label}: year ${x.year}, statement ${s.year}`);
    if (
      x.provenance.kind !== "published" ||
      x.provenance.document !== s.source.document ||
      x.provenance.tableId !== s.id
    )
      problems.push(`${label}: provenance does not name the statement's document`);
  }
  return problems;
}
