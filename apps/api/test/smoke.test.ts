import { describe, expect, it } from "vitest";
import { API_BASE_PATH } from "../src/index.js";

describe("@samverkan/api (smoke)", () => {
  it("builds and names its versioned base path", () => {
    expect(API_BASE_PATH).toBe("/v1");
  });
});
