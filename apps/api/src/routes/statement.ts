import {
  allocateCostItem,
  modelName,
  municipalityStatement,
  type StatementLine,
  type StatementTotal,
} from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";
import { z } from "zod";
import { provenance } from "../allocation-json.js";
import type { App, RouteContext } from "../app.js";
import { municipalityIn } from "../lookup.js";
import {
  decimalString,
  localizedText,
  municipalityParams,
  problemResponses,
  provenanceSchema,
  unitSchema,
  yearParam,
} from "../schemas.js";

const totalSchema = z.object({ amount: decimalString, unit: unitSchema });

const lineSchema = z.object({
  item: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), category: z.string() }),
  amount: decimalString,
  unit: unitSchema,
  provenance: provenanceSchema,
  model: z.object({ type: z.string(), name: localizedText }),
  explanation: localizedText,
  change: z
    .object({
      previousYear: z.number().int(),
      previous: decimalString,
      previousProvenance: z.enum(["published", "computed"]),
      amount: decimalString,
      percent: z.object({ value: decimalString, exact: z.boolean() }).nullable(),
    })
    .nullable(),
});

export const statementSchema = z
  .object({
    collaboration: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
    municipality: z.string(),
    year: z.number().int(),
    items: z.array(lineSchema),
    billedBySupplier: z.array(lineSchema),
    billedBySupplierNote: localizedText,
    extras: z.array(
      z.object({
        item: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }),
        kind: z.string(),
        name: z.string(),
        nameEn: z.string(),
        amount: decimalString,
        amountMax: decimalString.optional(),
        unit: unitSchema,
        per: z.string(),
        note: z.string().optional(),
      }),
    ),
    total: z.array(totalSchema),
    totalIncludingSupplier: z.array(totalSchema),
  })
  .meta({
    id: "MunicipalityStatement",
    description: "Kommunbesked: everything one municipality pays in a year",
  });

function lineJson(d: Dataset, year: number, line: StatementLine): z.output<typeof lineSchema> {
  const result = allocateCostItem(d, line.costItem.id, year);
  return {
    item: {
      id: line.costItem.id,
      name: line.costItem.name,
      nameEn: line.costItem.nameEn,
      category: line.costItem.category,
    },
    amount: line.amount.toFixed(),
    unit: line.unit,
    provenance: provenance(d, result, line.row),
    model: {
      type: line.allocation.model.type,
      name: { sv: modelName(line.allocation.model, "sv"), en: modelName(line.allocation.model, "en") },
    },
    explanation: { sv: line.explanation.sv, en: line.explanation.en },
    change: line.change
      ? {
          previousYear: line.change.previousYear,
          previous: line.change.previous.toFixed(),
          previousProvenance: line.change.previousProvenance,
          amount: line.change.amount.toFixed(),
          percent: line.change.percent
            ? { value: line.change.percent.value.toFixed(), exact: line.change.percent.exact }
            : null,
        }
      : null,
  };
}

const totals = (t: readonly StatementTotal[]) => t.map((x) => ({ amount: x.amount.toFixed(), unit: x.unit }));

export function registerStatementRoutes(app: App, { data }: RouteContext): void {
  app.get(
    "/collaborations/:collaboration/municipalities/:municipality/statement",
    {
      config: { access: "read" },
      schema: {
        tags: ["allocations"],
        summary: "Kommunbesked: everything a municipality pays in a year, with last year's change",
        params: municipalityParams,
        querystring: z.object({ year: yearParam }),
        response: { 200: statementSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      const municipality = municipalityIn(d, request.params.municipality).name;
      const year = request.query.year;
      const s = municipalityStatement(d, municipality, year);
      return {
        collaboration: { ...s.collaboration },
        municipality: s.municipality,
        year: s.year,
        items: s.items.map((l) => lineJson(d, year, l)),
        billedBySupplier: s.billedBySupplier.map((l) => lineJson(d, year, l)),
        billedBySupplierNote: { ...s.billedBySupplierNote },
        extras: s.extras.map((x) => ({
          item: { id: x.costItem.id, name: x.costItem.name, nameEn: x.costItem.nameEn },
          kind: x.kind,
          name: x.name,
          nameEn: x.nameEn,
          amount: x.amount.toFixed(),
          ...(x.amountMax ? { amountMax: x.amountMax.toFixed() } : {}),
          unit: x.unit,
          per: x.per,
          ...(x.note ? { note: x.note } : {}),
        })),
        total: totals(s.total),
        totalIncludingSupplier: totals(s.totalIncludingSupplier),
      };
    },
  );
}
