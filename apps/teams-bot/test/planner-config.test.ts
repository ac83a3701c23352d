import { describe, expect, it } from "vitest";
import { ActionPlanner } from "@microsoft/teams-ai";
import {
  createPlannerFromEnv,
  DEFAULT_AZURE_OPENAI_API_VERSION,
  DEFAULT_OPENAI_MODEL,
  describePlannerConfig,
  readPlannerConfig,
} from "../src/planner/index.js";

const AZURE = {
  AZURE_OPENAI_API_KEY: "azure-key",
  AZURE_OPENAI_ENDPOINT: "https://samverkan.openai.azure.com/",
  AZURE_OPENAI_DEPLOYMENT: "gpt-4o-mini",
};

describe("readPlannerConfig", () => {
  it("is undefined without language-model settings: the default, no model at all", () => {
    expect(readPlannerConfig({})).toBeUndefined();
    expect(readPlannerConfig({ PORT: "3978", BOT_ID: "x", BOT_PASSWORD: "y" })).toBeUndefined();
    // Empty values count as unset, as in the bot's other settings.
    expect(readPlannerConfig({ OPENAI_API_KEY: "", AZURE_OPENAI_ENDPOINT: "  " })).toBeUndefined();
  });

  it("reads Azure OpenAI, with the API version defaulted and the endpoint's trailing slash dropped", () => {
    expect(readPlannerConfig(AZURE)).toEqual({
      provider: "azure-openai",
      apiKey: "azure-key",
      endpoint: "https://samverkan.openai.azure.com",
      deployment: "gpt-4o-mini",
      apiVersion: DEFAULT_AZURE_OPENAI_API_VERSION,
    });
    expect(readPlannerConfig({ ...AZURE, AZURE_OPENAI_API_VERSION: "2025-01-01-preview" })).toMatchObject({
      apiVersion: "2025-01-01-preview",
    });
  });

  it("reads OpenAI, with a default model and an optional compatible endpoint", () => {
    expect(readPlannerConfig({ OPENAI_API_KEY: "sk-test" })).toEqual({
      provider: "openai",
      apiKey: "sk-test",
      model: DEFAULT_OPENAI_MODEL,
    });
    expect(
      readPlannerConfig({
        OPENAI_API_KEY: "sk-test",
        OPENAI_MODEL: "llama3.1",
        OPENAI_ENDPOINT: "http://127.0.0.1:11434/v1",
      }),
    ).toEqual({
      provider: "openai",
      apiKey: "sk-test",
      model: "llama3.1",
      endpoint: "http://127.0.0.1:11434/v1",
    });
  });

  it("names the missing variable when a group is incomplete", () => {
    const { AZURE_OPENAI_DEPLOYMENT: _deployment, ...noDeployment } = AZURE;
    expect(() => readPlannerConfig(noDeployment)).toThrow(/but AZURE_OPENAI_DEPLOYMENT is not/);
    expect(() => readPlannerConfig({ AZURE_OPENAI_ENDPOINT: AZURE.AZURE_OPENAI_ENDPOINT })).toThrow(
      "AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_API_KEY is not",
    );
    expect(() => readPlannerConfig({ OPENAI_MODEL: "gpt-4o" })).toThrow(
      "OPENAI_MODEL is set but OPENAI_API_KEY is not",
    );
    expect(() => readPlannerConfig({ OPENAI_ENDPOINT: "http://127.0.0.1:1/v1" })).toThrow(
      /but OPENAI_API_KEY is not/,
    );
  });

  it("refuses both providers at once instead of guessing", () => {
    expect(() => readPlannerConfig({ ...AZURE, OPENAI_API_KEY: "sk-test" })).toThrow(/set only one of them/);
  });

  it("never sends the key in clear text beyond this machine", () => {
    expect(() => readPlannerConfig({ ...AZURE, AZURE_OPENAI_ENDPOINT: "http://127.0.0.1:1" })).toThrow(
      /AZURE_OPENAI_ENDPOINT must be an https:\/\/ URL/,
    );
    expect(() =>
      readPlannerConfig({ OPENAI_API_KEY: "sk-test", OPENAI_ENDPOINT: "http://models.example.org/v1" }),
    ).toThrow(/OPENAI_ENDPOINT must be an https:\/\/ URL \(http:\/\/ only for 127.0.0.1 or localhost\)/);
    expect(() => readPlannerConfig({ OPENAI_API_KEY: "sk-test", OPENAI_ENDPOINT: "not a url" })).toThrow(
      'OPENAI_ENDPOINT must be a URL, not "not a url"',
    );
    expect(
      readPlannerConfig({ OPENAI_API_KEY: "k", OPENAI_ENDPOINT: "http://localhost:8080/v1/" }),
    ).toMatchObject({
      endpoint: "http://localhost:8080/v1",
    });
  });

  it("describes the model for the start-up log without the key", () => {
    const azure = readPlannerConfig(AZURE);
    const openai = readPlannerConfig({ OPENAI_API_KEY: "sk-secret" });
    if (!azure || !openai) throw new Error("expected settings");
    expect(describePlannerConfig(azure)).toBe(
      `Azure OpenAI deployment "gpt-4o-mini" at https://samverkan.openai.azure.com (API ${DEFAULT_AZURE_OPENAI_API_VERSION})`,
    );
    expect(describePlannerConfig(openai)).toBe(
      `OpenAI model "${DEFAULT_OPENAI_MODEL}" at https://api.openai.com/v1`,
    );
    expect(describePlannerConfig(azure) + describePlannerConfig(openai)).not.toMatch(/azure-key|sk-secret/);
  });
});

describe("createPlannerFromEnv", () => {
  it("builds no planner without settings, and an ActionPlanner (without any request) with them", () => {
    expect(createPlannerFromEnv({})).toBeUndefined();
    expect(createPlannerFromEnv(AZURE)).toBeInstanceOf(ActionPlanner);
    expect(
      createPlannerFromEnv({ OPENAI_API_KEY: "sk-test", OPENAI_ENDPOINT: "http://127.0.0.1:1/v1" }),
    ).toBeInstanceOf(ActionPlanner);
  });
});
