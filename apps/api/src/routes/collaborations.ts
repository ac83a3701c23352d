import { describeRounding, modelName } from "@samverkan/allocation";
import { type Dataset } from "@samverkan/domain";
import { z } from "zod";
import type { App, RouteContext } from "../app.js";
import { allocationYears, municipalityIn } from "../lookup.js";
import { HttpProblem } from "../problem.js";
import {
  collaborationParams,
  decimalString,
  localizedText,
  municipalityParams,
  problemResponses,
  unitSchema,
  yearParam,
} from "../schemas.js";

const collaborationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: z.string(),
    host: z.string(),
    timeZone: z.string(),
    unit: unitSchema,
    description: z.string().optional(),
    members: z.array(z.object({ municipality: z.string(), from: z.string(), to: z.string().optional() })),
    roles: z.array(z.object({ id: z.string(), title: z.string(), titleEn: z.string() })),
    allocationYears: z.array(z.number().int()).meta({ description: "Years with allocation rules" }),
  })
  .meta({ id: "Collaboration" });

const populationSchema = z.object({
  year: z.number().int(),
  date: z.string(),
  count: z.number().int(),
  source: z.string(),
});

const municipalitySchema = z
  .object({
    code: z.string().meta({ description: "SCB kommunkod" }),
    name: z.string(),
    aliases: z.array(z.string()),
    county: z.string().optional(),
    membership: z.array(z.object({ from: z.string(), to: z.string().optional() })),
    population: z.array(populationSchema).meta({ description: "SCB population on 31 December, by year" }),
  })
  .meta({ id: "Municipality" });

const costItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    category: z.string(),
    synonyms: z.array(z.string()),
    description: z.string().optional(),
    years: z.array(
      z.object({
        year: z.number().int(),
        status: z.enum(["budgeted", "proposed"]),
        total: decimalString.optional(),
        unit: unitSchema,
        indexation: z.string().optional(),
        model: z.object({ type: z.string(), name: localizedText }).optional(),
        rounding: localizedText.optional(),
      }),
    ),
  })
  .meta({ id: "CostItem" });

function collaborationJson(d: Dataset): z.output<typeof collaborationSchema> {
  const c = d.collaboration;
  return {
    id: c.id,
    name: c.name,
    nameEn: c.nameEn,
    kind: c.kind,
    host: c.host,
    timeZone: c.timeZone,
    unit: c.unit,
    ...(c.description ? { description: c.description } : {}),
    members: c.members.map((m) => ({
      municipality: m.municipality,
      from: m.from,
      ...(m.to ? { to: m.to } : {}),
    })),
    roles: c.roles.map((r) => ({ id: r.id, title: r.title, titleEn: r.titleEn })),
    allocationYears: allocationYears(d),
  };
}

function municipalityJson(d: Dataset, name: string): z.output<typeof municipalitySchema> {
  const m = d.municipalities.find((x) => x.name === name);
  if (!m) throw new Error(`municipality ${name} vanished`);
  return {
    code: m.code,
    name: m.name,
    aliases: [...m.aliases],
    ...(m.county ? { county: m.county } : {}),
    membership: d.collaboration.members
      .filter((x) => x.municipality === m.name)
      .map((x) => ({ from: x.from, ...(x.to ? { to: x.to } : {}) })),
    population: d.population
      .filter((v) => v.counts[m.name] !== undefined)
      .map((v) => ({
        year: Number(v.date.slice(0, 4)),
        date: v.date,
        count: v.counts[m.name] as number,
        source: v.source,
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

function costItemJson(d: Dataset, year: number | undefined): z.output<typeof costItemSchema>[] {
  return d.costItems
    .map((x) => ({
      id: x.id,
      name: x.name,
      nameEn: x.nameEn,
      category: x.category,
      synonyms: [...x.synonyms],
      ...(x.description ? { description: x.description } : {}),
      years: x.years
        .filter((y) => year === undefined || y.year === year)
        .map((y) => {
          const unit = y.rule?.unit ?? y.unit;
          const rounding = y.rule ? (y.rule.rounding ?? d.collaboration.defaultRounding) : undefined;
          return {
            year: y.year,
            status: y.status,
            ...(y.total ? { total: y.total.toFixed() } : {}),
            unit,
            ...(y.indexation ? { indexation: y.indexation } : {}),
            ...(y.rule
              ? {
                  model: {
                    type: y.rule.model.type,
                    name: { sv: modelName(y.rule.model, "sv"), en: modelName(y.rule.model, "en") },
                  },
                }
              : {}),
            ...(rounding
              ? {
                  rounding: {
                    sv: describeRounding(rounding, unit, "sv"),
                    en: describeRounding(rounding, unit, "en"),
                  },
                }
              : {}),
          };
        }),
    }))
    .filter((x) => year === undefined || x.years.length > 0);
}

export function registerCollaborationRoutes(app: App, { data }: RouteContext): void {
  app.get(
    "/collaborations",
    {
      config: { access: "read" },
      schema: {
        tags: ["data"],
        summary: "Every collaboration (joint committee) in the store",
        response: {
          200: z.object({ collaborations: z.array(collaborationSchema) }),
          ...problemResponses(401),
        },
      },
    },
    async () => ({ collaborations: (await data.all()).map(collaborationJson) }),
  );

  app.get(
    "/collaborations/:collaboration",
    {
      config: { access: "read" },
      schema: {
        tags: ["data"],
        summary: "One collaboration: members, roles, years with allocations",
        params: collaborationParams,
        response: { 200: collaborationSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => collaborationJson(await data.dataset(request.params.collaboration)),
  );

  app.get(
    "/collaborations/:collaboration/municipalities",
    {
      config: { access: "read" },
      schema: {
        tags: ["data"],
        summary: "The member municipalities with their population by year",
        params: collaborationParams,
        response: {
          200: z.object({ municipalities: z.array(municipalitySchema) }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      return { municipalities: d.municipalities.map((m) => municipalityJson(d, m.name)) };
    },
  );

  app.get(
    "/collaborations/:collaboration/municipalities/:municipality",
    {
      config: { access: "read" },
      schema: {
        tags: ["data"],
        summary: "One municipality (name, alias or kommunkod); unknown names get the closest ones",
        params: municipalityParams,
        response: { 200: municipalitySchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      return municipalityJson(d, municipalityIn(d, request.params.municipality).name);
    },
  );

  app.get(
    "/collaborations/:collaboration/cost-items",
    {
      config: { access: "read" },
      schema: {
        tags: ["data"],
        summary: "Cost items (kostnadsposter) with their totals, models and rounding per year",
        params: collaborationParams,
        querystring: z.object({ year: yearParam.optional() }),
        response: {
          200: z.object({ costItems: z.array(costItemSchema) }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const d = await data.dataset(request.params.collaboration);
      const year = request.query.year;
      const costItems = costItemJson(d, year);
      if (year !== undefined && costItems.length === 0) {
        const years = [...new Set(d.costItems.flatMap((x) => x.years.map((y) => y.year)))].sort();
        throw new HttpProblem("no-data", {
          sv: `${d.collaboration.name} har inga kostnadsposter för ${year}; det finns för ${years.join(", ")}.`,
          en: `${d.collaboration.nameEn} has no cost items for ${year}; there are for ${years.join(", ")}.`,
        });
      }
      return { costItems };
    },
  );
}
