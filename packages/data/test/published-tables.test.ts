import { checkPublishedTable, checkStatement, publishedAmounts } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { loadBundledDataset } from "../src/index.js";
import { golden } from "./helpers.js";

const datasets = {
  norrbotten: loadBundledDataset("norrbotten"),
  skanearkiv: loadBundledDataset("skanearkiv"),
};
const datasetOf = (seedFile: string) =>
  seedFile.startsWith("000") ? datasets.skanearkiv : datasets.norrbotten;

describe("published per-municipality tables match the golden transcription cell for cell", () => {
  const perMunicipality = golden.tables.filter((t) => t.kind.startsWith("per_municipality"));

  it("every golden table is bundled", () => {
    const bundled = [...datasets.norrbotten.publishedTables, ...datasets.skanearkiv.publishedTables].map(
      (t) => t.id,
    );
    expect(bundled.sort()).toEqual(perMunicipality.map((t) => t.id).sort());
  });

  it.each(perMunicipality.map((t) => [t.id, t] as const))("%s", (_id, g) => {
    const table = datasetOf(g.seed_file).publishedTables.find((t) => t.id === g.id);
    expect(table).toBeDefined();
    if (!table) return;
    const rows = Object.fromEntries(Object.entries(table.rows).map(([m, v]) => [m, v.toString()]));
    const expected = Object.fromEntries(Object.entries(g.rows ?? {}).map(([m, v]) => [m, String(Number(v))]));
    expect(rows).toEqual(expected);
    const check = checkPublishedTable(table);
    expect(check.totalPrinted?.toString()).toBe(String(Number(g.total_printed)));
    expect(check.totalMatchesRowSum).toBe(g.total_matches_row_sum);
    expect(check.difference.toNumber()).toBe(g.total_difference_printed_minus_rows ?? 0);
    expect(table.source.document).toBe(g.seed_file);
    expect(table.source.lines).toEqual(g.source_lines?.range);
  });

  it("flags the e-learning columns whose rows do not add up to the printed total, without correcting them", () => {
    const plattform = datasets.norrbotten.publishedTables.find((t) => t.id === "el_plattform");
    expect(plattform && checkPublishedTable(plattform)).toMatchObject({ totalMatchesRowSum: false });
    expect(plattform && checkPublishedTable(plattform).rowSum.toString()).toBe("1124999");
    expect(plattform?.totalPrinted?.toString()).toBe("1125000");
  });
});

describe("budget, forecast and outcome statements keep the document's own totals", () => {
  const lineItems = golden.tables.filter((t) => t.kind === "line_items");

  it.each(lineItems.map((t) => [t.id, t] as const))("%s", (_id, g) => {
    const s = datasetOf(g.seed_file).statements.find((x) => x.id === g.id);
    expect(s).toBeDefined();
    if (!s) return;
    expect(s.lines.map((l) => l.label)).toEqual(g.items?.map((i) => i.label));
    expect(s.totals.map((l) => l.label)).toEqual(g.totals?.map((i) => i.label));
    for (const check of checkStatement(s)) {
      const goldenKey = Object.keys(g.sum_checks ?? {}).find(
        (k) =>
          k.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()) === check.column ||
          (k === "differens_printed" && check.column === "differens"),
      );
      const gc = goldenKey ? g.sum_checks?.[goldenKey] : undefined;
      expect(gc, `golden sum check for ${check.column}`).toBeDefined();
      expect(check.rowSum.toNumber()).toBe(gc?.row_sum);
      expect(check.printed.map((p) => p.toNumber())).toEqual(gc?.printed_totals);
      if (gc?.matches !== null && gc?.matches !== undefined) expect(check.matches).toBe(gc.matches);
    }
  });

  it("flags the May 2022 outcome whose revenue rows sum to 1 792 487 against a printed 1 792 486", () => {
    const s = datasets.norrbotten.statements.find((x) => x.id === "utfall_maj_2022_kr");
    const revenue = s && checkStatement(s).find((c) => c.column === "intakter");
    expect(revenue?.matches).toBe(false);
    expect(revenue?.rowSum.toString()).toBe("1792487");
  });
});

describe("published amounts for one municipality", () => {
  it("lists what Kalix pays in 2023 as printed, with the source", () => {
    const kalix = publishedAmounts(datasets.norrbotten, { municipality: "Kalix", year: 2023 });
    expect(kalix.map((a) => [a.column, a.amount.toString()])).toEqual([
      ["Grundfinansiering", "80500"],
      ["Räddningstjänsten verksamhetssystem", "67500"],
      ["E-arkiv", "21000"],
      ["Datacenter Norrbotten grundplattform", "81600"],
      ["ECO-system grundplattform", "34300"],
      ["ECO-system förvlatning [sic: förvaltning]", "194700"],
    ]);
    expect(kalix.find((a) => a.column === "E-arkiv")?.source).toMatchObject({
      title: "Budget 2023",
      section: "Gemensamma tjänster 2023",
    });
  });
});
