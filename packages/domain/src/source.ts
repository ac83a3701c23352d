import { z } from "zod";

/**
 * Where a number or fact was printed: the seed document (file name), its title, the section or
 * table heading, and the line numbers in the text file. Every published number carries one.
 */
export const sourceRefSchema = z.strictObject({
  document: z.string().min(1),
  title: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** Renders a source as "Budget 2023, Gemensamma tjänster 2023 (004_….txt, rad 2335–2371)". */
export function describeSource(source: SourceRef, lang: "sv" | "en" = "sv"): string {
  const head = [source.title, source.section].filter(Boolean).join(", ");
  const where = source.lines
    ? `${source.document}, ${lang === "sv" ? "rad" : "lines"} ${source.lines[0]}–${source.lines[1]}`
    : source.document;
  return head ? `${head} (${where})` : where;
}
