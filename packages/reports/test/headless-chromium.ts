/**
 * Debian's Chromium for this package's browser tests (browser.test.ts, chart-browser.test.ts): where it
 * is, whether it is there (a missing one fails in CI and skips elsewhere, saying why), the launch both
 * use, and the git-ignored folder their screenshots and PDFs go to.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), "..", "test-output");

/** True when Chromium is installed; otherwise throws in CI and warns that `file` is skipped. */
export function haveChromium(file: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) {
    throw new Error(`${CHROMIUM} is missing: the browser test must run in CI (apt-get install chromium).`);
  }
  console.warn(`${file} skipped: ${CHROMIUM} not found (apt-get install chromium)`);
  return false;
}

/** Headless, without the background networking that this machine's closed network refuses anyway. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
