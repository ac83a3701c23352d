// npm run bench: autocannon, 50 connections, 10 s per target (BENCH_SECONDS to change), all on loopback.
// The API runs as it ships (node dist/index.js, PGlite in a temporary folder); the hello-world Fastify
// route runs in its own process beside it as the reference. Prints requests/s and p99 latency.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function launch(args, env, readyText) {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (b) => (out += b));
  child.stderr.on("data", (b) => (out += b));
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (out.includes(readyText)) {
        clearInterval(poll);
        resolve(child);
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(poll);
      reject(new Error(`${args.join(" ")} exited with ${code}:\n${out}`));
    });
  });
}

function run(title, opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts }, (err, result) => {
      if (err) return reject(err);
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) return reject(new Error(`${title}: ${bad} failed requests`));
      resolve({ title, rps: result.requests.average, p99: result.latency.p99, total: result.requests.total });
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), "samverkan-bench-"));
const [apiPort, helloPort] = [await freePort(), await freePort()];
const { DATABASE_URL: _db, ...env } = process.env;
const api = await launch(
  [here("../dist/index.js")],
  { ...env, PORT: String(apiPort), HOST: "127.0.0.1", SAMVERKAN_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  "Docs:",
);
const allocationBytes = (
  await (
    await fetch(
      `http://127.0.0.1:${apiPort}/v1/collaborations/norrbotten/allocations?year=2023&item=e-arkiv&municipality=Kalix`,
    )
  ).text()
).length;
const hello = await launch([here("./hello.mjs"), String(helloPort), String(allocationBytes)], env, "ready");

try {
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const allocations = `${apiBase}/v1/collaborations/norrbotten/allocations?year=2023&item=e-arkiv&municipality=Kalix`;
  const allocationsYear = `${apiBase}/v1/collaborations/norrbotten/allocations?year=2023`;
  // Warm: the first request of each kind computes; the bench measures the service as it runs.
  await fetch(allocations);
  await fetch(allocationsYear);
  const ask = { method: "POST", headers: { "content-type": "application/json" } };
  const question = JSON.stringify({ question: "Vad betalar Kalix för e-arkiv 2023?", now: "2022-09-01" });
  await fetch(`${apiBase}/v1/ask`, { ...ask, body: question });

  const results = [];
  results.push(await run("hello-world Fastify (reference)", { url: `http://127.0.0.1:${helloPort}/` }));
  results.push(await run("GET /v1/…/allocations (one item, one municipality)", { url: allocations }));
  results.push(
    await run(
      `plain Fastify route sending a fixed ${allocationBytes}-byte JSON (same size as the allocation)`,
      {
        url: `http://127.0.0.1:${helloPort}/sized`,
      },
    ),
  );
  results.push(await run("GET /v1/…/allocations (every item of 2023)", { url: allocationsYear }));
  results.push(await run("POST /v1/ask", { url: `${apiBase}/v1/ask`, ...ask, body: question }));

  const ref = results[0].rps;
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, node ${process.version}\n`);
  console.log("| target | requests/s | p99 | % of reference |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const r of results)
    console.log(
      `| ${r.title} | ${Math.round(r.rps)} | ${r.p99} ms | ${((100 * r.rps) / ref).toFixed(0)} % |`,
    );
  const alloc = results[1].rps / ref;
  console.log(
    `\nallocations at ${(100 * alloc).toFixed(0)} % of the reference (target ≥ 70 %): ${alloc >= 0.7 ? "met" : "NOT met"}`,
  );
} finally {
  api.kill("SIGTERM");
  hello.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
