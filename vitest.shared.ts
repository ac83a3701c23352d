import { defineConfig } from "vitest/config";

/**
 * The one vitest setup every workspace uses. Time limits are generous on purpose: CI runs every
 * package's suite at once on two cores, and a test that answers 300 questions or starts a server
 * must not fail for being slow there. Speed is measured by the benchmarks (`npm run bench`), not here.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
