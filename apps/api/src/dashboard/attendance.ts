/**
 * Attendance per meeting against the goal (75 %): the attendance report of the meeting year, with the
 * secretary's recorded attendance, and its chart.
 */
import { buildAttendanceReport, type Report } from "@samverkan/reports";
import { chartsBySection, chartsHtml } from "./charts.js";
import type { DashboardContext } from "./context.js";
import { esc, reportHtml, t } from "./layout.js";
import { noMeetings } from "./meetings.js";

export function attendanceReport(c: DashboardContext): Report | undefined {
  return c.meetingYear === undefined
    ? undefined
    : buildAttendanceReport(c.current, { year: c.meetingYear, lang: c.state.lang });
}

export function attendanceSection(c: DashboardContext): string {
  const lang = c.state.lang;
  const report = attendanceReport(c);
  const charts = report ? chartsBySection(report) : new Map();
  const year = c.meetingYear === undefined ? "" : ` ${c.meetingYear}`;
  return `<section aria-labelledby="attendance">
<h2 id="attendance">${esc(t(lang, `Närvaro${year}`, `Attendance${year}`))}</h2>
<p class="lead">${esc(
    t(
      lang,
      "Närvaro per sammanträde mot målet att minst 75 % av kommunerna deltar.",
      "Attendance per meeting against the goal that at least 75 % of the municipalities take part.",
    ),
  )}</p>
${report ? reportHtml(report, (i) => chartsHtml(charts.get(i))) : noMeetings(c)}
</section>`;
}
