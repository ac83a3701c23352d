import type { AllocationResult } from "@samverkan/allocation";
import type { CostItem, Decimal } from "@samverkan/domain";
import { derivedAmount, rowAmount } from "../amounts.js";
import { say, type Draft, type Turn } from "../draft.js";
import { allocation, statement as statementOf } from "../engine.js";
import { genitive, listing, money, signedMoney } from "../phrases.js";
import { interpretationNote, type ResolvedYear } from "../resolve.js";
import { amountsTable } from "../tables.js";
import { yearLine } from "../charts.js";
import type { AnswerAmount } from "../types.js";
import { itemName, sourceFacts } from "./cost.js";

/**
 * One municipality over several years ("Vad betalar Kalix för e-arkiv 2021–2023?"): every year asked,
 * each year's exact amount and the change, a per-year table and a line chart of it. A year the data
 * does not hold is named as missing, never drawn or invented.
 */

/** What is followed over the years: an item, the municipality's total, or SkånEarkiv's cap. */
export type YearSeriesOf =
  | { readonly kind: "item"; readonly itemId: string }
  | { readonly kind: "total" }
  | { readonly kind: "maxWithdrawal"; readonly itemId: string };

export interface Point {
  readonly year: number;
  readonly amount: AnswerAmount;
  readonly value: Decimal;
  readonly unit: "kr" | "tkr";
  /** " (beräknat, inte publicerat)", " (förslag)", or "". */
  readonly note: string;
}

export interface Collected {
  readonly points: Point[];
  /** Years with no allocation (no rule, or no budgeted statement). */
  readonly none: number[];
  /** Years the item is allocated but the municipality does not take part. */
  readonly absent: number[];
  /** The last year's allocation, for the card's facts. */
  readonly last?: AllocationResult;
}

export function costItem(turn: Turn, id: string): CostItem {
  return turn.dataset.costItems.find((x) => x.id === id) as CostItem;
}

/** Each year's amount, or why there is none; undefined when a year's total is in more than one unit. */
export function collect(
  turn: Turn,
  municipality: string,
  of: YearSeriesOf,
  years: readonly number[],
): Collected | undefined {
  const d = turn.dataset;
  const points: Point[] = [];
  const none: number[] = [];
  const absent: number[] = [];
  let last: AllocationResult | undefined;
  for (const year of years) {
    if (of.kind === "total") {
      const outcome = statementOf(d, municipality, year);
      if (!outcome.ok) {
        none.push(year);
        continue;
      }
      const [total, ...more] = outcome.value.total;
      if (!total || more.length > 0) return undefined;
      const fields = { role: "statementTotal" as const, municipality, item: "Summa", itemId: null };
      points.push({
        year,
        amount: derivedAmount(d, { ...fields, year, unit: total.unit }, total.amount, "sum", turn.lang),
        value: total.amount,
        unit: total.unit,
        note: "",
      });
      continue;
    }
    const outcome = allocation(d, of.itemId, year);
    if (!outcome.ok) {
      none.push(year);
      continue;
    }
    const row = outcome.value.rows.find((r) => r.municipality === municipality);
    if (!row) {
      absent.push(year);
      continue;
    }
    last = outcome.value;
    const proposed = costItem(turn, of.itemId).years.find((y) => y.year === year)?.status === "proposed";
    const note =
      (row.provenance === "published"
        ? ""
        : say(turn, " (beräknat, inte publicerat)", " (computed, not published)")) +
      (proposed ? say(turn, " (kalkyl i ett förslag)", " (a proposal's calculation)") : "");
    points.push({
      year,
      amount: rowAmount(d, outcome.value, row, turn.lang),
      value: row.amount,
      unit: row.unit,
      note,
    });
  }
  return { points, none, absent, ...(last ? { last } : {}) };
}

/** "E-arkiv har ingen fördelning för 2021 i datat." for the years left out, or "". */
export function missingNote(turn: Turn, municipality: string, of: YearSeriesOf, c: Collected): string {
  const sv = (ys: number[]) => listing(ys.map(String), "sv");
  const en = (ys: number[]) => listing(ys.map(String), "en");
  let note = "";
  if (c.none.length > 0)
    note +=
      of.kind === "total"
        ? say(
            turn,
            ` ${municipality} har ingen budgeterad fördelning för ${sv(c.none)} i datat.`,
            ` ${municipality} has no budgeted allocation for ${en(c.none)} in the data.`,
          )
        : say(
            turn,
            ` ${costItem(turn, of.itemId).name} har ingen fördelning för ${sv(c.none)} i datat.`,
            ` ${costItem(turn, of.itemId).nameEn} has no allocation for ${en(c.none)} in the data.`,
          );
  if (c.absent.length > 0 && of.kind !== "total")
    note += say(
      turn,
      ` ${municipality} deltar inte i ${costItem(turn, of.itemId).name} ${sv(c.absent)}.`,
      ` ${municipality} does not take part in ${costItem(turn, of.itemId).nameEn} in ${en(c.absent)}.`,
    );
  return note;
}

/** "Kalix betalar 21 000 kr för E-arkiv 2022 och 21 000 kr 2023." */
export function amountsSentence(turn: Turn, municipality: string, of: YearSeriesOf, points: Point[]): string {
  const each = (lang: "sv" | "en", first: string) =>
    listing(
      points.map((p, i) => {
        const amount = `${money(p.value, p.unit, lang)}${p.note}`;
        const year = lang === "sv" ? `${p.year}` : `in ${p.year}`;
        return i === 0 && first ? `${amount} ${first} ${year}` : `${amount} ${year}`;
      }),
      lang,
    );
  const d = turn.dataset;
  if (of.kind === "maxWithdrawal")
    return say(
      turn,
      `${genitive(municipality)} maximala uttag är ${each("sv", "")}.`,
      `${municipality}'s maximum withdrawal is ${each("en", "")}.`,
    );
  if (of.kind === "total")
    return say(
      turn,
      `${municipality} betalar ${each("sv", `totalt till ${d.collaboration.name}`)}.`,
      `${municipality} pays ${each("en", `in total to ${d.collaboration.nameEn}`)}.`,
    );
  const item = costItem(turn, of.itemId);
  return say(
    turn,
    `${municipality} betalar ${each("sv", `för ${item.name}`)}.`,
    `${municipality} pays ${each("en", `for ${item.nameEn}`)}.`,
  );
}

/** " Förändring 2022–2023: ±0 kr." (each step, then the whole period); adds the differences. */
export function changes(
  turn: Turn,
  municipality: string,
  of: YearSeriesOf,
  points: Point[],
  amounts: AnswerAmount[],
): string {
  const d = turn.dataset;
  const item = of.kind === "total" ? undefined : costItem(turn, of.itemId);
  const change = (from: Point, to: Point): string | undefined => {
    if (from.unit !== to.unit) return undefined;
    const diff = to.value.minus(from.value);
    const fields = {
      role: "change" as const,
      municipality,
      item: item?.name ?? "Summa",
      itemId: item?.id ?? null,
      year: to.year,
      unit: to.unit,
    };
    amounts.push(derivedAmount(d, fields, diff, "difference", turn.lang));
    return `${from.year}–${to.year} ${signedMoney(diff, to.unit, turn.lang)}`;
  };
  const steps = points.slice(1).flatMap((p, i) => {
    const text = change(points[i] as Point, p);
    return text ? [text] : [];
  });
  if (steps.length === 0) return "";
  if (points.length === 2) {
    const step = steps[0] as string;
    const at = step.indexOf(" ");
    const [span, diff] = [step.slice(0, at), step.slice(at + 1)];
    return say(turn, ` Förändring ${span}: ${diff}.`, ` Change ${span}: ${diff}.`);
  }
  const first = points[0] as Point;
  const whole = change(first, points.at(-1) as Point);
  const period = whole ? say(turn, `; hela perioden ${whole}`, `; over the whole period ${whole}`) : "";
  return say(turn, ` Förändring: ${steps.join(", ")}${period}.`, ` Change: ${steps.join(", ")}${period}.`);
}

/** The series' name on the chart: "E-arkiv", "totalt", "Maximalt uttag". */
export function seriesName(turn: Turn, of: YearSeriesOf): string {
  if (of.kind === "total") return say(turn, "totalt", "total");
  return itemName(turn, costItem(turn, of.itemId));
}

/** What to ask next after a series: the last year's split and total, or its statement or caps. */
export function seriesFollowUps(turn: Turn, municipality: string, of: YearSeriesOf, year: number): string[] {
  const d = turn.dataset;
  if (of.kind === "total")
    return [say(turn, `Vad betalar ${municipality} ${year}?`, `What does ${municipality} pay in ${year}?`)];
  if (of.kind === "maxWithdrawal")
    return [
      say(
        turn,
        `Maximalt uttag ${d.collaboration.name} ${year}`,
        `Maximum withdrawal ${d.collaboration.name} ${year}`,
      ),
    ];
  const name = seriesName(turn, of);
  return [
    say(turn, `Hur fördelas ${name} ${year}?`, `How is ${name} split in ${year}?`),
    say(
      turn,
      `Vad betalar ${municipality} totalt ${year}?`,
      `What does ${municipality} pay in total in ${year}?`,
    ),
  ];
}

/** The intent a series answers as: an item's cost, a statement's total, or SkånEarkiv's cap. */
export function seriesIntent(of: YearSeriesOf): "itemCost" | "statement" | "maxWithdrawal" {
  return of.kind === "item" ? "itemCost" : of.kind === "total" ? "statement" : "maxWithdrawal";
}

/**
 * The answer for every year asked, or the one-year answer (`single`) when fewer than two years have an
 * amount, with the missing years said. Undefined when the years cannot be set side by side (a total
 * in more than one unit): then the question is answered as before.
 */
export function yearSeries(
  turn: Turn,
  municipality: string,
  of: YearSeriesOf,
  years: readonly number[],
  single: (year: ResolvedYear) => Draft,
): Draft | undefined {
  const c = collect(turn, municipality, of, years);
  if (!c) return undefined;
  const { points } = c;
  if (points.length < 2) {
    const answered = points[0]?.year ?? (years.at(-1) as number);
    const draft = single({ value: answered, source: "question" });
    const others = {
      ...c,
      none: c.none.filter((y) => y !== answered),
      absent: c.absent.filter((y) => y !== answered),
    };
    return { ...draft, text: draft.text + missingNote(turn, municipality, of, others) };
  }
  const d = turn.dataset;
  const amounts: AnswerAmount[] = points.map((p) => p.amount);
  const first = points[0] as Point;
  const last = points.at(-1) as Point;
  const text =
    amountsSentence(turn, municipality, of, points) +
    changes(turn, municipality, of, points, amounts) +
    missingNote(turn, municipality, of, c) +
    interpretationNote(turn);
  const table = amountsTable(
    points.map((p) => p.amount),
    (a) => String(a.year),
    { label: say(turn, "År", "Year"), amount: say(turn, "Belopp", "Amount") },
    turn.lang,
  );
  const chart = yearLine(
    table,
    `${municipality}, ${seriesName(turn, of)} ${first.year}–${last.year}`,
    turn.lang,
  );
  return {
    intent: seriesIntent(of),
    collaboration: d.collaboration.id,
    year: { value: last.year, source: "question" },
    text,
    amounts,
    followUps: seriesFollowUps(turn, municipality, of, last.year),
    table,
    ...(chart ? { chart } : {}),
    ...(c.last ? { facts: sourceFacts(turn, c.last) } : {}),
  };
}
