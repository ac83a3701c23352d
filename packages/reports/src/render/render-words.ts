import type { ReportLang } from "../model.js";

/**
 * The few words the XLSX, HTML and card renderers add themselves (everything else comes from the
 * report). Kept in one place so the legend reads the same in every format.
 */
/**
 * The mark after a computed amount in text formats (HTML, card). The same mark as the Markdown
 * renderer's COMPUTED_MARK, so a reader learns one sign.
 */
export const COMPUTED_SIGN = "†";
/** The mark before a flagged row (a document's own inconsistency), as in the Markdown renderer. */
export const FLAG_SIGN = "⚠";

const WORDS = {
  sv: {
    notes: "Anmärkningar",
    reportNotes: "Om rapporten",
    legendComputed: "beräknat av samverkan (modellen anges vid beloppet)",
    legendPublished: "publicerat i källdokumentet",
    legendComputedHtml: `${COMPUTED_SIGN} = beräknat belopp (inte publicerat); modellen står under tabellen.`,
    legendPublishedHtml: "Belopp utan markering är publicerade i källdokumentet.",
    legendFlagged: `${FLAG_SIGN} = raden har en anmärkning (t.ex. något som inte stämmer i dokumentet).`,
    legendCard: `${COMPUTED_SIGN} = beräknat belopp (inte publicerat); övriga belopp är publicerade i källdokumentet.`,
    proseLeftOut: "Text och anmärkningar är utelämnade här; de finns i XLSX- och HTML-rapporten.",
    sources: "Källor",
    computedAmounts: `Beräknade belopp (${COMPUTED_SIGN})`,
    flagged: "anmärkning",
    computedWord: "beräknat",
    computedMark: "Beräknat",
    publishedMark: "Publicerat",
    model: "Modell",
    source: "Källa",
    sheet: "Blad",
    columnsShown: (shown: number, all: number) =>
      `Visar ${shown} av ${all} kolumner; hela tabellen finns i XLSX- och HTML-rapporten.`,
    rowsShown: (shown: number, all: number) =>
      `Visar ${shown} av ${all} rader; hela tabellen finns i XLSX- och HTML-rapporten.`,
    sectionsShown: (shown: number, all: number) =>
      `Visar ${shown} av ${all} avsnitt; hela rapporten finns som XLSX och HTML.`,
  },
  en: {
    notes: "Notes",
    reportNotes: "About this report",
    legendComputed: "computed by samverkan (the model is given with the amount)",
    legendPublished: "published in the source document",
    legendComputedHtml: `${COMPUTED_SIGN} = computed amount (not published); the model is given under the table.`,
    legendPublishedHtml: "Amounts without a mark are published in the source document.",
    legendFlagged: `${FLAG_SIGN} = the row has a remark (such as something that does not add up in the document).`,
    legendCard: `${COMPUTED_SIGN} = computed amount (not published); the other amounts are published in the source document.`,
    proseLeftOut: "Text and notes are left out here; they are in the XLSX and HTML report.",
    sources: "Sources",
    computedAmounts: `Computed amounts (${COMPUTED_SIGN})`,
    flagged: "remark",
    computedWord: "computed",
    computedMark: "Computed",
    publishedMark: "Published",
    model: "Model",
    source: "Source",
    sheet: "Sheet",
    columnsShown: (shown: number, all: number) =>
      `Showing ${shown} of ${all} columns; the full table is in the XLSX and HTML report.`,
    rowsShown: (shown: number, all: number) =>
      `Showing ${shown} of ${all} rows; the full table is in the XLSX and HTML report.`,
    sectionsShown: (shown: number, all: number) =>
      `Showing ${shown} of ${all} sections; the full report is available as XLSX and HTML.`,
  },
} as const;

export type RenderWords = (typeof WORDS)[ReportLang];

export function renderWords(lang: ReportLang): RenderWords {
  return WORDS[lang];
}
