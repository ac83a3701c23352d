import { openStore, type Store } from "@samverkan/store";
import { createApp, type App } from "../src/app.js";
import type { Config, ConfiguredToken } from "../src/config.js";
import { apiStore } from "../src/store-adapter.js";
import type { ApiStore } from "../src/store-port.js";

export const SECRETARY_TOKEN = "secretary-token-0123456789abcdef";
export const READER_TOKEN = "reader-token-0123456789abcdef";
export const TOKENS: ConfiguredToken[] = [
  { name: "sekreteraren", role: "secretary", token: SECRETARY_TOKEN },
  { name: "kalix-läsare", role: "reader", token: READER_TOKEN },
];
export const asSecretary = { authorization: `Bearer ${SECRETARY_TOKEN}` };
export const asReader = { authorization: `Bearer ${READER_TOKEN}` };

/** A fixed "now" for the assistant: 1 September 2022, Swedish summer time. */
export const NOW = new Date("2022-09-01T10:00:00+02:00");

export interface TestApp {
  readonly app: App;
  readonly store: Store;
  close(): Promise<void>;
}

/** The app on the real store, in an in-memory PGlite with the bundled datasets and the test tokens. */
export async function testApp(
  options: {
    readAccess?: Config["readAccess"];
    bodyLimit?: number;
    wrap?: (s: ApiStore) => ApiStore;
    /** Extra routes for a test, added before the app is ready. */
    routes?: (app: App) => void;
    /** The server's clock (default NOW). */
    clock?: () => Date;
    conversationTtlMinutes?: number;
  } = {},
): Promise<TestApp> {
  const store = await openStore({ inMemory: true });
  await store.ensureTokens(TOKENS, { actor: "test" });
  const port = apiStore(store, { tokens: TOKENS, datasetTtlMs: 0 });
  const app = await createApp({
    store: options.wrap ? options.wrap(port) : port,
    config: {
      readAccess: options.readAccess ?? "public",
      bodyLimit: options.bodyLimit ?? 64 * 1024,
      logLevel: "silent",
    },
    clock: options.clock ?? (() => NOW),
    ...(options.conversationTtlMinutes !== undefined
      ? { conversationTtlMinutes: options.conversationTtlMinutes }
      : {}),
  });
  options.routes?.(app);
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** JSON body of a response, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
