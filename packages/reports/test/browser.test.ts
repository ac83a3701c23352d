import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium, launchChromium, OUTPUT } from "./headless-chromium.js";
import type { Report } from "../src/model.js";
import { renderHtml } from "../src/index.js";
import { builtReports } from "./fixtures/built-reports.js";
import { fordelning2022 } from "./fixtures/fordelning-2022.js";

/*
 * The HTML report in a real browser: Debian's Chromium, headless, with every request but the page
 * itself refused (the page is self-contained; a fetch would be a bug). Screenshots and a PDF go to
 * packages/reports/test-output/ (git-ignored) so a person can look at what was rendered.
 */
const chromiumHere = haveChromium("browser.test.ts");

/** The browser globals the page functions use (this package is type-checked without the DOM lib). */
interface PageGlobals {
  getComputedStyle(element: unknown): Record<"textAlign" | "backgroundColor" | "display", string>;
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

/** A computed style property of the element, as the browser resolved it. */
function style(locator: Locator, property: "textAlign" | "backgroundColor" | "display"): Promise<string> {
  return locator.evaluate(
    (element, p) => (globalThis as unknown as PageGlobals).getComputedStyle(element)[p],
    property,
  );
}

describe.skipIf(!chromiumHere)("HTML report in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(OUTPUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page holding the rendered report; any request it makes, or any dialog it opens, is recorded. */
  async function open(
    report: Report,
    width = 1280,
  ): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent(renderHtml(report), { waitUntil: "load" });
    return { page, requests, dialogs };
  }

  it("renders the tables legibly, numbers right-aligned, computed amounts shaded", async () => {
    const { page, requests } = await open(fordelning2022);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    expect(await page.title()).toBe("Fördelning per kostnadspost 2022 – Norrbottens e-nämnd");

    const kalixEarkiv = page
      .getByRole("row", { name: /^Kalix/ })
      .first()
      .getByRole("cell", { name: "21 000 kr" });
    await expect.poll(() => kalixEarkiv.isVisible()).toBe(true);
    expect(await style(kalixEarkiv, "textAlign")).toBe("right");
    await expect.poll(() => page.getByRole("cell", { name: "2 101 400 kr" }).isVisible()).toBe(true);

    const computed = page.locator("td.computed").first();
    expect(await computed.innerText()).toMatch(/^88 015 kr†/);
    expect(await style(computed, "backgroundColor")).toBe("rgb(255, 242, 204)");
    const published = page.getByRole("cell", { name: "40 000 kr" }).first();
    expect(await style(published, "backgroundColor")).toBe("rgba(0, 0, 0, 0)");
    await expect.poll(() => page.getByText("† = beräknat belopp (inte publicerat)").isVisible()).toBe(true);

    // The widest table fits a laptop screen without sideways scrolling.
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as PageGlobals).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, "fordelning-2022.png"), fullPage: true });
    await page.close();
  });

  it("prints: A4 PDF with the header repeated and the totals printed once", async () => {
    const { page } = await open(fordelning2022);
    await page.emulateMedia({ media: "print" });
    expect(await style(page.locator("thead").first(), "display")).toBe("table-header-group");
    expect(await style(page.locator("tfoot").first(), "display")).toBe("table-row-group");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await writeFile(join(OUTPUT, "fordelning-2022.pdf"), pdf);
    await page.close();
  });

  it("runs nothing from the report's text", async () => {
    const hostile: Report = {
      ...fordelning2022,
      title: "<script>alert('title')</script>",
      sections: [
        {
          title: "<img src=x onerror=\"alert('img')\">",
          table: {
            columns: [{ key: "a", label: "<script>alert('label')</script>", kind: "text" }],
            rows: [{ cells: { a: { kind: "text", text: "<script>alert('cell')</script>" } } }],
          },
        },
      ],
    };
    const { page, requests, dialogs } = await open(hostile);
    await expect
      .poll(() => page.getByRole("rowheader", { name: "<script>alert('cell')</script>" }).isVisible())
      .toBe(true);
    expect(await page.locator("h1").innerText()).toBe("<script>alert('title')</script>");
    expect(await page.locator("script, img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("renders every built report; the Kalix statement shows its amounts", async () => {
    for (const [name, report] of builtReports()) {
      const { page, requests, dialogs } = await open(report);
      expect(await page.locator("h1").innerText(), name).toBe(report.title);
      expect(await page.locator("section").count(), name).toBe(report.sections.length);
      expect(requests, name).toEqual([]);
      expect(dialogs, name).toEqual([]);
      if (name === "statement Kalix 2023") {
        await expect.poll(() => page.getByRole("cell", { name: "21 000 kr" }).first().isVisible()).toBe(true);
        await page.screenshot({ path: join(OUTPUT, "kommunbesked-kalix-2023.png"), fullPage: true });
      }
      await page.close();
    }
  });
});
