/**
 * @samverkan/reports — report builders (pure: domain + allocation results in, a `Report` out) and
 * renderers (a `Report` in, Markdown, CSV, XLSX, HTML or an Adaptive Card out).
 */
export { formatMoney, formatNumber } from "@samverkan/domain";
export type * from "./model.js";
export { formatCell, cellNumber } from "./format-cell.js";
export { renderXlsx } from "./render/xlsx.js";
