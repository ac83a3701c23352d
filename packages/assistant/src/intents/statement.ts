import type { MunicipalityStatement, StatementLine, StatementTotal } from "@samverkan/allocation";
import type { Decimal } from "@samverkan/domain";
import { derivedAmount, rowAmount, rowProvenance } from "../amounts.js";
import { say, type Draft, type Turn } from "../draft.js";
import { statement as statementOf } from "../engine.js";
import { genitive, listing, money, signedMoney } from "../phrases.js";
import { interpretationNote, yearNote, type ResolvedYear } from "../resolve.js";
import { amountsTable } from "../tables.js";
import { statementDonut } from "../charts.js";
import type { AnswerAmount } from "../types.js";

function lineAmount(turn: Turn, s: MunicipalityStatement, l: StatementLine): AnswerAmount {
  const d = turn.dataset;
  return {
    ...rowAmount(d, { ...l.allocation, rows: [] }, l.row, turn.lang),
    provenance: rowProvenance(d, l.allocation, l.row, turn.lang),
    year: s.year,
  };
}

function totalsText(t: readonly StatementTotal[], turn: Turn): string {
  return listing(
    t.map((x) => money(x.amount, x.unit, turn.lang)),
    turn.lang,
  );
}

function lineText(turn: Turn, l: StatementLine): string {
  const name = turn.lang === "sv" ? l.costItem.name : l.costItem.nameEn;
  const computed = l.provenance === "computed" ? say(turn, " (beräknat)", " (computed)") : "";
  return `${name} ${money(l.amount, l.unit, turn.lang)}${computed}`;
}

/** A municipality's kommunbesked for a year, optionally compared with another year. */
export function statement(turn: Turn, municipality: string, year: ResolvedYear): Draft {
  const d = turn.dataset;
  const outcome = statementOf(d, municipality, year.value);
  const base = {
    intent: "statement" as const,
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
  };
  if (!outcome.ok) {
    const years = outcome.suggestions.filter((s) => /^\d{4}$/.test(s));
    return {
      ...base,
      text:
        say(
          turn,
          `${municipality} har ingen budgeterad fördelning för ${year.value} i datat${years.length ? `; det finns för ${listing(years, "sv")}` : ""}.`,
          `${municipality} has no budgeted allocation for ${year.value} in the data${years.length ? `; there is for ${listing(years, "en")}` : ""}.`,
        ) + interpretationNote(turn),
      followUps: years.map((y) =>
        say(turn, `Vad betalar ${municipality} ${y}?`, `What does ${municipality} pay in ${y}?`),
      ),
    };
  }
  const s = outcome.value;
  const amounts: AnswerAmount[] = s.items.map((l) => lineAmount(turn, s, l));
  const totals = s.total.map((t) =>
    derivedAmount(
      d,
      { role: "statementTotal", municipality, item: "Summa", itemId: null, year: s.year, unit: t.unit },
      t.amount,
      "sum",
      turn.lang,
    ),
  );
  const collaborationName = turn.lang === "sv" ? s.collaboration.name : s.collaboration.nameEn;
  let text = say(
    turn,
    `${municipality} betalar ${totalsText(s.total, turn)} till ${collaborationName} ${s.year}: ${s.items.map((l) => lineText(turn, l)).join(", ")}.`,
    `${municipality} pays ${totalsText(s.total, turn)} to ${collaborationName} in ${s.year}: ${s.items.map((l) => lineText(turn, l)).join(", ")}.`,
  );
  const supplier = s.billedBySupplier.map((l) => lineAmount(turn, s, l));
  if (s.billedBySupplier.length > 0) {
    text += say(
      turn,
      ` Dessutom faktureras ${s.billedBySupplier.map((l) => lineText(turn, l)).join(", ")} direkt av leverantören och ingår inte i summan; med det blir det ${totalsText(s.totalIncludingSupplier, turn)}.`,
      ` In addition, ${s.billedBySupplier.map((l) => lineText(turn, l)).join(", ")} is invoiced directly by the supplier and is not in the total; with it the total is ${totalsText(s.totalIncludingSupplier, turn)}.`,
    );
  }
  if (
    s.items.some((l) => l.provenance === "computed") ||
    s.billedBySupplier.some((l) => l.provenance === "computed")
  )
    text += say(
      turn,
      " Belopp markerade (beräknat) är inte publicerade utan beräknade av motorn med postens fördelningsregel.",
      " Amounts marked (computed) are not published but computed by the engine with the item's allocation rule.",
    );

  const changes: AnswerAmount[] = [];
  const followUps: string[] = [];
  if (year.compare !== undefined) {
    const previous = statementOf(d, municipality, year.compare);
    if (!previous.ok) {
      text += say(
        turn,
        ` Jämförelse med ${year.compare} går inte: det finns ingen budgeterad fördelning för ${municipality} det året.`,
        ` No comparison with ${year.compare}: there is no budgeted allocation for ${municipality} that year.`,
      );
    } else {
      const p = previous.value;
      const parts: string[] = [];
      for (const l of s.items) {
        const before = p.items.find((x) => x.costItem.id === l.costItem.id);
        const name = turn.lang === "sv" ? l.costItem.name : l.costItem.nameEn;
        if (!before || before.unit !== l.unit) {
          parts.push(say(turn, `${name} är ny`, `${name} is new`));
          continue;
        }
        const diff = l.amount.minus(before.amount);
        changes.push(
          derivedAmount(
            d,
            {
              role: "change",
              municipality,
              item: l.costItem.name,
              itemId: l.costItem.id,
              year: s.year,
              unit: l.unit,
            },
            diff,
            "difference",
            turn.lang,
          ),
        );
        parts.push(`${name} ${signedMoney(diff, l.unit, turn.lang)}`);
      }
      for (const l of p.items)
        if (!s.items.some((x) => x.costItem.id === l.costItem.id))
          parts.push(
            say(turn, `${l.costItem.name} finns inte ${s.year}`, `${l.costItem.nameEn} is gone in ${s.year}`),
          );
      const totalChanges: string[] = [];
      for (const t of s.total) {
        const before = p.total.find((x) => x.unit === t.unit);
        if (!before) continue;
        const diff: Decimal = t.amount.minus(before.amount);
        changes.push(
          derivedAmount(
            d,
            { role: "change", municipality, item: "Summa", itemId: null, year: s.year, unit: t.unit },
            diff,
            "difference",
            turn.lang,
          ),
        );
        totalChanges.push(
          say(
            turn,
            `${signedMoney(diff, t.unit, "sv")} (från ${money(before.amount, t.unit, "sv")} ${p.year})`,
            `${signedMoney(diff, t.unit, "en")} (from ${money(before.amount, t.unit, "en")} in ${p.year})`,
          ),
        );
        changes.push(
          derivedAmount(
            d,
            { role: "statementTotal", municipality, item: "Summa", itemId: null, year: p.year, unit: t.unit },
            before.amount,
            "sum",
            turn.lang,
          ),
        );
      }
      text += say(
        turn,
        ` Jämfört med ${p.year} ändras summan med ${listing(totalChanges, "sv")}: ${parts.join(", ")}.`,
        ` Compared with ${p.year} the total changes by ${listing(totalChanges, "en")}: ${parts.join(", ")}.`,
      );
    }
  } else if (statementOf(d, municipality, s.year - 1).ok) {
    followUps.push(
      say(
        turn,
        `Hur har ${genitive(municipality)} kostnader förändrats jämfört med ${s.year - 1}?`,
        `How have ${municipality}'s costs changed since ${s.year - 1}?`,
      ),
    );
  }
  if (s.extras.length > 0) {
    text += say(
      turn,
      " Därutöver kan extra kostnader tillkomma (se tillkommande kostnader).",
      " Extra charges may come on top (see extras).",
    );
    followUps.push(
      say(turn, `Vad tillkommer för ${municipality}?`, `What comes on top for ${municipality}?`),
    );
  }
  text += yearNote(turn, year) + interpretationNote(turn);
  const first = s.items[0];
  if (first)
    followUps.push(
      say(
        turn,
        `Varför betalar ${municipality} ${money(first.amount, first.unit, "sv")} för ${first.costItem.name}?`,
        `Why does ${municipality} pay ${money(first.amount, first.unit, "en")} for ${first.costItem.nameEn}?`,
      ),
    );
  const all = [...amounts, ...supplier];
  const table = amountsTable(
    all,
    (a) => (turn.lang === "sv" ? a.item : (d.costItems.find((x) => x.id === a.itemId)?.nameEn ?? a.item)),
    { label: say(turn, "Kostnadspost", "Cost item"), amount: `${municipality} ${s.year}` },
    turn.lang,
  );
  // The donut: the items the committee bills (the supplier's own invoices are not part of the total).
  const chart = statementDonut(
    { ...table, rows: table.rows.slice(0, amounts.length) },
    say(turn, `${municipality} ${s.year} per kostnadspost`, `${municipality} ${s.year} by cost item`),
    turn.lang,
  );
  return {
    ...base,
    text,
    amounts: [...amounts, ...totals, ...supplier, ...changes],
    followUps,
    ...(chart ? { chart } : {}),
    table: {
      ...table,
      rows: table.rows,
      ...(s.total[0]
        ? {
            totals: {
              cells: {
                label: {
                  kind: "text",
                  text: say(turn, "Summa (faktureras av nämnden)", "Total (billed by the committee)"),
                },
                amount: { kind: "money", value: s.total[0].amount.toFixed(), unit: s.total[0].unit },
              },
              sumOf: [],
            },
          }
        : {}),
    },
  };
}
