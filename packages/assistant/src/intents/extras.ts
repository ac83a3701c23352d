import type { CostExtra, CostItem } from "@samverkan/domain";
import { signalIndex } from "../text.js";
import { EXTRA_KINDS } from "../vocabulary.js";
import { rowAmount } from "../amounts.js";
import { say, type Draft, type Turn } from "../draft.js";
import { allocation } from "../engine.js";
import { money } from "../phrases.js";
import { interpretationNote, type ResolvedYear } from "../resolve.js";
import type { AnswerAmount } from "../types.js";

const KIND_INDEXES = Object.fromEntries(
  Object.entries(EXTRA_KINDS).map(([kind, phrases]) => [kind, signalIndex(phrases)]),
) as Record<keyof typeof EXTRA_KINDS, ReturnType<typeof signalIndex>>;

function extraAmount(turn: Turn, item: CostItem, x: CostExtra, year: number): AnswerAmount {
  return {
    role: "extra",
    collaboration: turn.dataset.collaboration.id,
    municipality: null,
    item: item.name,
    itemId: item.id,
    year,
    amount: x.amount.toFixed(),
    ...(x.amountMax ? { amountMax: x.amountMax.toFixed() } : {}),
    unit: x.unit,
    provenance: x.source
      ? {
          kind: "published",
          document: x.source.document,
          table: x.source.section ?? x.source.title ?? x.name,
          ...(x.source.lines ? { lines: x.source.lines } : {}),
        }
      : {
          kind: "computed",
          model: "dataset",
          description: say(turn, "uppgift i datat", "a figure in the data"),
        },
  };
}

function extraText(turn: Turn, item: CostItem, x: CostExtra): string {
  const amount = x.amountMax
    ? `${money(x.amount, x.unit, turn.lang).replace(/ (kr|tkr)$/, "")}–${money(x.amountMax, x.unit, turn.lang)}`
    : money(x.amount, x.unit, turn.lang);
  return say(
    turn,
    `${item.name}: ${x.name}, ${amount} per ${x.per}`,
    `${item.nameEn}: ${x.nameEn}, ${amount} per ${x.per}`,
  );
}

/**
 * What comes on top of the split amounts: start fees, storage per GB, transaction costs (as printed),
 * and the items the supplier invoices directly — for one item, or for every item of the collaboration.
 */
export function extras(
  turn: Turn,
  itemIds: readonly string[],
  municipality: string | undefined,
  year: ResolvedYear,
): Draft {
  const d = turn.dataset;
  const items = itemIds.length > 0 ? d.costItems.filter((x) => itemIds.includes(x.id)) : d.costItems;
  const kinds = (Object.keys(EXTRA_KINDS) as (keyof typeof EXTRA_KINDS)[]).filter((k) =>
    KIND_INDEXES[k].has(turn.parsed.words),
  );
  const wants = (kind: keyof typeof EXTRA_KINDS) => kinds.length === 0 || kinds.includes(kind);
  const amounts: AnswerAmount[] = [];
  const lines: string[] = [];
  for (const item of items) {
    for (const x of item.extras) {
      if (!wants(x.kind)) continue;
      amounts.push(extraAmount(turn, item, x, year.value));
      lines.push(extraText(turn, item, x));
    }
  }
  const supplierItems = wants("billedBySupplier")
    ? items.filter((x) => x.category === "billedBySupplier")
    : [];
  const supplierLines: string[] = [];
  for (const item of supplierItems) {
    const outcome = allocation(d, item.id, year.value);
    const row =
      municipality && outcome.ok
        ? outcome.value.rows.find((r) => r.municipality === municipality)
        : undefined;
    if (row && outcome.ok) {
      amounts.push(rowAmount(d, outcome.value, row, turn.lang));
      supplierLines.push(
        say(
          turn,
          `${item.name} (${municipality} ${year.value}: ${money(row.amount, row.unit, "sv")})`,
          `${item.nameEn} (${municipality} ${year.value}: ${money(row.amount, row.unit, "en")})`,
        ),
      );
    } else supplierLines.push(turn.lang === "sv" ? item.name : item.nameEn);
  }
  let text: string;
  const scope =
    itemIds.length === 1 && items[0] ? (turn.lang === "sv" ? items[0].name : items[0].nameEn) : undefined;
  if (lines.length === 0 && supplierLines.length === 0) {
    text = say(
      turn,
      `Inga tillkommande kostnader finns angivna${scope ? ` för ${scope}` : ""} i datat.`,
      `No extra charges are recorded${scope ? ` for ${scope}` : ""} in the data.`,
    );
  } else {
    text =
      lines.length > 0
        ? say(
            turn,
            `Utöver de fördelade beloppen tillkommer${scope ? ` för ${scope}` : ""}: ${lines.join("; ")}.`,
            `On top of the split amounts${scope ? ` for ${scope}` : ""}: ${lines.join("; ")}.`,
          )
        : "";
    if (supplierLines.length > 0)
      text += say(
        turn,
        `${text ? " " : ""}Faktureras direkt av leverantören till kommunerna (ingår inte i nämndens budget): ${supplierLines.join(", ")}.`,
        `${text ? " " : ""}Invoiced directly by the supplier to the municipalities (not in the committee's budget): ${supplierLines.join(", ")}.`,
      );
    if (lines.length > 0)
      text += say(
        turn,
        " Beloppen är de tryckta; de ingår inte i någon summa.",
        " The amounts are as printed; they are not in any total.",
      );
  }
  text += interpretationNote(turn);
  return {
    intent: "extras",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text,
    amounts,
    followUps: [
      say(
        turn,
        "Vilka kostnader faktureras direkt av leverantören?",
        "Which costs are invoiced directly by the supplier?",
      ),
      ...(municipality
        ? [
            say(
              turn,
              `Vad betalar ${municipality} ${year.value}?`,
              `What does ${municipality} pay in ${year.value}?`,
            ),
          ]
        : []),
    ],
  };
}
