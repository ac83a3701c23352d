import { Decimal } from "decimal.js";
import { z } from "zod";
import { tableIdSchema } from "./ids.js";
import { nonNegativeDecimalSchema } from "./amount.js";
import { yearSchema } from "./dates.js";
import { sourceRefSchema } from "./source.js";

/**
 * A per-municipality table exactly as a document prints it. Nothing here is corrected: where
 * the printed total is not the sum of the rows, `checkPublishedTable` says so.
 */
export const publishedTableSchema = z.strictObject({
  id: tableIdSchema,
  /** The table heading as printed, e.g. "Gemensamma tjänster 2023". */
  title: z.string().min(1),
  /** The column as printed, e.g. "E-arkiv". */
  column: z.string().min(1),
  costItem: z.string().min(1).optional(),
  /** The year the amounts are for; a share table valid for several years gives the first. */
  year: yearSchema,
  toYear: yearSchema.optional(),
  /** `kr`, `tkr`, or `share` for a table of shares (Andel). */
  unit: z.enum(["kr", "tkr", "share"], { error: 'must be "kr", "tkr" or "share"' }),
  rows: z.record(z.string(), nonNegativeDecimalSchema),
  /** Cells whose printed form differs from the value (e.g. "0,1" for 0.10). */
  rowsAsPrinted: z.record(z.string(), z.string()).optional(),
  totalPrinted: nonNegativeDecimalSchema.optional(),
  source: sourceRefSchema,
  /** Printed markers such as "* Prognos". */
  markers: z.array(z.string().min(1)).default([]),
  notes: z.string().min(1).optional(),
});
export type PublishedTable = z.infer<typeof publishedTableSchema>;

export interface PublishedTableCheck {
  readonly rowSum: Decimal;
  readonly totalPrinted: Decimal | undefined;
  /** True when there is no printed total or it equals the row sum. */
  readonly totalMatchesRowSum: boolean;
  /** Printed total minus row sum (0 when it matches or is absent). */
  readonly difference: Decimal;
}

/** Adds the rows exactly and compares them with the printed total. */
export function checkPublishedTable(
  table: Pick<PublishedTable, "rows" | "totalPrinted">,
): PublishedTableCheck {
  const rowSum = Object.values(table.rows).reduce((acc, v) => acc.plus(v), new Decimal(0));
  const difference = table.totalPrinted ? table.totalPrinted.minus(rowSum) : new Decimal(0);
  return { rowSum, totalPrinted: table.totalPrinted, totalMatchesRowSum: difference.isZero(), difference };
}
