import { describe, expect, it } from "vitest";
import { csvField, renderCsv } from "../src/index.js";
import { parseCsv } from "./golden-parse-back.js";
import { AWKWARD } from "./csv-markdown-fixture.js";

describe("renderCsv, Swedish Excel style (the default)", () => {
  const csv = renderCsv(AWKWARD);

  it("starts with a UTF-8 byte-order mark and ends lines in CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("separates with semicolons, writes a decimal comma and bare exact numbers, quotes what needs it", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Del 1");
    expect(lines[1]).toBe("Namn;Belopp (kr);Andel (%);Datum;Beloppens ursprung");
    expect(lines[2]).toBe('"Kalix; ""norra"" | delen";20211,25;5,7818659658;2022-10-12;beräknad');
    expect(csv).toContain('"Rad\nmed radbrytning";-4400;21,5;;publicerad');
    expect(csv).toContain("Summa;15811,25;;;summa");
  });

  it("puts each section with a table after its title, with an empty line between, and skips sections without one", () => {
    const rows = parseCsv(csv, ";");
    expect(rows.map((r) => r[0])).toEqual([
      "Del 1",
      "Namn",
      'Kalix; "norra" | delen',
      "Rad\nmed radbrytning",
      "Summa",
      "",
      "Del 2",
      "A",
      " mellanslag ",
    ]);
    expect(csv).not.toContain("Bara text");
    expect(csv).toContain('\r\n" mellanslag ";0,5\r\n');
  });

  it("reads back to exactly the cells' values", () => {
    const rows = parseCsv(csv, ";");
    expect(rows[2]).toEqual(['Kalix; "norra" | delen', "20211,25", "5,7818659658", "2022-10-12", "beräknad"]);
  });
});

describe("renderCsv, plain style", () => {
  const csv = renderCsv(AWKWARD, { style: "plain" });

  it("has no byte-order mark, separates with commas and writes a decimal point", () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(csv, ",");
    expect(rows[1]).toEqual(["Namn", "Belopp (kr)", "Andel (%)", "Datum", "Beloppens ursprung"]);
    expect(rows[2]).toEqual(['Kalix; "norra" | delen', "20211.25", "5.7818659658", "2022-10-12", "beräknad"]);
    expect(rows[4]).toEqual(["Summa", "15811.25", "", "", "summa"]);
  });

  it("quotes a field with a comma only when commas separate", () => {
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField("a,b", ";")).toBe("a,b");
    expect(csvField('say "hi"', ";")).toBe('"say ""hi"""');
  });
});

describe("renderCsv, one section", () => {
  it("gives just that table, without a title line", () => {
    const rows = parseCsv(renderCsv(AWKWARD, { section: 2 }), ";");
    expect(rows).toEqual([
      ["A", "N"],
      [" mellanslag ", "0,5"],
    ]);
  });

  it("says so for a section without a table", () => {
    expect(() => renderCsv(AWKWARD, { section: 1 })).toThrow(/no table in section 1/);
  });
});
