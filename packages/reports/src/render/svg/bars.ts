/**
 * Bar charts as SVG. Horizontal: one row per point in the chart's order (largest first, as
 * `chartFromTable` sorts them), the label on the left and the exact text at the bar's end. Vertical:
 * the points in the given order, the text above each bar, the label under it, and the goal as a
 * dashed line with its label. Lengths come from `chartNumber`; what is printed comes from `text`.
 */
import { chartNumber, type Chart, type ChartPoint } from "../../charts/chart.js";
import { escapeHtml } from "../escape.js";
import { colour, FONT, LINE, n, svgFrame, svgText, textWidth, WIDTH, wrap } from "./parts.js";

/** The value range a bar axis must show: always zero, every value and the goal. */
function domain(values: readonly number[], extra: readonly number[] = []): { lo: number; hi: number } {
  const all = [0, ...values, ...extra].filter((v) => Number.isFinite(v));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return hi > lo ? { lo, hi } : { lo, hi: lo + 1 };
}

function points(chart: Chart): readonly ChartPoint[] {
  return chart.series[0]?.points ?? [];
}

/** One bar per point, top to bottom; the labels' column is as wide as the longest label needs. */
export function horizontalBarSvg(chart: Chart): string {
  const ps = points(chart);
  const fill = colour(0);
  const maxLabel = WIDTH * 0.36;
  const labelLines = ps.map((p) => (textWidth(p.label) <= maxLabel ? [p.label] : wrap(p.label, 30)));
  const labelWidth = Math.min(
    maxLabel,
    Math.max(40, ...labelLines.flat().map((line) => textWidth(line))) + 10,
  );
  const valueWidth = Math.max(30, ...ps.map((p) => textWidth(p.text))) + 10;
  const x0 = labelWidth;
  const x1 = WIDTH - valueWidth;
  const { lo, hi } = domain(ps.map((p) => chartNumber(p.value)));
  const scale = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
  const zero = scale(0);

  const body: string[] = [];
  let y = 6;
  for (const [i, p] of ps.entries()) {
    const lines = labelLines[i] ?? [p.label];
    const rowHeight = Math.max(24, lines.length * LINE + 9);
    const v = chartNumber(p.value);
    const end = scale(v);
    const barY = y + (rowHeight - 16) / 2;
    const textY = y + rowHeight / 2 + FONT / 2 - 2;
    body.push(
      `<g class="bar-row">`,
      svgText(labelWidth - 8, textY - ((lines.length - 1) * LINE) / 2, lines, {
        anchor: "end",
        className: "label",
      }),
      `<rect class="bar" data-label="${escapeHtml(p.label)}" x="${n(Math.min(end, zero))}" y="${n(barY)}" width="${n(Math.abs(end - zero))}" height="16" fill="${fill}"/>`,
      svgText(Math.max(end, zero) + 5, textY, p.text, { className: "value" }),
      `</g>`,
    );
    y += rowHeight;
  }
  body.push(
    `<line class="axis" x1="${n(zero)}" y1="2" x2="${n(zero)}" y2="${n(y + 2)}" stroke="currentColor" stroke-width="1"/>`,
  );
  return svgFrame(chart, y + 8, body);
}

/** Bars side by side in the given order, with the goal (if any) as a labelled dashed line. */
export function verticalBarSvg(chart: Chart): string {
  const ps = points(chart);
  const fill = colour(0);
  const goal = chart.goal;
  const goalValue = goal ? chartNumber(goal.value) : undefined;
  const left = 10;
  const right = WIDTH - (goal ? textWidth(goal.label) + 16 : 10);
  const slot = (right - left) / Math.max(1, ps.length);
  const barWidth = Math.min(56, slot * 0.62);
  const maxChars = Math.max(4, Math.floor(slot / (FONT * 0.66)));
  const labelLines = ps.map((p) => wrap(p.label, maxChars));
  const labelRows = Math.max(1, ...labelLines.map((lines) => lines.length));

  const top = 24;
  const plotHeight = 220;
  const baseline = top + plotHeight;
  const values = ps.map((p) => chartNumber(p.value));
  // A share is read against the whole: per cent axes run to at least 100 %.
  const extra = [...(goalValue === undefined ? [] : [goalValue]), ...(chart.unit === "percent" ? [100] : [])];
  const { lo, hi } = domain(values, extra);
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * plotHeight;
  const zero = y(0);
  const gy = goalValue === undefined ? undefined : y(goalValue);

  const body: string[] = [];
  for (const [i, p] of ps.entries()) {
    const v = values[i] ?? 0;
    const centre = left + slot * (i + 0.5);
    const end = y(v);
    // The text stands above its bar; where the goal line would cross it, above the goal line instead.
    let textY = Math.min(end, zero) - 5;
    if (gy !== undefined && textY > gy - 2 && textY - FONT < gy + 2) textY = gy - 4;
    body.push(
      `<g class="bar-column">`,
      `<rect class="bar" data-label="${escapeHtml(p.label)}" x="${n(centre - barWidth / 2)}" y="${n(Math.min(end, zero))}" width="${n(barWidth)}" height="${n(Math.abs(end - zero))}" fill="${fill}"/>`,
      svgText(centre, textY, p.text, { anchor: "middle", className: "value" }),
      svgText(centre, baseline + LINE + 2, labelLines[i] ?? [p.label], {
        anchor: "middle",
        className: "label",
      }),
      `</g>`,
    );
  }
  const axisY = lo < 0 ? zero : baseline;
  body.push(
    `<line class="axis" x1="${n(left)}" y1="${n(axisY)}" x2="${n(right)}" y2="${n(axisY)}" stroke="currentColor" stroke-width="1"/>`,
  );
  if (goal && gy !== undefined) {
    body.push(
      `<g class="goal">`,
      `<line class="goal-line" data-value="${escapeHtml(goal.value)}" x1="${n(left)}" y1="${n(gy)}" x2="${n(right)}" y2="${n(gy)}" stroke="currentColor" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      svgText(right + 6, gy + FONT / 2 - 2, goal.label, { className: "goal-label", weight: "bold" }),
      `</g>`,
    );
  }
  return svgFrame(chart, baseline + 8 + labelRows * LINE + 4, body);
}
