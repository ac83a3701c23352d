// Allocation benchmark: 290 municipalities × 1 000 cost items, population model.
//
//   npm run bench              (in packages/allocation, or `npm run bench` at the root via turbo)
//   ROUNDS=9 npm run bench     (more timed rounds)
//
// It builds the package first (the script runs tsc) and imports ../dist/index.js, so it measures
// the code that ships. Every method gets the same 1 000 splits (same totals, same populations):
//
//   engine ceil 100      runEngine, population model, ceil to 100 kr, each row on its own
//   engine LR 1 kr       runEngine, population model, largest remainder to whole kronor
//   engine LR 100 kr     runEngine, population model, largest remainder to 100 kr
//   dinero.js allocate   allocate(dinero({ amount: öre, currency: SEK }), populations)
//   BigInt LR öre        a plain BigInt largest-remainder loop in öre
//
// Then it checks, recomputing every split outside the timed loops, that every result is exact: a ceil row is the least
// multiple of 100 kr ≥ its exact share; largest-remainder rows sum to the total and each lies
// within one unit below/above its exact share; dinero.js and the BigInt loop sum to the total öre.

import { allocate, dinero, SEK, toSnapshot } from "dinero.js";
import { runEngine } from "../dist/index.js";

const MUNICIPALITIES = 290;
const ITEMS = 1000;
const YEAR = 2026;
const WARMUP_ROUNDS = Number(process.env.WARMUP ?? 3);
const ROUNDS = Number(process.env.ROUNDS ?? 15);

// ---- deterministic synthetic data -------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run and every machine gets the same case. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20260101);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const populationsN = Array.from({ length: MUNICIPALITIES }, () => between(1_000, 1_000_000));
const populations = populationsN.map(BigInt);
const S = populations.reduce((a, b) => a + b, 0n);
// Swedish-looking names (with å/ä/ö) so that any name tie-break goes through "sv" collation.
const stems = ["Å", "Ä", "Ö", "A", "Bo", "Ek", "Lu", "Pi", "Ka", "Gä", "Öv", "Ar", "Ha", "Kir"];
const participants = populations.map((population, i) => ({
  municipality: `${stems[i % stems.length]}kommun ${String(i).padStart(3, "0")}`,
  population,
}));
const totalsKr = Array.from({ length: ITEMS }, () => BigInt(between(10_000, 50_000_000)));
const totalsOre = totalsKr.map((t) => t * 100n);
const totalsOreN = totalsOre.map(Number);
const models = totalsKr.map((t) => ({ type: "population", total: { num: t, den: 1n } }));

const options = (unit, total, mode = "ceil") => ({
  year: YEAR,
  rounding: { unit, mode, total, period: "year" },
});
const CEIL_100 = options(100, "independent");
const LR_1 = options(1, "largestRemainder");
const LR_100 = options(100, "largestRemainder");

// ---- the plain BigInt baseline -----------------------------------------------------------------

/** Hamilton in öre: floor every share of total × P_i / S, then one öre each to the largest remainders. */
function bigintLargestRemainder(totalOre, pops, sum) {
  const n = pops.length;
  const shares = new Array(n);
  const remainders = new Array(n);
  let left = totalOre;
  for (let i = 0; i < n; i++) {
    const x = totalOre * pops[i];
    const q = x / sum;
    shares[i] = q;
    remainders[i] = x - q * sum;
    left -= q;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  for (let k = 0; k < Number(left); k++) shares[order[k]] += 1n;
  return shares;
}

// ---- the methods -------------------------------------------------------------------------------

const methods = [
  {
    key: "ceil100",
    label: "engine ceil 100 kr",
    ours: true,
    run: (i) => runEngine(models[i], participants, CEIL_100),
  },
  { key: "lr1", label: "engine LR 1 kr", ours: true, run: (i) => runEngine(models[i], participants, LR_1) },
  {
    key: "lr100",
    label: "engine LR 100 kr",
    ours: true,
    run: (i) => runEngine(models[i], participants, LR_100),
  },
  {
    key: "dinero",
    label: "dinero.js allocate (öre)",
    run: (i) => allocate(dinero({ amount: totalsOreN[i], currency: SEK }), populationsN),
  },
  {
    key: "bigint",
    label: "BigInt LR loop (öre)",
    run: (i) => bigintLargestRemainder(totalsOre[i], populations, S),
  },
];

const gc = globalThis.gc ?? (() => {});

/**
 * One round: all 1 000 splits with one method; returns the elapsed nanoseconds. Results are not
 * kept (only the last one, so the work cannot be optimised away): the timing is the split, not
 * the garbage collector moving 1 000 results around. The checks below recompute them untimed.
 */
let sink;
function round(method) {
  gc();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITEMS; i++) sink = method.run(i);
  return Number(process.hrtime.bigint() - start);
}

// ---- exactness checks (outside the timings) ----------------------------------------------------

function check(key, results) {
  for (let i = 0; i < ITEMS; i++) {
    const T = totalsKr[i];
    const r = results[i];
    switch (key) {
      case "ceil100":
        r.rows.forEach((row, j) => {
          const exact = T * populations[j]; // the share is exact / S kr
          if (row.amount % 100n !== 0n || row.amount * S < exact || (row.amount - 100n) * S >= exact) {
            throw new Error(`ceil 100: item ${i}, ${row.municipality}: ${row.amount} is not the ceiling`);
          }
        });
        break;
      case "lr1":
      case "lr100": {
        const u = key === "lr1" ? 1n : 100n;
        const target = ((T + u / 2n) / u) * u; // the total rounded half-up to the unit
        const sum = r.rows.reduce((a, row) => a + row.amount, 0n);
        if (sum !== target || r.rowSum !== target)
          throw new Error(`${key}: item ${i} sums to ${sum}, not ${target}`);
        r.rows.forEach((row, j) => {
          const d = row.amount * S - T * populations[j];
          if (row.amount % u !== 0n || d <= -u * S || d >= u * S) {
            throw new Error(`${key}: item ${i}, ${row.municipality}: ${row.amount} is more than a unit off`);
          }
        });
        break;
      }
      case "dinero": {
        const sum = r.reduce((a, d) => a + BigInt(toSnapshot(d).amount), 0n);
        if (sum !== totalsOre[i])
          throw new Error(`dinero: item ${i} sums to ${sum} öre, not ${totalsOre[i]}`);
        break;
      }
      case "bigint": {
        const sum = r.reduce((a, b) => a + b, 0n);
        if (sum !== totalsOre[i])
          throw new Error(`bigint: item ${i} sums to ${sum} öre, not ${totalsOre[i]}`);
        break;
      }
    }
  }
}

// ---- run ---------------------------------------------------------------------------------------

console.log(
  `allocation bench: ${MUNICIPALITIES} municipalities × ${ITEMS} cost items, population model, ` +
    `node ${process.version}, ${WARMUP_ROUNDS} warm-up + ${ROUNDS} timed rounds (median)`,
);
if (!globalThis.gc) console.log("(run with node --expose-gc for steadier figures)");

const times = Object.fromEntries(methods.map((m) => [m.key, []]));
const benchStart = process.hrtime.bigint();
for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
  // Interleaved, so every method sees the same machine state in every round.
  for (const m of methods) {
    const ns = round(m);
    if (r >= WARMUP_ROUNDS) times[m.key].push(ns);
  }
}
if (sink === undefined) throw new Error("no result");
for (const m of methods)
  check(
    m.key,
    Array.from({ length: ITEMS }, (_, i) => m.run(i)),
  );

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const med = Object.fromEntries(methods.map((m) => [m.key, median(times[m.key])]));
const fmt = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

const header = ["method", "splits/s", "µs/split", "× dinero time", "× BigInt time"];
const rows = methods.map((m) => {
  const perSplit = med[m.key] / ITEMS / 1000;
  return [
    m.label,
    fmt(1e9 / (med[m.key] / ITEMS)),
    fmt(perSplit, 1),
    fmt(med[m.key] / med.dinero, 2),
    fmt(med[m.key] / med.bigint, 2),
  ];
});
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
const line = (cells) =>
  `| ${cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join(" | ")} |`;
console.log();
console.log(line(header));
console.log(
  `|${widths.map((w, c) => (c === 0 ? ":" : "") + "-".repeat(w + 1) + (c === 0 ? "" : ":")).join("|")}|`,
);
for (const row of rows) console.log(line(row));
console.log();

let ok = true;
for (const m of methods.filter((x) => x.ours)) {
  const vsDinero = med[m.key] / med.dinero;
  const vsBigint = med[m.key] / med.bigint;
  const pass = vsDinero <= 1 && vsBigint <= 3;
  ok &&= pass;
  console.log(
    `${m.label.padEnd(widths[0])}  time ÷ dinero.js ${fmt(vsDinero, 2)} (target ≤ 1), ` +
      `time ÷ BigInt loop ${fmt(vsBigint, 2)} (target ≤ 3): ${pass ? "met" : "MISSED"}`,
  );
}
console.log();
console.log(
  "exact: yes (every item: ceil rows are the exact ceilings; largest-remainder rows sum to the total)",
);
console.log(
  `target: ${ok ? "met" : "MISSED"}; bench took ${fmt(Number(process.hrtime.bigint() - benchStart) / 1e9, 1)} s`,
);
