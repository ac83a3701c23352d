import { allocateCostItem } from "@samverkan/allocation";
import { isoLocal, type Dataset } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { dayText, MONTHS_EN, MONTHS_SV } from "../words.js";

/**
 * Follow-ups as short conversations: a first question about a municipality, an item and a year, then
 * "och 2022?", "och Luleå?", "varför?", "and in English?", "jämfört med förra året?" (and the English
 * ones). Each follow-up must carry the amount the engine gives for the municipality, item and year that
 * the conversation has reached. Generated for every item with two budgeted years.
 */
export const topic = "follow-ups";

type Row = readonly [string | null, string | null, number, string, string?];

export function cases({ norrbotten: d }: { norrbotten: Dataset }): EvalCase[] {
  const out: EvalCase[] = [];
  const now = "2022-09-01";
  const amountOf = (item: string, year: number, m: string): string | undefined => {
    try {
      return allocateCostItem(d, item, year)
        .rows.find((r) => r.municipality === m)
        ?.amount.toFixed();
    } catch {
      return undefined;
    }
  };
  const names = d.collaboration.members.map((m) => m.municipality);
  let turn = 0;
  for (const item of d.costItems) {
    const years = item.years.filter((y) => y.status === "budgeted").map((y) => y.year);
    if (!years.includes(2022) || !years.includes(2023)) continue;
    const takingPart = allocateCostItem(d, item.id, 2023).participants.filter(
      (m) => amountOf(item.id, 2022, m) !== undefined,
    );
    for (let k = 0; k < 2 && takingPart.length >= 2; k++) {
      const a = takingPart[(turn * 5 + k) % takingPart.length] as string;
      const b = takingPart[(turn * 5 + k + 7) % takingPart.length] as string;
      turn++;
      if (a === b || !names.includes(a)) continue;
      const a23 = amountOf(item.id, 2023, a) as string;
      const a22 = amountOf(item.id, 2022, a) as string;
      const b23 = amountOf(item.id, 2023, b) as string;
      const b22 = amountOf(item.id, 2022, b) as string;
      const sv1 = `Vad betalar ${a} för ${item.name} 2023?`;
      const en1 = `What does ${a} pay for ${item.nameEn} in 2023?`;
      const rows = (...r: Row[]) => r;
      out.push(
        {
          previous: [sv1],
          q: "och 2022?",
          now,
          lang: "sv",
          intent: "itemCost",
          amounts: rows([a, item.id, 2022, a22]),
        },
        {
          previous: [sv1],
          q: `och ${b}?`,
          now,
          lang: "sv",
          intent: "itemCost",
          amounts: rows([b, item.id, 2023, b23]),
        },
        {
          previous: [sv1],
          q: "varför?",
          now,
          lang: "sv",
          intent: "explainAmount",
          amounts: rows([a, item.id, 2023, a23]),
        },
        {
          previous: [sv1],
          q: "and in English?",
          now,
          lang: "en",
          intent: "itemCost",
          amounts: rows([a, item.id, 2023, a23]),
        },
        {
          previous: [sv1],
          q: "jämfört med förra året?",
          now,
          lang: "sv",
          intent: "itemCost",
          amounts: rows([a, item.id, 2023, a23], [a, item.id, 2022, a22]),
        },
        {
          previous: [sv1, "och 2022?"],
          q: `och ${b}?`,
          now,
          lang: "sv",
          intent: "itemCost",
          amounts: rows([b, item.id, 2022, b22]),
        },
        {
          previous: [en1],
          q: "and 2022?",
          now,
          lang: "en",
          intent: "itemCost",
          amounts: rows([a, item.id, 2022, a22]),
        },
        {
          previous: [en1],
          q: `what about ${b}?`,
          now,
          lang: "en",
          intent: "itemCost",
          amounts: rows([b, item.id, 2023, b23]),
        },
        {
          previous: [en1],
          q: "why?",
          now,
          lang: "en",
          intent: "explainAmount",
          amounts: rows([a, item.id, 2023, a23]),
        },
        {
          previous: [en1, `and ${b}?`],
          q: "på svenska?",
          now,
          lang: "sv",
          intent: "itemCost",
          amounts: rows([b, item.id, 2023, b23]),
        },
        // A scenario about the item and year of the conversation (its numbers checked by check-scenarios).
        {
          previous: [sv1],
          q: `och om ${b} lämnar?`,
          now,
          lang: "sv",
          intent: "whatIf",
          text: ["Beräknat scenario", `om ${b} lämnar`],
          interpretedAs: `Vad händer med ${item.name} 2023 om ${b} lämnar?`,
        },
        {
          previous: [en1],
          q: `and if ${b} leaves?`,
          now,
          lang: "en",
          intent: "whatIf",
          text: ["computed scenario", `if ${b} leaves`],
          interpretedAs: `What happens to ${item.nameEn} in 2023 if ${b} leaves?`,
        },
      );
    }
  }
  // Meetings and attendance: another month, another day.
  const zone = d.collaboration.timeZone;
  const held = d.meetings.filter((m) => m.attendance);
  for (let k = 1; k < held.length; k++) {
    const [a, b] = [held[k - 1], held[k]] as [(typeof held)[number], (typeof held)[number]];
    const day = (iso: string, lang: "sv" | "en") => dayText(iso, lang).replace(/ \d{4}$/, "");
    const start = [isoLocal(b.date, b.startTime, zone)];
    out.push(
      {
        previous: [`Hur var närvaron ${dayText(a.date, "sv")}?`],
        q: `och ${day(b.date, "sv")}?`,
        now,
        lang: "sv",
        intent: "attendance",
        meetings: start,
        text: [`${b.attendance?.present} av ${b.attendance?.of}`],
      },
      {
        previous: [`What was the attendance on ${dayText(a.date, "en")}?`],
        q: `and ${day(b.date, "en")}?`,
        now,
        lang: "en",
        intent: "attendance",
        meetings: start,
        text: [`${b.attendance?.present} of ${b.attendance?.of}`],
      },
    );
  }
  const planned = d.meetings.filter((m) => m.date.startsWith("2022") && m.status !== "cancelled");
  for (let month = 2; month <= 12; month++) {
    const inMonth = planned
      .filter((m) => Number(m.date.slice(5, 7)) === month)
      .sort((x, y) => (x.date + (x.startTime ?? "")).localeCompare(y.date + (y.startTime ?? "")))
      .map((m) => isoLocal(m.date, m.startTime, zone));
    if (inMonth.length === 0) continue;
    out.push(
      {
        previous: [`Vilka möten är det i ${MONTHS_SV[month - 2]} 2022?`],
        q: `och i ${MONTHS_SV[month - 1]}?`,
        now,
        lang: "sv",
        intent: "meetingsInPeriod",
        meetings: inMonth,
      },
      {
        previous: [`Which meetings are there in ${MONTHS_EN[month - 2]} 2022?`],
        q: `and ${MONTHS_EN[month - 1]}?`,
        now,
        lang: "en",
        intent: "meetingsInPeriod",
        meetings: inMonth,
      },
    );
  }
  return out;
}
