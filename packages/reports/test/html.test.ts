import { describe, expect, it } from "vitest";
import { formatCell } from "../src/format-cell.js";
import type { Report } from "../src/model.js";
import { escapeHtml, renderHtml } from "../src/index.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";

const html = renderHtml(fordelning2022);

/** A report where every string a renderer prints carries markup that must stay text. */
const hostile: Report = {
  name: "statement",
  lang: "sv",
  title: "Kommunbesked <b>2023</b>",
  subtitle: "\"citat\" & 'apostrof'",
  collaboration: "Nämnd <img src=x onerror=alert(1)>",
  sections: [
    {
      title: "Avsnitt </h2><script>alert(1)</script>",
      paragraphs: ["<script>alert('paragraph')</script>"],
      table: {
        columns: [
          { key: "name", label: "Kommun <script>alert(2)</script>", kind: "text" },
          { key: "amount", label: "Belopp", kind: "money", unit: "kr" },
        ],
        rows: [
          {
            cells: {
              name: { kind: "text", text: "<script>alert('cell')</script>" },
              amount: {
                kind: "money",
                value: "21000",
                unit: "kr",
                provenance: "computed",
                model: '" onmouseover="alert(3)',
              },
            },
            emphasis: "flagged",
            notes: ["</li><script>alert('row note')</script>"],
          },
        ],
      },
      notes: ["<iframe src='https://example.org'></iframe>"],
    },
  ],
  notes: ["</footer><script>alert('report note')</script>"],
};

describe("renderHtml", () => {
  it("is one self-contained page in the report's language", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>Fördelning per kostnadspost 2022 – Norrbottens e-nämnd</title>");
    expect(html).toContain("<style>");
    // Nothing fetched from anywhere and nothing run: no scripts, links, images or remote styles.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import|https?:/i);
    expect(renderHtml({ ...fordelning2022, lang: "en" })).toContain('<html lang="en">');
  });

  it("escapes every string the report carries", () => {
    const page = renderHtml(hostile);
    expect(page).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect(page).toContain("&lt;script&gt;alert(&#39;cell&#39;)&lt;/script&gt;");
    expect(page).toContain("Kommun &lt;script&gt;alert(2)&lt;/script&gt;");
    expect(page).toContain("Avsnitt &lt;/h2&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("Nämnd &lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("&quot;citat&quot; &amp; &#39;apostrof&#39;");
    // An attribute value cannot be closed from inside: the model sits in title="…" intact.
    expect(page).toContain('title="Beräknat: &quot; onmouseover=&quot;alert(3)"');
    expect(page).not.toContain('" onmouseover="');
    expect(page).toContain("&lt;/li&gt;&lt;script&gt;alert(&#39;row note&#39;)&lt;/script&gt;");
    expect(page).toContain("&lt;/footer&gt;&lt;script&gt;alert(&#39;report note&#39;)&lt;/script&gt;");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("shows every amount as the report formats it, right-aligned", () => {
    for (const section of fordelning2022.sections) {
      const table = section.table;
      if (!table) continue;
      for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])]) {
        for (const column of table.columns) {
          const cell = row.cells[column.key];
          if (!cell || cell.kind === "empty") continue;
          const shown = escapeHtml(formatCell(cell, "sv"));
          if (cell.kind === "money" || cell.kind === "percent" || cell.kind === "number") {
            expect(html).toMatch(new RegExp(`<td class="num[^"]*"[^>]*>${shown}`));
          } else {
            expect(html).toContain(shown);
          }
        }
      }
    }
    expect(html).toContain(
      '<td class="num" title="Källa: Budget 2022, Gemensamma tjänster 2022 (rad 2458–2493)">72 000 kr</td>',
    );
    expect(html).toContain('<td class="num">≈ 78,6 %</td>');
    expect(html).toContain("<td>26 januari 2022 14:00</td>");
    expect(html).toContain('<th scope="col" class="num">E-tjänsteplattform</th>');
    expect(html).toContain('<th scope="row">Kalix</th>');
  });

  it("marks computed amounts apart from published ones, with a legend and the models", () => {
    expect(html).toContain(
      '<td class="num computed" title="Beräknat: Personalkostnad + plattform (40000 kr + 48015 kr)">88 015 kr<span class="mark" aria-hidden="true">†</span>',
    );
    expect(html).toContain("† = beräknat belopp (inte publicerat)");
    expect(html).toContain("Belopp utan markering är publicerade i källdokumentet.");
    expect(html).toContain("<li>Personalkostnad + plattform (40000 kr + 48015 kr)</li>");
    expect(html).toContain("<li>Förstudie e-learning, kostnadskalkyl (rad 3487–3503)</li>");
    // A report with no computed amount has no legend for one.
    const published = renderHtml({ ...fordelning2022, sections: fordelning2022.sections.slice(0, 1) });
    expect(published).not.toContain("†");
  });

  it("puts totals in the table foot and each table's notes under it", () => {
    const elearning = html.slice(
      html.indexOf("E-learning: kostnadskalkyl"),
      html.indexOf("Sammanträden och närvaro"),
    );
    expect(elearning).toMatch(
      /<tfoot><tr class="totals"><th scope="row">Summa<\/th><td class="num"[^>]*>937 200 kr<\/td>/,
    );
    const tableEnd = elearning.indexOf("</table>");
    expect(elearning.indexOf("raderna summerar till 1124999 kr")).toBeGreaterThan(tableEnd);
    const meetings = html.slice(html.indexOf("Sammanträden och närvaro"));
    expect(meetings).toMatch(/<tr class="flagged"><td><span class="flag" aria-hidden="true">⚠ <\/span>/);
    expect(meetings.indexOf("<li>Nämnd: Under målet om minst 75 % närvaro.</li>")).toBeGreaterThan(
      meetings.indexOf("</table>"),
    );
    expect(html).toContain(
      '<h2>Om rapporten</h2><ul class="notes"><li>Källa: Norrbottens e-nämnd, budget 2022 (seed 004).</li></ul>',
    );
  });

  it("prints: the header repeats, the totals row prints once, wide reports go landscape", () => {
    expect(html).toContain("@media print");
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain("tfoot { display: table-row-group; }");
    expect(html).toContain("@page { size: A4 portrait;");
    const wide = renderHtml({
      ...fordelning2022,
      sections: [
        {
          title: "Bred",
          table: {
            columns: Array.from({ length: 8 }, (_, i) => ({
              key: `c${i}`,
              label: `K${i}`,
              kind: "text" as const,
            })),
            rows: [],
          },
        },
      ],
    });
    expect(wide).toContain("@page { size: A4 landscape;");
  });
});
