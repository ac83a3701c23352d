#!/usr/bin/env node
// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32): two linked
// rings — municipalities working together — in Swedish blue and yellow. Drawn from geometry, pixel by
// pixel, so the icons are reproducible from this file and need no image editor or binary source file.
// Usage: node apps/teams-bot/scripts/icons.mjs   (rewrites both PNGs; commit them)
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pngjs from "pngjs";

const { PNG } = pngjs;

/** The colour icon's background, also the manifest's accentColor (Teams shows them side by side). */
export const ACCENT = "#005B99";
const BLUE = [0x00, 0x5b, 0x99];
const WHITE = [0xff, 0xff, 0xff];
const YELLOW = [0xfe, 0xcc, 0x02];

/**
 * The rings in a 192-unit design space: centres 44 apart, so the mark is 120 wide — inside the area
 * Teams keeps clear of its own masks on a 192 px icon.
 */
const RINGS = { left: 74, right: 118, cy: 96, radius: 32, thickness: 12 };

/**
 * Which ring covers a point. The rings cross twice; above their centres the right ring passes over the
 * left one, below it passes under, so they read as linked rather than merely overlapping. `gap` is the
 * clearance cut into the lower ring at a crossing; it returns "gap" there.
 */
function ringAt(x, y, gap) {
  const { left, right, cy, radius, thickness } = RINGS;
  const offLeft = Math.abs(Math.hypot(x - left, y - cy) - radius);
  const offRight = Math.abs(Math.hypot(x - right, y - cy) - radius);
  const inLeft = offLeft <= thickness / 2;
  const inRight = offRight <= thickness / 2;
  const [over, under, inOver, inUnder, offOver] =
    y < cy ? ["right", "left", inRight, inLeft, offRight] : ["left", "right", inLeft, inRight, offLeft];
  if (inOver) return over;
  if (inUnder) return offOver <= thickness / 2 + gap ? "gap" : under;
  return null;
}

/** Inside the rounded square that is the colour icon's background (192 units, corner radius 40). */
function inBackground(x, y) {
  const size = 192;
  const r = 40;
  const dx = Math.max(r - x, 0, x - (size - r));
  const dy = Math.max(r - y, 0, y - (size - r));
  return dx * dx + dy * dy <= r * r;
}

/**
 * Renders `size`×`size` RGBA pixels by averaging `samples`² points per pixel (anti-aliasing) of
 * `colourAt(x, y)` in the 192-unit design space, which returns [r, g, b] or null for transparent.
 * Averages premultiplied colours so edges against transparency do not darken.
 */
function render(size, samples, colourAt) {
  const data = Buffer.alloc(size * size * 4);
  const scale = 192 / size;
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        data[i] = Math.round(r / a);
        data[i + 1] = Math.round(g / a);
        data[i + 2] = Math.round(b / a);
        data[i + 3] = Math.round((255 * a) / n);
      }
    }
  }
  return { width: size, height: size, data };
}

/** The 192×192 full-colour icon: white and yellow linked rings on a blue rounded square. */
export function drawColorIcon() {
  return render(192, 6, (x, y) => {
    if (!inBackground(x, y)) return null;
    const ring = ringAt(x, y, 3);
    return ring === "left" ? WHITE : ring === "right" ? YELLOW : BLUE;
  });
}

/**
 * The 32×32 outline icon: the same rings, white on transparent only (Teams' rule for outline icons),
 * scaled to fill the icon; anti-aliased through alpha alone, so every pixel stays pure white.
 */
export function drawOutlineIcon() {
  // The mark spans 36–156 of the 192-unit space; a 32 px icon has no room to spare, so it is
  // stretched to 2–30 px (12–180 units): each unit of the icon reads 120/168 units of the mark.
  const shrink = 120 / 168;
  return render(32, 8, (x, y) => {
    const ring = ringAt(96 + (x - 96) * shrink, 96 + (y - 96) * shrink, 4);
    return ring === "left" || ring === "right" ? WHITE : null;
  });
}

/** Encodes pixels as PNG (RGBA, 8 bits per channel). */
export function encodePng({ width, height, data }) {
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** Writes color.png and outline.png into `dir` (default: this app's appPackage/). */
export function writeIcons(dir = resolve(dirname(fileURLToPath(import.meta.url)), "../appPackage")) {
  const written = [];
  for (const [name, pixels] of [
    ["color.png", drawColorIcon()],
    ["outline.png", drawOutlineIcon()],
  ]) {
    const file = join(dir, name);
    writeFileSync(file, encodePng(pixels));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const file of writeIcons()) console.log(`wrote ${file}`);
}
