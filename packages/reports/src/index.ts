/**
 * @samverkan/reports — report builders (pure: domain + allocation results in, a `Report` out) and
 * renderers (a `Report` in, Markdown, CSV, XLSX, HTML or an Adaptive Card out).
 */
export { formatMoney, formatNumber } from "@samverkan/domain";
export type * from "./model.js";
export { formatCell, cellNumber } from "./format-cell.js";
export { renderXlsx } from "./render/xlsx.js";
export { buildAllocationReport, type AllocationReportOptions } from "./builders/allocation.js";
export { buildStatementReport, type StatementReportOptions } from "./builders/statement.js";
export { buildBudgetReport, type BudgetReportOptions } from "./builders/budget.js";
export { buildInterimReport, type InterimReportOptions } from "./builders/interim.js";
export { buildMeetingsReport, type MeetingsReportOptions } from "./builders/meetings.js";
export { buildMaxWithdrawalReport, type MaxWithdrawalReportOptions } from "./builders/max-withdrawal.js";
export { buildAttendanceReport, type AttendanceReportOptions } from "./builders/attendance.js";
export { buildDecisionsReport, type DecisionsReportOptions } from "./builders/decisions.js";
export {
  buildReport,
  REPORT_NAMES,
  ReportOptionError,
  type BuildReportOptions,
} from "./builders/build-report.js";
export { renderMarkdown, COMPUTED_MARK } from "./render/markdown.js";
export { renderCsv, csvField, type CsvOptions } from "./render/csv.js";
export { renderHtml, escapeHtml } from "./render/html.js";
export {
  renderAdaptiveCard,
  answerCard,
  escapeCardText,
  cardBytes,
  CARD_MAX_BYTES,
  CARD_MAX_ACTIONS,
} from "./render/card.js";
export type { CardOptions, AnswerCardInput } from "./render/card.js";
export type * from "./render/card-types.js";
export {
  chartFromTable,
  chartNumber,
  chartDescription,
  type Chart,
  type ChartKind,
  type ChartUnit,
  type ChartPoint,
  type ChartSeries,
  type ChartGoal,
  type ChartFromTableOptions,
} from "./charts/chart.js";
export { chartElement, chartLeftOut } from "./render/card-chart.js";
export { renderChartSvg } from "./render/chart-svg.js";
export { reportCharts, type SectionChart } from "./charts/report-charts.js";
export { provenanceLists } from "./render/table-parts.js";
export { COMPUTED_SIGN, renderWords, type RenderWords } from "./render/render-words.js";
