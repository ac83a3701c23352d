import {
  Decimal,
  findCostItem,
  populationVectorFor,
  yearEndDate,
  type AllocationModel,
  type AllocationRule,
  type CostItem,
  type Dataset,
  type MoneyUnit,
  type PublishedTable,
  type Rounding,
  type SourceRef,
} from "@samverkan/domain";
import { runEngine, type EngineModel, type EngineParticipant, type EngineRow } from "./engine.js";
import { explainRow } from "./explain.js";
import { membersDuring } from "./participation.js";
import { fromDecimal, isTerminating, toDecimal, type Rational } from "./rational.js";

/** Why an allocation could not be made: unknown item, no rule for the year, missing data. */
export class AllocationError extends Error {
  readonly suggestions: readonly string[];
  constructor(message: string, suggestions: readonly string[] = []) {
    super(message);
    this.name = "AllocationError";
    this.suggestions = suggestions;
  }
}

/** An exact amount as the result carries it: the decimal, and whether it is exact or rounded for display. */
export interface ExactAmount {
  readonly value: Decimal;
  readonly exact: boolean;
}

function exactOf(r: Rational): ExactAmount {
  return { value: toDecimal(r, 6), exact: isTerminating(r) };
}

export interface PublishedCell {
  readonly tableId: string;
  readonly amount: Decimal;
  readonly source: SourceRef;
  /** True when the engine's own computation gives the same amount. */
  readonly matchesComputed: boolean;
}

export interface AllocationRow {
  readonly municipality: string;
  /** What the municipality pays: the published amount where one exists, else the computed one. */
  readonly amount: Decimal;
  readonly unit: MoneyUnit;
  readonly provenance: "published" | "computed";
  readonly computed: Decimal;
  readonly published?: PublishedCell;
  /** The exact share before rounding. */
  readonly quota: ExactAmount;
  readonly population?: number;
  readonly equalPart?: ExactAmount;
  readonly populationPart?: ExactAmount;
  readonly factor?: ExactAmount;
  readonly monthly?: { readonly quota: ExactAmount; readonly amount: Decimal };
  readonly months: number;
  readonly capped: boolean;
  /** One sentence per language saying how the amount came about and where it is from. */
  readonly explanation: { readonly sv: string; readonly en: string };
}

export interface AllocationResult {
  readonly collaboration: string;
  readonly costItem: Pick<CostItem, "id" | "name" | "nameEn" | "category">;
  readonly year: number;
  readonly unit: MoneyUnit;
  readonly model: AllocationModel;
  readonly rounding: Rounding;
  /** Where the rounding came from: the rule itself, or the collaboration's declared default. */
  readonly roundingSource: "rule" | "collaborationDefault" | "override";
  /** The rule's analyst note (MODELS.md), for whoever checks the data. */
  readonly basis?: string;
  /** Why this model, for members, in Swedish and English (the rule's `reason`). */
  readonly reason?: { readonly sv: string; readonly en: string };
  readonly participants: readonly string[];
  readonly populationYear?: number;
  readonly populationSource?: string;
  readonly populationSum?: number;
  readonly underlyingTotal: ExactAmount;
  readonly rowSum: Decimal;
  /** The item's budgeted total for the year, as the document gives it. */
  readonly budgetTotal?: Decimal;
  readonly publishedTable?: {
    readonly id: string;
    readonly source: SourceRef;
    readonly totalPrinted?: Decimal;
  };
  readonly unallocated: ExactAmount;
  readonly extraUnitTo: readonly string[];
  readonly rows: readonly AllocationRow[];
}

export interface AllocateOptions {
  /** Another model for the same year (what-if). */
  readonly model?: AllocationModel;
  readonly rounding?: Rounding;
  /** Exactly these participants (full year each), instead of the rule's. */
  readonly participants?: readonly string[];
  /** Leave out the published amounts: every row computed. */
  readonly ignorePublished?: boolean;
}

function tableFor(d: Dataset, itemId: string, year: number): PublishedTable | undefined {
  return d.publishedTables.find((t) => t.costItem === itemId && t.year === year && t.unit !== "share");
}

/** Finds the cost item by id or name; throws an AllocationError with the closest names. */
export function resolveCostItem(d: Dataset, query: string): CostItem {
  const byId = d.costItems.find((x) => x.id === query);
  if (byId) return byId;
  const found = findCostItem(d, query);
  if (found.found) return found.value;
  throw new AllocationError(
    `Okänd kostnadspost "${query}"`,
    found.suggestions.length ? found.suggestions : d.costItems.map((x) => x.name),
  );
}

/**
 * What each participant pays for one cost item in one year, with the working and the source.
 * Uses the rule in the dataset (or `options.model`), the population year the rule names, and
 * the collaboration's default rounding when the rule names none — the result says which.
 */
export function allocateCostItem(
  d: Dataset,
  item: CostItem | string,
  year: number,
  options: AllocateOptions = {},
): AllocationResult {
  const costItem = typeof item === "string" ? resolveCostItem(d, item) : item;
  const itemYear = costItem.years.find((y) => y.year === year);
  const rule: AllocationRule | undefined = itemYear?.rule;
  if (!rule && !options.model) {
    const years = costItem.years.filter((y) => y.rule).map((y) => y.year);
    throw new AllocationError(
      `${costItem.name} har ingen fördelning för ${year}${years.length ? `; det finns för ${years.join(", ")}` : ""}`,
    );
  }
  const model = options.model ?? (rule as AllocationRule).model;
  const rounding = options.rounding ?? rule?.rounding ?? d.collaboration.defaultRounding;
  const roundingSource = options.rounding ? "override" : rule?.rounding ? "rule" : "collaborationDefault";
  const unit = rule?.unit ?? itemYear?.unit ?? d.collaboration.unit;

  let participants: { municipality: string; months: number }[];
  if (options.participants) participants = options.participants.map((m) => ({ municipality: m, months: 12 }));
  else if (!rule || rule.participants === "allMembers") participants = membersDuring(d.collaboration, year);
  else {
    const months = new Map(membersDuring(d.collaboration, year).map((m) => [m.municipality, m.months]));
    participants = rule.participants.map((m) => ({ municipality: m, months: months.get(m) ?? 12 }));
  }
  if (participants.length === 0) throw new AllocationError(`Inga deltagare ${year} för ${costItem.name}`);

  // Resolve the model's inputs to exact numbers.
  const vector = "populationYear" in model ? populationVectorFor(d, model.populationYear) : undefined;
  if ("populationYear" in model && !vector) {
    throw new AllocationError(
      `Befolkningssiffror för ${yearEndDate(model.populationYear)} saknas i datasetet`,
    );
  }
  let engineModel: EngineModel;
  const inputs: EngineParticipant[] = participants.map((p) => {
    const population = vector?.counts[p.municipality];
    if (vector && population === undefined)
      throw new AllocationError(`${p.municipality} saknar befolkning ${vector.date}`);
    return {
      municipality: p.municipality,
      months: p.months,
      ...(population !== undefined ? { population: BigInt(population) } : {}),
    };
  });
  let keyTable: PublishedTable | undefined;
  const partNames: string[] = [];
  switch (model.type) {
    case "equal":
    case "population":
      engineModel = { type: model.type, total: fromDecimal(model.total) };
      break;
    case "mixed":
      engineModel = {
        type: "mixed",
        total: fromDecimal(model.total),
        equalWeight: fromDecimal(model.equalWeight),
      };
      break;
    case "affine":
      engineModel = {
        type: "affine",
        total: fromDecimal(model.total),
        fixedPerMember: fromDecimal(model.fixedPerMember),
      };
      break;
    case "perCapita":
      engineModel = { type: "perCapita", ratePerInhabitant: fromDecimal(model.ratePerInhabitant) };
      break;
    case "fixedKey": {
      engineModel = { type: "fixedKey", total: fromDecimal(model.total) };
      const key = model.key;
      keyTable = "fromTable" in key ? d.publishedTables.find((t) => t.id === key.fromTable) : undefined;
      const weights = "fromTable" in key ? keyTable?.rows : key.weights;
      if (!weights)
        throw new AllocationError(`Fördelningsnyckeln ${"fromTable" in key ? key.fromTable : ""} saknas`);
      inputs.forEach((p, i) => {
        const w = weights[p.municipality];
        if (!w) throw new AllocationError(`${p.municipality} saknas i fördelningsnyckeln`);
        inputs[i] = { ...p, weight: fromDecimal(w) };
      });
      break;
    }
    case "tiered":
      engineModel = { type: "tiered", baseYear: model.baseYear, indexRate: fromDecimal(model.indexRate) };
      inputs.forEach((p, i) => {
        const cls = model.classes.find((c) => c.members.includes(p.municipality));
        if (!cls) throw new AllocationError(`${p.municipality} hör inte till någon klass`);
        inputs[i] = { ...p, baseAmount: fromDecimal(cls.baseAmount) };
      });
      break;
    case "sum": {
      engineModel = { type: "sum" };
      const parts = model.of.map((ref) => {
        const part = allocateCostItem(
          d,
          ref.costItem,
          ref.year,
          options.participants ? { participants: options.participants } : {},
        );
        partNames.push(part.costItem.name);
        return part;
      });
      inputs.forEach((p, i) => {
        inputs[i] = {
          ...p,
          parts: parts.map((part) => {
            const row = part.rows.find((r) => r.municipality === p.municipality);
            if (!row) throw new AllocationError(`${p.municipality} saknas i ${part.costItem.name}`);
            return fromDecimal(row.amount);
          }),
        };
      });
      break;
    }
    case "usage":
      engineModel = { type: "usage", unitPrice: fromDecimal(model.unitPrice) };
      inputs.forEach((p, i) => {
        inputs[i] = { ...p, quantity: fromDecimal(model.quantities[p.municipality] ?? new Decimal(0)) };
      });
      break;
  }

  const engine = runEngine(engineModel, inputs, {
    year,
    rounding,
    ...(rule?.cap && !options.model
      ? { cap: { amount: fromDecimal(rule.cap.amount), excess: rule.cap.excess } }
      : {}),
  });

  const table =
    options.ignorePublished || options.model || options.participants || options.rounding
      ? undefined
      : tableFor(d, costItem.id, year);
  const context = {
    costItem,
    year,
    unit,
    model,
    rounding,
    populationDate: vector?.date,
    populationSum: engine.populationSum,
    participantCount: participants.length,
    keyTable,
    partNames,
    table,
  };
  const rows: AllocationRow[] = engine.rows.map((r: EngineRow, i) => {
    const computed = new Decimal(r.amount.toString());
    const printed = table?.rows[r.municipality];
    const published: PublishedCell | undefined =
      table && printed
        ? { tableId: table.id, amount: printed, source: table.source, matchesComputed: printed.eq(computed) }
        : undefined;
    const base = {
      municipality: r.municipality,
      amount: published ? published.amount : computed,
      unit,
      provenance: published ? ("published" as const) : ("computed" as const),
      computed,
      ...(published ? { published } : {}),
      quota: exactOf(r.quota),
      ...(inputs[i]?.population !== undefined ? { population: Number(inputs[i]?.population) } : {}),
      ...(r.equalPart ? { equalPart: exactOf(r.equalPart) } : {}),
      ...(r.populationPart ? { populationPart: exactOf(r.populationPart) } : {}),
      ...(r.factor ? { factor: exactOf(r.factor) } : {}),
      ...(r.monthly
        ? { monthly: { quota: exactOf(r.monthly.quota), amount: new Decimal(r.monthly.amount.toString()) } }
        : {}),
      months: r.months,
      capped: r.capped,
    };
    return { ...base, explanation: explainRow(base, inputs[i] as EngineParticipant, context) };
  });

  return {
    collaboration: d.collaboration.id,
    costItem: { id: costItem.id, name: costItem.name, nameEn: costItem.nameEn, category: costItem.category },
    year,
    unit,
    model,
    rounding,
    roundingSource,
    ...(rule?.basis && !options.model ? { basis: rule.basis } : {}),
    ...(rule?.reason && !options.model ? { reason: rule.reason } : {}),
    participants: participants.map((p) => p.municipality),
    ...("populationYear" in model
      ? { populationYear: model.populationYear, populationSource: vector?.source }
      : {}),
    ...(engine.populationSum !== undefined ? { populationSum: Number(engine.populationSum) } : {}),
    underlyingTotal: exactOf(engine.underlyingTotal),
    rowSum: rows.reduce((a, r) => a.plus(r.amount), new Decimal(0)),
    ...(itemYear?.total ? { budgetTotal: itemYear.total } : {}),
    ...(table
      ? {
          publishedTable: {
            id: table.id,
            source: table.source,
            ...(table.totalPrinted ? { totalPrinted: table.totalPrinted } : {}),
          },
        }
      : {}),
    unallocated: exactOf(engine.unallocated),
    extraUnitTo: engine.extraUnitTo,
    rows,
  };
}
