/** Month names and small phrase helpers for the topic generators (test data, not the product's words). */
export const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
export const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

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
