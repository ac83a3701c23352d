/**
 * The samverkan API server: reads the configuration, opens the store, listens, prints the URLs.
 * Everything else is in the factory (`createApp`, src/app.ts), which the tests use in-process.
 */
import { openStore, type Store } from "@samverkan/store";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { apiStore } from "./store-adapter.js";

export { createApp, API_BASE_PATH, type AppOptions, type App } from "./app.js";
export { loadConfig, ConfigError, type Config } from "./config.js";
export { apiStore } from "./store-adapter.js";
export type { ApiStore } from "./store-port.js";

/** Opens the store the configuration names and makes the configured tokens the only ones. */
export async function openConfiguredStore(config: Config): Promise<Store> {
  const store = await openStore(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, "pglite") },
  );
  await store.ensureTokens(
    config.tokens.map((t) => ({ name: t.name, role: t.role, token: t.token })),
    { actor: "config", removeOthers: true },
  );
  return store;
}

/** A running API: its Fastify app and the URLs it answers on. */
export interface RunningApi {
  readonly app: Awaited<ReturnType<typeof createApp>>;
  /** http://host:port, as a person would type it. */
  readonly baseUrl: string;
  /** What to print at start-up: the API, OpenAPI, docs and health URLs. */
  readonly banner: string;
  close(): Promise<void>;
}

/**
 * Starts the API on an opened store and listens. The repository's `npm start` calls it with the
 * store it shares with the Teams bot (one embedded database serves one process).
 */
export async function startApi(config: Config, store: Store): Promise<RunningApi> {
  const app = await createApp({
    store: apiStore(store, { tokens: config.tokens }),
    config,
    conversationTtlMinutes: config.conversationTtlMinutes,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const banner = [
    `samverkan API listening (${config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`})`,
    `  API:      ${baseUrl}/v1/collaborations`,
    `  OpenAPI:  ${baseUrl}/openapi.json`,
    `  Docs:     ${baseUrl}/docs`,
    `  Dashboard: ${baseUrl}/dashboard`,
    `  Health:   ${baseUrl}/health`,
  ].join("\n");
  return { app, baseUrl, banner, close: () => app.close() };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`samverkan-api: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const store = await openConfiguredStore(config);
  const api = await startApi(config, store);
  const close = async (signal: string) => {
    api.app.log.info(`${signal}: closing`);
    await api.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close("SIGINT"));
  process.once("SIGTERM", () => void close("SIGTERM"));
  console.log(api.banner);
}

// Run only as the program, not when imported (tests import the factory from here too).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(
      `samverkan-api: could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
