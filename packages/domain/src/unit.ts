import { z } from "zod";

/** Money units used in the documents: kronor, or thousands of kronor (tkr). */
export const moneyUnitSchema = z.enum(["kr", "tkr"], { error: 'must be "kr" or "tkr"' });
export type MoneyUnit = z.infer<typeof moneyUnitSchema>;

/** How many kronor one unit is. */
export const KRONOR_PER_UNIT: Readonly<Record<MoneyUnit, number>> = { kr: 1, tkr: 1000 };
