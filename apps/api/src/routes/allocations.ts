import { allocateCostItem } from "@samverkan/allocation";
import type { Dataset } from "@samverkan/domain";
import { z } from "zod";
import { allocationJson, allocationSchema } from "../allocation-json.js";
import { sendRendered, type App, type RouteContext } from "../app.js";
import { allocationYears, costItemIn, municipalityIn } from "../lookup.js";
import { HttpProblem } from "../problem.js";
import { collaborationParams, nameParam, problemResponses, yearParam } from "../schemas.js";

const responseSchema = z.object({
  collaboration: z.string(),
  year: z.number().int(),
  municipality: z.string().optional(),
  allocations: z.array(allocationSchema),
});

/** Responses remembered per dataset object: the engine is pure and the datasets are frozen. */
const MAX_CACHED = 2000;
const cache = new WeakMap<Dataset, Map<string, string>>();

function remembered(d: Dataset): Map<string, string> {
  let map = cache.get(d);
  if (!map) cache.set(d, (map = new Map()));
  if (map.size >= MAX_CACHED) map.clear();
  return map;
}

function compute(d: Dataset, year: number, itemQuery?: string, municipalityQuery?: string): string {
  const municipality =
    municipalityQuery === undefined ? undefined : municipalityIn(d, municipalityQuery).name;
  const c = d.collaboration;
  let allocations;
  if (itemQuery !== undefined) {
    const item = costItemIn(d, itemQuery);
    const one = allocationJson(d, allocateCostItem(d, item, year), municipality);
    if (municipality && one.rows.length === 0)
      throw new HttpProblem("no-data", {
        sv: `${municipality} deltar inte i ${item.name} ${year}.`,
        en: `${municipality} takes no part in ${item.nameEn} in ${year}.`,
      });
    allocations = [one];
  } else {
    const items = d.costItems.filter((x) =>
      x.years.some((y) => y.year === year && y.rule && y.status === "budgeted"),
    );
    if (items.length === 0) {
      const years = allocationYears(d);
      throw new HttpProblem("no-data", {
        sv: `${c.name} har inga fördelningar för ${year}; det finns för ${years.join(", ")}.`,
        en: `${c.nameEn} has no allocations for ${year}; there are for ${years.join(", ")}.`,
      });
    }
    allocations = items
      .map((item) => allocationJson(d, allocateCostItem(d, item, year), municipality))
      .filter((a) => a.rows.length > 0);
  }
  return JSON.stringify({
    collaboration: c.id,
    year,
    ...(municipality ? { municipality } : {}),
    allocations,
  });
}

export function registerAllocationRoutes(app: App, { data }: RouteContext): void {
  app.get(
    "/collaborations/:collaboration/allocations",
    {
      config: { access: "read" },
      // A request for a URL answered before, on the same dataset object, gets the same bytes without
      // being parsed and validated again: the answer depends on nothing else (both languages are in it).
      preValidation: async (request, reply) => {
        const { collaboration } = request.params as { collaboration: string };
        const d = (await data.all()).find((x) => x.collaboration.id === collaboration);
        const body = d && cache.get(d)?.get(`url:${request.url}`);
        if (body !== undefined)
          return sendRendered(reply.header("content-type", "application/json; charset=utf-8"), body);
      },
      schema: {
        tags: ["allocations"],
        summary: "What each municipality pays per cost item and year, with provenance and explanation",
        description:
          "Without `item`, every budgeted item of the year. Amounts are exact decimal strings in `unit`; " +
          "`provenance` says whether an amount is printed in a published table or computed by the model.",
        params: collaborationParams,
        querystring: z.object({
          year: yearParam,
          item: nameParam("Cost item: id, printed name, English name or synonym", "e-arkiv").optional(),
          municipality: nameParam("Municipality: name, alias or kommunkod", "Kalix").optional(),
        }),
        response: { 200: responseSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const d = await data.dataset(request.params.collaboration);
      const { year, item, municipality } = request.query;
      const key = `${year}\u0000${item ?? ""}\u0000${municipality ?? ""}\u0000${item === undefined}${municipality === undefined}`;
      const map = remembered(d);
      let body = map.get(key);
      if (body === undefined) {
        body = compute(d, year, item, municipality);
        map.set(key, body);
      }
      map.set(`url:${request.url}`, body);
      return sendRendered(reply.header("content-type", "application/json; charset=utf-8"), body);
    },
  );
}
