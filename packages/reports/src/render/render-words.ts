import type { ReportLang } from "../model.js";

/**
 * The few words the XLSX, HTML and card renderers add themselves (everything else comes from the
 * report). Kept in one place so the legend reads the same in every format.
 */
const WORDS = {
  sv: {
    notes: "Anmärkningar",
    reportNotes: "Om rapporten",
    legendComputed: "beräknat av samverkan (modellen anges vid beloppet)",
    legendPublished: "publicerat i källdokumentet",
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
