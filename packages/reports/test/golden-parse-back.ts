/**
 * Reads rendered output back into cells, independently of the renderers: an RFC 4180 CSV reader and a
 * pipe-table reader. Used by the golden tests to compare what a person opens with the published tables.
 */

/** CSV text (with or without a byte-order mark) into rows of fields. */
export function parseCsv(text: string, separator: string): string[][] {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The pipe tables of a Markdown document, each as rows of cell texts (the rule line dropped). */
export function parseMarkdownTables(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split("\n")) {
    if (line.startsWith("|")) {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replaceAll("\\|", "|"));
      if (cells.every((c) => /^-+:?$/.test(c))) continue;
      (current ??= []).push(cells);
    } else if (current) {
      tables.push(current);
      current = undefined;
    }
  }
  if (current) tables.push(current);
  return tables;
}

/** "1 065 400 kr †" or "**1 065 400 kr**" → "1065400"; "20 211,25 kr" → "20211.25". */
export function markdownNumber(cell: string): string {
  return cell
    .replaceAll("*", "")
    .replace(/†|kr|tkr|%|≈/g, "")
    .replace(/[\s\u00a0]/g, "")
    .replace("−", "-")
    .replace(",", ".");
}
