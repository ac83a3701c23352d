import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";

describe("readConfig", () => {
  it("listens on 3978, on loopback only, when no app id is set (local development)", () => {
    expect(readConfig({})).toMatchObject({ port: 3978, host: "127.0.0.1", appId: undefined });
  });

  it("listens on every interface once the bot has an identity", () => {
    const config = readConfig({
      BOT_ID: "app-id",
      BOT_PASSWORD: "secret",
      BOT_TENANT_ID: "tenant",
      PORT: "8080",
    });
    expect(config).toMatchObject({ port: 8080, host: "0.0.0.0", appId: "app-id", tenantId: "tenant" });
  });

  it("ignores HOST without an app id, so an unauthenticated bot is never exposed", () => {
    expect(readConfig({ HOST: "0.0.0.0" }).host).toBe("127.0.0.1");
  });

  it("refuses a bad port and an app id without its password", () => {
    expect(() => readConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => readConfig({ BOT_ID: "app-id" })).toThrow(/BOT_PASSWORD/);
  });
});
