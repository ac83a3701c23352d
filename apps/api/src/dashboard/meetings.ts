/**
 * The meeting plan of a year with the annual cycle (årshjul): the meetings report of the plan as it
 * stands in the store (moves, cancellations), and what each meeting is to decide.
 */
import { buildMeetingsReport, type Report } from "@samverkan/reports";
import type { DashboardContext } from "./context.js";
import { yearLinks } from "./costs.js";
import { esc, reportHtml, t } from "./layout.js";

export function meetingsReport(c: DashboardContext): Report | undefined {
  return c.meetingYear === undefined
    ? undefined
    : buildMeetingsReport(c.current, { year: c.meetingYear, lang: c.state.lang });
}

export function noMeetings(c: DashboardContext): string {
  return `<p>${esc(
    t(
      c.state.lang,
      `${c.dataset.collaboration.name} har inga sammanträden i datat.`,
      `${c.dataset.collaboration.nameEn} has no meetings in the data.`,
    ),
  )}</p>`;
}

export function meetingsSection(c: DashboardContext): string {
  const lang = c.state.lang;
  const report = meetingsReport(c);
  const title =
    c.meetingYear === undefined
      ? t(lang, "Sammanträdesplan och årshjul", "Meeting plan and annual cycle")
      : t(
          lang,
          `Sammanträdesplan och årshjul ${c.meetingYear}`,
          `Meeting plan and annual cycle ${c.meetingYear}`,
        );
  return `<section aria-labelledby="meetings">
<h2 id="meetings">${esc(title)}</h2>
${yearLinks(c, "meetingYear", c.meetingYears, c.meetingYear, t(lang, "År för sammanträden och närvaro", "Year of meetings and attendance"))}
${report ? reportHtml(report) : noMeetings(c)}
</section>`;
}
