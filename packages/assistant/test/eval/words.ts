import { monthName } from "@samverkan/allocation";

/** Month names and small phrase helpers for the topic generators (the month names are the engine's). */
export const MONTHS_SV = Array.from({ length: 12 }, (_, i) => monthName(i + 1, "sv"));
export const MONTHS_EN = Array.from({ length: 12 }, (_, i) => monthName(i + 1, "en"));

/** "16 mars 2022" / "16 March 2022" from an ISO date. */
export function dayText(iso: string, lang: "sv" | "en"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${(lang === "sv" ? MONTHS_SV : MONTHS_EN)[m - 1]} ${y}`;
}

/** The Swedish genitive as the answers write it: "Lunds", "Kalix", "Boden" → "Bodens". */
export function genitiveSv(name: string): string {
  return /[sxz]$/u.test(name) ? name : `${name}s`;
}

/** The day before an ISO date, at noon: "now" just before a meeting day. */
export function dayBefore(iso: string): string {
  const t = new Date(`${iso}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** A statement's printed cells of some lines, as `statementAmounts` expectations: [id, line, column, amount]. */
export function printedCells(
  s: { readonly id: string },
  rows: readonly {
    readonly label: string;
    readonly values: Readonly<Record<string, { toFixed(): string } | null>>;
  }[],
): (readonly [string, string, string, string])[] {
  return rows.flatMap((l) =>
    Object.entries(l.values).flatMap(([k, v]) =>
      v === null || v === undefined ? [] : [[s.id, l.label, k, v.toFixed()] as const],
    ),
  );
}
