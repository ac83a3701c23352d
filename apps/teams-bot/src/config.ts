/** Where the bot listens and with which Bot Framework identity, read from the environment. */
import { parseClockStart } from "./clock.js";
import { DEFAULT_CONVERSATION_TTL_MINUTES } from "./conversations.js";

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
  /**
   * `BOT_OPENID_METADATA_URL`: where the keys that sign incoming activities are published, if not at the
   * public cloud's address (a mirror or proxy of them; the tests' local key server).
   */
  readonly openIdMetadataUrl?: string;
  /** `DATABASE_URL` or `SAMVERKAN_DATA_DIR`: answer from the store instead of the bundled datasets. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** `SAMVERKAN_NOW`: the bot's clock starts here (demonstrations with historic data); see `clock.ts`. */
  readonly clockStart?: Date;
  /** `CONVERSATION_TTL_MINUTES`: how long after its last answer a follow-up still has the context. */
  readonly conversationTtlMinutes: number;
  /**
   * `SAMVERKAN_API_URL`: the API's address as members' calendars reach it (default the API's local
   * one, http://localhost:3000): "Lägg till i kalendern" links to its .ics there.
   */
  readonly apiUrl: string;
}

/** A week: a conversation's context is for the next questions, not for keeping. */
const MAX_CONVERSATION_TTL_MINUTES = 7 * 24 * 60;

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
    openIdMetadataUrl: metadataUrl(nonEmpty(env.BOT_OPENID_METADATA_URL)),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(env.SAMVERKAN_DATA_DIR),
    clockStart: parseClockStart(env.SAMVERKAN_NOW),
    conversationTtlMinutes: conversationTtl(nonEmpty(env.CONVERSATION_TTL_MINUTES)),
    apiUrl: apiUrl(nonEmpty(env.SAMVERKAN_API_URL)),
  };
}

function apiUrl(value: string | undefined): string {
  const url = value ?? "http://localhost:3000";
  if (!/^https?:\/\/[^\s/]+/.test(url))
    throw new RangeError(`SAMVERKAN_API_URL must be an http(s) address, not "${url}"`);
  return url.replace(/\/+$/, "");
}

function conversationTtl(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CONVERSATION_TTL_MINUTES;
  const minutes = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (minutes >= 1 && minutes <= MAX_CONVERSATION_TTL_MINUTES) return minutes;
  throw new RangeError(
    `CONVERSATION_TTL_MINUTES must be a whole number of minutes from 1 to ${MAX_CONVERSATION_TTL_MINUTES}, not "${value}"`,
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** Keys fetched over plain HTTP could be swapped on the way, so only loopback may go without TLS. */
function metadataUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const loopback = url && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url?.protocol === "https:" || (url?.protocol === "http:" && loopback)) return value;
  throw new Error(`BOT_OPENID_METADATA_URL must be an https URL (http only on loopback), not "${value}"`);
}
