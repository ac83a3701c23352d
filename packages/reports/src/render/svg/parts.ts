/**
 * What every chart kind's SVG shares: the frame (`<svg role="img">` with its title and alt text),
 * text, the palette, and a rough text width for laying out labels. Geometry only: every number a
 * person reads comes from a point's `text`, never from the floats computed here.
 */
import { chartDescription, type Chart } from "../../charts/chart.js";
import { escapeHtml } from "../escape.js";

/** The drawing's width in viewBox units; the SVG itself is `width="100%"` and scales. */
export const WIDTH = 640;
/** Text size in viewBox units. */
export const FONT = 12;
/** Distance between two lines of text. */
export const LINE = 15;

/**
 * Fills that keep at least 4.5:1 contrast on white (and remain distinct in greyscale print roughly by
 * lightness order), one per slice or series; the first is the bar colour.
 */
export const PALETTE = [
  "#1f4e79",
  "#b34700",
  "#2e6b30",
  "#7b2d8e",
  "#a4262c",
  "#00616b",
  "#5c4033",
  "#3d4a9c",
  "#8a5a00",
  "#4a5a66",
] as const;

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}

/** A coordinate for an attribute: at most two decimals, no "-0". */
export function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** A rough width of a text in viewBox units (no font metrics without a browser): enough to lay out. */
export function textWidth(text: string, size = FONT): number {
  let width = 0;
  for (const ch of text) width += /[\s.,:;!il|'’]/.test(ch) ? 0.34 : /[A-ZÅÄÖmw%—–]/.test(ch) ? 0.78 : 0.63;
  return width * size;
}

/** The words of a label on lines of at most `max` characters (a word longer than that gets its own line). */
export function wrap(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

export interface TextOptions {
  readonly anchor?: "start" | "middle" | "end";
  readonly className?: string;
  readonly weight?: "bold";
  readonly size?: number;
}

/** A `<text>` in `currentColor`, escaped; several lines become `<tspan>`s. */
export function svgText(
  x: number,
  y: number,
  content: string | readonly string[],
  o: TextOptions = {},
): string {
  const lines = typeof content === "string" ? [content] : content;
  const attributes = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    o.anchor && o.anchor !== "start" ? `text-anchor="${o.anchor}"` : "",
    o.className ? `class="${o.className}"` : "",
    o.weight ? `font-weight="${o.weight}"` : "",
    o.size ? `font-size="${n(o.size)}"` : "",
    'fill="currentColor"',
  ]
    .filter(Boolean)
    .join(" ");
  const body =
    lines.length === 1
      ? escapeHtml(lines[0] ?? "")
      : lines
          .map((line, i) => `<tspan x="${n(x)}"${i ? ` dy="${LINE}"` : ""}>${escapeHtml(line)}</tspan>`)
          .join("");
  return `<text ${attributes}>${body}</text>`;
}

/** A small mark in a legend or on a line: a different shape per series, so colour is not the only clue. */
export function marker(index: number, x: number, y: number, fill: string, size = 4.5): string {
  const s = size;
  switch (index % 4) {
    case 0:
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(s)}" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
    case 1:
      return `<rect x="${n(x - s)}" y="${n(y - s)}" width="${n(2 * s)}" height="${n(2 * s)}" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
    case 2:
      return `<path d="M${n(x)} ${n(y - s - 1)}L${n(x + s + 1)} ${n(y + s)}L${n(x - s - 1)} ${n(y + s)}Z" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
    default:
      return `<path d="M${n(x)} ${n(y - s - 1)}L${n(x + s + 1)} ${n(y)}L${n(x)} ${n(y + s + 1)}L${n(x - s - 1)} ${n(y)}Z" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
  }
}

/**
 * The chart's frame: a self-contained `<svg>` with `role="img"`, the title and every number in the
 * description, scaling to its container's width. No script, no fonts fetched: text inherits the page's
 * font and colour (`currentColor`), so a dark theme and print both read.
 */
export function svgFrame(chart: Chart, height: number, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart chart-${chart.kind}" viewBox="0 0 ${WIDTH} ${n(height)}" width="100%" font-family="inherit" font-size="${FONT}">`,
    `<title>${escapeHtml(chart.title)}</title>`,
    `<desc>${escapeHtml(chartDescription(chart))}</desc>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** A legend of the series or slices below the drawing: swatch (or marker), name and optional texts. */
export function legend(
  entries: readonly { readonly label: string; readonly fill: string; readonly markerIndex?: number }[],
  top: number,
): { readonly svg: string; readonly height: number } {
  const parts: string[] = [];
  let x = 4;
  let y = top + FONT;
  for (const [i, entry] of entries.entries()) {
    const width = 22 + textWidth(entry.label) + 16;
    if (x > 4 && x + width > WIDTH) {
      x = 4;
      y += LINE + 4;
    }
    const swatch =
      entry.markerIndex === undefined
        ? `<rect x="${n(x)}" y="${n(y - 10)}" width="12" height="12" fill="${entry.fill}"/>`
        : `<line x1="${n(x - 2)}" y1="${n(y - 4)}" x2="${n(x + 14)}" y2="${n(y - 4)}" stroke="${entry.fill}" stroke-width="2"/>${marker(entry.markerIndex, x + 6, y - 4, entry.fill, 4)}`;
    parts.push(`<g class="legend-item" data-index="${i}">${swatch}${svgText(x + 20, y, entry.label)}</g>`);
    x += width;
  }
  return { svg: `<g class="chart-legend">${parts.join("")}</g>`, height: y - top + 6 };
}
