/**
 * Whether an If-None-Match header matches a strong ETag (RFC 9110 § 13.1.2: weak comparison, so a
 * client that stored `W/"…"` still gets 304; `*` matches any current representation).
 */
export function matchesIfNoneMatch(header: string | readonly string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const values = (typeof header === "string" ? [header] : header).flatMap((h) => h.split(","));
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return values.some((v) => v.trim() === "*" || opaque(v) === opaque(etag));
}
