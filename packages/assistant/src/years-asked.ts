import type { Turn } from "./draft.js";

/**
 * Several years asked about one municipality: "2021–2023", "2021-2023", "2021 till 2023", "from 2021
 * to 2023", "mellan 2021 och 2023" (a range, every year in it) or "2022 och 2023" (a list). The parser
 * gives the years as written; a range is read here from the text between two of them.
 */

const YEAR = String.raw`((?:19|20|21)\d{2})`;
/** Two years joined as a range: a dash, "till", "to", "through", "t.o.m.", or "mellan … och" / "between … and". */
const RANGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(mellan|between)\s+)?${YEAR}\s*(?:[-–—]|\s(till|to|through|until|thru|t\.?\s?o\.?\s?m\.?|och|and)\s)\s*${YEAR}(?![\p{N}])`,
  "giu",
);
/** The longest range read as every year in it; a longer one is its two ends. */
const MAX_SPAN = 15;
/** Words that ask for a change, not the amounts: two years with one of them are a comparison. */
const CHANGE_WORDS =
  /^(forandr|okat|okar|okning|minsk|skillnad|jamfor|compar|chang|differen|increas|decreas)/;

/** The years of the question's ranges ("2021–2023" → 2021, 2022, 2023). */
function rangeYears(question: string, written: ReadonlySet<number>): number[] {
  const years: number[] = [];
  for (const m of question.matchAll(RANGE)) {
    const between = m[1] !== undefined;
    const joiner = (m[3] ?? "").toLowerCase();
    // "2022 och 2023" is a list; only "mellan 2021 och 2023" / "between … and" is a range.
    if ((joiner === "och" || joiner === "and") && !between) continue;
    const from = Number(m[2]);
    const to = Number(m[4]);
    if (!written.has(from) || !written.has(to) || to <= from || to - from > MAX_SPAN) continue;
    for (let y = from; y <= to; y++) years.push(y);
  }
  return years;
}

/**
 * Every year the question asks about, ascending, when it asks about several and wants each year's
 * amount: three or more years, or two without a word asking for the change ("jämfört med 2022",
 * "förändrats"), which the comparison answers. Undefined for one year or a comparison.
 */
export function askedYears(turn: Turn): readonly number[] | undefined {
  const { parsed, now } = turn;
  const written = parsed.years.map((y) => y.year ?? now.year + (y.offset ?? 0));
  const years = [...new Set([...written, ...rangeYears(parsed.question, new Set(written))])].sort(
    (a, b) => a - b,
  );
  if (years.length < 2) return undefined;
  const comparing = parsed.signals.has("compare") || parsed.words.some((w) => CHANGE_WORDS.test(w.fold));
  if (years.length === 2 && comparing) return undefined;
  return years;
}
