import { Decimal, formatNumber } from "@samverkan/domain";
import { formatDate } from "@samverkan/allocation";
import type { ReportCell, ReportLang } from "./model.js";

/**
 * A cell as a person reads it, in the report's language: "1 127 000 kr", "21,5 %", "12 oktober 2022".
 * Every text renderer (Markdown, CSV, HTML, Adaptive Card) goes through here, so a number reads the
 * same in every format. Exact: the digits come from the decimal string, never from a float.
 */
export function formatCell(cell: ReportCell, lang: ReportLang): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "money":
      return `${formatNumber(new Decimal(cell.value), undefined, lang)} ${cell.unit}`;
    case "percent":
      return `${cell.exact === false ? "≈ " : ""}${formatNumber(new Decimal(cell.value), undefined, lang)} %`;
    case "number":
      return formatNumber(new Decimal(cell.value), undefined, lang);
    case "date": {
      const [date, time] = cell.value.split("T");
      const day = formatDate(date ?? cell.value, lang);
      return time ? `${day} ${time.slice(0, 5)}` : day;
    }
    case "empty":
      return "";
  }
}

/** A cell's bare number for machine-readable output (CSV's plain numbers, XLSX values): "20211.25". */
export function cellNumber(cell: ReportCell): string | undefined {
  return cell.kind === "money" || cell.kind === "percent" || cell.kind === "number" ? cell.value : undefined;
}
