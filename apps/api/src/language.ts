/** The languages the API answers in. Swedish first: the users are Swedish municipalities. */
export type Lang = "sv" | "en";

/**
 * Picks sv or en from an Accept-Language header by quality (RFC 9110 §12.5.4): the first of the
 * listed ranges we speak, highest q first; Swedish when the header is absent or names neither.
 */
export function negotiateLanguage(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value) return "sv";
  const ranges = value
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split("-")[0];
    if (primary === "sv" || primary === "en") return primary;
  }
  return "sv";
}
