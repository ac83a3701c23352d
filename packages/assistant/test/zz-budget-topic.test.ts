import { test } from "vitest";
import { datasets, type EvalCase } from "./support.js";
import { runCases } from "./eval/run.js";
import { statementLineProblems } from "./eval/check-statement-lines.js";
// Scratch (budget helper): runs one topic module T; removed when done.
test("topic", async () => {
  const m = await import(`./eval/topics/${process.env.T}.ts`);
  const cases: EvalCase[] = m.cases({ norrbotten: datasets[0], skanearkiv: datasets[1] });
  const rs = runCases(cases, [statementLineProblems]);
  console.log(`${rs.filter((r) => r.problems.length === 0).length}/${rs.length} sv ${cases.filter((c) => c.lang === "sv").length}`);
  for (const r of rs.filter((r) => process.env.ALL || r.problems.length > 0))
    console.log(`${(r.c.previous ?? []).join(" → ")} ${r.c.q}\n  ${r.problems.join("; ")}\n  [${r.a.intent}] ${r.a.text.slice(0, Number(process.env.W ?? 300))}`);
});
