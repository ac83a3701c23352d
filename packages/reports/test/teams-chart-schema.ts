/**
 * The card's chart elements against Microsoft's typed schema (@microsoft/teams.cards 2.1.0,
 * dist/core.d.ts): at compile time (`npm run typecheck` fails when a card type has a property the
 * interface does not declare, or one of another type) and at run time (`unknownProperties`: every
 * property of an emitted element is on the allow-list, which a test compares with the d.ts).
 */
import type {
  IDonutChart,
  IDonutChartData,
  IHorizontalBarChart,
  IHorizontalBarChartDataValue,
  ILineChart,
  ILineChartData,
  ILineChartValue,
  IVerticalBarChart,
  IVerticalBarChartDataValue,
} from "@microsoft/teams.cards";
import type {
  CardChart,
  CardDonutChart,
  CardHorizontalBarChart,
  CardLineChart,
  CardVerticalBarChart,
} from "../src/index.js";

/** The card types are readonly; Microsoft's are not. Only for comparing the shapes. */
type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;
/** True when A is assignable to B and has no property B does not declare. */
type Fits<A, B> = [DeepMutable<A>] extends [B]
  ? Exclude<keyof A, keyof B> extends never
    ? true
    : false
  : false;
type Item<T> = T extends readonly (infer U)[] ? U : never;

// Each line fails to compile if the card type drifts from Microsoft's schema.
export const schemaFits: readonly true[] = [
  true satisfies Fits<CardHorizontalBarChart, IHorizontalBarChart>,
  true satisfies Fits<Item<CardHorizontalBarChart["data"]>, IHorizontalBarChartDataValue>,
  true satisfies Fits<CardVerticalBarChart, IVerticalBarChart>,
  true satisfies Fits<Item<CardVerticalBarChart["data"]>, IVerticalBarChartDataValue>,
  true satisfies Fits<CardLineChart, ILineChart>,
  true satisfies Fits<Item<CardLineChart["data"]>, ILineChartData>,
  true satisfies Fits<Item<Item<CardLineChart["data"]>["values"]>, ILineChartValue>,
  true satisfies Fits<CardDonutChart, IDonutChart>,
  true satisfies Fits<Item<CardDonutChart["data"]>, IDonutChartData>,
];

/** An emitted element as Microsoft's interface: compiles only because the shapes fit. */
export function asTeamsElement(
  e: CardChart,
): IHorizontalBarChart | IVerticalBarChart | ILineChart | IDonutChart {
  const m = e as DeepMutable<CardChart>;
  switch (m.type) {
    case "Chart.HorizontalBar":
      return m satisfies IHorizontalBarChart;
    case "Chart.VerticalBar":
      return m satisfies IVerticalBarChart;
    case "Chart.Line":
      return m satisfies ILineChart;
    case "Chart.Donut":
      return m satisfies IDonutChart;
  }
}

type Keys<T> = readonly Exclude<keyof T, "key">[];

const COMMON = [
  "type",
  "id",
  "requires",
  "lang",
  "isVisible",
  "separator",
  "height",
  "horizontalAlignment",
  "spacing",
  "targetWidth",
  "isSortKey",
  "title",
  "showTitle",
  "colorSet",
  "maxWidth",
  "showLegend",
  "grid.area",
  "fallback",
] as const;

/**
 * Every property each interface declares except `key` (never in card data), by interface name as
 * the d.ts spells it. Typed as the interface's keys, so a misspelt name does not compile.
 */
export const ALLOWED = {
  IHorizontalBarChart: [
    ...COMMON,
    "xAxisTitle",
    "yAxisTitle",
    "color",
    "data",
    "displayMode",
  ] satisfies Keys<IHorizontalBarChart>,
  IHorizontalBarChartDataValue: ["x", "y", "color"] satisfies Keys<IHorizontalBarChartDataValue>,
  IVerticalBarChart: [
    ...COMMON,
    "xAxisTitle",
    "yAxisTitle",
    "data",
    "color",
    "showBarValues",
    "yMin",
    "yMax",
  ] satisfies Keys<IVerticalBarChart>,
  IVerticalBarChartDataValue: ["x", "y", "color"] satisfies Keys<IVerticalBarChartDataValue>,
  ILineChart: [
    ...COMMON,
    "xAxisTitle",
    "yAxisTitle",
    "color",
    "data",
    "yMin",
    "yMax",
  ] satisfies Keys<ILineChart>,
  ILineChartData: ["legend", "values", "color"] satisfies Keys<ILineChartData>,
  ILineChartValue: ["x", "y"] satisfies Keys<ILineChartValue>,
  IDonutChart: [
    ...COMMON,
    "data",
    "value",
    "valueColor",
    "thickness",
    "showOutlines",
  ] satisfies Keys<IDonutChart>,
  IDonutChartData: ["legend", "value", "color"] satisfies Keys<IDonutChartData>,
} as const;

const ELEMENT: Record<CardChart["type"], { element: keyof typeof ALLOWED; data: keyof typeof ALLOWED }> = {
  "Chart.HorizontalBar": { element: "IHorizontalBarChart", data: "IHorizontalBarChartDataValue" },
  "Chart.VerticalBar": { element: "IVerticalBarChart", data: "IVerticalBarChartDataValue" },
  "Chart.Line": { element: "ILineChart", data: "ILineChartData" },
  "Chart.Donut": { element: "IDonutChart", data: "IDonutChartData" },
};

/** Properties of the element (and of its data points) that Microsoft's interface does not declare. */
export function unknownProperties(e: CardChart): string[] {
  const names = ELEMENT[e.type];
  const outside = (o: object, allowed: readonly string[], at: string) =>
    Object.keys(o)
      .filter((k) => !allowed.includes(k))
      .map((k) => `${at}.${k}`);
  const found = outside(e, ALLOWED[names.element], e.type);
  e.data.forEach((d, i) => {
    found.push(...outside(d, ALLOWED[names.data], `${e.type}.data[${i}]`));
    if ("values" in d)
      d.values.forEach((v, j) =>
        found.push(...outside(v, ALLOWED.ILineChartValue, `${e.type}.data[${i}].values[${j}]`)),
      );
  });
  return found;
}

/** Property names of `interface name { … }` in a d.ts text, comments removed. */
export function declaredProperties(dts: string, name: string): string[] {
  const text = dts.replace(/\/\*[\s\S]*?\*\//g, "");
  const body = new RegExp(`interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1];
  if (body === undefined) throw new Error(`no interface ${name} in the d.ts`);
  return [...body.matchAll(/^\s*(?:readonly\s+)?('[^']+'|[A-Za-z_$][\w$]*)\??:/gm)].map((m) =>
    (m[1] ?? "").replace(/'/g, ""),
  );
}
