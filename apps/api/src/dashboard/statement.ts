/**
 * The kommunbesked picker: a plain GET form (no script) with the municipalities and the years, and the
 * chosen municipality's statement for the year as the statement report has it.
 */
import { membersOn } from "@samverkan/domain";
import { buildStatementReport, type Report } from "@samverkan/reports";
import { chartsBySection, chartsHtml } from "./charts.js";
import type { DashboardContext } from "./context.js";
import { esc, hiddenState, reportHtml, t } from "./layout.js";

export function statementReport(c: DashboardContext): Report {
  return buildStatementReport(c.dataset, { year: c.year, municipality: c.municipality, lang: c.state.lang });
}

/** The municipalities to choose from: the members of any allocation year, in Swedish order. */
export function pickerMunicipalities(c: DashboardContext): string[] {
  const names = new Set(c.years.flatMap((y) => membersOn(c.dataset.collaboration, `${y}-01-01`)));
  return [...names].sort((a, b) => a.localeCompare(b, "sv"));
}

export function statementSection(c: DashboardContext): string {
  const lang = c.state.lang;
  const report = statementReport(c);
  const charts = chartsBySection(report);
  const options = pickerMunicipalities(c)
    .map((m) => `<option${m === c.municipality ? " selected" : ""}>${esc(m)}</option>`)
    .join("");
  const years = c.years.map((y) => `<option${y === c.year ? " selected" : ""}>${y}</option>`).join("");
  return `<section aria-labelledby="statement">
<h2 id="statement">${esc(t(lang, "Kommunbesked", "Municipality statement"))}</h2>
<form class="picker" method="get" action="#statement">
${hiddenState(c.state, { meetingYear: c.keep.meetingYear })}
<label>${esc(t(lang, "Kommun", "Municipality"))}
<select name="municipality">${options}</select></label>
<label>${esc(t(lang, "År", "Year"))}
<select name="year">${years}</select></label>
<button type="submit">${esc(t(lang, "Visa kommunbesked", "Show statement"))}</button>
</form>
<p class="lead">${esc(report.subtitle ? `${report.title} (${report.subtitle})` : report.title)}</p>
${reportHtml(report, (i) => chartsHtml(charts.get(i)))}
</section>`;
}
