import { z } from "zod";
import { isoDateSchema } from "./dates.js";

/**
 * Population (folkmängd) of each municipality on one date, as published by SCB.
 * In the data files one vector per date keeps the table readable; `populationFigures`
 * flattens it into one figure per municipality.
 */
export const populationVectorSchema = z.strictObject({
  date: isoDateSchema,
  source: z.string().min(1),
  counts: z.record(
    z.string(),
    z
      .number({ error: "expected a whole number of inhabitants" })
      .int({ message: "expected a whole number of inhabitants" })
      .nonnegative({ message: "must not be negative" }),
  ),
});
export type PopulationVector = z.infer<typeof populationVectorSchema>;

export interface PopulationFigure {
  readonly municipality: string;
  readonly date: string;
  readonly count: number;
  readonly source: string;
}

export function populationFigures(vectors: readonly PopulationVector[]): PopulationFigure[] {
  return vectors.flatMap((v) =>
    Object.entries(v.counts).map(([municipality, count]) => ({
      municipality,
      date: v.date,
      count,
      source: v.source,
    })),
  );
}

/** The date SCB's year-end figure for `year` refers to: 31 December. */
export function yearEndDate(year: number): string {
  return `${year}-12-31`;
}
