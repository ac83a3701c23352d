/**
 * A donut as SVG: one slice per positive value, clockwise from twelve o'clock, each as large as its
 * value's part of the whole, numbered, with a legend of every point (label, the exact text and, for
 * amounts and counts, its share of the whole). A single value fills the ring; zero (or negative)
 * values get no slice but stay in the legend. The shares are computed exactly with `Decimal` and
 * printed with one decimal, "≈" where that rounds.
 */
import { Decimal, formatNumber } from "@samverkan/domain";
import { chartNumber, type Chart, type ChartPoint } from "../../charts/chart.js";
import { escapeHtml } from "../escape.js";
import { colour, FONT, LINE, n, svgFrame, svgText, textWidth, WIDTH, wrap } from "./parts.js";

const R = 100;
const INNER = 58;
const CX = R + 10;
const CY = R + 10;

/** A point on the circle of radius `r`, `degrees` clockwise from twelve o'clock. */
function at(r: number, degrees: number): [number, number] {
  const rad = ((degrees - 90) * Math.PI) / 180;
  return [CX + r * Math.cos(rad), CY + r * Math.sin(rad)];
}

/** The ring between INNER and R from `start` to `end` degrees (less than a full turn). */
function sector(start: number, end: number): string {
  const large = end - start > 180 ? 1 : 0;
  const [ox1, oy1] = at(R, start);
  const [ox2, oy2] = at(R, end);
  const [ix2, iy2] = at(INNER, end);
  const [ix1, iy1] = at(INNER, start);
  return `M${n(ox1)} ${n(oy1)}A${R} ${R} 0 ${large} 1 ${n(ox2)} ${n(oy2)}L${n(ix2)} ${n(iy2)}A${INNER} ${INNER} 0 ${large} 0 ${n(ix1)} ${n(iy1)}Z`;
}

/** The whole ring, as two half turns (one arc cannot draw a full circle). */
function ring(): string {
  return `M${n(CX)} ${n(CY - R)}A${R} ${R} 0 1 1 ${n(CX)} ${n(CY + R)}A${R} ${R} 0 1 1 ${n(CX)} ${n(CY - R)}ZM${n(CX)} ${n(CY - INNER)}A${INNER} ${INNER} 0 1 0 ${n(CX)} ${n(CY + INNER)}A${INNER} ${INNER} 0 1 0 ${n(CX)} ${n(CY - INNER)}Z`;
}

/**
 * Each point's share of the positive whole in per cent, exact with `Decimal`: "50 %" where one decimal
 * (or none) is exact, otherwise "≈ 33,3 %". Undefined for a per-cent chart (a share of shares says
 * nothing) or when nothing is positive.
 */
export function donutShares(chart: Chart, ps: readonly ChartPoint[]): (string | undefined)[] {
  if (chart.unit === "percent") return ps.map(() => undefined);
  const values = ps.map((p) => new Decimal(p.value));
  const total = values.reduce(
    (sum, v) => (v.isPositive() && !v.isZero() ? sum.plus(v) : sum),
    new Decimal(0),
  );
  if (total.isZero()) return ps.map(() => undefined);
  return values.map((v) => {
    if (!v.isPositive() || v.isZero()) return undefined;
    const hundred = v.times(100);
    const rounded = hundred.dividedBy(total).toDecimalPlaces(1);
    const exact = rounded.times(total).eq(hundred);
    return exact
      ? `${formatNumber(rounded, undefined, chart.lang)} %`
      : `≈ ${formatNumber(rounded, 1, chart.lang)} %`;
  });
}

export function donutSvg(chart: Chart): string {
  const ps = chart.series[0]?.points ?? [];
  const values = ps.map((p) => Math.max(0, chartNumber(p.value)));
  const total = values.reduce((a, b) => a + b, 0);
  const shares = donutShares(chart, ps);

  const body: string[] = [];
  if (total <= 0) {
    body.push(`<path class="empty-ring" d="${ring()}" fill="none" stroke="currentColor" stroke-width="1"/>`);
  }
  let start = 0;
  for (const [i, p] of ps.entries()) {
    const v = values[i] ?? 0;
    if (v <= 0 || total <= 0) continue;
    const sweep = (v / total) * 360;
    const end = Math.min(360, start + sweep);
    const fill = colour(i);
    const d = sweep >= 359.999 ? ring() : sector(start, end);
    body.push(
      `<path class="slice" data-label="${escapeHtml(p.label)}" data-start="${n(start)}" data-end="${n(end)}" d="${d}" fill="${fill}" fill-rule="evenodd" stroke="#fff" stroke-width="1.5"/>`,
    );
    // The slice's number, matching the legend: readable without telling colours apart.
    if (sweep >= 14) {
      const [lx, ly] = at((R + INNER) / 2, start + sweep / 2);
      body.push(
        `<text class="slice-number" x="${n(lx)}" y="${n(ly + 4)}" text-anchor="middle" font-weight="bold" fill="#fff">${i + 1}</text>`,
      );
    }
    start = end;
  }

  // The legend, right of the ring: number, swatch, label (wrapped), the exact text and the share.
  const legendX = 2 * R + 40;
  const available = WIDTH - legendX - 24;
  const entries: string[] = [];
  let y = 14;
  for (const [i, p] of ps.entries()) {
    const amount = shares[i] ? `${p.text} (${shares[i]})` : p.text;
    const amountWidth = textWidth(amount) + 10;
    const labelRoom = Math.max(60, available - amountWidth);
    const lines =
      textWidth(p.label) <= labelRoom ? [p.label] : wrap(p.label, Math.floor(labelRoom / (FONT * 0.66)));
    entries.push(
      `<g class="legend-item" data-index="${i}">`,
      `<rect x="${n(legendX)}" y="${n(y - 10)}" width="12" height="12" fill="${colour(i)}"/>`,
      svgText(legendX + 18, y, `${i + 1}`, { weight: "bold" }),
      svgText(legendX + 34, y, lines, { className: "label" }),
      svgText(WIDTH - 2, y, amount, { anchor: "end", className: "value" }),
      `</g>`,
    );
    y += lines.length * LINE + 5;
  }
  body.push(`<g class="chart-legend">${entries.join("")}</g>`);
  return svgFrame(chart, Math.max(2 * R + 20, y), body);
}
