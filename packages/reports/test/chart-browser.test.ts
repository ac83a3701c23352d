import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadBundledDataset } from "@samverkan/data";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, launchChromium, OUTPUT } from "./headless-chromium.js";
import type { Report } from "../src/model.js";
import { buildReport, renderHtml } from "../src/index.js";

/*
 * The charts of an HTML report in Debian's Chromium, headless, every request refused: each SVG is
 * laid out with a size, its texts are visible, and it stays visible (and in one piece) in print.
 * Screenshots and a PDF go to packages/reports/test-output/ (git-ignored).
 */
const chromiumHere = haveChromium("chart-browser.test.ts");

interface Box {
  width: number;
  height: number;
}
/** The browser globals the page functions use (this package is type-checked without the DOM lib). */
interface PageGlobals {
  getComputedStyle(element: unknown): Record<"breakInside" | "visibility" | "display" | "fill", string>;
}

describe.skipIf(!chromiumHere)("charts in headless Chromium", () => {
  let browser: Browser;
  const norrbotten = loadBundledDataset("norrbotten");

  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(OUTPUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(report: Report): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(renderHtml(report), { waitUntil: "load" });
    return { page, requests };
  }

  /** Every chart's SVG box, and whether each is visible. */
  async function boxes(page: Page): Promise<Box[]> {
    const svgs = page.locator("figure.chart svg");
    const found: Box[] = [];
    for (let i = 0; i < (await svgs.count()); i++) {
      const svg = svgs.nth(i);
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      found.push({ width: box?.width ?? 0, height: box?.height ?? 0 });
    }
    return found;
  }

  it("lays out the statement's donut and line and the attendance bars on screen and in print", async () => {
    const reports: [string, Report][] = [
      [
        "kommunbesked-kalix-2023",
        buildReport(norrbotten, "statement", { municipality: "Kalix", year: 2023 }),
      ],
      ["narvaro-2022", buildReport(norrbotten, "attendance", { year: 2022 })],
    ];
    for (const [file, report] of reports) {
      const { page, requests } = await open(report);
      const screen = await boxes(page);
      expect(screen.length).toBeGreaterThan(0);
      for (const box of screen) {
        expect(box.width).toBeGreaterThan(300);
        expect(box.height).toBeGreaterThan(100);
      }
      // The accessible name is the chart's title.
      const first = page.locator("figure.chart svg").first();
      expect(await first.getAttribute("role")).toBe("img");
      await expect
        .poll(() =>
          page
            .getByRole("img", { name: /Avgifter till nämnden 2023 per kostnadspost|Andel närvarande/ })
            .count(),
        )
        .toBeGreaterThan(0);
      // An amount printed in the chart is visible text, drawn in the page's ink.
      const value = page.locator("figure.chart svg text.value").first();
      expect(await value.isVisible()).toBe(true);
      expect(
        await value.evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).fill),
      ).toBe("rgb(27, 31, 35)");
      await page.screenshot({ path: join(OUTPUT, `${file}-charts.png`), fullPage: true });

      await page.emulateMedia({ media: "print" });
      const print = await boxes(page);
      expect(print).toHaveLength(screen.length);
      for (const box of print) {
        expect(box.width).toBeGreaterThan(200);
        expect(box.height).toBeGreaterThan(80);
      }
      const breakInside = await page
        .locator("figure.chart")
        .first()
        .evaluate((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).breakInside);
      expect(breakInside).toBe("avoid");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await writeFile(join(OUTPUT, `${file}.pdf`), pdf);
      expect(requests).toEqual([]);
      await page.close();
    }
  });
});
