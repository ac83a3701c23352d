/**
 * The model may rephrase a question but must not put a number into it: a year or an amount the member
 * did not write would turn into an answer about something the member never asked. Every number in the
 * rephrased question must be one the member wrote, however it is grouped ("21 000" and "21000").
 */

/** The numbers of a text as digit strings, with thousands separators removed ("21 000 kr" → "21000"). */
export function numbersIn(text: string): string[] {
  const joined = text.replace(/(\d)[\s\u00a0\u202f.,](?=\d{3}(?!\d))/g, "$1");
  return joined.match(/\d+/g) ?? [];
}

/** The numbers of `rephrased` that are not in `original`; empty when the model added none. */
export function introducedNumbers(original: string, rephrased: string): string[] {
  const written = new Set(numbersIn(original));
  return [...new Set(numbersIn(rephrased))].filter((n) => !written.has(n));
}
