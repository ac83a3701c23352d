import { cellNumber } from "../format-cell.js";
import type { Report, ReportCell, ReportColumn, ReportLang, ReportTable } from "../model.js";

export interface CsvOptions {
  /**
   * `excel-sv` (default): UTF-8 with a byte-order mark, ";" between fields and a decimal comma, so Excel
   * set to Swedish opens it straight into columns with numbers it can add. `plain`: "," and a decimal
   * point, no byte-order mark, for other programs.
   */
  readonly style?: "excel-sv" | "plain";
  /** Only this section (by index); default every section with a table, each after a line with its title. */
  readonly section?: number;
}

const BOM = "\uFEFF";

/** One field, quoted when it holds the separator, a quote, a line break or leading/trailing space. */
export function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

const PROVENANCE = {
  sv: { head: "Beloppens ursprung", published: "publicerad", computed: "beräknad", total: "summa" },
  en: { head: "Provenance of the amounts", published: "published", computed: "computed", total: "total" },
} as const;

function header(c: ReportColumn): string {
  if (c.kind === "money" && c.unit) return `${c.label} (${c.unit})`;
  if (c.kind === "percent") return c.label.endsWith("%") ? c.label : `${c.label} (%)`;
  return c.label;
}

/** A cell as a machine reads it: bare exact numbers (no grouping), ISO dates, text as it is. */
function value(cell: ReportCell | undefined, decimal: "," | "."): string {
  if (!cell) return "";
  const n = cellNumber(cell);
  if (n !== undefined) return decimal === "," ? n.replace(".", ",") : n;
  if (cell.kind === "text") return cell.text;
  if (cell.kind === "date") return cell.value;
  return "";
}

/** Which money cells of a row are computed: "publicerad", "beräknad", or "beräknad: E-tjänsteplattform". */
function provenance(t: ReportTable, cells: Readonly<Record<string, ReportCell>>, lang: ReportLang): string {
  const w = PROVENANCE[lang];
  const money = t.columns.filter((c) => cells[c.key]?.kind === "money");
  const computed = money.filter((c) => {
    const cell = cells[c.key];
    return cell?.kind === "money" && cell.provenance === "computed";
  });
  const published = money.filter((c) => {
    const cell = cells[c.key];
    return cell?.kind === "money" && cell.provenance === "published";
  });
  if (computed.length === 0) return published.length ? w.published : "";
  if (computed.length === money.length) return w.computed;
  return `${w.computed}: ${computed.map((c) => c.label).join(", ")}`;
}

function tableLines(t: ReportTable, lang: ReportLang, sep: string, decimal: "," | "."): string[] {
  const line = (fields: readonly string[]) => fields.map((f) => csvField(f, sep)).join(sep);
  const hasMoney = t.columns.some((c) => c.kind === "money");
  const lines = [line([...t.columns.map(header), ...(hasMoney ? [PROVENANCE[lang].head] : [])])];
  for (const row of t.rows)
    lines.push(
      line([
        ...t.columns.map((c) => value(row.cells[c.key], decimal)),
        ...(hasMoney ? [provenance(t, row.cells, lang)] : []),
      ]),
    );
  if (t.totals) {
    const totals = t.totals;
    lines.push(
      line([
        ...t.columns.map((c) => value(totals.cells[c.key], decimal)),
        ...(hasMoney ? [PROVENANCE[lang].total] : []),
      ]),
    );
  }
  return lines;
}

/**
 * A report's tables as CSV: a header row of the column labels (money columns name their unit), one line
 * per row, the totals row, and — where a table has money — a last column saying which amounts are
 * published and which computed. Numbers are exact and ungrouped ("20211,25" or "20211.25"), never
 * "20 211,25 kr", so a spreadsheet reads them as numbers. Lines end in CRLF, as RFC 4180 has it.
 * With several sections, each table follows a line with the section's title and an empty line between.
 */
export function renderCsv(report: Report, options: CsvOptions = {}): string {
  const plain = options.style === "plain";
  const sep = plain ? "," : ";";
  const decimal = plain ? "." : ",";
  const sections = report.sections
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => s.table && (options.section === undefined || options.section === i));
  if (options.section !== undefined && sections.length === 0)
    throw new RangeError(`Report "${report.title}" has no table in section ${options.section}`);
  const single = sections.length === 1;
  const blocks = sections.map(({ s }) => [
    ...(single ? [] : [csvField(s.title, sep)]),
    ...tableLines(s.table as ReportTable, report.lang, sep, decimal),
  ]);
  const text = blocks.map((b) => b.join("\r\n")).join("\r\n\r\n");
  return `${plain ? "" : BOM}${text}\r\n`;
}
