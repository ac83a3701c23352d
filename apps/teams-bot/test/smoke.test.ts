import { describe, expect, it } from "vitest";
import { BOT_DEFAULT_PORT, BOT_MESSAGES_PATH } from "../src/index.js";

describe("@samverkan/teams-bot (smoke)", () => {
  it("builds and names the Bot Framework endpoint it will serve", () => {
    expect([BOT_MESSAGES_PATH, BOT_DEFAULT_PORT]).toEqual(["/api/messages", 3978]);
  });
});
