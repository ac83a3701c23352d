import type { ReportCell, ReportColumn, ReportRow, ReportTable } from "../model.js";

/** Column kinds whose cells are numbers: right-aligned, typed as numbers in XLSX. */
export function isNumericColumn(column: ReportColumn): boolean {
  return column.kind === "money" || column.kind === "percent" || column.kind === "number";
}

/** The cell of `row` under `column`; a missing key reads as an empty cell. */
export function cellAt(row: Pick<ReportRow, "cells">, column: ReportColumn): ReportCell {
  return row.cells[column.key] ?? { kind: "empty" };
}

/**
 * What names a row when a note refers to it: the first text cell ("Kalix"), else its position.
 * Row notes are printed under the table as "Kalix: …", so the reader can find the row.
 */
export function rowLabel(table: ReportTable, row: ReportRow, index: number): string {
  for (const column of table.columns) {
    const cell = cellAt(row, column);
    if (cell.kind === "text" && cell.text.trim() !== "") return cell.text;
  }
  return `#${index + 1}`;
}

/** Whether any cell says where it comes from (then the renderers show a legend). */
export function provenanceIn(table: ReportTable): { computed: boolean; published: boolean } {
  let computed = false;
  let published = false;
  const rows: readonly Pick<ReportRow, "cells">[] = table.totals ? [...table.rows, table.totals] : table.rows;
  for (const row of rows) {
    for (const cell of Object.values(row.cells)) {
      if (cell.kind !== "money") continue;
      if (cell.provenance === "computed") computed = true;
      if (cell.provenance === "published") published = true;
    }
  }
  return { computed, published };
}

/**
 * The row notes to print under a table, each naming its row ("Nämnd: under målet …"). A note that
 * already starts with the row's name is kept as is, and one the section's own notes already carry
 * (builders often list a flagged row's note there too) is not repeated.
 */
export function rowNotes(table: ReportTable, sectionNotes: readonly string[] = []): string[] {
  return table.rows.flatMap((row, i) =>
    (row.notes ?? [])
      .filter((note) => !sectionNotes.some((sectionNote) => sectionNote.includes(note)))
      .map((note) => {
        const label = rowLabel(table, row, i);
        return note.startsWith(label) ? note : `${label}: ${note}`;
      }),
  );
}

/** Where the table's published amounts are printed and how its computed ones came about, once each. */
export function provenanceLists(table: ReportTable): { sources: string[]; models: string[] } {
  const sources = new Set<string>();
  const models = new Set<string>();
  const rows: readonly Pick<ReportRow, "cells">[] = table.totals ? [...table.rows, table.totals] : table.rows;
  for (const row of rows) {
    for (const column of table.columns) {
      const cell = cellAt(row, column);
      if (cell.kind !== "money") continue;
      if (cell.provenance === "published" && cell.source) sources.add(cell.source);
      if (cell.provenance === "computed" && cell.model) models.add(cell.model);
    }
  }
  return { sources: [...sources], models: [...models] };
}
