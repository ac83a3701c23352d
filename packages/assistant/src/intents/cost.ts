import {
  describeRounding,
  modelName,
  type AllocationResult,
  type AllocationRow,
} from "@samverkan/allocation";
import { Decimal, describeSource, type CostItem, type Dataset } from "@samverkan/domain";
import { derivedAmount, rowAmount } from "../amounts.js";
import { say, type Draft, type Turn } from "../draft.js";
import { allocation, ruleYears } from "../engine.js";
import { genitive, listing, money, signedMoney } from "../phrases.js";
import { interpretationNote, yearNote, type ResolvedYear } from "../resolve.js";
import { allocationTable, amountsTable } from "../tables.js";
import { municipalityBars } from "../charts.js";
import type { ReportTable } from "@samverkan/reports";
import type { AnswerAmount } from "../types.js";

/** The item's name in the answer's language. */
export function itemName(turn: Turn, item: Pick<CostItem, "name" | "nameEn">): string {
  return turn.lang === "sv" ? item.name : item.nameEn;
}

function costItem(d: Dataset, id: string): CostItem {
  return d.costItems.find((x) => x.id === id) as CostItem;
}

/** What the answer must say about an item beyond the amount: billed by the supplier, or only proposed. */
function itemStatusNote(turn: Turn, item: CostItem, year: number): string {
  const y = item.years.find((x) => x.year === year);
  if (item.category === "billedBySupplier")
    return say(
      turn,
      ` ${item.name} faktureras direkt av leverantören till kommunen och ingår inte i nämndens budget.`,
      ` ${item.nameEn} is invoiced directly by the supplier to the municipality and is not part of the committee's budget.`,
    );
  if (y?.status === "proposed")
    return say(
      turn,
      " Beloppet är en kostnadskalkyl i ett förslag, inte en budgeterad avgift.",
      " The amount is a cost calculation in a proposal, not a budgeted charge.",
    );
  return "";
}

/** An item has no allocation for the year: say so and list the years it has. */
function noAllocation(turn: Turn, item: CostItem, year: ResolvedYear, intent: Draft["intent"]): Draft {
  const years = ruleYears(turn.dataset, item.id);
  const list = listing(years.map(String), turn.lang);
  return {
    intent,
    collaboration: turn.dataset.collaboration.id,
    year: { value: year.value, source: year.source },
    text:
      say(
        turn,
        `${item.name} har ingen fördelning för ${year.value} i datat; det finns för ${list}.`,
        `${item.nameEn} has no allocation for ${year.value} in the data; there is one for ${list}.`,
      ) + yearNote(turn, year),
    followUps: years.map((y) =>
      say(turn, `Hur fördelas ${item.name} ${y}?`, `How is ${item.nameEn} split in ${y}?`),
    ),
  };
}

function rowOf(result: AllocationResult, municipality: string): AllocationRow | undefined {
  return result.rows.find((r) => r.municipality === municipality);
}

/** "Kalix betalar 21 000 kr för E-arkiv 2023." and the engine's explanation, per municipality. */
export function itemCost(
  turn: Turn,
  municipalities: readonly string[],
  itemId: string,
  year: ResolvedYear,
): Draft {
  const d = turn.dataset;
  const item = costItem(d, itemId);
  const outcome = allocation(d, itemId, year.value);
  if (!outcome.ok) return noAllocation(turn, item, year, "itemCost");
  const result = outcome.value;
  const amounts: AnswerAmount[] = [];
  const sentences: string[] = [];
  const absent: string[] = [];
  for (const name of municipalities) {
    const row = rowOf(result, name);
    if (!row) {
      absent.push(name);
      continue;
    }
    amounts.push(rowAmount(d, result, row, turn.lang));
    const amount = money(row.amount, row.unit, turn.lang);
    const how =
      row.provenance === "published"
        ? ""
        : say(turn, " (beräknat, inte publicerat)", " (computed, not published)");
    sentences.push(
      say(
        turn,
        `${name} betalar ${amount}${how} för ${item.name} ${year.value}.`,
        `${name} pays ${amount}${how} for ${item.nameEn} in ${year.value}.`,
      ) +
        " " +
        row.explanation[turn.lang],
    );
  }
  if (absent.length > 0) {
    sentences.push(
      say(
        turn,
        `${listing(absent, "sv")} deltar inte i ${item.name} ${year.value}; deltagare är ${listing(result.participants, "sv")}.`,
        `${listing(absent, "en")} ${absent.length > 1 ? "do" : "does"} not take part in ${item.nameEn} in ${year.value}; the participants are ${listing(result.participants, "en")}.`,
      ),
    );
  }
  if (year.compare !== undefined)
    sentences.push(comparison(turn, municipalities, result, year.compare, amounts));
  const first = municipalities[0] ?? "";
  const otherYears = ruleYears(d, itemId).filter((y) => y !== year.value);
  return {
    intent: "itemCost",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text:
      sentences.join(" ") +
      itemStatusNote(turn, item, year.value) +
      yearNote(turn, year) +
      interpretationNote(turn),
    amounts,
    followUps: [
      ...otherYears.map((y) =>
        say(
          turn,
          `Vad betalar ${first} för ${item.name} ${y}?`,
          `What does ${first} pay for ${item.nameEn} in ${y}?`,
        ),
      ),
      say(turn, `Hur fördelas ${item.name} ${year.value}?`, `How is ${item.nameEn} split in ${year.value}?`),
      say(
        turn,
        `Vad betalar ${first} totalt ${year.value}?`,
        `What does ${first} pay in total in ${year.value}?`,
      ),
    ],
    table: amountsTable(
      amounts,
      (a) => a.municipality ?? "",
      { label: say(turn, "Kommun", "Municipality"), amount: `${itemName(turn, item)} ${year.value}` },
      turn.lang,
    ),
    facts: sourceFacts(turn, result),
  };
}

/** "Jämfört med 2022: 76 100 kr, en förändring med +4 400 kr." per municipality; adds the amounts. */
function comparison(
  turn: Turn,
  municipalities: readonly string[],
  result: AllocationResult,
  compare: number,
  amounts: AnswerAmount[],
): string {
  const d = turn.dataset;
  const item = costItem(d, result.costItem.id);
  const before = allocation(d, item.id, compare);
  if (!before.ok)
    return say(
      turn,
      `${item.name} har ingen fördelning för ${compare} att jämföra med.`,
      `${item.nameEn} has no allocation for ${compare} to compare with.`,
    );
  const parts: string[] = [];
  for (const m of municipalities) {
    const now = rowOf(result, m);
    const then = rowOf(before.value, m);
    if (!now || !then || now.unit !== then.unit) continue;
    const diff = now.amount.minus(then.amount);
    amounts.push(rowAmount(d, before.value, then, turn.lang));
    amounts.push(
      derivedAmount(
        d,
        {
          role: "change",
          municipality: m,
          item: item.name,
          itemId: item.id,
          year: result.year,
          unit: now.unit,
        },
        diff,
        "difference",
        turn.lang,
      ),
    );
    parts.push(
      say(
        turn,
        `${m} ${compare}: ${money(then.amount, then.unit, "sv")}, förändring ${signedMoney(diff, now.unit, "sv")}`,
        `${m} in ${compare}: ${money(then.amount, then.unit, "en")}, change ${signedMoney(diff, now.unit, "en")}`,
      ),
    );
  }
  return parts.length
    ? say(
        turn,
        `Jämfört med ${compare}: ${parts.join("; ")}.`,
        `Compared with ${compare}: ${parts.join("; ")}.`,
      )
    : "";
}

/** The card's facts for an allocation: model, rounding and source. */
export function sourceFacts(turn: Turn, result: AllocationResult): { title: string; value: string }[] {
  return [
    { title: say(turn, "Modell", "Model"), value: modelName(result.model, turn.lang) },
    {
      title: say(turn, "Avrundning", "Rounding"),
      value: describeRounding(result.rounding, result.unit, turn.lang),
    },
    ...(result.publishedTable
      ? [
          {
            title: say(turn, "Källa", "Source"),
            value: describeSource(result.publishedTable.source, turn.lang),
          },
        ]
      : [
          {
            title: say(turn, "Källa", "Source"),
            value: say(turn, "beräknat av motorn", "computed by the engine"),
          },
        ]),
  ];
}

function extremes(rows: readonly AllocationRow[], pick: "max" | "min"): AllocationRow[] {
  let best: Decimal | undefined;
  for (const r of rows)
    if (!best || (pick === "max" ? r.amount.gt(best) : r.amount.lt(best))) best = r.amount;
  return rows.filter((r) => best && r.amount.eq(best));
}

/** The item's total for the year, and who pays most and least. */
export function itemTotal(turn: Turn, itemId: string, year: ResolvedYear): Draft {
  const d = turn.dataset;
  const item = costItem(d, itemId);
  const outcome = allocation(d, itemId, year.value);
  if (!outcome.ok) return noAllocation(turn, item, year, "itemTotal");
  const result = outcome.value;
  const most = extremes(result.rows, "max");
  const least = extremes(result.rows, "min");
  const allPublished = result.rows.every((r) => r.provenance === "published");
  const printed = result.publishedTable?.totalPrinted;
  const total: AnswerAmount =
    allPublished && printed && printed.eq(result.rowSum) && result.publishedTable
      ? {
          role: "itemTotal",
          collaboration: d.collaboration.id,
          municipality: null,
          item: item.name,
          itemId,
          year: year.value,
          amount: result.rowSum.toFixed(),
          unit: result.unit,
          provenance: {
            kind: "published",
            document: result.publishedTable.source.document,
            table: result.publishedTable.source.section ?? result.publishedTable.id,
            tableId: result.publishedTable.id,
            ...(result.publishedTable.source.lines ? { lines: result.publishedTable.source.lines } : {}),
          },
        }
      : derivedAmount(
          d,
          {
            role: "itemTotal",
            municipality: null,
            item: item.name,
            itemId,
            year: year.value,
            unit: result.unit,
          },
          result.rowSum,
          "sum",
          turn.lang,
        );
  const who = (rows: AllocationRow[]) =>
    `${listing(
      rows.map((r) => r.municipality),
      turn.lang,
    )} (${money(rows[0]?.amount ?? new Decimal(0), result.unit, turn.lang)}${rows.length > 1 ? say(turn, " var", " each") : ""})`;
  const n = result.rows.length;
  let text = say(
    turn,
    `${item.name} ${year.value} kostar totalt ${money(result.rowSum, result.unit, "sv")}, fördelat på ${n} kommuner.`,
    `${item.nameEn} costs ${money(result.rowSum, result.unit, "en")} in total in ${year.value}, split between ${n} municipalities.`,
  );
  if (most.length < n)
    text += say(
      turn,
      ` Mest betalar ${who(most)}, minst ${who(least)}.`,
      ` ${who(most)} pays the most, ${who(least)} the least.`,
    );
  else
    text += say(
      turn,
      ` Alla betalar lika: ${money(most[0]?.amount ?? new Decimal(0), result.unit, "sv")}.`,
      ` Everyone pays the same: ${money(most[0]?.amount ?? new Decimal(0), result.unit, "en")}.`,
    );
  if (printed && !printed.eq(result.rowSum))
    text += say(
      turn,
      ` Den tryckta totalen är ${money(printed, result.unit, "sv")}, medan raderna summerar till ${money(result.rowSum, result.unit, "sv")}.`,
      ` The printed total is ${money(printed, result.unit, "en")}, while the rows add up to ${money(result.rowSum, result.unit, "en")}.`,
    );
  else if (result.budgetTotal && !result.budgetTotal.eq(result.rowSum))
    text += say(
      turn,
      ` Budgeterat belopp: ${money(result.budgetTotal, result.unit, "sv")}; skillnaden är avrundning.`,
      ` Budgeted: ${money(result.budgetTotal, result.unit, "en")}; the difference is rounding.`,
    );
  if (!allPublished)
    text += say(
      turn,
      " Beloppen är beräknade av motorn, inte publicerade.",
      " The amounts are computed by the engine, not published.",
    );
  text += itemStatusNote(turn, item, year.value) + yearNote(turn, year) + interpretationNote(turn);
  const rows = result.rows.map((r) => rowAmount(d, result, r, turn.lang));
  const picked = [...most, ...least.filter((r) => !most.includes(r))].map((r) =>
    rowAmount(d, result, r, turn.lang),
  );
  const table = allocationTable(result, rows, turn.lang);
  return {
    intent: "itemTotal",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts: [total, ...(most.length < n ? picked : [])],
    followUps: [
      say(turn, `Hur fördelas ${item.name} ${year.value}?`, `How is ${item.nameEn} split in ${year.value}?`),
      say(
        turn,
        `Varför betalar ${most[0]?.municipality} mest för ${item.name}?`,
        `Why does ${most[0]?.municipality} pay the most for ${item.nameEn}?`,
      ),
    ],
    ...splitChart(turn, item, year.value, table),
    table,
    facts: sourceFacts(turn, result),
  };
}

/** How the item is split: the model, the rounding, the basis in the documents, and every row. */
export function itemSplit(turn: Turn, itemId: string, year: ResolvedYear): Draft {
  const d = turn.dataset;
  const item = costItem(d, itemId);
  const outcome = allocation(d, itemId, year.value);
  if (!outcome.ok) return noAllocation(turn, item, year, "itemSplit");
  const result = outcome.value;
  const rounding = describeRounding(result.rounding, result.unit, turn.lang);
  const roundingFrom =
    result.roundingSource === "collaborationDefault"
      ? say(turn, ` (${d.collaboration.name}s standard)`, ` (${d.collaboration.nameEn}'s default)`)
      : "";
  const n = result.participants.length;
  const example = result.rows[0]?.explanation[turn.lang] ?? "";
  let text = say(
    turn,
    `${item.name} ${year.value} fördelas mellan ${n} kommuner. Modell: ${modelName(result.model, "sv")}; avrundning: ${rounding}${roundingFrom}.`,
    `${item.nameEn} ${year.value} is split between ${n} municipalities. Model: ${modelName(result.model, "en")}; rounding: ${rounding}${roundingFrom}.`,
  );
  text += reasonText(turn, result);
  if (!/[.!?]["”]?$/.test(text)) text += ".";
  text += say(turn, ` Exempel: ${example}`, ` Example: ${example}`);
  text += say(
    turn,
    ` Summan av raderna är ${money(result.rowSum, result.unit, "sv")}.`,
    ` The rows add up to ${money(result.rowSum, result.unit, "en")}.`,
  );
  text += itemStatusNote(turn, item, year.value) + yearNote(turn, year) + interpretationNote(turn);
  const amounts = result.rows.map((r) => rowAmount(d, result, r, turn.lang));
  const table = allocationTable(result, amounts, turn.lang);
  return {
    intent: "itemSplit",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts,
    followUps: [
      say(
        turn,
        `Vem betalar mest för ${item.name} ${year.value}?`,
        `Who pays the most for ${item.nameEn} in ${year.value}?`,
      ),
      say(
        turn,
        `Varför betalar ${result.rows[0]?.municipality} ${money(result.rows[0]?.amount ?? new Decimal(0), result.unit, "sv")}?`,
        `Why does ${result.rows[0]?.municipality} pay ${money(result.rows[0]?.amount ?? new Decimal(0), result.unit, "en")}?`,
      ),
    ],
    ...splitChart(turn, item, year.value, table),
    table,
    facts: sourceFacts(turn, result),
  };
}

/** The rows of one municipality in every budgeted item of a year (for finding an amount). */
export function rowsOfMunicipality(
  d: Dataset,
  municipality: string,
  year: number,
): { result: AllocationResult; row: AllocationRow }[] {
  const found: { result: AllocationResult; row: AllocationRow }[] = [];
  for (const item of d.costItems) {
    const y = item.years.find((x) => x.year === year);
    if (!y?.rule || y.status !== "budgeted") continue;
    const outcome = allocation(d, item.id, year);
    if (!outcome.ok) continue;
    const row = rowOf(outcome.value, municipality);
    if (row) found.push({ result: outcome.value, row });
  }
  return found;
}

/** Why a municipality pays what it pays: the engine's explanation of the row. */
export function explainAmount(
  turn: Turn,
  municipality: string,
  itemId: string | undefined,
  amount: { value: Decimal; unit: "kr" | "tkr" } | undefined,
  year: ResolvedYear,
): Draft {
  const d = turn.dataset;
  const base = { intent: "explainAmount" as const, collaboration: d.collaboration.id };
  let candidates: { result: AllocationResult; row: AllocationRow }[];
  let usedYear = year.value;
  if (itemId) {
    const outcome = allocation(d, itemId, year.value);
    const item = costItem(d, itemId);
    if (!outcome.ok) return noAllocation(turn, item, year, "explainAmount");
    const row = rowOf(outcome.value, municipality);
    if (!row) return itemCost(turn, [municipality], itemId, year);
    candidates = [{ result: outcome.value, row }];
  } else if (amount) {
    const matches = (y: number) =>
      rowsOfMunicipality(d, municipality, y).filter(
        (c) => c.row.amount.eq(amount.value) && c.row.unit === amount.unit,
      );
    candidates = matches(year.value);
    if (candidates.length === 0 && year.source === "now") {
      for (const y of [...new Set(d.costItems.flatMap((x) => x.years.map((v) => v.year)))].sort(
        (a, b) => b - a,
      )) {
        candidates = matches(y);
        if (candidates.length > 0) {
          usedYear = y;
          break;
        }
      }
    }
    if (candidates.length === 0) {
      const rows = rowsOfMunicipality(d, municipality, year.value);
      const amounts = rows.map((c) => rowAmount(d, c.result, c.row, turn.lang));
      const list = rows
        .map((c) => `${itemName(turn, c.result.costItem)} ${money(c.row.amount, c.row.unit, turn.lang)}`)
        .join(", ");
      return {
        ...base,
        year: { value: year.value, source: year.source },
        text:
          say(
            turn,
            `Jag hittar inget belopp på ${money(amount.value, amount.unit, "sv")} för ${municipality} ${year.value}.`,
            `I find no amount of ${money(amount.value, amount.unit, "en")} for ${municipality} in ${year.value}.`,
          ) +
          (rows.length
            ? say(
                turn,
                ` ${municipality} betalar ${year.value}: ${list}.`,
                ` In ${year.value} ${municipality} pays: ${list}.`,
              )
            : "") +
          yearNote(turn, year) +
          interpretationNote(turn),
        amounts,
        followUps: [
          say(
            turn,
            `Vad betalar ${municipality} ${year.value}?`,
            `What does ${municipality} pay in ${year.value}?`,
          ),
        ],
      };
    }
  } else {
    candidates = rowsOfMunicipality(d, municipality, year.value);
    if (candidates.length === 0)
      return {
        ...base,
        text: say(
          turn,
          `${municipality} betalar inget ${year.value} enligt datat.`,
          `${municipality} pays nothing in ${year.value} according to the data.`,
        ),
      };
  }
  if (candidates.length > 1) {
    const options = candidates.map((c) => itemName(turn, c.result.costItem));
    return {
      intent: "clarify",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `Vilket av ${genitive(municipality)} belopp ${usedYear} menar du? ${candidates.map((c) => `${c.result.costItem.name} (${money(c.row.amount, c.row.unit, "sv")})`).join(", ")}.`,
        `Which of ${municipality}'s amounts in ${usedYear} do you mean? ${candidates.map((c) => `${c.result.costItem.nameEn} (${money(c.row.amount, c.row.unit, "en")})`).join(", ")}.`,
      ),
      options,
      amounts: candidates.map((c) => rowAmount(d, c.result, c.row, turn.lang)),
      followUps: candidates.map((c) =>
        say(
          turn,
          `Varför betalar ${municipality} ${money(c.row.amount, c.row.unit, "sv")} för ${c.result.costItem.name} ${usedYear}?`,
          `Why does ${municipality} pay ${money(c.row.amount, c.row.unit, "en")} for ${c.result.costItem.nameEn} in ${usedYear}?`,
        ),
      ),
    };
  }
  const { result, row } = candidates[0] as { result: AllocationResult; row: AllocationRow };
  const item = costItem(d, result.costItem.id);
  const yearText =
    usedYear !== year.value
      ? say(
          turn,
          ` (Beloppet finns ${usedYear}, inte ${year.value}.)`,
          ` (The amount is from ${usedYear}, not ${year.value}.)`,
        )
      : yearNote(turn, year);
  const basis = reasonText(turn, result);
  return {
    ...base,
    year: { value: usedYear, source: usedYear !== year.value ? "question" : year.source },
    text:
      say(
        turn,
        `${municipality} betalar ${money(row.amount, row.unit, "sv")} för ${item.name} ${usedYear}.`,
        `${municipality} pays ${money(row.amount, row.unit, "en")} for ${item.nameEn} in ${usedYear}.`,
      ) +
      ` ${row.explanation[turn.lang]}` +
      basis +
      (basis && !/[.!?]["”]?$/.test(basis) ? "." : "") +
      itemStatusNote(turn, item, usedYear) +
      yearText +
      interpretationNote(turn),
    amounts: [rowAmount(d, result, row, turn.lang)],
    followUps: [
      say(turn, `Hur fördelas ${item.name} ${usedYear}?`, `How is ${item.nameEn} split in ${usedYear}?`),
      say(
        turn,
        `Vad betalar ${municipality} totalt ${usedYear}?`,
        `What does ${municipality} pay in total in ${usedYear}?`,
      ),
    ],
    facts: sourceFacts(turn, result),
  };
}

/**
 * " Grund: …" — why the model, in the member's language, from the rule's `reason`; "" without one.
 * The rule's `basis` is the analyst's note (English, MODELS.md sections) and is not shown to members.
 */
function reasonText(turn: Turn, result: AllocationResult): string {
  if (!result.reason) return "";
  return say(turn, ` Grund: ${result.reason.sv}`, ` Basis: ${result.reason.en}`);
}

/** SkånEarkiv: the maximum withdrawal of one or all members for a year, with the share (Andel). */
export function maxWithdrawal(
  turn: Turn,
  municipalities: readonly string[],
  itemId: string,
  year: ResolvedYear,
): Draft {
  const d = turn.dataset;
  const item = costItem(d, itemId);
  const outcome = allocation(d, itemId, year.value);
  if (!outcome.ok) return noAllocation(turn, item, year, "maxWithdrawal");
  const result = outcome.value;
  const shares = d.publishedTables.find(
    (t) => t.unit === "share" && t.year <= year.value && (t.toYear ?? t.year) >= year.value,
  );
  const shareText = (m: string) => {
    const printed = shares?.rowsAsPrinted?.[m] ?? shares?.rows[m]?.toFixed();
    return printed ? say(turn, ` Andel: ${printed}.`, ` Share (Andel): ${printed}.`) : "";
  };
  if (municipalities.length === 0) {
    const draft = itemTotal(turn, itemId, year);
    return { ...draft, intent: "maxWithdrawal" };
  }
  const amounts: AnswerAmount[] = [];
  const sentences: string[] = [];
  for (const m of municipalities) {
    const row = rowOf(result, m);
    if (!row) continue;
    amounts.push(rowAmount(d, result, row, turn.lang));
    sentences.push(
      say(
        turn,
        `${genitive(m)} maximala uttag ${year.value} är ${money(row.amount, row.unit, "sv")}.`,
        `${m}'s maximum withdrawal in ${year.value} is ${money(row.amount, row.unit, "en")}.`,
      ) +
        shareText(m) +
        ` ${row.explanation[turn.lang]}`,
    );
  }
  const first = municipalities[0] ?? "";
  return {
    intent: "maxWithdrawal",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text: sentences.join(" ") + yearNote(turn, year) + interpretationNote(turn),
    amounts,
    followUps: ruleYears(d, itemId)
      .filter((y) => y !== year.value)
      .map((y) =>
        say(
          turn,
          `Vad är ${genitive(first)} maximala uttag ${y}?`,
          `What is ${first}'s maximum withdrawal in ${y}?`,
        ),
      ),
    table: amountsTable(
      amounts,
      (a) => a.municipality ?? "",
      { label: say(turn, "Kommun", "Municipality"), amount: `${itemName(turn, item)} ${year.value}` },
      turn.lang,
    ),
    facts: sourceFacts(turn, result),
  };
}

/** The card's bars of an item's amount per municipality, from the answer's table ("E-arkiv 2023 per kommun"). */
function splitChart(turn: Turn, item: CostItem, year: number, table: ReportTable): Pick<Draft, "chart"> {
  const chart = municipalityBars(
    table,
    say(turn, `${item.name} ${year} per kommun`, `${item.nameEn} ${year} by municipality`),
    turn.lang,
  );
  return chart ? { chart } : {};
}

/** The sum of amounts of one unit (statements never add kr and tkr). */
export function sumOf(amounts: readonly AnswerAmount[]): Decimal {
  return amounts.reduce((a, x) => a.plus(x.amount), new Decimal(0));
}
