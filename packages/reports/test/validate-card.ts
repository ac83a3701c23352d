/**
 * The card validator the card tests share: Microsoft's own renderer library (adaptivecards 3.0.6)
 * plus the rules it does not check. That library predates Teams' chart elements, so a card with
 * charts is validated as a host without chart support shows it: `validateWithFallbacks` replaces
 * every Chart.* element by its fallback first.
 */
import { createRequire } from "node:module";
import { expect } from "vitest";
import type { AdaptiveCard, CardChart, CardElement } from "../src/index.js";
import { CARD_MAX_BYTES, cardBytes } from "../src/index.js";

// The package's lib/ ESM build does not resolve under Node; its UMD bundle parses without a DOM.
export const AC = createRequire(import.meta.url)(
  "adaptivecards/dist/adaptivecards.js",
) as AdaptiveCardsModule;

interface ValidationEvent {
  readonly phase: number;
  readonly event: number;
  readonly message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    toJSON(): unknown;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ValidationEvent };
  ValidationEvent: Record<number, string>;
  CardElement: { langProperty: { regEx?: RegExp } };
}

/**
 * Parse the card with Microsoft's own renderer library and fail on anything it reports: an unknown
 * element or action, an invalid value, a property not allowed. The library ignores properties it
 * does not know, so the card is also serialised back and compared: any property that did not
 * survive the round trip (other than one set to its default) was not part of the schema.
 */
export function validate(card: AdaptiveCard): void {
  // adaptivecards 3.0.6 checks `lang` with a /g regular expression and `exec`, which keeps
  // `lastIndex` between calls: every second valid "sv" would be reported invalid. Reset it.
  const langCheck = AC.CardElement.langProperty.regEx;
  if (langCheck) langCheck.lastIndex = 0;
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    events.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  if (events.length) throw new Error(`invalid card:\n${events.join("\n")}`);
  const lost = lostProperties(card, parsed.toJSON(), "card");
  if (lost.length) throw new Error(`properties outside the schema: ${lost.join(", ")}`);
  checkStructure(card);
  for (const element of walk(card.body)) {
    if (element.type === "Table" && element.fallback && element.fallback !== "drop") {
      const { actions: _actions, ...rest } = card;
      validate({ ...rest, body: [element.fallback] });
    }
  }
}

/** Values the library leaves out when serialising because they are the defaults. */
const DEFAULTS: Record<string, unknown> = { firstRowAsHeaders: true, msteams: { width: "Full" } };

function lostProperties(sent: unknown, back: unknown, path: string): string[] {
  if (Array.isArray(sent)) {
    if (!Array.isArray(back) || back.length !== sent.length) return [`${path}: array changed`];
    return sent.flatMap((item, i) => lostProperties(item, back[i], `${path}[${i}]`));
  }
  if (sent && typeof sent === "object") {
    if (!back || typeof back !== "object") return [`${path}: object lost`];
    return Object.entries(sent).flatMap(([key, value]) => {
      const returned = (back as Record<string, unknown>)[key];
      // The library keeps a known element's fallback aside and never writes it back; it is
      // checked on its own below (validateFallbacks).
      if (key === "fallback") return [];
      if (returned === undefined) {
        return JSON.stringify(DEFAULTS[key]) === JSON.stringify(value) ? [] : [`${path}.${key}`];
      }
      return lostProperties(value, returned, `${path}.${key}`);
    });
  }
  return [];
}

/** The rules the library does not check: version, sizes, a Table's rows as wide as its columns. */
export function checkStructure(card: AdaptiveCard): void {
  expect(card.type).toBe("AdaptiveCard");
  expect(card.version).toBe("1.5");
  expect(card.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
  expect(cardBytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
  for (const element of walk(card.body)) {
    if (element.type === "TextBlock") expect(element.text.length, "empty TextBlock").toBeGreaterThan(0);
    if (element.type === "Table") {
      expect(element.columns.length).toBeGreaterThan(0);
      for (const row of element.rows) {
        expect(row.cells.length).toBe(element.columns.length);
        for (const cell of row.cells) expect(cell.items.length).toBeGreaterThan(0);
      }
    }
  }
  for (const action of card.actions ?? []) {
    expect(action.type).toBe("Action.Submit");
    expect(typeof action.data.question).toBe("string");
  }
}

export function* walk(elements: readonly CardElement[]): Generator<CardElement> {
  for (const element of elements) {
    yield element;
    if (element.type === "Container") yield* walk(element.items);
    if (element.type === "Table") {
      for (const row of element.rows) for (const cell of row.cells) yield* walk(cell.items);
      if (element.fallback && element.fallback !== "drop") yield* walk([element.fallback]);
    }
    if (element.type === "TextBlock" && element.fallback && element.fallback !== "drop")
      yield* walk([element.fallback]);
    if (isChart(element)) yield* walk([element.fallback]);
  }
}

export function isChart(e: CardElement): e is CardChart {
  return e.type.startsWith("Chart.");
}

/** Every chart element of the card, however deep. */
export function charts(card: AdaptiveCard): CardChart[] {
  return [...walk(card.body)].filter(isChart);
}

/** The card as a host without chart support shows it: each chart element replaced by its fallback. */
export function withChartFallbacks(card: AdaptiveCard): AdaptiveCard {
  const replace = (e: CardElement): CardElement => {
    if (isChart(e)) return replace(e.fallback);
    if (e.type === "Container") return { ...e, items: e.items.map(replace) };
    return e;
  };
  return { ...card, body: card.body.map(replace) };
}

/** `validate` of the card with every chart replaced by its fallback; fails if a chart has none. */
export function validateWithFallbacks(card: AdaptiveCard): void {
  for (const chart of charts(card)) expect(chart.fallback, `${chart.type} without fallback`).toBeDefined();
  validate(withChartFallbacks(card));
}
