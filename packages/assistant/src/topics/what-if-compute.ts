import { AllocationError, whatIf, type WhatIfResult } from "@samverkan/allocation";
import type { AllocationModel, CostItem, Dataset } from "@samverkan/domain";
import { allocation, ruleYears } from "../engine.js";
import { listing } from "../phrases.js";
import { scenarioModel, type Reason } from "./what-if-model.js";
import type { ScenarioRequest } from "./what-if-read.js";

/**
 * One item's scenario through the engine's `whatIf`, or the precise reason it cannot be computed. The
 * checks before the call say in both languages what the engine would refuse (a member that does not
 * take part, one that already does, a year with no allocation), so the member reads why.
 */

/** The change as `whatIf` takes it, and as answers carry it (`AnswerAmount.scenario`). */
export interface ScenarioChange {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly model?: Readonly<Record<string, unknown>>;
}

export interface Computed {
  readonly ok: true;
  readonly item: CostItem;
  readonly year: number;
  readonly result: WhatIfResult;
  readonly change: ScenarioChange;
  /** The model asked for, when it is not today's. */
  readonly model?: AllocationModel;
}

export interface NotComputed {
  readonly ok: false;
  readonly item: CostItem;
  readonly year: number;
  readonly reason: Reason;
  /** Why, for choosing the closest questions to offer. */
  readonly kind:
    | "noRule"
    | "notMember"
    | "alreadyMember"
    | "otherCollaboration"
    | "everyone"
    | "already"
    | "noPopulation"
    | "cannot";
  readonly municipalities?: readonly string[];
}

export type ItemScenario = Computed | NotComputed;

/** The scenario for one item and year. */
export function computeItem(
  d: Dataset,
  item: CostItem,
  year: number,
  request: Pick<ScenarioRequest, "model" | "populationYear" | "total">,
  remove: readonly string[],
  add: readonly string[],
): ItemScenario {
  const fail = (
    kind: NotComputed["kind"],
    reason: Reason,
    municipalities?: readonly string[],
  ): NotComputed => ({
    ok: false,
    item,
    year,
    kind,
    reason,
    ...(municipalities ? { municipalities } : {}),
  });
  const today = allocation(d, item.id, year);
  if (!today.ok) {
    const years = ruleYears(d, item.id);
    return fail("noRule", {
      sv: `${item.name} har ingen fördelning för ${year}${years.length ? ` (det finns för ${listing(years.map(String), "sv")})` : ""}`,
      en: `${item.nameEn} has no allocation for ${year}${years.length ? ` (there is for ${listing(years.map(String), "en")})` : ""}`,
    });
  }
  const before = today.value;
  const members = new Set(d.municipalities.map((m) => m.name));
  const foreign = add.filter((m) => !members.has(m));
  if (foreign.length)
    return fail(
      "otherCollaboration",
      {
        sv: `${listing(foreign, "sv")} hör inte till ${d.collaboration.name}, och datat har ingen befolkning för ${foreign.length > 1 ? "dem" : "den"} här`,
        en: `${listing(foreign, "en")} ${foreign.length > 1 ? "do" : "does"} not belong to ${d.collaboration.nameEn}, and the data has no population for ${foreign.length > 1 ? "them" : "it"} there`,
      },
      foreign,
    );
  const notIn = remove.filter((m) => !before.participants.includes(m));
  if (notIn.length)
    return fail(
      "notMember",
      {
        sv: `${listing(notIn, "sv")} deltar inte i ${item.name} ${year}, så ${notIn.length > 1 ? "de" : "den"} kan inte lämna`,
        en: `${listing(notIn, "en")} ${notIn.length > 1 ? "do" : "does"} not take part in ${item.nameEn} in ${year}, so ${notIn.length > 1 ? "they" : "it"} cannot leave`,
      },
      notIn,
    );
  const already = add.filter((m) => before.participants.includes(m));
  if (already.length)
    return fail(
      "alreadyMember",
      {
        sv: `${listing(already, "sv")} deltar redan i ${item.name} ${year} (${before.participants.length} av ${members.size} kommuner deltar), så ${already.length > 1 ? "de" : "den"} kan inte gå med`,
        en: `${listing(already, "en")} already ${already.length > 1 ? "take" : "takes"} part in ${item.nameEn} in ${year} (${before.participants.length} of ${members.size} municipalities take part), so ${already.length > 1 ? "they" : "it"} cannot join`,
      },
      already,
    );
  if (add.length === 0 && remove.length >= before.participants.length)
    return fail("everyone", {
      sv: `om alla ${before.participants.length} kommuner lämnar ${item.name} finns ingen kvar att fördela kostnaden på`,
      en: `if all ${before.participants.length} municipalities leave ${item.nameEn}, there is no one left to split the cost between`,
    });
  const model = scenarioModel(d, item, before, request);
  if (!model.ok) return fail(model.kind, model.reason);
  const change: ScenarioChange = {
    ...(add.length ? { add: [...add] } : {}),
    ...(remove.length ? { remove: [...remove] } : {}),
    ...(model.json ? { model: model.json } : {}),
  };
  const outcome = remembered(d, `${item.id}|${year}|${JSON.stringify(change)}`, () =>
    whatIf(d, item.id, year, {
      ...(add.length ? { add } : {}),
      ...(remove.length ? { remove } : {}),
      ...(model.model ? { model: model.model } : {}),
    }),
  );
  if (outcome instanceof AllocationError)
    // The engine's own reason (in Swedish, as it words them), for what the checks above do not foresee.
    return fail("cannot", {
      sv: `fördelningsmotorn kan inte räkna scenariot: ${outcome.message}`,
      en: `the allocation engine cannot compute the scenario: ${outcome.message}`,
    });
  return { ok: true, item, year, result: outcome, change, ...(model.model ? { model: model.model } : {}) };
}

/**
 * Scenarios remembered per dataset, as engine.ts remembers allocations: datasets are frozen and
 * `whatIf` is pure, and a member leaving every item costs two allocations an item, which a chat answer
 * asked again should not pay for twice.
 */
const scenarios = new WeakMap<Dataset, Map<string, WhatIfResult | AllocationError>>();
function remembered(d: Dataset, key: string, compute: () => WhatIfResult): WhatIfResult | AllocationError {
  let byKey = scenarios.get(d);
  if (!byKey) {
    byKey = new Map();
    scenarios.set(d, byKey);
  }
  let outcome = byKey.get(key);
  if (!outcome) {
    try {
      outcome = compute();
    } catch (error) {
      if (!(error instanceof AllocationError)) throw error;
      outcome = error;
    }
    // Percentages and totals come from the question: the cache is bounded, not a leak.
    if (byKey.size >= 1000) byKey.clear();
    byKey.set(key, outcome);
  }
  return outcome;
}
