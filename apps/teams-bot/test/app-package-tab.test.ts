/**
 * The dashboard tab in the Teams app package: a static tab (personal, channels, group chats) on the
 * API's /dashboard page, its host in validDomains, both from SAMVERKAN_API_URL, and valid against the
 * manifest schema of its version by @microsoft/app-manifest's own validator.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManifestUtil, type TeamsAppManifest } from "@microsoft/app-manifest";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { buildAppPackage, deriveApiValues, schemaRoot } from "../scripts/app-package.mjs";

const IDS = {
  TEAMS_APP_ID: "3f1c2a6e-5b7d-4c89-9e0f-1a2b3c4d5e6f",
  BOT_ID: "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d",
};

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-app-package-tab-"));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(env: string, environment: Record<string, string>) {
  return buildAppPackage({ env, environment: { ...IDS, ...environment }, outDir: tempDir() });
}

function zipped(zipPath: string, name: string): Record<string, unknown> {
  const bytes = unzipSync(new Uint8Array(readFileSync(zipPath)))[name];
  if (!bytes) throw new Error(`${name} missing from the zip`);
  return JSON.parse(strFromU8(bytes)) as Record<string, unknown>;
}

describe("the dashboard tab", () => {
  it("is a static tab for personal, channel and group chat on SAMVERKAN_API_URL/dashboard, its host a valid domain", async () => {
    const result = build("dev", {});
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const manifest = zipped(result.zipPath, "manifest.json");
    expect(manifest.staticTabs).toEqual([
      {
        entityId: "dashboard",
        name: "Översikt",
        contentUrl: "https://samverkan-api.example.org/dashboard/norrbotten?lang={locale}&theme={theme}",
        websiteUrl: "https://samverkan-api.example.org/dashboard/norrbotten",
        scopes: ["personal", "team", "groupChat"],
        context: ["personalTab", "channelTab", "privateChatTab", "meetingChatTab"],
      },
    ]);
    expect(manifest.validDomains).toEqual(["samverkan-api.example.org"]);
    expect(zipped(result.zipPath, "en-us.json")["staticTabs[0].name"]).toBe("Overview");
    const schema = JSON.parse(
      readFileSync(
        join(schemaRoot(), `v${String(manifest.manifestVersion)}`, "MicrosoftTeams.schema.json"),
        "utf8",
      ),
    );
    expect(
      await ManifestUtil.validateManifestAgainstSchema(manifest as unknown as TeamsAppManifest, schema),
    ).toEqual([]);
  });

  it("takes the API's address from the environment, without a trailing slash, and its host and port", () => {
    const result = build("local", { SAMVERKAN_API_URL: "https://api.kommun.example:8443/" });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const [tab] = result.manifest.staticTabs as { contentUrl: string; websiteUrl: string }[];
    expect(tab?.contentUrl).toBe(
      "https://api.kommun.example:8443/dashboard/norrbotten?lang={locale}&theme={theme}",
    );
    expect(result.manifest.validDomains).toEqual(["api.kommun.example:8443"]);
    const playground = build("playground", {});
    expect(playground.ok && playground.manifest.validDomains).toEqual(["127.0.0.1:3000"]);
  });

  it("refuses an address that is not http(s), and a tab whose host is not in validDomains", () => {
    const bad = build("dev", { SAMVERKAN_API_URL: "ftp://files.example.org" });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.problems).toContain(
      'SAMVERKAN_API_URL "ftp://files.example.org" is not an http(s) address such as https://samverkan.example.org',
    );
    const elsewhere = build("dev", { SAMVERKAN_API_DOMAIN: "other.example.org" });
    expect(elsewhere.ok ? [] : elsewhere.problems).toEqual([
      'manifest.json /staticTabs/0/contentUrl: its host "samverkan-api.example.org" is not in validDomains',
      'manifest.json /staticTabs/0/websiteUrl: its host "samverkan-api.example.org" is not in validDomains',
    ]);
    const wildcard = build("dev", { SAMVERKAN_API_DOMAIN: "*.example.org" });
    expect(wildcard.ok).toBe(true);
  });

  it("derives the domain only when it is not given", () => {
    const values: Record<string, string | undefined> = { SAMVERKAN_API_URL: " https://a.example.org// " };
    expect(deriveApiValues(values)).toEqual([]);
    expect(values).toEqual({
      SAMVERKAN_API_URL: "https://a.example.org",
      SAMVERKAN_API_DOMAIN: "a.example.org",
    });
    const given: Record<string, string | undefined> = {
      SAMVERKAN_API_URL: "https://a.example.org",
      SAMVERKAN_API_DOMAIN: "*.example.org",
    };
    deriveApiValues(given);
    expect(given.SAMVERKAN_API_DOMAIN).toBe("*.example.org");
  });
});
