/**
 * Name matching as people type names: case-, space- and diacritics-insensitive ("Lulea" = "Luleå",
 * "OVERKALIX" = "Överkalix"), with suggestions by edit distance for typos ("Kalx" → Kalix).
 */

/** Lower-case, å/ä/ö folded to a/a/o, punctuation and spaces collapsed. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

export interface NamedCandidate {
  /** The canonical name to return. */
  readonly name: string;
  /** Every spelling that should match it, the name included. */
  readonly spellings: readonly string[];
}

/**
 * The candidates closest to `query`, best first: exact folded matches, then prefix matches,
 * then those within an edit distance that grows with the length of the query.
 */
export function closestNames(query: string, candidates: readonly NamedCandidate[], max = 3): string[] {
  const q = foldName(query);
  if (!q) return [];
  const scored = candidates.map((c) => {
    let best = Number.POSITIVE_INFINITY;
    for (const s of c.spellings) {
      const f = foldName(s);
      const score =
        f === q
          ? 0
          : f.startsWith(q) || q.startsWith(f)
            ? 0.5 + Math.abs(f.length - q.length) / 100
            : editDistance(q, f);
      best = Math.min(best, score);
    }
    return { name: c.name, score: best };
  });
  const limit = Math.max(2, Math.ceil(q.length / 3));
  return scored
    .filter((s) => s.score <= limit)
    .sort((x, y) => x.score - y.score || x.name.localeCompare(y.name, "sv"))
    .slice(0, max)
    .map((s) => s.name);
}

/** Folded and without spaces or hyphens: "e-arkiv", "e arkiv" and "earkiv" are one name. */
function compact(name: string): string {
  return foldName(name).replace(/ /g, "");
}

/** Exact (folded, spacing ignored) match of `query` against the candidates' spellings, or undefined. */
export function matchName(query: string, candidates: readonly NamedCandidate[]): string | undefined {
  const q = compact(query);
  return candidates.find((c) => c.spellings.some((s) => compact(s) === q))?.name;
}
