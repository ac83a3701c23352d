/**
 * Every character that could end a text or an attribute value (`<`, `&`, quotes): report text is
 * data, never markup, whatever a municipality or a document put in it.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
