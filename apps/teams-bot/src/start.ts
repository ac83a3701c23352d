/**
 * Starts the bot on a store: the HTTP server on /api/messages, the reminder commands and the reminder
 * clock. `index.ts` calls it with the store it opened; the repository's `npm start` calls it with the
 * store the API uses (one embedded database serves one process).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Store } from "@samverkan/store";
import { createBot, type Bot } from "./app.js";
import { createAdapter } from "./adapter.js";
import { apiCalendarUrl } from "./calendar-action.js";
import { botClock } from "./clock.js";
import { BOT_MESSAGES_PATH, type BotConfig } from "./config.js";
import { createPlanner, describePlannerConfig, readPlannerConfig } from "./planner/index.js";
import { readReminderConfig } from "@samverkan/reminders";
import { proactiveSender, ReminderScheduler } from "./reminders/index.js";
import { createServer } from "./server.js";

export interface StartBotOptions {
  readonly config: BotConfig;
  readonly store: Store;
  /** Reminder and language-model settings are read from here (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: (message: string) => void;
}

export interface RunningBot {
  readonly bot: Bot;
  readonly server: Server;
  readonly scheduler: ReminderScheduler | undefined;
  /** http://host:port/api/messages */
  readonly url: string;
  /** Stops the reminder clock (waiting for a run under way) and the HTTP server; the store stays open. */
  close(): Promise<void>;
}

/** Throws (naming the variable) on a wrong setting before anything listens. */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, store } = options;
  const env = options.env ?? process.env;
  const log = options.log ?? ((message: string) => console.log(message));
  const reminders = readReminderConfig(env);
  const plannerConfig = readPlannerConfig(env);
  const credentials = { appId: config.appId, appPassword: config.appPassword, tenantId: config.tenantId };
  const adapter = createAdapter(credentials, {
    ...(config.openIdMetadataUrl
      ? { endpoints: { channelOpenIdMetadataUrl: config.openIdMetadataUrl } }
      : {}),
  });
  const now = botClock(config.clockStart);
  const bot = createBot({
    store,
    now,
    adapter,
    credentials,
    reminders: { store, settings: reminders.settings },
    secretary: { store },
    calendarUrl: apiCalendarUrl(config.apiUrl),
    conversations: { store, ttlMinutes: config.conversationTtlMinutes },
    ...(plannerConfig ? { planner: createPlanner(plannerConfig) } : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = createServer({ bot: bot.app, adapter: bot.adapter }).listen(
      config.port,
      config.host,
      () => resolve(listening),
    );
    listening.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}${BOT_MESSAGES_PATH}`;

  const scheduler = reminders.enabled
    ? new ReminderScheduler({
        store,
        send: proactiveSender(bot.adapter, config.appId, apiCalendarUrl(config.apiUrl)),
        settings: reminders.settings,
        intervalMs: reminders.intervalMs,
        now,
        log,
      })
    : undefined;
  scheduler?.start();

  log(
    config.appId
      ? `samverkan bot listening on ${url} (app id ${config.appId}; Bot Framework tokens are checked)`
      : `samverkan bot listening on ${url} — no BOT_ID set: Bot Framework tokens are NOT checked, ` +
          "so it binds to 127.0.0.1 only (local development)",
  );
  log(
    scheduler
      ? `reminders: checked every ${reminders.intervalMs / 1000} s (agenda ${reminders.settings.agendaDaysBefore.join(", ")} days before, ` +
          `members ${reminders.settings.memberDaysBefore.join(", ")} day(s) before, at ${reminders.settings.sendAt})`
      : "reminders: not sent from this process (REMINDERS=off)",
  );
  log(
    `conversations: a follow-up is read against the asker's last answer in the chat for ${config.conversationTtlMinutes} minutes`,
  );
  if (config.appId && !config.tenantId)
    log(
      "warning: BOT_ID is set without BOT_TENANT_ID, so the bot signs in as a multi-tenant app; " +
        "Azure creates single-tenant bots only: set BOT_TENANT_ID to the app registration's tenant",
    );
  if (config.clockStart)
    log(
      `clock: starts at ${config.clockStart.toISOString()} (SAMVERKAN_NOW), not the machine's time — for trying it out`,
    );
  log(
    plannerConfig
      ? `questions the assistant does not understand may go to ${describePlannerConfig(plannerConfig)}`
      : "no language model: fully deterministic and offline",
  );
  return {
    bot,
    server,
    scheduler,
    url,
    close: async () => {
      await scheduler?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
