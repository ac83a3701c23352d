/**
 * Links to the API: every report that exists for the page's choices in each file format (the
 * /v1/…/reports routes), and the meeting plan's calendar feed where there are meetings. Relative
 * links, so the page works behind a proxy that mounts the API under a path of its own.
 */
import { buildReport, type BuildReportOptions, type ReportName } from "@samverkan/reports";
import type { DashboardContext } from "./context.js";
import { esc, t } from "./layout.js";

/** The file formats linked, in the order shown. */
export const LINK_FORMATS = ["xlsx", "csv", "html", "md"] as const;

const REPORT_LABELS: Record<ReportName, [string, string]> = {
  allocation: ["Fördelning per kostnadspost", "Allocation per cost item"],
  statement: ["Kommunbesked", "Municipality statement"],
  budget: ["Budget", "Budget"],
  interim: ["Delårsrapport", "Interim report"],
  meetings: ["Sammanträdesplan och årshjul", "Meeting plan and annual cycle"],
  "max-withdrawal": ["Maximalt uttag", "Maximum withdrawal"],
  attendance: ["Närvaro", "Attendance"],
  decisions: ["Beslutsregister", "Decisions register"],
};

interface LinkedReport {
  readonly name: ReportName;
  readonly label: string;
  readonly params: Record<string, string | number>;
}

/** The reports that build for these choices (one that would fail is not offered). */
export function linkedReports(c: DashboardContext): LinkedReport[] {
  const lang = c.state.lang;
  const candidates: { name: ReportName; options: BuildReportOptions; year?: number }[] = [
    { name: "allocation", options: { year: c.year }, year: c.year },
    { name: "statement", options: { year: c.year, municipality: c.municipality }, year: c.year },
    { name: "budget", options: { year: c.year }, year: c.year },
    { name: "interim", options: { year: c.year }, year: c.year },
    { name: "max-withdrawal", options: {} },
    ...(c.meetingYear !== undefined
      ? ([
          { name: "meetings", options: { year: c.meetingYear }, year: c.meetingYear },
          { name: "attendance", options: { year: c.meetingYear }, year: c.meetingYear },
          { name: "decisions", options: { year: c.meetingYear }, year: c.meetingYear },
        ] as const)
      : []),
  ];
  const out: LinkedReport[] = [];
  for (const { name, options, year } of candidates) {
    const dataset =
      name === "meetings" || name === "attendance" || name === "decisions" ? c.current : c.dataset;
    try {
      const report = buildReport(dataset, name, { ...options, lang });
      if (name === "max-withdrawal" && report.sections.every((s) => !s.table?.rows.length)) continue;
    } catch {
      continue;
    }
    const [sv, en] = REPORT_LABELS[name];
    const who = name === "statement" ? ` — ${c.municipality}` : "";
    out.push({
      name,
      label: `${t(lang, sv, en)}${year !== undefined ? ` ${year}` : ""}${who}`,
      params: {
        ...(year !== undefined ? { year } : {}),
        ...(name === "statement" ? { municipality: c.municipality } : {}),
      },
    });
  }
  return out;
}

function apiHref(c: DashboardContext, path: string, params: Record<string, string | number>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, String(v));
  if (c.state.token !== undefined) q.set("token", c.state.token);
  const text = q.toString();
  return `../v1/collaborations/${encodeURIComponent(c.dataset.collaboration.id)}/${path}${text ? `?${text}` : ""}`;
}

/** The href of one report in one format, as the page links it. */
export function reportHref(c: DashboardContext, r: LinkedReport, format: string): string {
  return apiHref(c, `reports/${r.name}`, { ...r.params, format, lang: c.state.lang });
}

/** The calendar feed's href, or undefined when the collaboration has no meetings. */
export function calendarHref(c: DashboardContext): string | undefined {
  return c.current.meetings.length > 0 ? apiHref(c, "meetings.ics", { lang: c.state.lang }) : undefined;
}

export function linksSection(c: DashboardContext): string {
  const lang = c.state.lang;
  const caption = t(lang, "Rapporter att ladda ned", "Reports to download");
  const head = LINK_FORMATS.map((f) => `<th scope="col">${f.toUpperCase()}</th>`).join("");
  const rows = linkedReports(c)
    .map((r) => {
      const cells = LINK_FORMATS.map(
        (f) =>
          `<td><a href="${esc(reportHref(c, r, f))}" aria-label="${esc(`${r.label}, ${f.toUpperCase()}`)}">${f.toUpperCase()}</a></td>`,
      ).join("");
      return `<tr><th scope="row">${esc(r.label)}</th>${cells}</tr>`;
    })
    .join("\n");
  const ics = calendarHref(c);
  const calendar = ics
    ? `<h3>${esc(t(lang, "Kalender", "Calendar"))}</h3><p>${esc(
        t(
          lang,
          "Prenumerera på sammanträdesplanen i Outlook, Teams eller en annan kalender:",
          "Subscribe to the meeting plan in Outlook, Teams or another calendar:",
        ),
      )} <a href="${esc(ics)}">${esc(t(lang, "kalenderflöde (.ics)", "calendar feed (.ics)"))}</a></p>`
    : "";
  return `<section aria-labelledby="links">
<h2 id="links">${esc(t(lang, "Rapporter och kalender", "Reports and calendar"))}</h2>
<div class="scroll" role="region" aria-label="${esc(caption)}" tabindex="0"><table><caption>${esc(caption)}</caption>
<thead><tr><th scope="col">${esc(t(lang, "Rapport", "Report"))}</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></div>
${calendar}
</section>`;
}
