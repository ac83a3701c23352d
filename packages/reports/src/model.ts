/**
 * The report model: what every builder produces and every renderer consumes. A report is plain,
 * JSON-serialisable data (exact amounts are decimal strings, never floats), already in one
 * language, so that the Markdown, CSV, XLSX, HTML and Adaptive Card renderers only decide layout,
 * never content: the same report reads the same in every format.
 */

/** The language a report is written in. Swedish is the default everywhere. */
export type ReportLang = "sv" | "en";

/** The reports samverkan builds (the CLI's `samverkan report <name>`). */
export type ReportName =
  | "allocation" // Fördelning per kostnadspost och år
  | "statement" // Kommunbesked
  | "budget" // Budget
  | "interim" // Delårsrapport / uppföljning
  | "meetings" // Sammanträdesplan och årshjul
  | "max-withdrawal" // SkånEarkiv: maximalt uttag
  | "attendance" // Närvaro per sammanträde och per kommun
  | "decisions"; // Beslutsregister

/** Where a number comes from: printed in a document's table, or computed by the engine. */
export type CellProvenance = "published" | "computed";

/** What a column holds: renderers align, format and type cells by it. */
export type ColumnKind = "text" | "money" | "percent" | "number" | "date";

export interface ReportColumn {
  /** The key of the column's cell in every row. */
  readonly key: string;
  /** The heading, in the report's language. */
  readonly label: string;
  readonly kind: ColumnKind;
  /** For money columns: the unit every cell of the column is in (kr and tkr never share a column). */
  readonly unit?: "kr" | "tkr";
}

/** A cell. Numbers are exact decimal strings with a point ("20211.25", "-4400", "5.7818"). */
export type ReportCell =
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "money";
      /** Exact decimal string in `unit`. */
      readonly value: string;
      readonly unit: "kr" | "tkr";
      /** Published (printed in `source`) or computed (by `model`). Omitted for derived sums and differences. */
      readonly provenance?: CellProvenance;
      /** Where a published amount is printed: "Budget 2023, Gemensamma tjänster 2023 (rad 2335–2371)". */
      readonly source?: string;
      /** How a computed amount came about, in words. */
      readonly model?: string;
    }
  | {
      readonly kind: "percent";
      /** Exact (or, where `exact` is false, rounded) decimal string of the percentage: "21.5" is 21,5 %. */
      readonly value: string;
      /** False when the value is a rounding of a non-terminating fraction. */
      readonly exact?: boolean;
    }
  | { readonly kind: "number"; readonly value: string }
  | {
      readonly kind: "date";
      /** ISO date or date-time ("2022-10-12", "2022-10-12T09:00"). */
      readonly value: string;
    }
  | { readonly kind: "empty" };

export interface ReportRow {
  readonly cells: Readonly<Record<string, ReportCell>>;
  /** Rows a reader should see apart: a subtotal line, or a row with a flagged problem. */
  readonly emphasis?: "subtotal" | "flagged";
  /** Footnote-style remarks about this row, in the report's language. */
  readonly notes?: readonly string[];
}

/**
 * A totals row. `sumOf` lists the money columns that are the exact sum of the rows above: the
 * XLSX renderer writes those as SUM formulas whose cached value is the cell's `value`. Any other
 * cell is written as given.
 */
export interface ReportTotals {
  readonly cells: Readonly<Record<string, ReportCell>>;
  readonly sumOf: readonly string[];
}

export interface ReportTable {
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly totals?: ReportTotals;
}

/** One section: a heading, paragraphs, an optional table, and notes under it. XLSX: one sheet each. */
export interface ReportSection {
  /** The heading; also the XLSX sheet name (renderers shorten it to Excel's 31 characters). */
  readonly title: string;
  readonly paragraphs?: readonly string[];
  readonly table?: ReportTable;
  /** Remarks shown under the table: the document's own inconsistencies, billed-directly notes, sources. */
  readonly notes?: readonly string[];
}

export interface Report {
  readonly name: ReportName;
  readonly lang: ReportLang;
  readonly title: string;
  readonly subtitle?: string;
  /** The collaboration's printed name, in the report's language. */
  readonly collaboration: string;
  readonly year?: number;
  readonly sections: readonly ReportSection[];
  /** Remarks about the whole report (sources, how to read it). */
  readonly notes?: readonly string[];
}
