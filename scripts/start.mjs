/**
 * `npm start`: the samverkan API and the Teams bot in one process, on one store. One process because
 * the embedded database (PGlite in ./.data) serves a single process; with DATABASE_URL the API
 * (`node apps/api/dist/index.js`) and the bot (`node apps/teams-bot/dist/index.js`) can also run apart.
 *
 * The API listens on PORT (default 3000), the bot on BOT_PORT (default 3978) at /api/messages.
 */
import { loadConfig, openConfiguredStore, startApi } from "../apps/api/dist/index.js";
import { readConfig, startBot } from "../apps/teams-bot/dist/index.js";

function fail(message) {
  console.error(`samverkan: ${message}`);
  process.exit(2);
}

let apiConfig;
let botConfig;
try {
  apiConfig = loadConfig();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
try {
  // PORT is the API's; the bot takes BOT_PORT, so both have their defaults side by side.
  botConfig = readConfig({ ...process.env, PORT: process.env.BOT_PORT ?? "" });
} catch (error) {
  // The bot names its port PORT; here the variable the person set is BOT_PORT.
  fail((error instanceof Error ? error.message : String(error)).replace(/^PORT\b/, "BOT_PORT"));
}

let store;
try {
  store = await openConfiguredStore(apiConfig);
  const api = await startApi(apiConfig, store);
  console.log(api.banner);
  const bot = await startBot({ config: botConfig, store, log: (line) => console.log(`  ${line}`) });
  console.log(`  Teams bot: ${bot.url} (try it in a browser: npm run playground)`);
  const close = async () => {
    await bot.close();
    await api.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close());
  process.once("SIGTERM", () => void close());
} catch (error) {
  await store?.close().catch(() => undefined);
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}
