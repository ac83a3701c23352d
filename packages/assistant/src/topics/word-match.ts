/** The length of the start two words share. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * How well a question word names a word of a document's text (goals, risks, minutes), both folded:
 * 3 the same word, 2 the same stem (inflections: "budgeten"/"budget", "närvaron"/"närvaro"), 1 one inside
 * the other (compounds: "handbok" in "samverkanshandbok"), 0 not at all. `stem` is the shortest word a
 * prefix counts for, `inside` the shortest word found inside another; the minutes' short titles take
 * shorter words than the plans' long sentences.
 */
export function wordMatch(q: string, t: string, limits: { stem: number; inside: number }): number {
  if (q === t) return 3;
  const shorter = Math.min(q.length, t.length);
  if (commonPrefix(q, t) >= 6 || (shorter >= limits.stem && (q.startsWith(t) || t.startsWith(q)))) return 2;
  if ((q.length >= limits.inside && t.includes(q)) || (t.length >= 6 && q.includes(t))) return 1;
  return 0;
}
