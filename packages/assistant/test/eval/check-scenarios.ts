import { whatIf, type WhatIfChange, type WhatIfResult } from "@samverkan/allocation";
import { allocationModelSchema, type Dataset } from "@samverkan/domain";
import type { Answer, AnswerAmount } from "../../src/index.js";

/**
 * The wrong-number test for scenarios: every amount an answer carries with role `scenario` or
 * `scenarioChange` is recomputed with the engine's `whatIf` for the change the amount names
 * (`amount.scenario`, its model read back through the domain schema), and must be exactly the
 * scenario's amount (`after`) or its difference for that municipality — or, with no municipality, the
 * item's total in the scenario and its change — in the same unit, and computed, never published.
 */

function changeOf(a: AnswerAmount): WhatIfChange {
  const s = a.scenario ?? {};
  return {
    ...(s.add ? { add: s.add } : {}),
    ...(s.remove ? { remove: s.remove } : {}),
    ...(s.model ? { model: allocationModelSchema.parse(s.model) } : {}),
  };
}

export function scenarioProblems(a: Answer, ds: readonly Dataset[]): string[] {
  const problems: string[] = [];
  // One engine run per distinct scenario of the answer (an answer has one per item).
  const results = new Map<string, WhatIfResult | Error>();
  for (const x of a.amounts) {
    if (x.role !== "scenario" && x.role !== "scenarioChange") continue;
    const label = `${x.role} ${x.municipality ?? "-"} ${x.itemId ?? "-"} ${x.year} = ${x.amount} ${x.unit} (${JSON.stringify(x.scenario)})`;
    const d = ds.find((y) => y.collaboration.id === x.collaboration);
    if (!d) {
      problems.push(`${label}: unknown collaboration`);
      continue;
    }
    if (!x.scenario) {
      problems.push(`${label}: no scenario (the change it was computed for)`);
      continue;
    }
    if (x.provenance.kind !== "computed") {
      problems.push(`${label}: a scenario is computed, never ${x.provenance.kind}`);
      continue;
    }
    const key = `${x.collaboration}|${x.itemId}|${x.year}|${JSON.stringify(x.scenario)}`;
    let r = results.get(key);
    if (!r) {
      try {
        r = whatIf(d, x.itemId ?? "", x.year, changeOf(x));
      } catch (error) {
        r = error as Error;
      }
      results.set(key, r);
    }
    if (r instanceof Error) {
      problems.push(`${label}: the engine refuses it (${r.message})`);
      continue;
    }
    if (x.unit !== r.after.unit) problems.push(`${label}: unit ${x.unit}, the engine's is ${r.after.unit}`);
    if (x.provenance.model !== r.after.model.type)
      problems.push(`${label}: model ${x.provenance.model}, the engine's is ${r.after.model.type}`);
    let expected: string | undefined;
    if (x.municipality === null)
      expected = (x.role === "scenario" ? r.totalAfter : r.totalAfter.minus(r.totalBefore)).toFixed();
    else {
      const row = r.rows.find((y) => y.municipality === x.municipality);
      expected = x.role === "scenario" ? row?.after?.toFixed() : row?.difference.toFixed();
    }
    if (expected !== x.amount) problems.push(`${label}: the engine says ${expected ?? "no such row"}`);
  }
  return problems;
}
