import { defineConfig } from "vitest/config";

/**
 * The one vitest setup every workspace uses.
 *
 * Time limits only catch a test that hangs; they are not speed checks. CI runs every package's suite
 * at once on two cores, next to several headless Chromiums and PGlite databases, and a test there can
 * take ten times as long as on a quiet laptop (a 60 s limit failed CI once, on a browser test that
 * takes 8 s alone). So no test sets a shorter limit of its own, and `expect.poll` waits as long as a
 * slow page may need. Speed is measured by the benchmarks (`npm run bench`), not here.
 *
 * `isolate: false`: a worker keeps its modules between test files instead of importing the whole
 * graph (datasets, engine, renderers) again for each file, which was most of the suite's time on two
 * cores (the assistant's 16 files: 264 s → 114 s under CI load). Nothing resets process state
 * between files, so a test that changes `process.env` or spies on a global puts it back in place in
 * `afterEach`/`afterAll` (the CLI's store tests, the planner's socket and console spies), and the next
 * file in the worker sees the environment it started with.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 30_000 } },
    isolate: false,
  },
});
