#!/usr/bin/env node
/**
 * `npm run screenshots`: the pictures in the README, in docs/screenshots/, from the built packages.
 *
 * - dashboard-light.png, dashboard-dark.png — the API's /dashboard/norrbotten (apps/api) in the default
 *   and dark themes, served on 127.0.0.1 from an in-memory store with the bundled data;
 * - report-chart.png — an HTML report (`renderHtml` of @samverkan/reports) with its SVG chart;
 * - card-chart.png — the bot's chart card in Microsoft 365 Agents Playground, written by the end-to-end
 *   driver (apps/teams-bot/test/e2e/driver.mjs) run in a network namespace of its own (loopback only).
 *
 * Headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with JavaScript off and no request
 * beyond loopback. Build first (`npm run build`). Exit code 1 if a picture could not be made.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "docs", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 1000 };

function need(path, what) {
  if (!existsSync(path)) {
    console.error(`screenshots: ${what} is missing (${relative(ROOT, path)}); run \`npm run build\` first`);
    process.exit(1);
  }
}

need(join(ROOT, "apps/api/dist/app.js"), "the built API");
if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

const { createApp } = await import(join(ROOT, "apps/api/dist/app.js"));
const { apiStore } = await import(join(ROOT, "apps/api/dist/store-adapter.js"));
const { openStore } = await import("@samverkan/store");
const { loadBundledDataset } = await import("@samverkan/data");
const { buildAllocationReport, renderHtml } = await import("@samverkan/reports");

mkdirSync(OUT, { recursive: true });
const written = [];
const failed = [];

/** A browser context that reaches `origin` (if any) and nothing else, without JavaScript. */
async function loopbackContext(browser, origin, colorScheme) {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme, viewport: VIEWPORT });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    return origin !== undefined && url.origin === origin ? route.continue() : route.abort("blockedbyclient");
  });
  return context;
}

function wrote(path) {
  if (existsSync(path) && statSync(path).size > 0) written.push(relative(ROOT, path));
  else failed.push(relative(ROOT, path));
}

const store = await openStore({ inMemory: true });
const app = await createApp({
  store: apiStore(store, { datasetTtlMs: 0 }),
  config: { readAccess: "public", bodyLimit: 1024 * 1024, logLevel: "silent" },
  // The bundled meeting plan is 2022's: a fixed "now" in it, so the page shows that year's meetings.
  clock: () => new Date("2022-09-01T10:00:00+02:00"),
});
const base = await app.listen({ host: "127.0.0.1", port: 0 });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  ],
});
try {
  for (const [theme, scheme] of [
    ["default", "light"],
    ["dark", "dark"],
  ]) {
    const context = await loopbackContext(browser, new URL(base).origin, scheme);
    const page = await context.newPage();
    const file = join(OUT, `dashboard-${scheme}.png`);
    await page.goto(`${base}/dashboard/norrbotten?year=2023&municipality=Kalix&lang=sv&theme=${theme}`);
    await page.screenshot({ path: file });
    wrote(file);
    await context.close();
  }

  // An HTML report as a file would be opened: one cost item's allocation, with its chart.
  const report = buildAllocationReport(await loadBundledDataset("norrbotten"), {
    year: 2023,
    items: ["e-arkiv"],
    lang: "sv",
  });
  const context = await loopbackContext(browser, undefined, "light");
  const page = await context.newPage();
  await page.setContent(renderHtml(report));
  const file = join(OUT, "report-chart.png");
  await page.screenshot({ path: file, fullPage: true });
  wrote(file);
  await context.close();
} finally {
  await browser.close();
  await app.close();
  await store.close();
}

// The chart card in the Agents Playground: the end-to-end driver, in a network namespace of its own.
const driver = join(ROOT, "apps/teams-bot/test/e2e/driver.mjs");
const card = join(OUT, "card-chart.png");
rmSync(card, { force: true });
const nodeFlags = Number(process.versions.node.split(".")[0]) < 22 ? ["--experimental-websocket"] : [];
const run = spawnSync(
  "unshare",
  [
    "--net",
    "--pid",
    "--fork",
    "--kill-child",
    "--mount-proc",
    "--",
    "sh",
    "-c",
    'ip link set lo up && exec "$@"',
    "sh",
    process.execPath,
    ...nodeFlags,
    driver,
    "browser",
  ],
  {
    cwd: ROOT,
    env: { ...process.env, E2E_SCREENSHOT_DIR: OUT, CHROMIUM_PATH: CHROMIUM },
    encoding: "utf8",
    timeout: 300_000,
  },
);
if (existsSync(card)) wrote(card);
else {
  const why =
    run.error?.message ?? (run.stderr || run.stdout || "").trim().split("\n").slice(-5).join("\n  ");
  console.warn(
    `screenshots: skipped card-chart.png — the Playground driver wrote none (exit ${run.status ?? "?"})` +
      (why ? `:\n  ${why}` : ""),
  );
}

for (const path of written) console.log(`wrote ${path}`);
for (const path of failed) console.error(`screenshots: could not write ${path}`);
process.exitCode = failed.length > 0 ? 1 : 0;
