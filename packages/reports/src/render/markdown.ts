import { formatCell } from "../format-cell.js";
import type { Report, ReportCell, ReportLang, ReportSection, ReportTable } from "../model.js";

/** The mark after a computed amount; published amounts carry none (the legend says so). */
export const COMPUTED_MARK = "†";

const LEGEND = {
  sv: `${COMPUTED_MARK} beräknat belopp (inte publicerat); övriga belopp är publicerade i källan som anges. ⚠ markerar det som inte stämmer i dokumentet.`,
  en: `${COMPUTED_MARK} computed amount (not published); the other amounts are published in the source given. ⚠ marks what does not add up in the document.`,
} as const;

/** A cell's text for a pipe table: pipes and line breaks escaped so the table keeps its shape. */
function escapeCell(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replace(/\r?\n/g, "<br>");
}

function cellText(cell: ReportCell | undefined, lang: ReportLang): string {
  if (!cell) return "";
  const shown = formatCell(cell, lang);
  return cell.kind === "money" && cell.provenance === "computed" ? `${shown} ${COMPUTED_MARK}` : shown;
}

function table(t: ReportTable, lang: ReportLang): string[] {
  const right = (kind: string) => kind === "money" || kind === "percent" || kind === "number";
  const head = `| ${t.columns.map((c) => escapeCell(c.label)).join(" | ")} |`;
  const rule = `| ${t.columns.map((c) => (right(c.kind) ? "---:" : "---")).join(" | ")} |`;
  const lines = [head, rule];
  for (const row of t.rows) {
    const cells = t.columns.map((c, i) => {
      const s = escapeCell(cellText(row.cells[c.key], lang));
      return i === 0 && row.emphasis === "flagged"
        ? `⚠ ${s}`
        : row.emphasis === "subtotal" && s
          ? `*${s}*`
          : s;
    });
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (t.totals) {
    const totals = t.totals;
    lines.push(
      `| ${t.columns
        .map((c) => {
          const s = escapeCell(cellText(totals.cells[c.key], lang));
          return s ? `**${s}**` : "";
        })
        .join(" | ")} |`,
    );
  }
  return lines;
}

/** Where each published amount is printed and how each computed one came about, once each. */
function provenance(t: ReportTable, lang: ReportLang): string[] {
  const sources = new Set<string>();
  const models: string[] = [];
  for (const row of t.rows)
    for (const c of t.columns) {
      const cell = row.cells[c.key];
      if (cell?.kind !== "money") continue;
      if (cell.provenance === "published" && cell.source) sources.add(cell.source);
      if (cell.provenance === "computed" && cell.model && !models.includes(cell.model))
        models.push(cell.model);
    }
  const sv = lang === "sv";
  const out: string[] = [];
  if (sources.size) out.push(`${sv ? "Källor" : "Sources"}:`, "", ...[...sources].map((s) => `- ${s}`), "");
  if (models.length)
    out.push(
      `${sv ? `Beräknade belopp (${COMPUTED_MARK})` : `Computed amounts (${COMPUTED_MARK})`}:`,
      "",
      ...models.map((m) => `- ${m}`),
      "",
    );
  return out;
}

function section(s: ReportSection, lang: ReportLang): string[] {
  const out = [`## ${s.title}`, ""];
  for (const p of s.paragraphs ?? []) out.push(p, "");
  if (s.table) {
    out.push(...table(s.table, lang), "");
    const rowNotes = s.table.rows
      .flatMap((r) => r.notes ?? [])
      .filter((n) => !(s.notes ?? []).some((x) => x.includes(n)));
    if (rowNotes.length) out.push(...rowNotes.map((n) => `- ${n}`), "");
  }
  if (s.notes?.length) out.push(...s.notes.map((n) => `- ${n}`), "");
  if (s.table) out.push(...provenance(s.table, lang));
  return out;
}

/**
 * A report as GitHub-flavoured Markdown: a heading per section, pipe tables with amounts right-aligned
 * and formatted the report's way ("1 127 000 kr"), computed amounts marked †, the totals row in bold,
 * flagged rows marked ⚠, and under each table its notes, the sources of its published amounts and the
 * working of its computed ones.
 */
export function renderMarkdown(report: Report): string {
  const lang = report.lang;
  const out = [`# ${report.title}`, ""];
  if (report.subtitle) out.push(`*${report.subtitle}*`, "");
  for (const s of report.sections) out.push(...section(s, lang));
  out.push("---", "", LEGEND[lang], "");
  for (const n of report.notes ?? []) out.push(`- ${n}`);
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
