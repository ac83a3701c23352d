import { Decimal } from "decimal.js";
import { z } from "zod";
import { tableIdSchema } from "./ids.js";
import { decimalSchema } from "./amount.js";
import { isoDateSchema, yearSchema } from "./dates.js";
import { sourceRefSchema } from "./source.js";
import { moneyUnitSchema } from "./unit.js";

/**
 * A column of a budget or follow-up table: what kind of figure it holds (budget, prognos,
 * utfall, avvikelse, or a result line) and on which side (intäkter / kostnader).
 */
export const statementColumnSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: "expected a camelCase key" }),
  label: z.string().min(1),
  figure: z.enum(["budget", "forecast", "outcome", "deviation", "result"], {
    error: 'must be "budget", "forecast", "outcome", "deviation" or "result"',
  }),
  side: z.enum(["revenue", "costs", "net"], { error: 'must be "revenue", "costs" or "net"' }),
});
export type StatementColumn = z.infer<typeof statementColumnSchema>;

const statementLineSchema = z.strictObject({
  label: z.string().min(1),
  costItem: z.string().min(1).optional(),
  /** A value per column key; null where the document leaves the cell blank. */
  values: z.record(z.string(), decimalSchema.nullable()),
  line: z.number().int().positive().optional(),
  note: z.string().min(1).optional(),
});
export type StatementLine = z.infer<typeof statementLineSchema>;

/**
 * A budget, forecast or outcome table (budget / prognos / utfall) as printed, with the
 * document's own totals. `checkStatement` compares the printed totals with the row sums.
 */
export const financialStatementSchema = z.strictObject({
  id: tableIdSchema,
  title: z.string().min(1),
  year: yearSchema,
  /** The date the figures stand at (utfall per sista maj → 2022-05-31). */
  asOf: isoDateSchema.optional(),
  unit: moneyUnitSchema,
  columns: z.array(statementColumnSchema).min(1),
  lines: z.array(statementLineSchema).min(1),
  totals: z.array(statementLineSchema).default([]),
  source: sourceRefSchema,
  /** Other statements this one mirrors (e.g. the same budget in kr). */
  notes: z.string().min(1).optional(),
});
export type FinancialStatement = z.infer<typeof financialStatementSchema>;

export interface StatementColumnCheck {
  readonly column: string;
  readonly rowSum: Decimal;
  readonly printed: readonly Decimal[];
  readonly matches: boolean;
}

/** Sums each column's lines (blank cells count as 0) and compares them with every printed total. */
export function checkStatement(
  statement: Pick<FinancialStatement, "columns" | "lines" | "totals">,
): StatementColumnCheck[] {
  return statement.columns
    .filter((c) => c.figure !== "result")
    .map((c) => {
      const cells = statement.lines
        .map((l) => l.values[c.key])
        .filter((v): v is Decimal | null => v !== undefined);
      const rowSum = cells.reduce<Decimal>((acc, v) => acc.plus(v ?? 0), new Decimal(0));
      const printed = statement.totals
        .map((t) => t.values[c.key])
        .filter((v): v is Decimal => v !== undefined && v !== null);
      return { column: c.key, rowSum, printed, matches: printed.every((p) => p.eq(rowSum)) };
    });
}
