/**
 * Cost items: the allocation report of the chosen year (every item's split over the municipalities,
 * exactly as the reports print it) with its charts, links to the other years and, for SkånEarkiv, the
 * maximum withdrawal per municipality and year.
 */
import { buildAllocationReport, buildMaxWithdrawalReport, type Report } from "@samverkan/reports";
import { chartsBySection, chartsHtml } from "./charts.js";
import type { DashboardContext } from "./context.js";
import { esc, query, reportHtml, t } from "./layout.js";

export function allocationReport(c: DashboardContext): Report {
  return buildAllocationReport(c.dataset, { year: c.year, lang: c.state.lang });
}

/** The max-withdrawal report where the collaboration has one (SkånEarkiv), else undefined. */
export function maxWithdrawalReport(c: DashboardContext): Report | undefined {
  try {
    return buildMaxWithdrawalReport(c.dataset, { lang: c.state.lang });
  } catch {
    return undefined;
  }
}

/** Links to the same page for each year; the current one is marked. */
export function yearLinks(
  c: DashboardContext,
  key: "year" | "meetingYear",
  years: readonly number[],
  current: number | undefined,
  label: string,
): string {
  if (years.length < 2) return "";
  const items = years
    .map((y) => {
      const href = `${query(c.state, { ...c.keep, [key]: y })}#${key === "year" ? "costs" : "meetings"}`;
      return `<li><a href="${esc(href)}"${y === current ? ' aria-current="true"' : ""}>${y}</a></li>`;
    })
    .join("");
  return `<nav aria-label="${esc(label)}"><ul class="years">${items}</ul></nav>`;
}

export function costsSection(c: DashboardContext): string {
  const lang = c.state.lang;
  const report = allocationReport(c);
  const charts = chartsBySection(report);
  const max = maxWithdrawalReport(c);
  const maxCharts = max ? chartsBySection(max) : new Map();
  return `<section aria-labelledby="costs">
<h2 id="costs">${esc(t(lang, `Kostnadsposter ${c.year}`, `Cost items ${c.year}`))}</h2>
<p class="lead">${esc(
    t(
      lang,
      "Vad varje kommun betalar för varje kostnadspost, i kronor som budgeten och fördelningstabellerna trycker dem eller som fördelningsmotorn räknar dem.",
      "What each municipality pays for each cost item, as the budget and allocation tables print it or as the allocation engine computes it.",
    ),
  )}</p>
${yearLinks(c, "year", c.years, c.year, t(lang, "År för kostnadsposter och kommunbesked", "Year of cost items and statement"))}
${reportHtml(report, (i) => chartsHtml(charts.get(i)))}
${max ? `<h3>${esc(max.title)}</h3>${reportHtml(max, (i) => chartsHtml(maxCharts.get(i)), 4)}` : ""}
</section>`;
}
