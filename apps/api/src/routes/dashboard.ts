/**
 * The read-only dashboard: `GET /dashboard` lists the collaborations, `GET /dashboard/{c}` is one
 * collaboration's page (cost items, kommunbesked picker, meeting plan and årshjul, attendance, links to
 * the reports and the calendar feed). Server-rendered HTML that works without JavaScript, meant also as
 * a Teams tab: `?lang=` takes Teams' `{locale}` ("sv-se", "en-us"), `?theme=` its `{theme}`, and the
 * page may be framed by Teams and Microsoft 365 only.
 */
import { type Dataset } from "@samverkan/domain";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { requestLang, sendRendered, type App, type RouteContext } from "../app.js";
import type { DashboardContext } from "../dashboard/context.js";
import type { PageState } from "../dashboard/layout.js";
import { collaborationPage, indexPage } from "../dashboard/page.js";
import { pickerMunicipalities } from "../dashboard/statement.js";
import { THEMES, type Theme } from "../dashboard/theme.js";
import type { Lang } from "../language.js";
import { allocationYears, municipalityIn } from "../lookup.js";
import { invalidField } from "../problem.js";
import { collaborationParams, nameParam, problemResponses, yearParam } from "../schemas.js";
import { bilingual } from "../validation.js";

/** Who may frame the page: Teams (web and desktop), Outlook and the Microsoft 365 app. */
export const FRAME_ANCESTORS = [
  "'self'",
  "teams.microsoft.com",
  "*.teams.microsoft.com",
  "*.office.com",
  "*.cloud.microsoft",
];

/** No script, no fetch, nothing from elsewhere: inline styles and same-origin links and forms only. */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`,
].join("; ");

/** A language tag as Teams' `{locale}` gives it ("sv-se", "en-US"), or the placeholder left as it is. */
const LANG_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const pageQuery = z.object({
  lang: z
    .string()
    .max(35)
    .regex(/^(\{locale\}|[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)$/, {
      error: bilingual(
        'ska vara en språkkod som "sv", "en" eller "sv-SE"',
        'must be a language tag such as "sv", "en" or "en-US"',
      ),
    })
    .optional()
    .meta({ description: 'sv or en (a tag such as "sv-se" or "en-us" is read by its language)' }),
  theme: z
    .enum([...THEMES, "{theme}"], {
      error: bilingual("ska vara default, dark eller contrast", "must be default, dark or contrast"),
    })
    .optional(),
  token: z.string().optional().meta({ description: "A read token (when reads need one)" }),
});

const collaborationQuery = pageQuery.extend({
  year: yearParam.optional(),
  municipality: nameParam("The kommunbesked's municipality", "Kalix").optional(),
  meetingYear: yearParam.optional().meta({ description: "The year of the meeting plan and attendance" }),
});

/** The page's language: `lang` by its primary subtag, else Accept-Language; Swedish by default. */
function pageLang(lang: string | undefined, fromHeader: Lang): { lang: Lang; inQuery: boolean } {
  const primary = lang && LANG_TAG.test(lang) ? lang.split("-")[0]?.toLowerCase() : undefined;
  if (primary === "sv" || primary === "en") return { lang: primary, inQuery: true };
  return { lang: fromHeader, inQuery: false };
}

function pageState(q: z.output<typeof pageQuery>, fromHeader: Lang): PageState {
  const { lang, inQuery } = pageLang(q.lang, fromHeader);
  const theme: Theme | undefined = q.theme === undefined || q.theme === "{theme}" ? undefined : q.theme;
  return {
    lang,
    langInQuery: inQuery,
    ...(theme ? { theme } : {}),
    ...(q.token !== undefined ? { token: q.token } : {}),
  };
}

function sendPage(reply: FastifyReply, html: string, state: PageState): FastifyReply {
  return sendRendered(
    reply
      .header("content-type", "text/html; charset=utf-8")
      .header("content-language", state.lang)
      .header("content-security-policy", DASHBOARD_CSP)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "no-referrer")
      .header("cross-origin-resource-policy", "same-site")
      .header("vary", "Accept-Language")
      // A token in the URL: nothing may keep the page; without one it is the store's data now.
      .header("cache-control", state.token !== undefined ? "no-store" : "private, no-cache"),
    html,
  );
}

function yearIn(
  years: readonly number[],
  year: number | undefined,
  fallback: number | undefined,
  field: string,
) {
  if (year === undefined) return fallback;
  if (years.includes(year)) return year;
  throw invalidField("query", field, {
    sv: `det finns uppgifter för ${years.join(", ") || "inga år"}, inte ${year}`,
    en: `there is data for ${years.join(", ") || "no year"}, not ${year}`,
  });
}

/** The year of `now` when there is data for it, else the latest year with data. */
function defaultYear(years: readonly number[], now: Date): number | undefined {
  const year = Number(now.toISOString().slice(0, 4));
  return years.includes(year) ? year : years.at(-1);
}

export function registerDashboardRoutes(app: App, { data, clock }: RouteContext): void {
  const config = { access: "read", tokenInQuery: true } as const;

  app.get(
    "/dashboard",
    {
      config,
      schema: { hide: true, querystring: pageQuery, response: { ...problemResponses(400, 401) } },
    },
    async (request, reply) => {
      const state = pageState(request.query, requestLang(request));
      return sendPage(reply, indexPage(await data.all(), state), state);
    },
  );

  app.get(
    "/dashboard/:collaboration",
    {
      config,
      schema: {
        hide: true,
        params: collaborationParams,
        querystring: collaborationQuery,
        response: { ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const state = pageState(q, requestLang(request));
      const dataset: Dataset = await data.dataset(request.params.collaboration);
      const current = await data.current(dataset);
      const years = allocationYears(dataset);
      const now = clock();
      const year = yearIn(years, q.year, defaultYear(years, now), "year");
      const meetingYears = [...new Set(current.meetings.map((m) => Number(m.date.slice(0, 4))))].sort();
      const meetingYear = yearIn(meetingYears, q.meetingYear, defaultYear(meetingYears, now), "meetingYear");
      if (year === undefined)
        throw invalidField("query", "year", {
          sv: `${dataset.collaboration.name} har inga fördelningar`,
          en: `${dataset.collaboration.nameEn} has no allocations`,
        });
      const base: Omit<DashboardContext, "municipality" | "keep"> = {
        dataset,
        current,
        state,
        year,
        years,
        meetingYear,
        meetingYears,
      };
      const choices = pickerMunicipalities({ ...base, municipality: "", keep: {} });
      const host = dataset.collaboration.host;
      const municipality =
        q.municipality !== undefined
          ? municipalityIn(dataset, q.municipality).name
          : choices.includes(host)
            ? host
            : (choices[0] ?? host);
      const keep = {
        ...(q.year !== undefined ? { year } : {}),
        ...(q.municipality !== undefined ? { municipality } : {}),
        ...(q.meetingYear !== undefined ? { meetingYear } : {}),
      };
      return sendPage(reply, collaborationPage({ ...base, municipality, keep }), state);
    },
  );
}
