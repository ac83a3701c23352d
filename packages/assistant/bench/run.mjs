// Assistant benchmark: answers the whole evaluation set (test/eval/*.json), one question at a time.
//
//   npm run bench            (in packages/assistant; builds first and measures dist/, the code that ships)
//   ROUNDS=20 npm run bench  (more timed rounds)
//
// Prints questions per second and latency percentiles. "Cold" is the first pass in a fresh process:
// every engine result (allocations, kommunbesked) is computed for the first time. "Warm" are the
// following rounds, when the engine's results for the bundled datasets are remembered (they are
// pure functions of frozen data). Target: p95 < 2 ms warm, without a language model.

import { readFileSync } from "node:fs";
import { loadBundledDataset } from "@samverkan/data";
import { answer } from "../dist/index.js";

const read = (name) => JSON.parse(readFileSync(new URL(`../test/eval/${name}`, import.meta.url), "utf8"));
const cases = [...read("questions.json"), ...read("generated.json")];
const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];
const ROUNDS = Number(process.env.ROUNDS ?? 10);

function pass() {
  const times = [];
  let sink = 0;
  for (const c of cases) {
    const start = process.hrtime.bigint();
    const a = answer(c.q, { datasets, now: c.now });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    sink += a.text.length;
  }
  if (sink === 0) throw new Error("no answers");
  return times;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function report(label, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const fmt = (x) => x.toFixed(3);
  console.log(
    `${label.padEnd(6)} ${String(times.length).padStart(5)} answers  ${Math.round(
      (1000 * times.length) / total,
    )
      .toLocaleString("en-US")
      .padStart(
        7,
      )} questions/s  p50 ${fmt(percentile(sorted, 50))} ms  p95 ${fmt(percentile(sorted, 95))} ms  p99 ${fmt(percentile(sorted, 99))} ms  max ${fmt(sorted.at(-1))} ms`,
  );
  return percentile(sorted, 95);
}

console.log(
  `assistant bench: ${cases.length} evaluation questions, node ${process.version}, 1 cold + ${ROUNDS} warm rounds`,
);
report("cold", pass());
const warm = [];
for (let r = 0; r < ROUNDS; r++) warm.push(...pass());
const p95 = report("warm", warm);
console.log(`target p95 < 2 ms (warm): ${p95 < 2 ? "met" : "MISSED"}`);
