import { formatCell } from "../format-cell.js";
import type { Report, ReportCell, ReportLang, ReportRow, ReportSection, ReportTable } from "../model.js";
import type {
  AdaptiveCard,
  CardElement,
  CardSubmitAction,
  CardTable,
  CardTableRow,
  CardTextBlock,
} from "./card-types.js";
import { COMPUTED_SIGN, FLAG_SIGN, renderWords, type RenderWords } from "./render-words.js";
import { cellAt, isNumericColumn, provenanceIn, rowNotes } from "./table-parts.js";
import { escapeCardText } from "./card-text.js";
import { chartElement, chartLeftOut } from "./card-chart.js";
import type { Chart } from "../charts/chart.js";

export { escapeCardText } from "./card-text.js";

export type * from "./card-types.js";

/**
 * Teams refuses a message larger than about 28 KB; the card gets 24 000 bytes of it, leaving room
 * for the activity around it (and the bot's own text).
 */
export const CARD_MAX_BYTES = 24_000;
/** Teams shows at most six buttons under a card; five keeps one line on a phone. */
export const CARD_MAX_ACTIONS = 5;

export interface CardOptions {
  /** Columns shown per table, the first (naming) column included. Default 4: a phone's width. */
  readonly maxColumns?: number;
  /** Rows shown per table before the totals row. Default 16: all 14 or 16 members of a committee. */
  readonly maxRows?: number;
  /** The most the card's JSON may weigh in UTF-8 bytes. Default `CARD_MAX_BYTES`. */
  readonly maxBytes?: number;
}

/** How much of the report fits: each step of the size guard lowers one of these. */
interface CardBudget {
  readonly maxColumns: number;
  readonly maxRows: number;
  /** Give each table a text fallback for hosts without Table support. */
  readonly tableFallbacks: boolean;
  /** Show paragraphs and notes. */
  readonly prose: boolean;
  readonly maxSections: number;
}

/**
 * The report as an Adaptive Card (schema 1.5) for Teams: the title, then per section its heading,
 * paragraphs, a compact `Table` (numbers right-aligned, totals in bold, computed amounts marked †,
 * flagged rows ⚠ on an attention background) and its notes, and a legend. Each table carries a
 * plain-text fallback for hosts without Table support, and the card a `fallbackText`.
 *
 * A card is a summary, not the document: wide tables keep their first `maxColumns` columns and
 * long ones their first `maxRows` rows, and the card says so and points to the XLSX/HTML report.
 * If the JSON is still over `maxBytes`, the guard drops in turn the table fallbacks, rows (to 3),
 * paragraphs and notes, and trailing sections — each cut said on the card.
 *
 * @throws RangeError if not even the first section with three rows fits in `maxBytes`.
 *
 * @example
 * const card = renderAdaptiveCard(report);
 * await context.sendActivity({ attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] });
 */
export function renderAdaptiveCard(report: Report, options: CardOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? CARD_MAX_BYTES;
  let budget: CardBudget = {
    maxColumns: Math.max(2, options.maxColumns ?? 4),
    maxRows: Math.max(1, options.maxRows ?? 16),
    tableFallbacks: true,
    prose: true,
    maxSections: report.sections.length,
  };
  for (;;) {
    const card = reportCard(report, budget);
    if (cardBytes(card) <= maxBytes) return card;
    const smaller = shrink(budget);
    if (!smaller) {
      throw new RangeError(
        `The card for "${report.title}" is ${cardBytes(card)} bytes even cut to one section of ${budget.maxRows} rows; the limit is ${maxBytes}`,
      );
    }
    budget = smaller;
  }
}

/** The next smaller budget, or undefined when nothing more can go. */
function shrink(budget: CardBudget): CardBudget | undefined {
  if (budget.tableFallbacks) return { ...budget, tableFallbacks: false };
  if (budget.maxRows > 3) return { ...budget, maxRows: Math.max(3, Math.floor(budget.maxRows / 2)) };
  if (budget.prose) return { ...budget, prose: false };
  if (budget.maxSections > 1) return { ...budget, maxSections: budget.maxSections - 1 };
  return undefined;
}

/** The card's size as Teams counts it: UTF-8 bytes of its JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

function reportCard(report: Report, budget: CardBudget): AdaptiveCard {
  const words = renderWords(report.lang);
  const sections = report.sections.slice(0, budget.maxSections);
  const body: CardElement[] = [
    { type: "TextBlock", text: report.title, size: "Large", weight: "Bolder", wrap: true },
    {
      type: "TextBlock",
      text: [report.collaboration, report.subtitle].filter(Boolean).join(" · "),
      isSubtle: true,
      wrap: true,
      spacing: "None",
    },
    ...sections.flatMap((section) => sectionElements(section, report.lang, words, budget)),
  ];
  const notices: string[] = [];
  if (sections.length < report.sections.length)
    notices.push(words.sectionsShown(sections.length, report.sections.length));
  if (!budget.prose && report.sections.some((s) => s.paragraphs?.length || s.notes?.length)) {
    notices.push(words.proseLeftOut);
  }
  if (sections.some((s) => s.table && provenanceIn(s.table).computed)) notices.push(words.legendCard);
  for (const notice of notices) body.push(smallText(notice));

  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    lang: report.lang,
    fallbackText: [report.title, report.collaboration, ...report.sections.map((s) => s.title)].join("\n"),
    msteams: { width: "Full" },
    body,
  };
}

function sectionElements(
  section: ReportSection,
  lang: ReportLang,
  words: RenderWords,
  budget: CardBudget,
): CardElement[] {
  const elements: CardElement[] = [
    {
      type: "TextBlock",
      text: section.title,
      size: "Medium",
      weight: "Bolder",
      wrap: true,
      separator: true,
      spacing: "Medium",
    },
  ];
  if (budget.prose) for (const paragraph of section.paragraphs ?? []) elements.push(plainText(paragraph));
  const table = section.table;
  if (table) elements.push(...tableElements(table, lang, words, budget));
  if (budget.prose) {
    for (const note of [...(section.notes ?? []), ...(table ? rowNotes(table, section.notes) : [])]) {
      elements.push(smallText(note));
    }
  }
  return elements;
}

type TableBudget = Pick<CardBudget, "maxColumns" | "maxRows" | "tableFallbacks">;

/**
 * A report table as a card `Table` plus what was left out of it: the first `maxColumns` columns,
 * the first `maxRows` rows and the totals row.
 */
function tableElements(
  table: ReportTable,
  lang: ReportLang,
  words: RenderWords,
  budget: TableBudget,
): CardElement[] {
  const columns = table.columns.slice(0, budget.maxColumns);
  const rows = table.rows.slice(0, budget.maxRows);
  const cellText = (cell: ReportCell) =>
    `${formatCell(cell, lang)}${cell.kind === "money" && cell.provenance === "computed" ? ` ${COMPUTED_SIGN}` : ""}`;
  const rowTexts = (row: Pick<ReportRow, "cells" | "emphasis">) =>
    columns.map((column, c) => {
      const text = cellText(cellAt(row, column));
      return c === 0 && row.emphasis === "flagged" ? `${FLAG_SIGN} ${text}` : text;
    });

  const tableRow = (texts: string[], bold: boolean, style?: "attention"): CardTableRow => ({
    type: "TableRow",
    ...(style ? { style } : {}),
    cells: texts.map((text) => ({
      type: "TableCell",
      items: [
        {
          type: "TextBlock",
          text: escapeCardText(text) || " ",
          wrap: true,
          ...(bold ? { weight: "Bolder" } : {}),
        },
      ],
    })),
  });

  const cardRows: CardTableRow[] = [
    tableRow(
      columns.map((column) => column.label),
      true,
    ),
    ...rows.map((row) =>
      tableRow(
        rowTexts(row),
        row.emphasis === "subtotal",
        row.emphasis === "flagged" ? "attention" : undefined,
      ),
    ),
  ];
  if (table.totals) cardRows.push(tableRow(rowTexts(table.totals), true));

  const element: CardTable = {
    type: "Table",
    columns: columns.map((column, c) => ({
      width: c === 0 && column.kind === "text" ? 2 : 1,
      ...(isNumericColumn(column) ? { horizontalCellContentAlignment: "Right" as const } : {}),
    })),
    rows: cardRows,
    firstRowAsHeaders: true,
    showGridLines: false,
    spacing: "Small",
    ...(budget.tableFallbacks
      ? {
          fallback: {
            type: "TextBlock" as const,
            wrap: true,
            text: [...rows.map((row) => rowTexts(row)), ...(table.totals ? [rowTexts(table.totals)] : [])]
              .map((texts) => escapeCardText(texts.filter(Boolean).join(" · ")))
              .join("\n\n"),
          },
        }
      : {}),
  };
  const elements: CardElement[] = [element];
  if (columns.length < table.columns.length)
    elements.push(smallText(words.columnsShown(columns.length, table.columns.length)));
  if (rows.length < table.rows.length)
    elements.push(smallText(words.rowsShown(rows.length, table.rows.length)));
  return elements;
}

function plainText(text: string): CardTextBlock {
  return { type: "TextBlock", text: escapeCardText(text), wrap: true };
}

function smallText(text: string): CardTextBlock {
  return {
    type: "TextBlock",
    text: escapeCardText(text),
    wrap: true,
    size: "Small",
    isSubtle: true,
    spacing: "Small",
  };
}

export interface AnswerCardInput {
  /** The answer, in the asker's language. Markdown as Teams renders it in a TextBlock (bold, lists, links). */
  readonly text: string;
  readonly lang: ReportLang;
  /** A heading above the answer. */
  readonly title?: string;
  /** Label/value pairs under the answer, e.g. `{ title: "Källa", value: "Budget 2023, rad 2335–2371" }`. */
  readonly facts?: readonly { readonly title: string; readonly value: string }[];
  /** A table from a report (e.g. one section of `buildStatementReport`), shown compactly. */
  readonly table?: ReportTable;
  /**
   * A chart under the answer text (`chartFromTable` of `table`, so both show the same numbers), as a
   * Teams chart element with a FactSet fallback. Left out first when the card is too big.
   */
  readonly chart?: Chart;
  /** Suggested next questions: each becomes a button that sends `{ question }` back to the bot. */
  readonly followUps?: readonly string[];
}

/**
 * An answer card for the Teams assistant: the answer text, optional facts (where the figure comes
 * from), an optional compact table, and up to five follow-up questions as `Action.Submit` buttons.
 * A pressed button sends `{ question: "<the follow-up>" }` as the activity's `value`, so the bot
 * can treat it as if the user had typed it.
 *
 * The answer text is Markdown (the assistant may bold an amount); facts, table cells and button
 * titles are shown literally. A chart goes right after the text. The card stays within `maxBytes` by
 * dropping the table's fallback, then the chart (said on the card), then shortening the table (see
 * `renderAdaptiveCard`), then leaving it out.
 *
 * @throws RangeError if the text and facts alone exceed `maxBytes`.
 *
 * @example
 * answerCard({
 *   lang: "sv",
 *   text: "Kalix betalar **21 000 kr** för e-arkiv 2023.",
 *   facts: [{ title: "Källa", value: "Budget 2023, Gemensamma tjänster 2023 (rad 2335–2371)" }],
 *   followUps: ["Vad betalade Kalix 2022?", "Visa hela kommunbeskedet för Kalix 2023"],
 * });
 */
export function answerCard(input: AnswerCardInput, options: CardOptions = {}): AdaptiveCard {
  const maxBytes = options.maxBytes ?? CARD_MAX_BYTES;
  const words = renderWords(input.lang);
  const followUps = (input.followUps ?? []).filter((q) => q.trim() !== "").slice(0, CARD_MAX_ACTIONS);
  const actions: CardSubmitAction[] = followUps.map((question) => ({
    type: "Action.Submit",
    title: question.length > 60 ? `${question.slice(0, 59)}…` : question,
    data: { question },
  }));

  const chart = input.chart?.series.some((s) => s.points.length > 0) ? input.chart : undefined;
  const build = (tableBudget: TableBudget | undefined, withChart: boolean): AdaptiveCard => {
    const body: CardElement[] = [];
    if (input.title)
      body.push({ type: "TextBlock", text: input.title, size: "Medium", weight: "Bolder", wrap: true });
    body.push({ type: "TextBlock", text: input.text, wrap: true });
    if (chart) body.push(withChart ? chartElement(chart) : smallText(chartLeftOut(input.lang)));
    if (input.facts?.length) {
      body.push({
        type: "FactSet",
        facts: input.facts.map((fact) => ({
          title: escapeCardText(fact.title),
          value: escapeCardText(fact.value),
        })),
        spacing: "Medium",
      });
    }
    if (input.table && tableBudget) {
      body.push(...tableElements(input.table, input.lang, words, tableBudget));
      if (provenanceIn(input.table).computed) body.push(smallText(words.legendCard));
    } else if (input.table) {
      body.push(smallText(words.rowsShown(0, input.table.rows.length)));
    }
    return {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      lang: input.lang,
      fallbackText: input.text,
      msteams: { width: "Full" },
      body,
      ...(actions.length ? { actions } : {}),
    };
  };

  let tableBudget: TableBudget | undefined = input.table
    ? {
        maxColumns: Math.max(2, options.maxColumns ?? 4),
        maxRows: Math.max(1, options.maxRows ?? 16),
        tableFallbacks: true,
      }
    : undefined;
  let withChart = true;
  for (;;) {
    const card = build(tableBudget, withChart);
    if (cardBytes(card) <= maxBytes) return card;
    if (tableBudget?.tableFallbacks) {
      tableBudget = { ...tableBudget, tableFallbacks: false };
      continue;
    }
    if (chart && withChart) {
      withChart = false;
      continue;
    }
    if (!tableBudget)
      throw new RangeError(`The answer card is ${cardBytes(card)} bytes; the limit is ${maxBytes}`);
    tableBudget =
      tableBudget.maxRows > 3
        ? { ...tableBudget, maxRows: Math.max(3, Math.floor(tableBudget.maxRows / 2)) }
        : undefined;
  }
}
