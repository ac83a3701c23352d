import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ManifestUtil, type TeamsAppManifest } from "@microsoft/app-manifest";
import { answer } from "@samverkan/assistant";
import { BUNDLED_DATASETS, loadBundledDataset } from "@samverkan/data";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { strFromU8, unzipSync } from "fflate";
import pngjs from "pngjs";
import { afterEach, describe, expect, it } from "vitest";
import {
  PLACEHOLDER_IDS,
  PROJECT_DIR,
  buildAppPackage,
  main,
  parseEnvFile,
  schemaRoot,
} from "../scripts/app-package.mjs";
import { ACCENT, drawColorIcon, drawOutlineIcon, encodePng } from "../scripts/icons.mjs";

const { PNG } = pngjs;
// CommonJS packages whose types declare an ES default export: under NodeNext, that is `.default`.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

// Ids as provisioning would write them; any GUIDs do, as long as they are not the placeholders.
const IDS = {
  TEAMS_APP_ID: "3f1c2a6e-5b7d-4c89-9e0f-1a2b3c4d5e6f",
  BOT_ID: "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d",
};
const ENTRIES = ["color.png", "en-us.json", "manifest.json", "outline.png"];

// Every build writes into a temporary folder: the real appPackage/build belongs to whoever runs
// `npm run package`, and tests must not overwrite it.
const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-app-package-"));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of this app's appPackage/ (without build/) and env/ (without .user files), to break on purpose.
 * Its ids are blanked: a developer's checkout may hold ids the toolkit wrote, a copy is never provisioned.
 */
function projectCopy(): string {
  const dir = tempDir();
  cpSync(join(PROJECT_DIR, "appPackage"), join(dir, "appPackage"), {
    recursive: true,
    filter: (source) => !source.includes(join("appPackage", "build")),
  });
  cpSync(join(PROJECT_DIR, "env"), join(dir, "env"), {
    recursive: true,
    filter: (source) => !source.endsWith(".user"),
  });
  for (const file of readdirSync(join(dir, "env"))) {
    const path = join(dir, "env", file);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^(TEAMS_APP_ID|BOT_ID)=.*$/gm, "$1="));
  }
  return dir;
}

function editJson(path: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

function unzip(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

function entry(zip: Record<string, Uint8Array>, name: string): Uint8Array {
  const bytes = zip[name];
  if (!bytes) throw new Error(`${name} missing from the zip`);
  return bytes;
}

function json(bytes: Uint8Array | undefined): Record<string, unknown> {
  if (!bytes) throw new Error("entry missing from the zip");
  return JSON.parse(strFromU8(bytes)) as Record<string, unknown>;
}

function built(result: ReturnType<typeof buildAppPackage>) {
  if (!result.ok) throw new Error(`build failed:\n${result.problems.join("\n")}`);
  return result;
}

function failed(result: ReturnType<typeof buildAppPackage>) {
  if (result.ok) throw new Error("the build should have failed");
  return result;
}

describe("the Teams app package", () => {
  it("builds from the committed appPackage/ and env/.env.dev into appPackage.dev.zip and manifest.dev.json", () => {
    const outDir = tempDir();
    const result = built(buildAppPackage({ env: "dev", environment: IDS, outDir }));

    expect(result.zipPath).toBe(join(outDir, "appPackage.dev.zip"));
    expect(result.manifestPath).toBe(join(outDir, "manifest.dev.json"));
    expect(result.files[0]).toBe("manifest.json");
    const zip = unzip(result.zipPath);
    expect(Object.keys(zip).sort()).toEqual(ENTRIES); // at the zip's root, as Teams requires
    expect(readdirSync(outDir).sort()).toEqual(["appPackage.dev.zip", "manifest.dev.json"]);

    const manifest = json(zip["manifest.json"]);
    expect(manifest).toEqual(JSON.parse(readFileSync(result.manifestPath, "utf8")));
    expect(manifest).toMatchObject({
      id: IDS.TEAMS_APP_ID,
      name: { short: "samverkandev" },
      bots: [{ botId: IDS.BOT_ID, scopes: ["personal", "team", "groupChat"], supportsFiles: false }],
      accentColor: ACCENT,
    });
    expect(json(zip["en-us.json"])["name.short"]).toBe("samverkandev");
    for (const name of ["manifest.json", "en-us.json"])
      expect(strFromU8(entry(zip, name))).not.toContain("${{");
  });

  it("passes @microsoft/app-manifest's own validator and the localization schema of its version", async () => {
    const result = built(buildAppPackage({ env: "local", environment: IDS, outDir: tempDir() }));
    const zip = unzip(result.zipPath);
    const manifest = json(zip["manifest.json"]);
    const dir = join(schemaRoot(), `v${String(manifest.manifestVersion)}`);
    const schema = JSON.parse(readFileSync(join(dir, "MicrosoftTeams.schema.json"), "utf8"));
    // A second, independent validator: the one M365 Agents Toolkit itself uses.
    expect(
      await ManifestUtil.validateManifestAgainstSchema(manifest as unknown as TeamsAppManifest, schema),
    ).toEqual([]);

    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const localization = ajv.compile(
      JSON.parse(readFileSync(join(dir, "MicrosoftTeams.Localization.schema.json"), "utf8")),
    );
    expect(localization(json(zip["en-us.json"])), JSON.stringify(localization.errors)).toBe(true);
    expect(manifest.staticTabs).toMatchObject([
      { entityId: "dashboard", scopes: ["personal", "team", "groupChat"] },
    ]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: "sv-se",
      additionalLanguages: [{ languageTag: "en-us", file: "en-us.json" }],
    });
  });

  it("holds a 192×192 colour icon and a 32×32 white-on-transparent outline, as scripts/icons.mjs draws them", () => {
    const result = built(buildAppPackage({ env: "dev", environment: IDS, outDir: tempDir() }));
    const zip = unzip(result.zipPath);
    const color = PNG.sync.read(Buffer.from(entry(zip, "color.png")));
    const outline = PNG.sync.read(Buffer.from(entry(zip, "outline.png")));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let ink = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      ink += 1;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(ink).toBeGreaterThan(100); // not an empty icon
    // The committed PNGs are the script's drawing, not hand edits that drift from it.
    expect(color.data.equals(drawColorIcon().data)).toBe(true);
    expect(outline.data.equals(drawOutlineIcon().data)).toBe(true);
  });

  it("offers commands the bot understands, each translated into English", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, "appPackage/manifest.json"), "utf8")) as {
      bots: { commandLists: { commands: { title: string }[] }[] }[];
    };
    const english = JSON.parse(readFileSync(join(PROJECT_DIR, "appPackage/en-us.json"), "utf8")) as Record<
      string,
      string
    >;
    const datasets = BUNDLED_DATASETS.map((id) => loadBundledDataset(id));
    const commands = manifest.bots[0]?.commandLists.flatMap((list, i) =>
      list.commands.map((command, j) => {
        const key = `bots[0].commandLists[${i}].commands[${j}]`;
        expect(english[`${key}.title`], key).toBeTruthy();
        expect(english[`${key}.description`], key).toBeTruthy();
        return [command.title, english[`${key}.title`] ?? ""] as const;
      }),
    );
    expect(commands?.length).toBeGreaterThan(12);
    for (const [swedish, inEnglish] of commands ?? []) {
      // Reminder commands are the bot's own (src/reminders), not questions for the assistant.
      if (/påminn|prenumerera|remind|subscribe/i.test(swedish + inEnglish)) continue;
      for (const [text, language] of [
        [swedish, "sv"],
        [inEnglish, "en"],
      ] as const) {
        const reply = answer(text, { datasets, now: "2022-09-01" });
        expect([reply.intent, reply.language], text).not.toContain("unknown");
        expect(reply.language, text).toBe(language);
      }
    }
  });

  it("gives byte-identical zips for the same inputs", () => {
    const first = built(buildAppPackage({ env: "dev", environment: IDS, outDir: tempDir() }));
    const second = built(buildAppPackage({ env: "dev", environment: IDS, outDir: tempDir() }));
    expect(readFileSync(first.zipPath).equals(readFileSync(second.zipPath))).toBe(true);
  });

  it("fails on a manifest that breaks its schema, naming every bad field, and writes nothing", () => {
    const project = projectCopy();
    editJson(join(project, "appPackage/manifest.json"), (manifest) => {
      const [bot] = manifest.bots as [Record<string, unknown>];
      bot.supportsFiles = "no";
      bot.scopes = ["personal", "everyone"];
      manifest.supportUrl = "https://example.org";
      delete (manifest.developer as Record<string, unknown>).privacyUrl;
    });
    const outDir = join(project, "out");
    const result = failed(buildAppPackage({ projectDir: project, env: "dev", environment: IDS, outDir }));

    expect(result.problems).toEqual(
      expect.arrayContaining([
        "manifest.json /bots/0/supportsFiles: must be boolean",
        expect.stringMatching(/^manifest\.json \/bots\/0\/scopes\/1: must be one of "team", "personal"/),
        "manifest.json /supportUrl: is not allowed here (not in the schema)",
        "manifest.json /developer/privacyUrl: is required",
      ]),
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it("fails on an undefined variable, naming it and where it is used", () => {
    const project = projectCopy();
    editJson(join(project, "appPackage/manifest.json"), (manifest) => {
      (manifest.developer as Record<string, unknown>).websiteUrl = "${{SUPPORT_URL}}";
    });
    const result = failed(buildAppPackage({ projectDir: project, env: "dev", environment: IDS }));
    expect(result.problems).toEqual([
      "SUPPORT_URL is not defined (used at manifest.json /developer/websiteUrl): " +
        "set it in env/.env.dev, env/.env.dev.user or the environment",
    ]);
    expect(existsSync(join(project, "appPackage/build"))).toBe(false);
  });

  it("refuses the not-yet-provisioned ids of env/.env.dev unless placeholders are asked for", () => {
    const project = projectCopy();
    const refused = failed(buildAppPackage({ projectDir: project, env: "dev", environment: {} }));
    expect(refused.problems).toHaveLength(2);
    expect(refused.problems[0]).toMatch(
      /^TEAMS_APP_ID is empty in env\/\.env\.dev \(used at manifest\.json \/id\)/,
    );
    expect(refused.problems[1]).toMatch(
      /^BOT_ID is empty in env\/\.env\.dev \(used at manifest\.json \/bots\/0\/botId\)/,
    );
    expect(refused.problems[0]).toContain("atk provision --env dev");

    const result = built(
      buildAppPackage({ projectDir: project, env: "playground", environment: {}, allowPlaceholders: true }),
    );
    expect(result.manifest).toMatchObject({
      id: PLACEHOLDER_IDS.TEAMS_APP_ID,
      bots: [{ botId: PLACEHOLDER_IDS.BOT_ID }],
      name: { short: "samverkanplayground" },
    });
    expect(result.warnings).toHaveLength(2);
  });

  it("reads env/.env.<env>, then env/.env.<env>.user, then the environment, each overriding the one before", () => {
    const project = projectCopy();
    writeFileSync(
      join(project, "env/.env.dev.user"),
      `TEAMS_APP_ID=${IDS.TEAMS_APP_ID}\nBOT_ID=${IDS.TEAMS_APP_ID}\n`,
    );
    const result = built(
      buildAppPackage({
        projectDir: project,
        env: "dev",
        environment: { BOT_ID: IDS.BOT_ID, APP_NAME_SUFFIX: "" },
      }),
    );
    expect(result.manifest).toMatchObject({ id: IDS.TEAMS_APP_ID, bots: [{ botId: IDS.BOT_ID }] });
    expect(result.manifest.name).toMatchObject({ short: "samverkan" }); // an empty suffix is a suffix
    expect(existsSync(join(project, "appPackage/build/appPackage.dev.zip"))).toBe(true);
  });

  it("checks icon sizes and that the outline is white on transparent, naming the file", () => {
    const project = projectCopy();
    const big = new PNG({ width: 64, height: 64 });
    writeFileSync(join(project, "appPackage/color.png"), PNG.sync.write(big));
    const outline = drawOutlineIcon();
    outline.data.set([0, 91, 153, 255], 0); // one blue pixel
    writeFileSync(join(project, "appPackage/outline.png"), encodePng(outline));

    const result = failed(buildAppPackage({ projectDir: project, env: "dev", environment: IDS }));
    expect(result.problems).toEqual([
      "icons.color: appPackage/color.png is 64×64, must be 192×192",
      "icons.outline: appPackage/outline.png must be white on transparent only; 1 pixels are not, " +
        "first (0, 0) is rgba(0, 91, 153, 255)",
    ]);
  });

  it("checks the localization file: its schema, its $schema version and that every key exists in the manifest", () => {
    const project = projectCopy();
    editJson(join(project, "appPackage/en-us.json"), (strings) => {
      strings["bots[0].commandLists[0].commands[9].title"] = "no such command";
      strings["name.short"] = "a name far longer than the thirty characters Teams allows";
    });
    editJson(join(project, "appPackage/manifest.json"), (manifest) => {
      manifest.$schema =
        "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
    });
    const result = failed(buildAppPackage({ projectDir: project, env: "dev", environment: IDS }));
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^manifest\.json \/\$schema: ".*v1\.19.*" is not the schema of manifestVersion 1\.22/,
        ),
        "en-us.json /name.short: must NOT have more than 30 characters",
        'en-us.json /bots[0].commandLists[0].commands[9].title: the manifest has no "bots[0].commandLists[0].commands[9].title" to translate',
      ]),
    );
  });

  it("names an unknown environment and lists the ones there are", () => {
    const result = failed(buildAppPackage({ projectDir: projectCopy(), env: "prod", environment: IDS }));
    expect(result.problems).toEqual([
      'env/.env.prod not found: no environment "prod" (environments: dev, local, playground)',
    ]);
  });

  it("keeps secrets out of the committed env files, each of which names its own environment", () => {
    for (const env of ["dev", "local", "playground"]) {
      const text = readFileSync(join(PROJECT_DIR, `env/.env.${env}`), "utf8");
      const { values, problems } = parseEnvFile(text, env);
      expect(problems).toEqual([]);
      // The ids may be filled (the toolkit writes them here); the secrets never are.
      expect(values).toMatchObject({ TEAMSFX_ENV: env, APP_NAME_SUFFIX: env });
      expect(Object.keys(values)).toEqual(expect.arrayContaining(["TEAMS_APP_ID", "BOT_ID"]));
      expect(Object.keys(values).filter((name) => /SECRET|PASSWORD|KEY/.test(name))).toEqual([]);
    }
    const gitignore = readFileSync(join(PROJECT_DIR, ".gitignore"), "utf8");
    for (const line of ["env/.env.*.user", "appPackage/build/", ".localConfigs*", "devTools/"]) {
      expect(gitignore.split("\n")).toContain(line);
    }
  });

  it("reads dotenv files the way the toolkit writes them", () => {
    expect(
      parseEnvFile("# c\nA=1\nB = two words # comment\nC=\"x\\ny\"\nD='$lit#'\nexport E=e\nbad line\n", "f"),
    ).toEqual({
      values: { A: "1", B: "two words", C: "x\ny", D: "$lit#", E: "e" },
      problems: ['f line 7: expected NAME=value, got "bad line"'],
    });
  });

  it("builds with loudly flagged stand-in ids when none are set, so a fresh clone gets a package", () => {
    const errors: string[] = [];
    const outDir = join(tempDir(), "out");
    const code = main(["--env", "dev"], {
      projectDir: projectCopy(),
      environment: {},
      outDir,
      stdout: () => {},
      stderr: (l) => errors.push(l),
    });
    expect(code).toBe(0);
    expect(existsSync(join(outDir, "appPackage.dev.zip"))).toBe(true);
    expect(errors.at(-1)).toBe(
      "warning: this package holds placeholder ids — inspect it, do not upload it to Teams",
    );
  });

  it("with --strict, the command line prints every problem and exits 1 without writing", () => {
    const lines: string[] = [];
    const outDir = join(tempDir(), "out");
    const code = main(["--env", "dev", "--strict"], {
      projectDir: projectCopy(),
      environment: {},
      outDir,
      stdout: () => {},
      stderr: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines[0]).toBe("Could not build the Teams app package (env dev): 2 problems");
    expect(lines.join("\n")).toContain("TEAMS_APP_ID is empty in env/.env.dev");
    expect(existsSync(outDir)).toBe(false);
    expect(main(["--nonsense"], { stdout: () => {}, stderr: () => {} })).toBe(2);
  });

  it("runs as `node scripts/app-package.mjs --env local` with the ids from the environment", async () => {
    const outDir = tempDir();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(PROJECT_DIR, "scripts/app-package.mjs"), "--env", "local", "--out-dir", outDir],
      { env: { PATH: process.env.PATH, ...IDS } },
    );
    expect(stdout).toContain("Teams app package (env local) built");
    expect(Object.keys(unzip(join(outDir, "appPackage.local.zip"))).sort()).toEqual(ENTRIES);
    expect(JSON.parse(readFileSync(join(outDir, "manifest.local.json"), "utf8"))).toMatchObject({
      id: IDS.TEAMS_APP_ID,
      name: { short: "samverkanlocal" },
    });
  });
});
