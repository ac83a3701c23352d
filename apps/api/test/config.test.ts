import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("configuration from the environment", () => {
  it("has documented defaults: port 3000 on 127.0.0.1, ./.data, public reads, info logs", () => {
    const c = loadConfig({}, "/srv/app");
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: "/srv/app/.data",
      tokens: [],
      readAccess: "public",
      logLevel: "info",
      bodyLimit: 1_048_576,
      conversationTtlMinutes: 30,
    });
  });

  it("keeps /v1/ask conversations CONVERSATION_TTL_MINUTES, a whole number of minutes up to a week", () => {
    expect(loadConfig({ CONVERSATION_TTL_MINUTES: "5" }).conversationTtlMinutes).toBe(5);
    expect(loadConfig({ CONVERSATION_TTL_MINUTES: "10080" }).conversationTtlMinutes).toBe(10_080);
    for (const wrong of ["0", "1.5", "-3", "30m", "10081"]) {
      expect(() => loadConfig({ CONVERSATION_TTL_MINUTES: wrong }), wrong).toThrow(
        /CONVERSATION_TTL_MINUTES: expected a whole number of minutes from 1 to 10080/,
      );
    }
  });

  it("reads tokens as role:token or name:role:token, and treats empty variables as unset", () => {
    const c = loadConfig({
      PORT: "",
      SAMVERKAN_TOKENS: "secretary:aaaaaaaaaaaaaaaa1, kalix:reader:bbbbbbbbbbbbbbbb2",
      SAMVERKAN_READ_ACCESS: "token",
      SAMVERKAN_DATA_DIR: "/var/lib/samverkan",
    });
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe("/var/lib/samverkan");
    expect(c.tokens).toEqual([
      { name: "secretary", role: "secretary", token: "aaaaaaaaaaaaaaaa1" },
      { name: "kalix", role: "reader", token: "bbbbbbbbbbbbbbbb2" },
    ]);
  });

  it("names every bad variable at once", () => {
    try {
      loadConfig({
        PORT: "http",
        LOG_LEVEL: "chatty",
        SAMVERKAN_TOKENS: "admin:cccccccccccccccccc",
        SAMVERKAN_BODY_LIMIT: "-1",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(
        ["LOG_LEVEL", "PORT", "SAMVERKAN_BODY_LIMIT", "SAMVERKAN_TOKENS"].sort(),
      );
    }
  });

  it("refuses token-protected reads with no token, and a token listed twice", () => {
    expect(() => loadConfig({ SAMVERKAN_READ_ACCESS: "token" })).toThrow(/SAMVERKAN_TOKENS/);
    expect(() =>
      loadConfig({ SAMVERKAN_TOKENS: "secretary:dddddddddddddddd,reader:dddddddddddddddd" }),
    ).toThrow(/twice/);
  });
});
