/**
 * TextBlock text is Markdown, and report text is not: "*Prognos*" or a leading "1." would change
 * it. Only what would start emphasis, a link or a list is backslash-escaped. Not everything: Teams'
 * mobile clients have at times shown escape backslashes literally (microsoft/AdaptiveCards#5590),
 * so ordinary text — amounts, names, "markerade * Prognos" (a star before a space starts nothing) — is
 * left exactly as it is.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/\\(?=[*_[\\])/g, "\\\\")
    .replace(/([*_])(?=\S)/g, "\\$1")
    .replace(/\[(?=[^\]]*\]\()/g, "\\[")
    .replace(/^(\s*)(\d+)\.(\s)/gm, "$1$2\\.$3")
    .replace(/^(\s*)([-+*])(\s)/gm, "$1\\$2$3");
}
