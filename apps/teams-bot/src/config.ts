/** Where the bot listens and with which Bot Framework identity, read from the environment. */
export const BOT_MESSAGES_PATH = "/api/messages";
export const BOT_DEFAULT_PORT = 3978;

export interface BotConfig {
  readonly port: number;
  /** 127.0.0.1 without an app id: an unauthenticated bot must not be reachable from other machines. */
  readonly host: string;
  /** The Azure Bot's app id (`BOT_ID`); absent in local development, which turns token checks off. */
  readonly appId?: string;
  readonly appPassword?: string;
  /** Single-tenant bots (the only kind Azure still creates) need their tenant. */
  readonly tenantId?: string;
  /** `DATABASE_URL` or `SAMVERKAN_DATA_DIR`: answer from the store instead of the bundled datasets. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
}

export function readConfig(env: Readonly<Record<string, string | undefined>>): BotConfig {
  const port = env.PORT === undefined || env.PORT === "" ? BOT_DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`PORT must be a port number (0–65535), not "${env.PORT}"`);
  }
  const appId = nonEmpty(env.BOT_ID);
  const appPassword = nonEmpty(env.BOT_PASSWORD);
  if (appId && !appPassword) throw new Error("BOT_ID is set but BOT_PASSWORD is not");
  return {
    port,
    host: appId ? (nonEmpty(env.HOST) ?? "0.0.0.0") : "127.0.0.1",
    appId,
    appPassword,
    tenantId: nonEmpty(env.BOT_TENANT_ID),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(env.SAMVERKAN_DATA_DIR),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
