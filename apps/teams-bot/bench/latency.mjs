// Teams bot benchmark: how long from an activity arriving at /api/messages until the bot's reply has
// reached the connector, for a few representative questions, without a language model.
//
//   npm run bench                          (in apps/teams-bot; builds first and measures dist/, the code that ships)
//   ITERATIONS=1000 WARMUP=100 npm run bench
//
// The bot runs in this process behind its real express server; the connector and, for the run with an
// app id, the channel's token service are local HTTP servers. Everything is on 127.0.0.1. Each activity
// is sent on its own (one at a time, over a kept-alive connection, as the Bot Framework service does)
// after a warm-up. Two configurations:
//
//   local          no app id: tokens are not checked (local development)
//   app id         every activity carries a channel token that is verified against local keys; the
//                  bot signs its replies with a fixed token (no Entra ID sign-in)
//
// Target: p95 ≤ 20 ms in each row.
import { Agent, request } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { loadBundledDataset } from "@samverkan/data";
import { openStore } from "@samverkan/store";
import { createAdapter } from "../dist/adapter.js";
import { createBot } from "../dist/app.js";
import { createServer } from "../dist/server.js";
import { fixedCredentials, startConnector, startTokenIssuer, unreachableUrl } from "./loopback.mjs";

const ITERATIONS = Number(process.env.ITERATIONS ?? 300);
const WARMUP = Number(process.env.WARMUP ?? 50);
const TARGET_P95_MS = 20;
const APP_ID = "00000000-0000-0000-0000-00000000be7c";
const OUTBOUND_TOKEN = "bench-outbound-token";
const QUESTIONS = [
  ["Swedish cost question", "Vad betalar Kalix för e-arkiv 2023?"],
  ["English question", "What does Kalix pay for e-arkiv 2023?"],
  ["next meeting", "När är nästa sammanträde?"],
  ["goals", "Vilka mål har nämnden 2022?"],
  ["biggest risks", "What are the biggest risks?"],
  ["decisions", "Vilka beslut togs 22 juni 2022?"],
  ["budget", "Vad är budgeten för 2023?"],
  ["what-if", "Vad händer om Kalix lämnar e-arkivet 2023?"],
  // A follow-up: the previous turn is read from and written to the store (in-memory PGlite) each time.
  ["follow-up (store)", "och 2022?"],
];

// Other work on the machine shows in the tail (p95, p99) first; the load average says how busy it was.
const loadBefore = loadavg()[0]?.toFixed(2);
const datasets = [loadBundledDataset("norrbotten"), loadBundledDataset("skanearkiv")];
const connector = await startConnector();
const issuer = await startTokenIssuer();
const nowhere = await unreachableUrl();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const store = await openStore({ inMemory: true });
let sequence = 0;

async function startBot(appId) {
  const adapter = createAdapter(
    { appId },
    {
      // Every endpoint on loopback: nothing leaves this machine.
      endpoints: {
        channelOpenIdMetadataUrl: issuer.metadataUrl,
        emulatorOpenIdMetadataUrl: nowhere,
        loginUrl: nowhere,
        oauthApiUrl: nowhere,
      },
      credentialsFactory: appId ? fixedCredentials(appId, OUTBOUND_TOKEN) : undefined,
    },
  );
  const { app } = createBot({
    datasets,
    now: () => new Date("2022-09-01T08:00:00Z"),
    credentials: { appId },
    adapter,
    conversations: { store },
  });
  const server = createServer({ bot: app, adapter }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { port: server.address().port, server };
}

function post(port, body, authorization) {
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "application/json", ...(authorization ? { authorization } : {}) };
    const req = request(
      { host: "127.0.0.1", port, path: "/api/messages", method: "POST", agent, headers },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`bot answered ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Milliseconds from sending the activity until its reply was at the connector. */
async function oneTurn(port, text, authorization) {
  sequence += 1;
  const id = `bench-${sequence}`;
  const body = JSON.stringify({
    type: "message",
    id,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    from: { id: "29:member", name: "Ledamot" },
    recipient: { id: `28:${APP_ID}`, name: "Samverkan" },
    conversation: { id: "bench-conversation", conversationType: "personal" },
    text,
  });
  const replied = connector.waitForReply(id);
  const start = performance.now();
  await post(port, body, authorization);
  return (await replied) - start;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const rows = [];
for (const [configuration, appId] of [
  ["local", undefined],
  ["app id", APP_ID],
]) {
  const { port, server } = await startBot(appId);
  const authorization = appId ? issuer.sign(appId, connector.serviceUrl) : undefined;
  for (const [label, text] of QUESTIONS) {
    // The follow-up follows a first question in the same conversation (then each one follows the last).
    if (label.startsWith("follow-up"))
      await oneTurn(port, "Vad betalar Kalix för e-arkiv 2023?", authorization);
    for (let i = 0; i < WARMUP; i++) await oneTurn(port, text, authorization);
    const times = [];
    for (let i = 0; i < ITERATIONS; i++) times.push(await oneTurn(port, text, authorization));
    // What was measured must be a real answer: the topic's, and for the follow-up, read in context.
    const reply = JSON.parse(connector.lastReply());
    const said = String(reply.summary ?? reply.text ?? "");
    if (/^(Jag förstod inte|I did not understand)/.test(said))
      throw new Error(`"${text}" was not understood: ${said}`);
    if (label.startsWith("follow-up") && !said.startsWith("Jag tolkade följdfrågan"))
      throw new Error(`the follow-up was not read in its conversation: ${said}`);
    const sorted = times.sort((a, b) => a - b);
    rows.push({
      configuration,
      label,
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1),
    });
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
agent.destroy();
await store.close();
await connector.close();
await issuer.close();

// With an app id the replies must carry the bench's fixed token: proof nothing signed in to Entra ID.
const signedBy = new Set(connector.authorizations.filter(Boolean));
if (signedBy.size !== 1 || !signedBy.has(`Bearer ${OUTBOUND_TOKEN}`)) {
  throw new Error(`replies were signed unexpectedly: ${[...signedBy].join(", ")}`);
}

const cpu = cpus();
console.log(
  `teams-bot latency: activity in → reply at the connector, ${ITERATIONS} per row after ${WARMUP} warm-up, ` +
    `node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB, load average ${loadBefore} before the run\n`,
);
const ms = (x) => x.toFixed(2);
console.log("| configuration | question | mean | p50 | p95 | p99 | max |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.configuration} | ${r.label} | ${ms(r.mean)} ms | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.p99)} ms | ${ms(r.max)} ms |`,
  );
}
const worst = Math.max(...rows.map((r) => r.p95));
console.log(
  `\ntarget p95 ≤ ${TARGET_P95_MS} ms in every row (worst ${ms(worst)} ms): ${worst <= TARGET_P95_MS ? "met" : "MISSED"}`,
);
