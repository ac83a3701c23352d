/**
 * A line chart as SVG: x positions from the points' labels (in the order they first appear), one line
 * per series with a marker of its own shape and colour, the exact text at every point (pushed apart
 * where they would overlap), and a legend when there is more than one series.
 */
import { chartNumber, type Chart } from "../../charts/chart.js";
import { escapeHtml } from "../escape.js";
import { colour, FONT, legend, LINE, marker, n, svgFrame, svgText, textWidth, WIDTH, wrap } from "./parts.js";

interface Placed {
  readonly series: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  labelY: number;
}

/**
 * Moves labels at one x position apart so that none overlaps the next: labels that would overlap form
 * a group centred on where its labels want to be, groups that then touch merge, and the whole stays
 * inside [top, bottom]. Each label stays as close to its point as the others allow.
 */
function spread(labels: Placed[], top: number, bottom: number): void {
  labels.sort((a, b) => a.y - b.y);
  const gap = LINE - 1;
  let groups = labels.map((label) => ({ members: [label], start: label.y }));
  for (let merged = true; merged;) {
    merged = false;
    const next: typeof groups = [];
    for (const group of groups) {
      const previous = next.at(-1);
      if (previous && previous.start + previous.members.length * gap > group.start) {
        const members = [...previous.members, ...group.members];
        const centre = members.reduce((sum, m) => sum + m.y, 0) / members.length;
        next[next.length - 1] = { members, start: centre - ((members.length - 1) * gap) / 2 };
        merged = true;
      } else next.push(group);
    }
    groups = next;
  }
  for (const group of groups) {
    const height = (group.members.length - 1) * gap;
    const start = Math.max(top, Math.min(group.start, bottom - height));
    for (const [i, label] of group.members.entries()) label.labelY = start + i * gap;
  }
}

export function lineSvg(chart: Chart): string {
  const xs: string[] = [];
  for (const s of chart.series) for (const p of s.points) if (!xs.includes(p.label)) xs.push(p.label);
  const first = xs[0];
  const last = xs.at(-1);
  const textsAt = (label: string | undefined) =>
    chart.series.flatMap((s) => s.points.filter((p) => p.label === label).map((p) => textWidth(p.text)));
  // The first position's texts stand left of their points, the last's right of them, the others above.
  const single = xs.length <= 1;
  const left = Math.min(220, Math.max(20, ...(single ? [] : textsAt(first))) + 16);
  const right = WIDTH - Math.min(220, Math.max(20, ...textsAt(last)) + 16);
  const xAt = (i: number) => (single ? (left + right) / 2 : left + ((right - left) * i) / (xs.length - 1));

  const values = chart.series.flatMap((s) => s.points.map((p) => chartNumber(p.value)));
  const lo = Math.min(0, ...values);
  const hiRaw = Math.max(0, ...values);
  const hi = hiRaw > lo ? hiRaw : lo + 1;
  const top = 20;
  const plotHeight = 200;
  const baseline = top + plotHeight;
  const yAt = (v: number) => top + ((hi - v) / (hi - lo)) * plotHeight;

  const body: string[] = [
    `<line class="axis" x1="${n(left - 8)}" y1="${n(baseline)}" x2="${n(right + 8)}" y2="${n(baseline)}" stroke="currentColor" stroke-width="1"/>`,
  ];
  const maxChars = Math.max(6, Math.floor((right - left) / Math.max(1, xs.length - 1) / (FONT * 0.66)));
  const xRows = Math.max(1, ...xs.map((label) => wrap(label, maxChars).length));
  for (const [i, label] of xs.entries()) {
    const x = xAt(i);
    body.push(
      `<line x1="${n(x)}" y1="${n(top)}" x2="${n(x)}" y2="${n(baseline)}" stroke="currentColor" stroke-opacity="0.25" stroke-width="1"/>`,
      svgText(x, baseline + LINE + 2, wrap(label, maxChars), { anchor: "middle", className: "x-label" }),
    );
  }

  const labels = new Map<number, Placed[]>();
  for (const [si, s] of chart.series.entries()) {
    const fill = colour(si);
    const coordinates = s.points.map((p) => {
      const xi = xs.indexOf(p.label);
      const x = xAt(xi);
      const y = yAt(chartNumber(p.value));
      const list = labels.get(xi) ?? [];
      list.push({ series: si, x, y: y + FONT / 2 - 2, text: p.text, labelY: 0 });
      labels.set(xi, list);
      return { x, y, label: p.label };
    });
    const path = coordinates.map((c, i) => `${i ? "L" : "M"}${n(c.x)} ${n(c.y)}`).join("");
    body.push(
      `<g class="series" data-series="${escapeHtml(s.name)}">`,
      coordinates.length > 1
        ? `<path class="line" d="${path}" fill="none" stroke="${fill}" stroke-width="2.5" stroke-linejoin="round"/>`
        : "",
      ...coordinates.map(
        (c) => `<g class="point" data-label="${escapeHtml(c.label)}">${marker(si, c.x, c.y, fill)}</g>`,
      ),
      `</g>`,
    );
  }
  for (const [xi, placed] of labels) {
    spread(placed, top, baseline - 2);
    const anchor = single ? "start" : xi === 0 ? "end" : xi === xs.length - 1 ? "start" : "middle";
    for (const p of placed) {
      const dx = anchor === "end" ? -9 : anchor === "start" ? 9 : 0;
      const y = anchor === "middle" ? p.labelY - 10 : p.labelY;
      body.push(svgText(p.x + dx, y, p.text, { anchor, className: "value" }));
    }
  }
  let height = baseline + 8 + (xRows + 1) * LINE;
  if (chart.series.length > 1) {
    const l = legend(
      chart.series.map((s, i) => ({ label: s.name, fill: colour(i), markerIndex: i })),
      height,
    );
    body.push(l.svg);
    height += l.height;
  }
  return svgFrame(chart, height + 4, body);
}
