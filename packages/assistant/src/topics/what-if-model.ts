import { formatDate, modelName, type AllocationResult } from "@samverkan/allocation";
import {
  allocationModelSchema,
  type Decimal,
  populationVectorFor,
  type AllocationModel,
  type CostItem,
  type Dataset,
} from "@samverkan/domain";
import { money } from "../phrases.js";
import type { Lang } from "../types.js";
import type { ScenarioRequest } from "./what-if-read.js";

/**
 * The allocation model a scenario asks for, built from today's rule for the item and year as the
 * domain schema writes models (see cost-items.yaml): the same money (the model's own total, or the
 * year's budgeted total where the model has none, as for the e-archive's rate per inhabitant) split
 * by another key, and the population year the item already uses — or, for an item with no population
 * key today, the latest 31 December before the budget year that the data has (SCB publishes the year's
 * figures the following spring, so that is what a budget for the year could use).
 */

/** Both languages of a sentence: a reason given to the member. */
export interface Reason {
  readonly sv: string;
  readonly en: string;
}

export type ModelOutcome =
  | { readonly ok: true; readonly model?: AllocationModel; readonly json?: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: Reason; readonly kind: "already" | "noPopulation" | "cannot" };

/** The years with a population count on 31 December in the dataset, ascending. */
export function populationYears(d: Dataset): number[] {
  return d.population
    .filter((v) => v.date.endsWith("-12-31"))
    .map((v) => Number(v.date.slice(0, 4)))
    .sort((a, b) => a - b);
}

/** The population year for an item that has none: the latest year-end before the budget year. */
export function defaultPopulationYear(d: Dataset, year: number): number | undefined {
  const years = populationYears(d);
  return years.filter((y) => y < year).at(-1) ?? years.at(-1);
}

/** A model as plain JSON (decimals as exact strings), as answers carry it and the schema reads it. */
export function modelJson(model: AllocationModel): Record<string, unknown> {
  return JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
}

function hasPopulation(
  model: AllocationModel,
): model is Extract<AllocationModel, { populationYear: number }> {
  return "populationYear" in model;
}

/** Whether the model asked for is already today's ("per invånare" for an item priced per inhabitant). */
export function sameKind(type: "population" | "equal" | "mixed", current: AllocationModel): boolean {
  if (type === "equal") return current.type === "equal";
  if (type === "population") return current.type === "population" || current.type === "perCapita";
  return current.type === "mixed" && current.equalWeight.eq("0.5");
}

/** "fördelas redan efter …": today's model in words, with its parameters. */
export function describeModel(model: AllocationModel, unit: "kr" | "tkr", lang: Lang): string {
  const population = hasPopulation(model)
    ? lang === "sv"
      ? `befolkning ${formatDate(`${model.populationYear}-12-31`, "sv")}`
      : `population on ${formatDate(`${model.populationYear}-12-31`, "en")}`
    : "";
  switch (model.type) {
    case "equal":
      return lang === "sv" ? "lika delar" : "equal parts";
    case "population":
      return lang === "sv" ? `invånarantal (${population})` : `population (${population})`;
    case "mixed":
      return model.equalWeight.eq("0.5")
        ? lang === "sv"
          ? `50/50-modellen (hälften i lika delar, hälften efter invånarantal; ${population})`
          : `the 50/50 model (half in equal parts, half by population; ${population})`
        : `${modelName(model, lang)} (${population})`;
    case "affine":
      return lang === "sv"
        ? `${money(model.fixedPerMember, unit, "sv")} per kommun och resten efter invånarantal (${population})`
        : `${money(model.fixedPerMember, unit, "en")} per municipality and the rest by population (${population})`;
    case "perCapita":
      return lang === "sv"
        ? `${money(model.ratePerInhabitant, unit, "sv")} per invånare (${population})`
        : `${money(model.ratePerInhabitant, unit, "en")} per inhabitant (${population})`;
    default:
      return modelName(model, lang);
  }
}

/** The total a model splits, where it has one. */
function totalOf(model: AllocationModel): Decimal | undefined {
  return "total" in model ? model.total : undefined;
}

/** The model of the scenario, or none when the question keeps today's model as it is. */
export function scenarioModel(
  d: Dataset,
  item: CostItem,
  before: AllocationResult,
  request: Pick<ScenarioRequest, "model" | "populationYear" | "total">,
): ModelOutcome {
  const { model: asked, populationYear: askedYear, total: askedTotal } = request;
  if (!asked && !askedYear && !askedTotal) return { ok: true };
  const current = before.model;
  const unit = before.unit;
  const itemName = { sv: item.name, en: item.nameEn };
  if (asked && !askedYear && !askedTotal && sameKind(asked.type, current))
    return {
      ok: false,
      kind: "already",
      reason: {
        sv: `${itemName.sv} ${before.year} fördelas redan efter ${describeModel(current, unit, "sv")}`,
        en: `${itemName.en} ${before.year} is already split by ${describeModel(current, unit, "en")}`,
      },
    };
  const type = asked?.type ?? current.type;
  if (askedYear && !asked && !hasPopulation(current))
    return {
      ok: false,
      kind: "cannot",
      reason: {
        sv: `${itemName.sv} ${before.year} fördelas efter ${describeModel(current, unit, "sv")}, inte efter befolkning, så ett annat befolkningsår ändrar inget`,
        en: `${itemName.en} ${before.year} is split by ${describeModel(current, unit, "en")}, not by population, so another population year changes nothing`,
      },
    };
  const populationYear =
    askedYear?.year ??
    (hasPopulation(current) ? current.populationYear : defaultPopulationYear(d, before.year));
  const needsPopulation = type !== "equal" && (asked !== undefined || hasPopulation(current));
  if (needsPopulation && (populationYear === undefined || !populationVectorFor(d, populationYear))) {
    const years = populationYears(d);
    return {
      ok: false,
      kind: "noPopulation",
      reason: {
        sv: `befolkningssiffror för 31 december ${populationYear ?? ""} finns inte i datat (det finns för ${years.join(", ")})`,
        en: `population figures for 31 December ${populationYear ?? ""} are not in the data (there are for ${years.join(", ")})`,
      },
    };
  }

  // The money to split: today's model's total, else the year's budgeted total, else today's row sum.
  const itemYear = item.years.find((y) => y.year === before.year);
  let total = totalOf(current) ?? itemYear?.total ?? before.rowSum;
  let rate = current.type === "perCapita" ? current.ratePerInhabitant : undefined;
  if (askedTotal?.kind === "scale") {
    total = total.times(askedTotal.factor);
    rate = rate?.times(askedTotal.factor);
  } else if (askedTotal?.kind === "total")
    total =
      askedTotal.unit === unit
        ? askedTotal.value
        : askedTotal.unit === "kr"
          ? askedTotal.value.div(1000)
          : askedTotal.value.times(1000);

  let json: Record<string, unknown>;
  if (asked) {
    json =
      asked.type === "equal"
        ? { type: "equal", total: total.toFixed() }
        : asked.type === "population"
          ? { type: "population", total: total.toFixed(), populationYear }
          : { type: "mixed", total: total.toFixed(), equalWeight: "0.5", populationYear };
  } else {
    // Today's model with another population year or total.
    const base = modelJson(current);
    if (askedTotal && current.type === "perCapita" && askedTotal.kind === "total")
      return {
        ok: false,
        kind: "cannot",
        reason: {
          sv: `${itemName.sv} prissätts per invånare (${describeModel(current, unit, "sv")}), så totalen följer av priset och kan inte sättas för sig`,
          en: `${itemName.en} is priced per inhabitant (${describeModel(current, unit, "en")}), so its total follows from the rate and cannot be set on its own`,
        },
      };
    if (askedTotal && totalOf(current) === undefined && current.type !== "perCapita")
      return {
        ok: false,
        kind: "cannot",
        reason: {
          sv: `${itemName.sv} fördelas efter ${describeModel(current, unit, "sv")}, som inte har en total att ändra`,
          en: `${itemName.en} is split by ${describeModel(current, unit, "en")}, which has no total to change`,
        },
      };
    json = {
      ...base,
      ...("total" in base ? { total: total.toFixed() } : {}),
      ...(rate ? { ratePerInhabitant: rate.toFixed() } : {}),
      ...("populationYear" in base ? { populationYear } : {}),
    };
  }
  const parsed = allocationModelSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      kind: "cannot",
      reason: {
        sv: `modellen för scenariot går inte att bygga (${parsed.error.issues[0]?.message ?? ""})`,
        en: `the scenario's model cannot be built (${parsed.error.issues[0]?.message ?? ""})`,
      },
    };
  return { ok: true, model: parsed.data, json: modelJson(parsed.data) };
}

/** The scale of a total change in words: "höjs med 10 %", "is cut by 5 %", "blir 400 000 kr". */
export function totalChangeText(change: NonNullable<ScenarioRequest["total"]>, lang: Lang): string {
  if (change.kind === "total")
    return lang === "sv"
      ? `totalen blir ${money(change.value, change.unit, "sv")}`
      : `the total is ${money(change.value, change.unit, "en")}`;
  const percent = change.factor.minus(1).times(100);
  const abs = money(percent.abs(), "kr", lang).replace(/ kr$/, " %");
  if (percent.isZero()) return lang === "sv" ? "totalen är oförändrad" : "the total is unchanged";
  return percent.isPositive()
    ? lang === "sv"
      ? `totalen höjs med ${abs}`
      : `the total is raised by ${abs}`
    : lang === "sv"
      ? `totalen sänks med ${abs}`
      : `the total is cut by ${abs}`;
}
