import { describe, expect, it } from "vitest";
import { botClock } from "../src/clock.js";
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

  it("takes the OpenID metadata URL for incoming tokens from BOT_OPENID_METADATA_URL", () => {
    expect(readConfig({}).openIdMetadataUrl).toBeUndefined();
    const mirror = "https://keys.example.org/v1/.well-known/openidconfiguration";
    expect(readConfig({ BOT_OPENID_METADATA_URL: mirror }).openIdMetadataUrl).toBe(mirror);
    const local = "http://127.0.0.1:4000/v1/.well-known/openidconfiguration";
    expect(readConfig({ BOT_OPENID_METADATA_URL: local }).openIdMetadataUrl).toBe(local);
  });

  it("refuses signing keys over plain HTTP from another machine, and what is not a URL", () => {
    const plain = "http://keys.example.org/v1/.well-known/openidconfiguration";
    expect(() => readConfig({ BOT_OPENID_METADATA_URL: plain })).toThrow(/BOT_OPENID_METADATA_URL.*https/);
    expect(() => readConfig({ BOT_OPENID_METADATA_URL: "login.botframework.com" })).toThrow(
      /BOT_OPENID_METADATA_URL/,
    );
  });

  it("refuses a bad port and an app id without its password", () => {
    expect(() => readConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => readConfig({ BOT_ID: "app-id" })).toThrow(/BOT_PASSWORD/);
  });

  it("starts the clock at SAMVERKAN_NOW, an instant with a zone, for trying the 2022 data", () => {
    expect(readConfig({}).clockStart).toBeUndefined();
    expect(readConfig({ SAMVERKAN_NOW: "2022-10-11T08:58+02:00" }).clockStart?.toISOString()).toBe(
      "2022-10-11T06:58:00.000Z",
    );
    expect(() => readConfig({ SAMVERKAN_NOW: "2022-10-11" })).toThrow(
      /SAMVERKAN_NOW must be an instant with a time zone/,
    );
  });

  it("keeps a conversation's context CONVERSATION_TTL_MINUTES after its last answer, 30 by default", () => {
    expect(readConfig({}).conversationTtlMinutes).toBe(30);
    expect(readConfig({ CONVERSATION_TTL_MINUTES: " 5 " }).conversationTtlMinutes).toBe(5);
    expect(readConfig({ CONVERSATION_TTL_MINUTES: "10080" }).conversationTtlMinutes).toBe(10080);
    for (const wrong of ["0", "-5", "1.5", "30m", "10081"])
      expect(() => readConfig({ CONVERSATION_TTL_MINUTES: wrong })).toThrow(
        `CONVERSATION_TTL_MINUTES must be a whole number of minutes from 1 to 10080, not "${wrong}"`,
      );
  });

  it("runs that clock on in real time", () => {
    let real = 1_000_000;
    const clock = botClock(new Date("2022-10-11T06:58:00Z"), () => real);
    expect(clock().toISOString()).toBe("2022-10-11T06:58:00.000Z");
    real += 90_000;
    expect(clock().toISOString()).toBe("2022-10-11T06:59:30.000Z");
    expect(botClock(undefined, () => real)().getTime()).toBe(real);
  });
});
