import { formatCell } from "../format-cell.js";
import { reportCharts } from "../charts/report-charts.js";
import type { Chart } from "../charts/chart.js";
import { renderChartSvg } from "./chart-svg.js";
import { escapeHtml } from "./escape.js";
import type { Report, ReportCell, ReportColumn, ReportLang, ReportSection, ReportTable } from "../model.js";
import { COMPUTED_SIGN, FLAG_SIGN, renderWords, type RenderWords } from "./render-words.js";
import { cellAt, isNumericColumn, provenanceIn, provenanceLists, rowNotes } from "./table-parts.js";

/** Tables wider than this print on landscape pages. */
const LANDSCAPE_FROM_COLUMNS = 6;

export { escapeHtml };

/**
 * The report as one self-contained, printable HTML page: no scripts, no external styles, fonts or
 * images, so it can be mailed, archived or opened offline and prints the same anywhere.
 *
 * The page carries the report's language (`<html lang="sv">`). Amounts, percentages and numbers are
 * right-aligned with even-width digits; computed amounts are shaded and marked †, with their model
 * in a tooltip and listed under the table, next to the sources of the published amounts; flagged
 * rows are marked ⚠. Each table's notes follow it; a legend and the report's own notes close the
 * page. In print, headings stay with their tables, the header row repeats on each page, the totals
 * row prints once, and wide tables turn the page to landscape.
 *
 * Pure: a string in, nothing read or written.
 *
 * @example
 * await writeFile("kommunbesked-kalix-2023.html", renderHtml(report));
 */
export function renderHtml(report: Report): string {
  const words = renderWords(report.lang);
  const wide = report.sections.some((s) => (s.table?.columns.length ?? 0) > LANDSCAPE_FROM_COLUMNS);
  const tables = report.sections.flatMap((s) => (s.table ? [s.table] : []));
  const anyComputed = tables.some((t) => provenanceIn(t).computed);
  const anyFlagged = tables.some((t) => t.rows.some((r) => r.emphasis === "flagged"));
  const charts = reportCharts(report);

  const heading = [
    `<p class="collaboration">${escapeHtml(report.collaboration)}</p>`,
    `<h1>${escapeHtml(report.title)}</h1>`,
    report.subtitle ? `<p class="subtitle">${escapeHtml(report.subtitle)}</p>` : "",
  ].join("");
  const legend = [
    anyComputed ? words.legendComputedHtml : "",
    anyComputed ? words.legendPublishedHtml : "",
    anyFlagged ? words.legendFlagged : "",
  ].filter(Boolean);
  const footer = [
    legend.length ? `<p class="legend">${legend.map(escapeHtml).join(" ")}</p>` : "",
    report.notes?.length ? `<h2>${escapeHtml(words.reportNotes)}</h2>${list(report.notes, "notes")}` : "",
  ].join("");

  return [
    "<!doctype html>",
    `<html lang="${report.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="samverkan">',
    `<title>${escapeHtml(`${report.title} – ${report.collaboration}`)}</title>`,
    `<style>${styles(wide)}</style>`,
    "</head>",
    "<body>",
    `<header>${heading}</header>`,
    "<main>",
    ...report.sections.map((section, i) =>
      renderSection(
        section,
        i,
        report.lang,
        words,
        charts.filter((c) => c.section === i).map((c) => c.chart),
      ),
    ),
    "</main>",
    footer ? `<footer>${footer}</footer>` : "",
    "</body>",
    "</html>",
  ]
    .filter((line) => line !== "")
    .join("\n")
    .concat("\n");
}

function renderSection(
  section: ReportSection,
  index: number,
  lang: ReportLang,
  words: RenderWords,
  charts: readonly Chart[],
): string {
  const id = `section-${index + 1}`;
  const parts = [`<section aria-labelledby="${id}">`, `<h2 id="${id}">${escapeHtml(section.title)}</h2>`];
  for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
  for (const chart of charts) parts.push(renderFigure(chart));
  const table = section.table;
  if (table) parts.push(renderTable(table, lang, words));
  const notes = [...(section.notes ?? []), ...(table ? rowNotes(table, section.notes) : [])];
  if (notes.length) parts.push(list(notes, "notes"));
  if (table) {
    const { sources, models } = provenanceLists(table);
    if (sources.length)
      parts.push(`<p class="provenance-heading">${escapeHtml(words.sources)}</p>`, list(sources, "sources"));
    if (models.length) {
      parts.push(
        `<p class="provenance-heading">${escapeHtml(words.computedAmounts)}</p>`,
        list(models, "models"),
      );
    }
  }
  parts.push("</section>");
  return parts.join("\n");
}

/** A chart as a figure: the inline SVG (its alt text holds every number) and the title as caption. */
function renderFigure(chart: Chart): string {
  return `<figure class="chart">\n${renderChartSvg(chart)}\n<figcaption>${escapeHtml(chart.title)}</figcaption>\n</figure>`;
}

function renderTable(table: ReportTable, lang: ReportLang, words: RenderWords): string {
  const rowHeads = table.columns[0]?.kind === "text";
  const head = table.columns
    .map(
      (column) =>
        `<th scope="col"${classes(isNumericColumn(column) && "num")}>${escapeHtml(column.label)}</th>`,
    )
    .join("");
  const body = table.rows.map((row) => {
    const cells = table.columns.map((column, c) => {
      const flag = c === 0 && row.emphasis === "flagged" ? flagMark(words) : "";
      return renderCell(cellAt(row, column), column, lang, words, rowHeads && c === 0, flag);
    });
    return `<tr${classes(row.emphasis)}>${cells.join("")}</tr>`;
  });
  const totals = table.totals
    ? `<tfoot><tr class="totals">${table.columns
        .map((column, c) =>
          renderCell(
            cellAt(table.totals ?? { cells: {} }, column),
            column,
            lang,
            words,
            rowHeads && c === 0,
            "",
          ),
        )
        .join("")}</tr></tfoot>`
    : "";
  return [
    '<div class="table-wrap">',
    "<table>",
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body.join("\n")}\n</tbody>`,
    totals,
    "</table>",
    "</div>",
  ]
    .filter(Boolean)
    .join("\n");
}

function renderCell(
  cell: ReportCell,
  column: ReportColumn,
  lang: ReportLang,
  words: RenderWords,
  rowHead: boolean,
  prefix: string,
): string {
  const tag = rowHead ? 'th scope="row"' : "td";
  const close = rowHead ? "th" : "td";
  const numeric =
    isNumericColumn(column) || cell.kind === "money" || cell.kind === "percent" || cell.kind === "number";
  let title = "";
  let mark = "";
  let computed = false;
  if (cell.kind === "money" && cell.provenance === "computed") {
    computed = true;
    title = cell.model ? `${words.computedMark}: ${cell.model}` : words.computedMark;
    mark = `<span class="mark" aria-hidden="true">${COMPUTED_SIGN}</span><span class="visually-hidden"> (${escapeHtml(words.computedWord)})</span>`;
  } else if (cell.kind === "money" && cell.provenance === "published" && cell.source) {
    title = `${words.source}: ${cell.source}`;
  }
  const attributes = `${classes(numeric && "num", computed && "computed", cell.kind === "empty" && "empty")}${
    title ? ` title="${escapeHtml(title)}"` : ""
  }`;
  return `<${tag}${attributes}>${prefix}${escapeHtml(formatCell(cell, lang))}${mark}</${close}>`;
}

function flagMark(words: RenderWords): string {
  return `<span class="flag" aria-hidden="true">${FLAG_SIGN} </span><span class="visually-hidden">(${escapeHtml(words.flagged)}) </span>`;
}

function list(items: readonly string[], className: string): string {
  return `<ul class="${className}">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

function classes(...names: (string | false | undefined)[]): string {
  const present = names.filter((name): name is string => !!name);
  return present.length ? ` class="${present.join(" ")}"` : "";
}

/** The page's whole style sheet: screen first, then print. Colours keep WCAG AA contrast. */
function styles(wide: boolean): string {
  return `
:root { color-scheme: light; --ink: #1b1f23; --muted: #57606a; --rule: #d0d7de; --head: #eef2f6;
  --computed: #fff2cc; --flagged: #fdecea; --flag: #9c0006; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 75rem; padding: 2rem 1.5rem; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0.1rem 0 0.3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; }
.collaboration { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.85rem; }
.subtitle { margin: 0 0 0.8rem; color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; min-width: 50%; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { background: var(--head); border-bottom: 2px solid var(--ink); vertical-align: bottom; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.computed { background: var(--computed); }
.mark { margin-left: 0.2em; font-weight: bold; }
tr.subtotal > * { font-weight: bold; border-top: 1px solid var(--ink); }
tr.flagged > * { background: var(--flagged); }
tr.flagged td.computed { background: var(--computed); }
.flag { color: var(--flag); }
tfoot tr > * { font-weight: bold; border-top: 2px solid var(--ink); border-bottom: 3px double var(--ink); }
.notes, .sources, .models { margin: 0.4rem 0 0.6rem; padding-left: 1.2rem; font-size: 0.9rem; }
.provenance-heading { margin: 0.6rem 0 0; font-size: 0.9rem; font-weight: bold; color: var(--muted); }
.sources, .models { color: var(--muted); }
footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); font-size: 0.9rem; }
.legend { color: var(--muted); }
figure.chart { margin: 1rem 0 1.2rem; max-width: 46rem; }
figure.chart svg { display: block; width: 100%; height: auto; overflow: visible; }
figure.chart figcaption { margin-top: 0.3rem; font-size: 0.9rem; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4 ${wide ? "landscape" : "portrait"}; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
  table { width: 100%; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, li { break-inside: avoid; }
  figure.chart { break-inside: avoid; page-break-inside: avoid; max-width: 100%; }
  figure.chart svg { max-height: 120mm; }
  h1, h2, .provenance-heading { break-after: avoid; }
  section + section { break-before: auto; }
}
`.trim();
}
