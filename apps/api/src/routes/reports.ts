import { closestNames, foldName } from "@samverkan/domain";
import {
  buildReport,
  REPORT_NAMES,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderXlsx,
  type ReportName,
} from "@samverkan/reports";
import { z } from "zod";
import { requestLang, sendRendered, type App, type RouteContext } from "../app.js";
import { municipalityIn } from "../lookup.js";
import { HttpProblem } from "../problem.js";
import { collaborationParams, nameParam, problemResponses, yearParam } from "../schemas.js";
import { bilingual } from "../validation.js";

/** Each format's media type, file extension, and whether a browser should show it or save it. */
export const REPORT_FORMATS = {
  json: { type: "application/json; charset=utf-8", ext: "json", disposition: "inline" },
  csv: { type: "text/csv; charset=utf-8; header=present", ext: "csv", disposition: "attachment" },
  xlsx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ext: "xlsx",
    disposition: "attachment",
  },
  md: { type: "text/markdown; charset=utf-8", ext: "md", disposition: "attachment" },
  html: { type: "text/html; charset=utf-8", ext: "html", disposition: "inline" },
} as const;
type Format = keyof typeof REPORT_FORMATS;

/** A file name of ASCII letters, digits and hyphens: "norrbotten-statement-overkalix-2023.xlsx". */
export function reportFileName(parts: readonly (string | number | undefined)[], format: Format): string {
  const slug = parts
    .filter((p) => p !== undefined && p !== "")
    .map((p) =>
      foldName(String(p))
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .filter(Boolean)
    .join("-");
  return `${slug || "report"}.${REPORT_FORMATS[format].ext}`;
}

const reportParams = collaborationParams.extend({
  report: nameParam(`Report: ${REPORT_NAMES.join(", ")}`, "allocation"),
});

export function registerReportRoutes(app: App, { data }: RouteContext): void {
  app.get(
    "/collaborations/:collaboration/reports/:report",
    {
      // The dashboard links the reports as files: a link cannot send Authorization, so `?token=` too.
      config: { access: "read", tokenInQuery: true },
      schema: {
        tags: ["reports"],
        summary: "A report as JSON, CSV, XLSX, Markdown or HTML",
        description:
          `Reports: ${REPORT_NAMES.join(", ")}. Every report but max-withdrawal and decisions needs \`year\`; ` +
          "statement needs `municipality`. The language is `lang`, else Accept-Language (Swedish by default). " +
          "CSV is for Excel set to Swedish (BOM, semicolons, decimal comma).",
        params: reportParams,
        querystring: z.object({
          year: yearParam.optional(),
          municipality: nameParam("statement: the municipality", "Kalix").optional(),
          items: nameParam("allocation: cost items, comma-separated", "e-arkiv,grundfinansiering").optional(),
          table: nameParam(
            "allocation: a published table's heading",
            "Fördelning årskostnader 2022",
          ).optional(),
          format: z
            .enum(["json", "csv", "xlsx", "md", "html"], {
              error: bilingual(
                "ska vara json, csv, xlsx, md eller html",
                "must be json, csv, xlsx, md or html",
              ),
            })
            .default("json"),
          lang: z
            .enum(["sv", "en"], { error: bilingual('ska vara "sv" eller "en"', 'must be "sv" or "en"') })
            .optional(),
          token: z.string().optional().meta({
            description: "A read token, for links that cannot send Authorization (when reads need one)",
          }),
        }),
        response: {
          200: z
            .looseObject({
              name: z.string(),
              lang: z.enum(["sv", "en"]),
              title: z.string(),
              sections: z.array(z.unknown()),
            })
            .meta({ description: "format=json: the report; other formats: the rendered file" }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const d = await data.dataset(request.params.collaboration);
      const { report: name } = request.params;
      if (!(REPORT_NAMES as readonly string[]).includes(name)) {
        const suggestions = closestNames(
          name,
          REPORT_NAMES.map((r) => ({ name: r, spellings: [r] })),
        );
        throw new HttpProblem(
          "unknown-report",
          {
            sv: `Det finns ingen rapport "${name}". Rapporterna är ${REPORT_NAMES.join(", ")}.`,
            en: `There is no report "${name}". The reports are ${REPORT_NAMES.join(", ")}.`,
          },
          { suggestions: suggestions.length ? suggestions : [...REPORT_NAMES] },
        );
      }
      const report = name as ReportName;
      const q = request.query;
      const lang = q.lang ?? requestLang(request);
      const municipality = q.municipality === undefined ? undefined : municipalityIn(d, q.municipality).name;
      // The meeting plan as it stands in the store (moves, cancellations, attendance), not as published;
      // attendance and decisions also need what the secretary recorded (attendees, decisions).
      const dataset =
        report === "meetings"
          ? await data.withCurrentMeetings(d)
          : report === "attendance" || report === "decisions"
            ? await data.current(d)
            : d;
      const items = q.items
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const built = buildReport(dataset, report, {
        lang,
        ...(q.year !== undefined ? { year: q.year } : {}),
        ...(municipality ? { municipality } : {}),
        ...(items?.length ? { items } : {}),
        ...(q.table ? { table: q.table } : {}),
      });
      const format: Format = q.format;
      const file = reportFileName(
        [d.collaboration.id, report, report === "statement" ? municipality : undefined, q.year],
        format,
      );
      const spec = REPORT_FORMATS[format];
      reply
        .header("content-type", spec.type)
        .header("content-disposition", `${spec.disposition}; filename="${file}"`)
        .header("content-language", lang);
      switch (format) {
        case "json":
          return sendRendered(reply, JSON.stringify(built));
        case "csv":
          return sendRendered(reply, renderCsv(built));
        case "md":
          return sendRendered(reply, renderMarkdown(built));
        case "html":
          return sendRendered(reply, renderHtml(built));
        case "xlsx":
          return sendRendered(reply, await renderXlsx(built));
      }
    },
  );
}
