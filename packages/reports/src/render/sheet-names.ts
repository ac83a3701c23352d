/** Excel's limit on a sheet name, in characters. */
export const SHEET_NAME_MAX = 31;

/**
 * Sheet names for section titles, in order: each at most 31 characters, without `[]:*?/\`, not
 * starting or ending with an apostrophe, not the reserved "History", and unique ignoring case
 * (Excel treats "E-arkiv" and "e-arkiv" as the same sheet). A clash gets " (2)", " (3)" … with the
 * title shortened to make room, so every section keeps its own sheet.
 *
 * @example sheetNames(["Fördelning: 2022/2023", "Fördelning: 2022/2023"], "Blad")
 *   // → ["Fördelning - 2022-2023", "Fördelning - 2022-2023 (2)"]
 */
export function sheetNames(titles: readonly string[], fallback: string): string[] {
  const taken = new Set<string>();
  return titles.map((title, index) => {
    const base = cleanSheetName(title) || `${fallback} ${index + 1}`;
    let name = truncate(base, SHEET_NAME_MAX);
    for (let n = 2; taken.has(key(name)); n++) {
      const suffix = ` (${n})`;
      name = `${truncate(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(key(name));
    return name;
  });
}

function cleanSheetName(title: string): string {
  const cleaned = title
    // Excel refuses []:*?/\ in a sheet name: "2022/2023" keeps its dash, "Budget: drift" its pause.
    .replace(/[/\\]/g, "-")
    .replace(/:/g, " - ")
    .replace(/[[\]*?]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/( - )+/g, " - ")
    .trim()
    .replace(/^['\s-]+|['\s-]+$/g, "");
  return cleaned.toLowerCase() === "history" ? `${cleaned} (1)` : cleaned;
}

/** Cut to `max` characters (code points, so "ö" or an emoji is never split) without a trailing space. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : chars
        .slice(0, max)
        .join("")
        .replace(/[\s'-]+$/, "");
}

function key(name: string): string {
  return name.toLocaleLowerCase("sv");
}
