import type { Report } from "../src/index.js";

/** A small hand-made report with every awkward thing a renderer must survive. */
export const AWKWARD: Report = {
  name: "allocation",
  lang: "sv",
  title: 'Prov; med "citat"',
  collaboration: "Provnämnden",
  year: 2023,
  sections: [
    {
      title: "Del 1",
      paragraphs: ["Ett stycke."],
      table: {
        columns: [
          { key: "name", label: "Namn", kind: "text" },
          { key: "amount", label: "Belopp", kind: "money", unit: "kr" },
          { key: "pct", label: "Andel", kind: "percent" },
          { key: "day", label: "Datum", kind: "date" },
        ],
        rows: [
          {
            cells: {
              name: { kind: "text", text: 'Kalix; "norra" | delen' },
              amount: {
                kind: "money",
                value: "20211.25",
                unit: "kr",
                provenance: "computed",
                model: "1,25 kr × 16 169",
              },
              pct: { kind: "percent", value: "5.7818659658", exact: false },
              day: { kind: "date", value: "2022-10-12" },
            },
            emphasis: "flagged",
            notes: ["En anmärkning om raden."],
          },
          {
            cells: {
              name: { kind: "text", text: "Rad\nmed radbrytning" },
              amount: {
                kind: "money",
                value: "-4400",
                unit: "kr",
                provenance: "published",
                source: "Budget 2023",
              },
              pct: { kind: "percent", value: "21.5" },
              day: { kind: "empty" },
            },
          },
        ],
        totals: {
          cells: {
            name: { kind: "text", text: "Summa" },
            amount: { kind: "money", value: "15811.25", unit: "kr" },
          },
          sumOf: ["amount"],
        },
      },
      notes: ["⚠ Något stämmer inte."],
    },
    { title: "Bara text", paragraphs: ["Ingen tabell här."] },
    {
      title: "Del 2",
      table: {
        columns: [
          { key: "a", label: "A", kind: "text" },
          { key: "n", label: "N", kind: "number" },
        ],
        rows: [{ cells: { a: { kind: "text", text: " mellanslag " }, n: { kind: "number", value: "0.5" } } }],
      },
    },
  ],
};
