/** Starts the bot: configuration from the environment, the store, the server and the reminder clock. */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { openStore, storeOptionsFromEnv } from "@samverkan/store";
import { readConfig } from "./config.js";
import { startBot } from "./start.js";

export {
  createBot,
  questionOf,
  APOLOGY,
  type Bot,
  type CreateBotOptions,
  type BotCredentials,
} from "./app.js";
export { createServer, type CreateServerOptions } from "./server.js";
export { readConfig, BOT_MESSAGES_PATH, BOT_DEFAULT_PORT, type BotConfig } from "./config.js";
export { createAdapter, type AdapterOptions } from "./adapter.js";
export { startBot, type StartBotOptions, type RunningBot } from "./start.js";
export {
  conversationKey,
  DEFAULT_CONVERSATION_TTL_MINUTES,
  type ConversationOptions,
  type ConversationStore,
} from "./conversations.js";
export * from "./reminders/index.js";

async function main(): Promise<void> {
  const config = readConfig(process.env);
  // The store keeps the reminder subscriptions and what was sent: PGlite in ./.data by default,
  // PostgreSQL with DATABASE_URL (needed when several bot instances run).
  const store = await openStore(storeOptionsFromEnv(process.env));
  const running = await startBot({ config, store });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void running
        .close()
        .then(() => store.close())
        .then(() => process.exit(0));
    });
  }
}

// Run only as the program, not when imported (the repository's `npm start` and the CLI import it).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(
      `samverkan-bot: could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
