/**
 * The dashboard's page shell and the pieces every section uses: the page's query state and links that
 * keep it, a report section as an accessible table (caption, `th scope`, totals in `tfoot`), and the
 * whole HTML document. Every number is `formatCell`'s text, the same the reports print.
 */
import {
  COMPUTED_SIGN,
  escapeHtml,
  formatCell,
  provenanceLists,
  renderWords,
  type Report,
  type ReportColumn,
  type ReportLang,
  type ReportSection,
  type ReportTable,
} from "@samverkan/reports";
import { DASHBOARD_CSS, type Theme } from "./theme.js";

/** What the page was asked for: the query values a link or form must carry on. */
export interface PageState {
  readonly lang: ReportLang;
  /** Absent: the reader's prefers-color-scheme decides. */
  readonly theme?: Theme;
  /** The read token, when it came in the query (reads protected, no Authorization header possible). */
  readonly token?: string;
  /** Whether `lang` was asked for in the query (rather than from Accept-Language). */
  readonly langInQuery: boolean;
}

/** Text in the page's language. */
export function t(lang: ReportLang, sv: string, en: string): string {
  return lang === "sv" ? sv : en;
}

export const esc = escapeHtml;

/**
 * A query string that keeps the page's state (lang, theme, token) and sets or removes `values`;
 * `undefined` removes a key. Keys in a fixed order, so links are stable.
 */
export function query(state: PageState, values: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  const base: Record<string, string | number | undefined> = {
    ...(state.langInQuery ? { lang: state.lang } : {}),
    ...(state.theme ? { theme: state.theme } : {}),
    ...values,
    ...(state.token !== undefined ? { token: state.token } : {}),
  };
  for (const [key, value] of Object.entries(base)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Hidden inputs that carry the page's state through a GET form. */
export function hiddenState(
  state: PageState,
  extra: Record<string, string | number | undefined> = {},
): string {
  const values: Record<string, string | number | undefined> = {
    ...(state.langInQuery ? { lang: state.lang } : {}),
    ...(state.theme ? { theme: state.theme } : {}),
    ...extra,
    ...(state.token !== undefined ? { token: state.token } : {}),
  };
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(String(v))}">`)
    .join("");
}

const NUMERIC = new Set<ReportColumn["kind"]>(["money", "percent", "number"]);

function cellHtml(
  column: ReportColumn,
  cells: ReportTable["rows"][number]["cells"],
  lang: ReportLang,
  header: boolean,
): string {
  const cell = cells[column.key];
  const text = cell ? formatCell(cell, lang) : "";
  const cls = NUMERIC.has(column.kind) ? ' class="num"' : "";
  const words = renderWords(lang);
  const computed = cell?.kind === "money" && cell.provenance === "computed";
  const title =
    cell?.kind === "money" && (cell.source ?? cell.model)
      ? ` title="${esc(cell.source ?? cell.model ?? "")}"`
      : "";
  // As the HTML report: a computed amount is marked where it stands (the model is listed under the
  // table), not only in a tooltip that keyboard and touch readers never see.
  const mark = computed
    ? `<span class="mark" aria-hidden="true">${COMPUTED_SIGN}</span><span class="visually-hidden"> (${esc(words.computedWord)})</span>`
    : "";
  return header
    ? `<th scope="row"${cls}${title}>${esc(text)}${mark}</th>`
    : `<td${cls}${title} data-column="${esc(column.key)}">${esc(text)}${mark}</td>`;
}

/** Where the table's published amounts are printed and how its computed ones came about, as lists. */
function provenanceHtml(table: ReportTable, lang: ReportLang): string {
  const words = renderWords(lang);
  const { sources, models } = provenanceLists(table);
  return (
    (sources.length
      ? `<p class="provenance-heading">${esc(words.sources)}</p>${listHtml(sources, "notes")}`
      : "") +
    (models.length
      ? `<p class="provenance-heading">${esc(words.computedAmounts)}</p>${listHtml(models, "notes")}`
      : "")
  );
}

/** A report table as an HTML table: the caption, column headers, one row header per row, totals. */
export function tableHtml(table: ReportTable, caption: string, lang: ReportLang): string {
  const [first, ...rest] = table.columns;
  if (!first) return "";
  const head = table.columns
    .map((c) => `<th scope="col"${NUMERIC.has(c.kind) ? ' class="num"' : ""}>${esc(c.label)}</th>`)
    .join("");
  const body = table.rows
    .map((row) => {
      const cls = row.emphasis ? ` class="${row.emphasis}"` : "";
      const cells = [
        cellHtml(first, row.cells, lang, true),
        ...rest.map((c) => cellHtml(c, row.cells, lang, false)),
      ];
      return `<tr${cls}>${cells.join("")}</tr>`;
    })
    .join("\n");
  const totals = table.totals
    ? `<tfoot><tr>${[cellHtml(first, table.totals.cells, lang, true), ...rest.map((c) => cellHtml(c, table.totals?.cells ?? {}, lang, false))].join("")}</tr></tfoot>`
    : "";
  const notes = table.rows.flatMap((r) => r.notes ?? []);
  return (
    `<div class="scroll" role="region" aria-label="${esc(caption)}" tabindex="0">` +
    `<table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead>` +
    `<tbody>\n${body}\n</tbody>${totals}</table></div>` +
    (notes.length ? listHtml(notes, "notes") : "") +
    provenanceHtml(table, lang)
  );
}

export function listHtml(items: readonly string[], cls: string): string {
  return items.length ? `<ul class="${cls}">${items.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "";
}

/**
 * A report section: an h3 (or `level`), its paragraphs, what `charts` draws (the section's charts,
 * before the table as in the HTML report), the table captioned by the section's title, its notes.
 */
export function sectionHtml(section: ReportSection, lang: ReportLang, charts = "", level = 3): string {
  const paragraphs = (section.paragraphs ?? []).map((p) => `<p>${esc(p)}</p>`).join("");
  const heading = `<h${level}>${esc(section.title)}</h${level}>`;
  const table = section.table ? tableHtml(section.table, section.title, lang) : "";
  return `${heading}${paragraphs}${charts}${table}${listHtml(section.notes ?? [], "notes")}`;
}

/** A whole report's sections, each with what `charts(index)` draws, and the report's notes. */
export function reportHtml(report: Report, charts: (index: number) => string = () => "", level = 3): string {
  return (
    report.sections.map((s, i) => sectionHtml(s, report.lang, charts(i), level)).join("\n") +
    listHtml(report.notes ?? [], "notes")
  );
}

/** Links to the same page in the other language and the themes. */
function switchers(
  state: PageState,
  self: string,
  keep: Record<string, string | number | undefined>,
): string {
  const langs = (["sv", "en"] as const)
    .map((l) => {
      const href = `${self}${query({ ...state, lang: l, langInQuery: true }, keep)}`;
      const label = l === "sv" ? "Svenska" : "English";
      return `<li><a href="${esc(href)}" hreflang="${l}" lang="${l}"${state.lang === l ? ' aria-current="true"' : ""}>${label}</a></li>`;
    })
    .join("");
  const names: Record<Theme, [string, string]> = {
    default: ["Ljust", "Light"],
    dark: ["Mörkt", "Dark"],
    contrast: ["Hög kontrast", "High contrast"],
  };
  const themes = (Object.keys(names) as Theme[])
    .map((th) => {
      const href = `${self}${query({ ...state, theme: th }, keep)}`;
      const [sv, en] = names[th];
      return `<li><a href="${esc(href)}"${state.theme === th ? ' aria-current="true"' : ""}>${t(state.lang, sv, en)}</a></li>`;
    })
    .join("");
  return (
    `<nav aria-label="${t(state.lang, "Språk", "Language")}"><ul>${langs}</ul></nav>` +
    `<nav aria-label="${t(state.lang, "Tema", "Theme")}"><ul>${themes}</ul></nav>`
  );
}

export interface PageOptions {
  readonly state: PageState;
  readonly title: string;
  /** The page's own path relative to itself ("norrbotten" for /dashboard/norrbotten). */
  readonly self: string;
  /** The query values the language and theme links keep (year, municipality, …). */
  readonly keep?: Record<string, string | number | undefined>;
  readonly body: string;
  readonly footer?: string;
}

/** The HTML document: lang, skip link, header with language and theme links, main, footer. */
export function pageHtml(o: PageOptions): string {
  const { state } = o;
  const theme = state.theme ? ` data-theme="${state.theme}"` : "";
  return `<!doctype html>
<html lang="${state.lang}"${theme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${esc(o.title)}</title>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<a class="skip" href="#main">${t(state.lang, "Hoppa till innehållet", "Skip to content")}</a>
<header class="top"><p class="brand">samverkan</p>${switchers(state, o.self, o.keep ?? {})}</header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer>${o.footer ?? ""}</footer>
</body>
</html>
`;
}
