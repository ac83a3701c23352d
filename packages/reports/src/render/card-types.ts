/*
 * The part of the Adaptive Card 1.5 schema (https://adaptivecards.io/explorer/) the card renderers
 * write. Plain JSON types: a card is sent as is in a bot message's attachment
 * (`contentType: "application/vnd.microsoft.card.adaptive"`).
 */

export type CardSpacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
export type CardHorizontalAlignment = "Left" | "Center" | "Right";
export type CardContainerStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";

export interface CardTextBlock {
  readonly type: "TextBlock";
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: "Small" | "Default" | "Medium" | "Large" | "ExtraLarge";
  readonly weight?: "Lighter" | "Default" | "Bolder";
  readonly color?: "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";
  readonly isSubtle?: boolean;
  readonly horizontalAlignment?: CardHorizontalAlignment;
  readonly spacing?: CardSpacing;
  readonly separator?: boolean;
  readonly maxLines?: number;
  readonly fallback?: CardElement | "drop";
}

export interface CardFactSet {
  readonly type: "FactSet";
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly spacing?: CardSpacing;
  readonly separator?: boolean;
}

export interface CardTableCell {
  readonly type: "TableCell";
  readonly items: readonly CardElement[];
}

export interface CardTableRow {
  readonly type: "TableRow";
  readonly cells: readonly CardTableCell[];
  readonly style?: CardContainerStyle;
}

export interface CardTable {
  readonly type: "Table";
  readonly columns: readonly {
    readonly width: number;
    readonly horizontalCellContentAlignment?: CardHorizontalAlignment;
  }[];
  readonly rows: readonly CardTableRow[];
  readonly firstRowAsHeaders?: boolean;
  readonly showGridLines?: boolean;
  readonly gridStyle?: CardContainerStyle;
  readonly spacing?: CardSpacing;
  /** What a host without Table support (before 1.5) shows instead. */
  readonly fallback?: CardElement | "drop";
}

export interface CardContainer {
  readonly type: "Container";
  readonly items: readonly CardElement[];
  readonly spacing?: CardSpacing;
  readonly separator?: boolean;
  readonly style?: CardContainerStyle;
}

/*
 * Teams' chart elements ("Charts in Adaptive Cards"; schema: @microsoft/teams.cards' IHorizontalBarChart,
 * IVerticalBarChart, ILineChart, IDonutChart). Only the properties the renderer writes; a
 * chart's numbers are floats for drawing, and its `fallback` (what a host without charts shows) carries
 * the exact texts. Never a `key`: the schema has one on every element, and card data must not.
 */

/** Colour sets and colours of the chart schema (a subset of ChartColorSet / ChartColor). */
export type CardChartColorSet = "categorical" | "sequential" | "diverging";
export type CardChartColor = "good" | "warning" | "attention" | "neutral" | "categoricalBlue";

/** What every chart element shares. `fallback` is required here: a chart must read without charts. */
interface CardChartBase {
  readonly title?: string;
  readonly showTitle?: boolean;
  readonly colorSet?: CardChartColorSet;
  readonly showLegend?: boolean;
  readonly spacing?: CardSpacing;
  readonly separator?: boolean;
  readonly fallback: CardFactSet | CardTable | CardContainer | CardTextBlock;
}

export interface CardHorizontalBarChart extends CardChartBase {
  readonly type: "Chart.HorizontalBar";
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly color?: CardChartColor;
  readonly displayMode?: "AbsoluteWithAxis" | "AbsoluteNoAxis" | "PartToWhole";
  readonly data: readonly { readonly x: string; readonly y: number; readonly color?: CardChartColor }[];
}

export interface CardVerticalBarChart extends CardChartBase {
  readonly type: "Chart.VerticalBar";
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly color?: CardChartColor;
  readonly showBarValues?: boolean;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly data: readonly { readonly x: string; readonly y: number; readonly color?: CardChartColor }[];
}

export interface CardLineChart extends CardChartBase {
  readonly type: "Chart.Line";
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly data: readonly {
    readonly legend: string;
    readonly values: readonly { readonly x: string; readonly y: number }[];
    readonly color?: CardChartColor;
  }[];
}

export interface CardDonutChart extends CardChartBase {
  readonly type: "Chart.Donut";
  readonly data: readonly {
    readonly legend: string;
    readonly value: number;
    readonly color?: CardChartColor;
  }[];
  readonly thickness?: "Thin" | "Thick";
}

export type CardChart = CardHorizontalBarChart | CardVerticalBarChart | CardLineChart | CardDonutChart;

export type CardElement = CardTextBlock | CardFactSet | CardTable | CardContainer | CardChart;

export interface CardSubmitAction {
  readonly type: "Action.Submit";
  readonly title: string;
  /** Sent back to the bot as the activity's `value`. */
  readonly data: { readonly question: string };
}

export interface AdaptiveCard {
  readonly type: "AdaptiveCard";
  readonly $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  readonly version: "1.5";
  /** The card's language, for hosts' text-to-speech and date handling. */
  readonly lang?: string;
  /** Shown by hosts that cannot render the card at all (notifications, old clients). */
  readonly fallbackText?: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardSubmitAction[];
  /** Teams: use the full message width, so tables get room. */
  readonly msteams?: { readonly width: "Full" };
}
