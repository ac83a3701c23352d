import ExcelJS from "exceljs";
import { Decimal } from "@samverkan/domain";
import { formatCell } from "../format-cell.js";
import type { Report, ReportCell, ReportColumn, ReportLang, ReportSection, ReportTable } from "../model.js";
import { decimalPlaces, exactNumber, percentFraction } from "./exact-number.js";
import { renderWords, type RenderWords } from "./render-words.js";
import { sheetNames } from "./sheet-names.js";
import { cellAt, isNumericColumn, provenanceIn, rowNotes } from "./table-parts.js";
import { dateFormat, moneyFormat, numberFormat, percentFormat } from "./xlsx-formats.js";

/** Rows above the table: the section title and the report's title line. The header is row 3. */
const HEADER_ROW = 3;
/** Fill of a computed amount (light yellow), so it stands apart from published ones. */
const COMPUTED_FILL = "FFFFF2CC";
const HEADER_FILL = "FFE7EEF5";
const FLAGGED_FONT = "FF9C0006";
/** Excel's default row height in points; wrapped text gets a multiple of it. */
const LINE_HEIGHT = 15;

/**
 * The report as an Excel workbook: one sheet per section, named after its title (shortened to
 * Excel's 31 characters and made unique).
 *
 * Each sheet has the section title and the report's title in rows 1–2, the table header in row 3
 * (frozen, with the first column when it names the rows, and repeated on every printed page), the
 * rows, and the totals row. Amounts, percentages and numbers are real numbers with a kr, % or
 * number format (see xlsx-formats.ts), dates are real dates, and the totals of `totals.sumOf`
 * columns are `SUM` formulas whose cached result is the report's own total, so the sheet shows the
 * right figure before any recalculation and after it. Computed amounts are shaded and carry a cell
 * note with the model; published ones a note with their source. The legend, the section's
 * paragraphs and its notes follow under the table; the report's notes under those of the first sheet.
 *
 * Pure apart from the workbook's creation time: nothing is read or written but the returned buffer.
 *
 * @throws RangeError if an amount cannot be stored exactly as a spreadsheet number.
 * @throws Error if a `sumOf` total is not the exact sum of its rows (the formula would disagree
 *   with the report once recalculated), or a cell is malformed (an unparseable date).
 *
 * @example
 * const buffer = await renderXlsx(report);
 * await writeFile("fordelning-2022.xlsx", buffer);
 */
export async function renderXlsx(report: Report): Promise<Buffer> {
  const words = renderWords(report.lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "samverkan";
  workbook.title = report.title;
  workbook.subject = report.collaboration;

  const names = sheetNames(
    report.sections.map((section) => section.title),
    words.sheet,
  );
  report.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(names[index] ?? `${words.sheet} ${index + 1}`);
    writeSection(sheet, report, section, words);
    if (index === 0 && report.notes?.length) {
      writeTextBlock(sheet, words.reportNotes, report.notes, section.table?.columns.length ?? 1);
    }
  });
  if (report.sections.length === 0) {
    // A workbook needs a sheet; an empty report still says what it is.
    const sheet = workbook.addWorksheet(sheetNames([report.title], words.sheet)[0] ?? words.sheet);
    writeTitle(sheet, report, report.title);
    if (report.notes?.length) writeTextBlock(sheet, words.reportNotes, report.notes, 1);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSection(sheet: ExcelJS.Worksheet, report: Report, section: ReportSection, words: RenderWords) {
  writeTitle(sheet, report, section.title);
  const table = section.table;
  const width = table ? table.columns.length : 1;
  if (table) writeTable(sheet, table, report.lang, words);
  else sheet.getColumn(1).width = 100;

  if (section.paragraphs?.length) writeTextBlock(sheet, undefined, section.paragraphs, width);
  const notes = [...(section.notes ?? []), ...(table ? rowNotes(table, section.notes) : [])];
  if (notes.length) writeTextBlock(sheet, words.notes, notes, width);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: width > 5 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

function writeTitle(sheet: ExcelJS.Worksheet, report: Report, title: string) {
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  const context = [report.title, report.subtitle, report.collaboration].filter(
    (part, i, all): part is string => !!part && part !== title && all.indexOf(part) === i,
  );
  const contextCell = sheet.getCell(2, 1);
  contextCell.value = context.join(" · ");
  contextCell.font = { italic: true, color: { argb: "FF555555" } };
}

function writeTable(sheet: ExcelJS.Worksheet, table: ReportTable, lang: ReportLang, words: RenderWords) {
  const { columns, rows, totals } = table;
  const formats = columns.map((column) => columnFormat(table, column, lang));

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, c) => {
    const cell = header.getCell(c + 1);
    cell.value = column.label;
    const source = formats[c]?.source;
    if (source) cell.note = `${words.source}: ${source}`;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = {
      wrapText: true,
      vertical: "bottom",
      horizontal: isNumericColumn(column) ? "right" : "left",
    };
  });

  const firstRow = HEADER_ROW + 1;
  rows.forEach((row, r) => {
    const sheetRow = sheet.getRow(firstRow + r);
    columns.forEach((column, c) => {
      const cell = sheetRow.getCell(c + 1);
      writeCell(cell, cellAt(row, column), formats[c], `${column.label}, row ${r + 1}`, words);
      if (row.emphasis === "subtotal") cell.font = { ...cell.font, bold: true };
      if (row.emphasis === "flagged") cell.font = { ...cell.font, color: { argb: FLAGGED_FONT } };
    });
  });

  let lastRow = firstRow + rows.length - 1;
  if (totals) {
    const totalsRow = sheet.getRow(firstRow + rows.length);
    lastRow = totalsRow.number;
    columns.forEach((column, c) => {
      const cell = totalsRow.getCell(c + 1);
      const given = cellAt(totals, column);
      if (totals.sumOf.includes(column.key) && rows.length > 0) {
        writeSum(cell, table, column, given, firstRow, firstRow + rows.length - 1, c + 1, formats[c], words);
      } else {
        writeCell(cell, given, formats[c], `${column.label}, totals`, words);
      }
      cell.font = { ...cell.font, bold: true };
      cell.border = { top: { style: "thin" }, bottom: { style: "double" } };
    });
  }

  setColumnWidths(sheet, table, lang);
  const namesRows = columns[0]?.kind === "text" && columns.length > 2;
  sheet.views = [{ state: "frozen", ySplit: HEADER_ROW, xSplit: namesRows ? 1 : 0 }];
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;

  const { computed, published } = provenanceIn(table);
  let row = lastRow + 2;
  if (computed) {
    const mark = sheet.getCell(row, 1);
    mark.value = words.computedMark;
    mark.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COMPUTED_FILL } };
    sheet.getCell(row, 2).value = words.legendComputed;
    row++;
  }
  if (published) {
    sheet.getCell(row, 1).value = words.publishedMark;
    sheet.getCell(row, 2).value = words.legendPublished;
  }
}

/** How every cell of a column is formatted: one number of decimals for the whole column, so they align. */
interface ColumnFormat {
  readonly column: ReportColumn;
  readonly decimals: number;
  readonly lang: ReportLang;
  /**
   * The source every published amount of the column shares, if they all share one: it is noted
   * once on the heading rather than on each of fourteen cells.
   */
  readonly source?: string;
}

function columnFormat(table: ReportTable, column: ReportColumn, lang: ReportLang): ColumnFormat {
  let decimals = 0;
  const sources = new Set<string | undefined>();
  for (const row of table.totals ? [...table.rows, table.totals] : table.rows) {
    const cell = cellAt(row, column);
    if (cell.kind === "money" || cell.kind === "percent" || cell.kind === "number") {
      decimals = Math.max(decimals, Math.min(decimalPlaces(cell.value), 4));
    }
    if (cell.kind === "money" && cell.provenance === "published") sources.add(cell.source);
  }
  const [source] = sources;
  return sources.size === 1 && source ? { column, decimals, lang, source } : { column, decimals, lang };
}

function writeCell(
  cell: ExcelJS.Cell,
  value: ReportCell,
  format: ColumnFormat | undefined,
  where: string,
  words: RenderWords,
) {
  const decimals = format?.decimals ?? 0;
  const lang = format?.lang ?? "sv";
  const numeric = format ? isNumericColumn(format.column) : false;
  switch (value.kind) {
    case "text":
      cell.value = value.text;
      if (numeric) cell.alignment = { horizontal: "right" };
      break;
    case "money":
      cell.value = exactNumber(value.value, where);
      cell.numFmt = moneyFormat(value.unit, decimals, lang);
      markProvenance(cell, value, format, words);
      break;
    case "percent":
      cell.value = percentFraction(value.value, value.exact !== false, where);
      cell.numFmt = percentFormat(decimals, lang);
      break;
    case "number":
      cell.value = exactNumber(value.value, where);
      cell.numFmt = numberFormat(decimals, lang);
      break;
    case "date": {
      const { date, withTime } = parseDate(value.value, where);
      cell.value = date;
      cell.numFmt = dateFormat(withTime, lang);
      break;
    }
    case "empty":
      break;
  }
}

/** Shade a computed amount and note its model; note a published amount's source unless its heading does. */
function markProvenance(
  cell: ExcelJS.Cell,
  value: Extract<ReportCell, { kind: "money" }>,
  format: ColumnFormat | undefined,
  words: RenderWords,
) {
  if (value.provenance === "computed") {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COMPUTED_FILL } };
    cell.note = value.model ? `${words.computedMark}: ${value.model}` : words.computedMark;
  } else if (value.provenance === "published" && value.source && value.source !== format?.source) {
    cell.note = `${words.source}: ${value.source}`;
  }
}

/**
 * A `sumOf` total as `SUM(C4:C17)` with the report's total as cached result. The report promises
 * the total is the exact sum of the rows; that is checked here, because a spreadsheet recalculates
 * the formula and would otherwise show a different figure than the report.
 */
function writeSum(
  cell: ExcelJS.Cell,
  table: ReportTable,
  column: ReportColumn,
  given: ReportCell,
  from: number,
  to: number,
  columnNumber: number,
  format: ColumnFormat | undefined,
  words: RenderWords,
) {
  const where = `${column.label}, totals`;
  if (given.kind !== "money") {
    throw new Error(
      `${where}: column "${column.key}" is in totals.sumOf but its total is a ${given.kind} cell`,
    );
  }
  let sum = new Decimal(0);
  table.rows.forEach((row, r) => {
    const cell = cellAt(row, column);
    if (cell.kind === "empty") return;
    if (cell.kind !== "money" || cell.unit !== given.unit) {
      throw new Error(`${column.label}, row ${r + 1}: a sumOf column must hold ${given.unit} amounts only`);
    }
    sum = sum.plus(cell.value);
  });
  if (!sum.equals(given.value)) {
    throw new Error(
      `${where}: the rows sum to ${sum.toFixed()} but the total is ${given.value}; ` +
        `a total that does not add up must not be listed in totals.sumOf`,
    );
  }
  const letter = columnLetter(columnNumber);
  cell.value = { formula: `SUM(${letter}${from}:${letter}${to})`, result: exactNumber(given.value, where) };
  cell.numFmt = moneyFormat(given.unit, format?.decimals ?? 0, format?.lang ?? "sv");
  markProvenance(cell, given, format, words);
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(n: number): string {
  let letters = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** "2022-10-12" or "2022-10-12T09:30" as the UTC instant exceljs turns into that calendar date. */
function parseDate(value: string, where: string): { date: Date; withTime: boolean } {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) throw new Error(`${where}: "${value}" is not an ISO date`);
  const [, y, m, d, hh, mm] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
  if (date.getUTCDate() !== Number(d)) throw new Error(`${where}: "${value}" is not a calendar date`);
  return { date, withTime: hh !== undefined };
}

/** Widths from the longest shown value (as `formatCell` prints it); headings wrap past 24 characters. */
function setColumnWidths(sheet: ExcelJS.Worksheet, table: ReportTable, lang: ReportLang) {
  let headerLines = 1;
  table.columns.forEach((column, c) => {
    let longest = 0;
    for (const row of table.totals ? [...table.rows, table.totals] : table.rows) {
      longest = Math.max(longest, formatCell(cellAt(row, column), lang).length);
    }
    const longestWord = Math.max(...column.label.split(/\s+/).map((word) => word.length));
    const width = Math.min(Math.max(longest, longestWord, Math.min(column.label.length, 24), 6) + 2, 60);
    sheet.getColumn(c + 1).width = width;
    headerLines = Math.max(headerLines, Math.ceil(column.label.length / (width - 2)));
  });
  sheet.getRow(HEADER_ROW).height = LINE_HEIGHT * headerLines;
}

/**
 * Paragraphs or notes under the table: one per row, merged across the table's width and wrapped,
 * so long text stays readable and prints inside the page.
 */
function writeTextBlock(
  sheet: ExcelJS.Worksheet,
  heading: string | undefined,
  lines: readonly string[],
  width: number,
) {
  let row = sheet.rowCount + 2;
  if (heading) {
    sheet.getCell(row, 1).value = heading;
    sheet.getCell(row, 1).font = { bold: true };
    row++;
  }
  const span = Math.max(width, 1);
  let chars = 0;
  for (let c = 1; c <= span; c++) chars += sheet.getColumn(c).width ?? 9;
  for (const line of lines) {
    if (span > 1) sheet.mergeCells(row, 1, row, span);
    const cell = sheet.getCell(row, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    sheet.getRow(row).height = LINE_HEIGHT * Math.max(1, Math.ceil((line.length * 1.1) / chars));
    row++;
  }
}
