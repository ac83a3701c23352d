/**
 * The dashboard in a real browser: headless Chromium (playwright-core) with JavaScript switched off, so
 * what passes here works without script (axe-core, itself a script, runs in a context with it on). axe-core checks each page in the light, dark and contrast
 * themes; screenshots of the light and dark themes go to apps/api/test-output/ (git-ignored).
 *
 * The browser may reach the test server on 127.0.0.1 and nothing else: every other request is aborted
 * and the host resolver knows no other name. Without Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium) the test is skipped locally, saying why, and fails in CI, where it must run.
 */
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { allocateCostItem } from "@samverkan/allocation";
import { formatMoney } from "@samverkan/domain";
import { testApp, type TestApp } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const IN_CI = !["", "0", "false", undefined].includes(process.env.CI);
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), "..", "test-output");
const CHROMIUM_PROBLEM = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** A missing Chromium fails in CI, where it must be there; elsewhere the test is skipped, saying why. */
function requireOrSkip(context: TestContext): void {
  if (CHROMIUM_PROBLEM === undefined) return;
  if (IN_CI) throw new Error(`the dashboard browser test cannot run in CI: ${CHROMIUM_PROBLEM}`);
  console.warn(`skipping the dashboard browser test: ${CHROMIUM_PROBLEM}`);
  context.skip();
}

let t: TestApp | undefined;
let base = "";
let browser: Browser | undefined;

beforeAll(async () => {
  if (CHROMIUM_PROBLEM !== undefined) return;
  t = await testApp();
  base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A context that reaches the test server only, with JavaScript on or off. */
async function loopbackContext(
  javaScriptEnabled: boolean,
  colorScheme: "light" | "dark" = "light",
  bypassCSP = false,
): Promise<BrowserContext> {
  if (!browser) throw new Error("no browser");
  const context = await browser.newContext({
    javaScriptEnabled,
    colorScheme,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
    bypassCSP,
  });
  const origin = new URL(base).origin;
  await context.route("**/*", (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient"),
  );
  return context;
}

const COLLABORATIONS = ["norrbotten", "skanearkiv"] as const;
const THEMES = ["default", "dark", "contrast"] as const;

describe("the dashboard in Chromium", () => {
  it("works without JavaScript: content, skip link, keyboard focus and the statement form", async (context) => {
    requireOrSkip(context);
    const browserContext = await loopbackContext(false);
    const page = await browserContext.newPage();
    for (const id of COLLABORATIONS) {
      const response = await page.goto(`${base}/dashboard/${id}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1").count()).resolves.toBe(1);
      await expect(page.locator("table caption").count()).resolves.toBeGreaterThan(2);
      await expect(page.locator("svg[role=img]").count()).resolves.toBeGreaterThan(0);
    }
    // The first Tab reaches the skip link, and it is visible once focused.
    await page.goto(`${base}/dashboard/norrbotten`);
    await page.keyboard.press("Tab");
    const skip = page.locator("a.skip");
    // Strings, not functions: this package's TypeScript has no DOM types.
    await expect(page.evaluate("document.activeElement?.className")).resolves.toBe("skip");
    const box = await skip.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    // The kommunbesked form is a plain GET form: choose and submit, no script.
    await page.selectOption('select[name="municipality"]', "Kalix");
    await page.selectOption('select[name="year"]', "2023");
    await Promise.all([page.waitForURL(/municipality=Kalix/), page.click("form.picker button")]);
    expect(page.url()).toContain("year=2023");
    const statement = await page.locator('section[aria-labelledby="statement"]').innerText();
    expect(statement.replace(/\s/g, " ")).toContain("537 100 kr");
    await browserContext.close();
  });

  it("shows the engine's amounts as the browser renders the page, for both collaborations", async (context) => {
    requireOrSkip(context);
    if (!t) throw new Error("no test app");
    const browserContext = await loopbackContext(false);
    const page = await browserContext.newPage();
    let checked = 0;
    for (const [id, year] of [
      ["norrbotten", 2023],
      ["skanearkiv", 2022],
    ] as const) {
      await page.goto(`${base}/dashboard/${id}?year=${year}`);
      // Each table row of the cost items as a person reads it, cell texts joined by tabs.
      const rows = await page.locator('section[aria-labelledby="costs"] table tr').allInnerTexts();
      const d = await t.store.dataset(id);
      for (const item of d.costItems) {
        if (!item.years.some((y) => y.year === year && y.rule)) continue;
        for (const row of allocateCostItem(d, item, year).rows) {
          const amount = formatMoney(row.amount, row.unit, "sv");
          const shown = rows.some(
            (r) => r.split("\t")[0]?.trim() === row.municipality && r.replace(/\s/g, " ").includes(amount),
          );
          expect(shown, `${id} ${year}: ${row.municipality} ${item.id} ${amount}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    await browserContext.close();
  });

  it("has no serious or critical axe-core violations in the light, dark and contrast themes", async (context) => {
    requireOrSkip(context);
    // axe-core is a script: it needs JavaScript on (and past the page's CSP, which forbids every
    // script). The pages have none; the test above shows they need none.
    const browserContext = await loopbackContext(true, "light", true);
    const page = await browserContext.newPage();
    const found: string[] = [];
    for (const id of [...COLLABORATIONS, ""]) {
      for (const theme of THEMES) {
        for (const lang of theme === "default" ? ["sv", "en"] : ["sv"]) {
          const path = id ? `/dashboard/${id}` : "/dashboard";
          await page.goto(`${base}${path}?theme=${theme}&lang=${lang}`);
          const result = await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21aa", "best-practice"])
            .analyze();
          for (const v of result.violations) {
            if (v.impact !== "serious" && v.impact !== "critical") continue;
            found.push(
              `${path} ${theme} ${lang}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join("; ")}`,
            );
          }
        }
      }
    }
    expect(found).toEqual([]);
    await browserContext.close();
  });

  it("follows prefers-color-scheme without a theme, and writes light and dark screenshots", async (context) => {
    requireOrSkip(context);
    for (const scheme of ["light", "dark"] as const) {
      const browserContext = await loopbackContext(false, scheme);
      const page = await browserContext.newPage();
      for (const id of COLLABORATIONS) {
        await page.goto(`${base}/dashboard/${id}`);
        const background = await page.evaluate("getComputedStyle(document.body).backgroundColor");
        expect(background).toBe(scheme === "dark" ? "rgb(27, 27, 31)" : "rgb(255, 255, 255)");
        const file = join(OUTPUT, `dashboard-${id}-${scheme}.png`);
        rmSync(file, { force: true });
        await page.screenshot({ path: file });
        expect(existsSync(file)).toBe(true);
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
      await browserContext.close();
    }
  });
});
