/** Starts the bot: configuration from the environment, datasets or store, and the HTTP server. */
import { loadBundledDataset, BUNDLED_DATASETS } from "@samverkan/data";
import { openStore } from "@samverkan/store";
import { createBot } from "./app.js";
import { BOT_MESSAGES_PATH, readConfig } from "./config.js";
import { createServer } from "./server.js";

const config = readConfig(process.env);
const store =
  config.databaseUrl || config.dataDir
    ? await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    : undefined;
const { app, adapter } = createBot({
  ...(store ? { store } : { datasets: BUNDLED_DATASETS.map((id) => loadBundledDataset(id)) }),
  credentials: { appId: config.appId, appPassword: config.appPassword, tenantId: config.tenantId },
});

const listener = createServer({ bot: app, adapter }).listen(config.port, config.host, () => {
  const where = `http://${config.host}:${config.port}${BOT_MESSAGES_PATH}`;
  console.log(
    config.appId
      ? `samverkan bot listening on ${where} (app id ${config.appId})`
      : `samverkan bot listening on ${where} — no BOT_ID set: Bot Framework tokens are NOT checked, ` +
          "so it binds to 127.0.0.1 only (local development)",
  );
  console.log(store ? "answering from the store" : "answering from the bundled datasets");
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    listener.close();
    void store?.close();
  });
}
