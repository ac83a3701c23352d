import { describe, expect, it } from "vitest";
import type { AdaptiveCard, CardTable, Report, ReportTable } from "../src/index.js";
import { answerCard, cardBytes, escapeCardText, renderAdaptiveCard } from "../src/index.js";
import { builtReports } from "./fixtures/built-reports.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";
import { AC, checkStructure, validate, walk } from "./validate-card.js";

function tables(card: AdaptiveCard): CardTable[] {
  return [...walk(card.body)].filter((e): e is CardTable => e.type === "Table");
}

/** The text of a Table row's cells. */
function rowText(table: CardTable, index: number): string[] {
  return (table.rows[index]?.cells ?? []).map((cell) => {
    const item = cell.items[0];
    return item?.type === "TextBlock" ? item.text : "";
  });
}

function texts(card: AdaptiveCard): string[] {
  return [...walk(card.body)].flatMap((e) => (e.type === "TextBlock" ? [e.text] : []));
}

describe("renderAdaptiveCard", () => {
  const card = renderAdaptiveCard(fordelning2022);

  it("is a valid Adaptive Card 1.5 for Teams", () => {
    validate(card);
    expect(card.lang).toBe("sv");
    expect(card.msteams).toEqual({ width: "Full" });
    expect(card.fallbackText).toContain("Fördelning per kostnadspost 2022");
  });

  it("the validation catches what Teams would not render", () => {
    const broken = {
      ...card,
      body: [...card.body, { type: "Tabel", rows: [] }, { type: "TextBlock", text: "x", weight: "Heavy" }],
    } as unknown as AdaptiveCard;
    expect(() => validate(broken)).toThrow(/UnknownElementType|InvalidPropertyValue/);
    const typo = {
      ...card,
      body: [{ type: "TextBlock", text: "x", wrapp: true }],
    } as unknown as AdaptiveCard;
    expect(() => validate(typo)).toThrow(/wrapp/);
    const ragged = {
      ...card,
      body: [
        { type: "Table", columns: [{ width: 1 }, { width: 1 }], rows: [{ type: "TableRow", cells: [] }] },
      ],
    } as unknown as AdaptiveCard;
    expect(() => checkStructure(ragged)).toThrow();
  });

  it("shows each section's table compactly: first columns, all members, the totals in bold", () => {
    const [gemensamma] = tables(card);
    if (!gemensamma) throw new Error("no table");
    expect(gemensamma.columns).toHaveLength(4);
    expect(gemensamma.columns.map((c) => c.horizontalCellContentAlignment)).toEqual([
      undefined,
      "Right",
      "Right",
      "Right",
    ]);
    expect(rowText(gemensamma, 0)).toEqual([
      "Kommun",
      "E-tjänsteplattform",
      "Räddningstjänsten verksamhetssystem",
      "E-arkiv",
    ]);
    expect(rowText(gemensamma, 7)).toEqual(["Kalix", "72 000 kr", "67 500 kr", "21 000 kr"]);
    expect(gemensamma.rows).toHaveLength(1 + 14 + 1);
    expect(rowText(gemensamma, 15)).toEqual(["Summa", "1 046 900 kr", "732 500 kr", "322 000 kr"]);
    const totalsCell = gemensamma.rows[15]?.cells[1]?.items[0];
    expect(totalsCell).toMatchObject({ weight: "Bolder" });
    expect(texts(card)).toContain("Visar 4 av 6 kolumner; hela tabellen finns i XLSX- och HTML-rapporten.");
    // Hosts without Table support get the same rows as text.
    expect(gemensamma.fallback).toMatchObject({ type: "TextBlock" });
    expect(JSON.stringify(gemensamma.fallback)).toContain("Kalix · 72 000 kr · 67 500 kr · 21 000 kr");
  });

  it("a host that does not know Table shows the table's text fallback instead", () => {
    const [first] = tables(card);
    const unknown = JSON.parse(JSON.stringify({ ...card, body: [{ ...first, type: "TableFromTheFuture" }] }));
    const parsed = new AC.AdaptiveCard();
    parsed.parse(unknown, new AC.SerializationContext());
    expect(JSON.stringify(parsed.toJSON())).toContain("Kalix · 72 000 kr · 67 500 kr · 21 000 kr");
  });

  it("marks computed amounts and flagged rows, with a legend", () => {
    const [, elearning, meetings] = tables(card);
    if (!elearning || !meetings) throw new Error("missing tables");
    expect(rowText(elearning, 1)).toEqual(["Arjeplog", "40 000 kr", "48 015 kr", "88 015 kr †"]);
    expect(texts(card)).toContain(
      "† = beräknat belopp (inte publicerat); övriga belopp är publicerade i källdokumentet.",
    );
    expect(meetings.rows[3]).toMatchObject({ style: "attention" });
    expect(rowText(meetings, 3)[0]).toBe("⚠ 16 mars 2022 13:00");
    expect(texts(card)).toContain("Nämnd: Under målet om minst 75 % närvaro.");
  });

  it("keeps long tables and big reports within Teams' payload limit, saying what was cut", () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      cells: {
        name: { kind: "text" as const, text: `Kommun nummer ${i + 1} med ett långt namn` },
        amount: { kind: "money" as const, value: String(1000 * (i + 1)), unit: "kr" as const },
      },
    }));
    const big: Report = {
      ...fordelning2022,
      sections: Array.from({ length: 6 }, (_, s) => ({
        title: `Avsnitt ${s + 1}`,
        paragraphs: ["Lång text. ".repeat(200)],
        table: {
          columns: [
            { key: "name", label: "Kommun", kind: "text" },
            { key: "amount", label: "Belopp", kind: "money", unit: "kr" },
          ],
          rows,
        },
      })),
    };
    const trimmed = renderAdaptiveCard(big);
    validate(trimmed);
    const shownRows = tables(trimmed)[0]?.rows.length ?? 0;
    expect(shownRows).toBeLessThanOrEqual(1 + 16);
    expect(texts(trimmed)).toContain(
      `Visar ${shownRows - 1} av 400 rader; hela tabellen finns i XLSX- och HTML-rapporten.`,
    );
    // A tighter budget drops fallbacks, then rows, then prose, then sections — and says so.
    const tight = renderAdaptiveCard(big, { maxBytes: 6_000 });
    expect(cardBytes(tight)).toBeLessThanOrEqual(6_000);
    validate(tight);
    expect(texts(tight).some((t) => /^Visar \d av 6 avsnitt/.test(t))).toBe(true);
    expect(() => renderAdaptiveCard(big, { maxBytes: 500 })).toThrow(RangeError);
  });

  it("keeps report text literal where Markdown would change it", () => {
    // Escaping the opening mark is enough: a closing one alone starts nothing.
    expect(escapeCardText("*Prognos* och _utfall_")).toBe("\\*Prognos* och \\_utfall_");
    expect(escapeCardText("markerade * Prognos, 21 000 kr, Gällivare")).toBe(
      "markerade * Prognos, 21 000 kr, Gällivare",
    );
    expect(escapeCardText("1. punkt\n- streck")).toBe("1\\. punkt\n\\- streck");
    expect(escapeCardText("[länk](https://example.org)")).toBe("\\[länk](https://example.org)");
  });

  it("renders every built report as a valid card", () => {
    for (const [name, report] of builtReports()) {
      const built = renderAdaptiveCard(report);
      try {
        validate(built);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
      }
      expect(built.lang, name).toBe(report.lang);
    }
  });
});

describe("answerCard", () => {
  const table: ReportTable = {
    columns: [
      { key: "item", label: "Kostnadspost", kind: "text" },
      { key: "amount", label: "Belopp 2023", kind: "money", unit: "kr" },
    ],
    rows: [
      {
        cells: {
          item: { kind: "text", text: "E-arkiv" },
          amount: { kind: "money", value: "21000", unit: "kr", provenance: "published" },
        },
      },
      {
        cells: {
          item: { kind: "text", text: "E-tjänsteplattform" },
          amount: {
            kind: "money",
            value: "72000",
            unit: "kr",
            provenance: "computed",
            model: "En fast fördelningsnyckel",
          },
        },
      },
    ],
  };

  it("builds a valid card with the answer, its source, a table and follow-up buttons", () => {
    const card = answerCard({
      lang: "sv",
      title: "Kalix, e-arkiv 2023",
      text: "Kalix betalar **21 000 kr** för e-arkiv 2023.",
      facts: [{ title: "Källa", value: "Budget 2023, Gemensamma tjänster 2023 (rad 2335–2371)" }],
      table,
      followUps: ["Vad betalade Kalix 2022?", "Visa hela kommunbeskedet för Kalix 2023"],
    });
    validate(card);
    expect(card.body[1]).toEqual({
      type: "TextBlock",
      text: "Kalix betalar **21 000 kr** för e-arkiv 2023.",
      wrap: true,
    });
    expect(card.body[2]).toMatchObject({ type: "FactSet", facts: [{ title: "Källa" }] });
    expect(rowText(tables(card)[0] as CardTable, 2)).toEqual(["E-tjänsteplattform", "72 000 kr †"]);
    expect(card.actions).toEqual([
      {
        type: "Action.Submit",
        title: "Vad betalade Kalix 2022?",
        data: { question: "Vad betalade Kalix 2022?" },
      },
      {
        type: "Action.Submit",
        title: "Visa hela kommunbeskedet för Kalix 2023",
        data: { question: "Visa hela kommunbeskedet för Kalix 2023" },
      },
    ]);
    expect(card.fallbackText).toBe("Kalix betalar **21 000 kr** för e-arkiv 2023.");
  });

  it("answers in English with at most five buttons, and no actions when there are no follow-ups", () => {
    const card = answerCard({
      lang: "en",
      text: "Kalix pays 21 000 kr for the e-archive in 2023.",
      followUps: ["a", "b", "c", "d", "e", "f", " "],
    });
    validate(card);
    expect(card.lang).toBe("en");
    expect(card.actions?.map((a) => a.data.question)).toEqual(["a", "b", "c", "d", "e"]);
    expect(answerCard({ lang: "sv", text: "Hej" }).actions).toBeUndefined();
  });

  it("stays within the payload limit by shortening, then leaving out, the table", () => {
    const long: ReportTable = {
      ...table,
      rows: Array.from({ length: 300 }, (_, i) => table.rows[i % 2] ?? { cells: {} }),
    };
    const card = answerCard({ lang: "sv", text: "Svar.", table: long }, { maxBytes: 3_000 });
    validate({ ...card });
    expect(cardBytes(card)).toBeLessThanOrEqual(3_000);
    expect(() => answerCard({ lang: "sv", text: "x".repeat(5_000) }, { maxBytes: 3_000 })).toThrow(
      RangeError,
    );
  });
});
