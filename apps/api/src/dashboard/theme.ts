/**
 * The dashboard's look: one stylesheet of CSS custom properties for the three Teams themes (default,
 * dark, contrast), chosen by `<html data-theme>`; without a theme the reader's `prefers-color-scheme`
 * decides. Every text/background pair below is at least WCAG AA (4.5:1; most are AAA), checked by
 * axe-core in test/dashboard.browser.test.ts.
 */

/** The themes Teams substitutes for `{theme}` in a tab's contentUrl. */
export const THEMES = ["default", "dark", "contrast"] as const;
export type Theme = (typeof THEMES)[number];

const LIGHT = `
  --bg: #ffffff; --fg: #1f1f1f; --muted: #4d4d4d; --surface: #f4f6f8; --border: #8a8f96;
  --link: #005b99; --link-visited: #5c2d91; --accent: #005b99; --accent-fg: #ffffff;
  --focus: #b3001b; --row-alt: #f7f9fb; --warn-bg: #fff4ce; --warn-fg: #3d2e00;
  --chart-bg: #ffffff; color-scheme: light;`;

const DARK = `
  --bg: #1b1b1f; --fg: #f2f2f2; --muted: #c8c8c8; --surface: #26262c; --border: #8d8d96;
  --link: #9ccaff; --link-visited: #d2b6ff; --accent: #9ccaff; --accent-fg: #101014;
  --focus: #ffd23f; --row-alt: #222228; --warn-bg: #3d3200; --warn-fg: #ffe9a8;
  --chart-bg: #ffffff; color-scheme: dark;`;

const CONTRAST = `
  --bg: #000000; --fg: #ffffff; --muted: #ffffff; --surface: #000000; --border: #ffffff;
  --link: #ffff00; --link-visited: #ffff00; --accent: #ffff00; --accent-fg: #000000;
  --focus: #00ffff; --row-alt: #000000; --warn-bg: #000000; --warn-fg: #ffff00;
  --chart-bg: #ffffff; color-scheme: dark;`;

export const DASHBOARD_CSS = `
:root {${LIGHT} }
@media (prefers-color-scheme: dark) { :root:not([data-theme]) {${DARK} } }
:root[data-theme="default"] {${LIGHT} }
:root[data-theme="dark"] {${DARK} }
:root[data-theme="contrast"] {${CONTRAST} }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0; font: 16px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif;
  background: var(--bg); color: var(--fg);
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip {
  position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 1rem; z-index: 10;
  background: var(--accent); color: var(--accent-fg); font-weight: 600;
}
.skip:focus, .skip:focus-visible { top: 0.5rem; }
.skip:visited { color: var(--accent-fg); }
header.top {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between;
  padding: 0.75rem 1.5rem; border-bottom: 1px solid var(--border); background: var(--surface);
}
header.top .brand { font-weight: 700; margin: 0; }
header.top ul, nav.toc ul, .years { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
[aria-current="true"], [aria-current="page"] { font-weight: 700; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.lead, .muted, .note { color: var(--muted); }
nav.toc { margin: 1rem 0; }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--border); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.5rem; caption-side: top; }
th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; text-align: left; }
thead th { background: var(--surface); }
tbody tr:nth-child(even) { background: var(--row-alt); }
td.num, th.num { text-align: right; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--fg); }
tr.flagged { background: var(--warn-bg); color: var(--warn-fg); }
.notes { font-size: 0.9rem; color: var(--muted); padding-left: 1.25rem; }
.provenance-heading { margin: 0.6rem 0 0; font-size: 0.9rem; font-weight: 700; color: var(--muted); }
.mark { margin-left: 0.2em; font-weight: 700; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(28rem, 100%), 1fr)); gap: 1rem; margin: 1rem 0; }
figure.chart { margin: 0; padding: 0.5rem; background: var(--chart-bg); color: #1f1f1f; border: 1px solid var(--border); }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 0.95rem; font-weight: 600; margin-bottom: 0.25rem; }
form.picker { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: end; margin: 1rem 0; padding: 1rem; background: var(--surface); border: 1px solid var(--border); }
form.picker label { display: flex; flex-direction: column; font-weight: 600; gap: 0.25rem; }
select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--fg); padding: 0.35rem 0.6rem; min-height: 2.25rem; }
button { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; cursor: pointer; }
ul.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(18rem, 100%), 1fr)); }
ul.cards li { padding: 1rem; border: 1px solid var(--border); background: var(--surface); }
footer { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; font-size: 0.9rem; color: var(--muted); border-top: 1px solid var(--border); }
@media (forced-colors: active) { figure.chart { background: Canvas; } button { border: 2px solid ButtonText; } }
@media print { header.top, .skip, form.picker { display: none; } }
`;
