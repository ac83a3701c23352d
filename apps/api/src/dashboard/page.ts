/**
 * The dashboard pages: one collaboration's overview (cost items, kommunbesked, meeting plan and
 * årshjul, attendance, links) and the list of collaborations. Server-rendered, no script.
 */
import type { Dataset } from "@samverkan/domain";
import { attendanceSection } from "./attendance.js";
import type { DashboardContext } from "./context.js";
import { costsSection } from "./costs.js";
import { esc, pageHtml, query, t, type PageState } from "./layout.js";
import { linksSection } from "./links.js";
import { meetingsSection } from "./meetings.js";
import { statementSection } from "./statement.js";

function footer(state: PageState, toApi: string): string {
  return `<p>${esc(
    t(
      state.lang,
      "Beloppen är rapporternas egna: tryckta i dokumentet som anges eller beräknade av fördelningsmotorn. Sidan fungerar utan JavaScript.",
      "The amounts are the reports' own: printed in the document named or computed by the allocation engine. The page works without JavaScript.",
    ),
  )} <a href="${esc(`${toApi}docs`)}">${esc(t(state.lang, "API-dokumentation", "API documentation"))}</a></p>`;
}

/** One collaboration's dashboard. */
export function collaborationPage(c: DashboardContext): string {
  const lang = c.state.lang;
  const col = c.dataset.collaboration;
  const name = lang === "sv" ? col.name : col.nameEn;
  const toc = [
    ["costs", t(lang, "Kostnadsposter", "Cost items")],
    ["statement", t(lang, "Kommunbesked", "Municipality statement")],
    ["meetings", t(lang, "Sammanträden och årshjul", "Meetings and annual cycle")],
    ["attendance", t(lang, "Närvaro", "Attendance")],
    ["links", t(lang, "Rapporter och kalender", "Reports and calendar")],
  ]
    .map(([id, label]) => `<li><a href="#${id}">${esc(label ?? "")}</a></li>`)
    .join("");
  const members = col.members.filter((m) => m.to === undefined).length;
  const body = `<h1>${esc(name)}</h1>
<p class="lead">${esc(
    t(
      lang,
      `Översikt: ${members} medlemskommuner, värdkommun ${col.host}.`,
      `Overview: ${members} member municipalities, host ${col.host}.`,
    ),
  )} <a href="${esc(`../dashboard${query(c.state)}`)}">${esc(t(lang, "Alla samverkansnämnder", "All collaborations"))}</a></p>
<nav class="toc" aria-label="${esc(t(lang, "Innehåll", "Contents"))}"><ul>${toc}</ul></nav>
${costsSection(c)}
${statementSection(c)}
${meetingsSection(c)}
${attendanceSection(c)}
${linksSection(c)}`;
  return pageHtml({
    state: c.state,
    title: `${name} — ${t(lang, "översikt", "overview")}`,
    self: encodeURIComponent(col.id),
    keep: c.keep,
    body,
    footer: footer(c.state, "../"),
  });
}

/** The list of collaborations, each with a link to its dashboard. */
export function indexPage(datasets: readonly Dataset[], state: PageState): string {
  const lang = state.lang;
  const items = datasets
    .map((d) => {
      const col = d.collaboration;
      const href = `dashboard/${encodeURIComponent(col.id)}${query(state)}`;
      const members = col.members.filter((m) => m.to === undefined).length;
      return `<li><h2><a href="${esc(href)}">${esc(lang === "sv" ? col.name : col.nameEn)}</a></h2><p>${esc(
        t(
          lang,
          `${members} medlemskommuner, värdkommun ${col.host}.`,
          `${members} member municipalities, host ${col.host}.`,
        ),
      )}</p></li>`;
    })
    .join("\n");
  return pageHtml({
    state,
    title: `samverkan — ${t(lang, "översikt", "overview")}`,
    self: "dashboard",
    body: `<h1>${esc(t(lang, "Gemensamma nämnder", "Joint committees"))}</h1>
<p class="lead">${esc(t(lang, "Välj en samverkan för dess kostnader, kommunbesked, sammanträden och närvaro.", "Choose a collaboration for its costs, statements, meetings and attendance."))}</p>
<ul class="cards">
${items}
</ul>`,
    footer: footer(state, ""),
  });
}
