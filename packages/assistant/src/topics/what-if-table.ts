import { Decimal } from "@samverkan/domain";
import type { ReportCell, ReportTable } from "@samverkan/reports";
import { moneyCell } from "../tables.js";
import type { AnswerAmount, Lang } from "../types.js";
import type { Computed } from "./what-if-compute.js";

/**
 * The card's table of a scenario: municipality | today | scenario | change, today's cells with their
 * provenance (published or computed, as the engine says), the scenario's cells computed, and the totals
 * as the sums of the columns. For several items, the same summed per municipality.
 */

const textCell = (t: string): ReportCell => ({ kind: "text", text: t });

function moneyOrText(
  value: Decimal | null,
  unit: "kr" | "tkr",
  model: string | undefined,
  lang: Lang,
): ReportCell {
  if (!value) return textCell(lang === "sv" ? "deltar inte" : "not taking part");
  return {
    kind: "money",
    value: value.toFixed(),
    unit,
    ...(model ? { provenance: "computed" as const, model } : {}),
  };
}

/** Municipality | today | scenario | change, for one item (today's cells with their provenance). */
export function scenarioTable(s: Computed, amounts: readonly AnswerAmount[], lang: Lang): ReportTable {
  const unit = s.result.after.unit;
  const today = new Map(
    amounts.filter((a) => a.role === "allocation" && a.itemId === s.item.id).map((a) => [a.municipality, a]),
  );
  const scenarioModel = amounts.find((a) => a.role === "scenario" && a.itemId === s.item.id)?.provenance;
  const described = scenarioModel?.kind === "computed" ? scenarioModel.description : undefined;
  return {
    columns: [
      { key: "municipality", label: lang === "sv" ? "Kommun" : "Municipality", kind: "text" },
      { key: "today", label: lang === "sv" ? "I dag" : "Today", kind: "money", unit },
      { key: "scenario", label: lang === "sv" ? "Scenario" : "Scenario", kind: "money", unit },
      { key: "change", label: lang === "sv" ? "Förändring" : "Change", kind: "money", unit },
    ],
    rows: s.result.rows.map((r) => {
      const a = today.get(r.municipality);
      return {
        cells: {
          municipality: textCell(r.municipality),
          today: a ? moneyCell(a, lang) : moneyOrText(null, unit, undefined, lang),
          scenario: moneyOrText(r.after, unit, described, lang),
          change: { kind: "money", value: r.difference.toFixed(), unit },
        },
      };
    }),
    totals: {
      cells: {
        municipality: textCell(lang === "sv" ? "Summa" : "Total"),
        today: { kind: "money", value: s.result.totalBefore.toFixed(), unit },
        scenario: { kind: "money", value: s.result.totalAfter.toFixed(), unit },
        change: { kind: "money", value: s.result.totalAfter.minus(s.result.totalBefore).toFixed(), unit },
      },
      sumOf: ["today", "scenario", "change"],
    },
  };
}

/** The same table summed over several items, per municipality (one unit: the items share it). */
export function sumTable(list: readonly Computed[], lang: Lang): ReportTable {
  const unit = list[0]?.result.after.unit ?? "kr";
  const sums = new Map<string, { before: Decimal; after: Decimal; any: [boolean, boolean] }>();
  for (const s of list)
    for (const r of s.result.rows) {
      const x = sums.get(r.municipality) ?? {
        before: new Decimal(0),
        after: new Decimal(0),
        any: [false, false],
      };
      sums.set(r.municipality, {
        before: x.before.plus(r.before ?? 0),
        after: x.after.plus(r.after ?? 0),
        any: [x.any[0] || r.before !== null, x.any[1] || r.after !== null],
      });
    }
  const rows = [...sums].map(([m, x]) => ({
    cells: {
      municipality: textCell(m),
      today: moneyOrText(x.any[0] ? x.before : null, unit, undefined, lang),
      scenario: moneyOrText(x.any[1] ? x.after : null, unit, undefined, lang),
      change: { kind: "money" as const, value: x.after.minus(x.before).toFixed(), unit },
    },
  }));
  const before = list.reduce((t, s) => t.plus(s.result.totalBefore), new Decimal(0));
  const after = list.reduce((t, s) => t.plus(s.result.totalAfter), new Decimal(0));
  return {
    columns: [
      { key: "municipality", label: lang === "sv" ? "Kommun" : "Municipality", kind: "text" },
      {
        key: "today",
        label: lang === "sv" ? "I dag, posterna sammanlagt" : "Today, the items together",
        kind: "money",
        unit,
      },
      { key: "scenario", label: "Scenario", kind: "money", unit },
      { key: "change", label: lang === "sv" ? "Förändring" : "Change", kind: "money", unit },
    ],
    rows,
    totals: {
      cells: {
        municipality: textCell(lang === "sv" ? "Summa" : "Total"),
        today: { kind: "money", value: before.toFixed(), unit },
        scenario: { kind: "money", value: after.toFixed(), unit },
        change: { kind: "money", value: after.minus(before).toFixed(), unit },
      },
      sumOf: ["today", "scenario", "change"],
    },
  };
}
