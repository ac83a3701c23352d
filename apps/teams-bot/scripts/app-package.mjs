#!/usr/bin/env node
// Builds the Teams app package (appPackage/build/appPackage.<env>.zip) the way M365 Agents Toolkit's
// teamsApp/zipAppPackage does, without the toolkit or the network: reads env/.env.<env> (and .user),
// substitutes ${{VAR}} in the manifest and its localization files, validates both against the JSON
// schema of the manifest's version shipped offline in @microsoft/app-manifest, checks the icons, and
// writes the zip and the resolved manifest — or writes nothing and lists every problem.
//
// Usage: node apps/teams-bot/scripts/app-package.mjs [--env dev|local|playground] [--strict]
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { zipSync } from "fflate";
import pngjs from "pngjs";

const { PNG } = pngjs;
const require = createRequire(import.meta.url);

/** This app's folder (apps/teams-bot): appPackage/ and env/ live here. */
export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Stand-ins for the two ids the toolkit creates at provisioning, used only with --allow-placeholders:
 * valid GUIDs (so the package validates and can be inspected) that are obviously not real, and fixed
 * (so two builds give the same package). Teams rejects neither at upload, so the CLI says loudly that
 * such a package must not be uploaded.
 */
export const PLACEHOLDER_IDS = Object.freeze({
  TEAMS_APP_ID: "00000000-0000-4000-8000-000000000001",
  BOT_ID: "00000000-0000-4000-8000-000000000002",
});

/** Teams' icon sizes (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package). */
const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 };

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Every entry gets this modification time, so the same inputs give a byte-identical zip. Local-time
 * components on purpose: zip stores local DOS time, so a fixed wall-clock time is the same everywhere.
 */
const ZIP_MTIME = new Date(2024, 0, 1, 0, 0, 0);

/**
 * Reads a dotenv file as the toolkit writes them: NAME=value lines, # comments, optional quotes
 * ("…" with \n escapes, '…' literal). Returns the values and one problem per line it cannot read.
 */
export function parseEnvFile(text, label) {
  const values = {};
  const problems = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push(`${label} line ${index + 1}: expected NAME=value, got "${line}"`);
      return;
    }
    const [, name, rest] = match;
    let value = rest;
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value
        .slice(1, -1)
        .replace(/\\(n|r|t|"|\\)/g, (_, c) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
    } else if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1);
    } else {
      // Unquoted: a # after whitespace starts a comment, as in dotenv and the toolkit.
      value = value.replace(/\s+#.*$/, "").trim();
    }
    values[name] = value;
  });
  return { values, problems };
}

/** The environments a project defines: env/.env.<name>, without the .user files. */
export function listEnvironments(projectDir = PROJECT_DIR) {
  const dir = join(projectDir, "env");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(file)?.[1])
    .filter((name) => name !== undefined)
    .sort();
}

/**
 * The variables of an environment: env/.env.<env>, then env/.env.<env>.user (the toolkit's file for
 * secrets and per-machine values), then `environment` (process.env), each overriding the one before —
 * so CI can pass TEAMS_APP_ID and BOT_ID without touching the files.
 */
export function readEnvironment(env, { projectDir = PROJECT_DIR, environment = process.env } = {}) {
  const problems = [];
  const values = {};
  const sources = {};
  const file = join(projectDir, "env", `.env.${env}`);
  if (!existsSync(file)) {
    const known = listEnvironments(projectDir);
    problems.push(
      `env/.env.${env} not found: no environment "${env}"` +
        (known.length > 0 ? ` (environments: ${known.join(", ")})` : ""),
    );
    return { values, sources, problems, missing: true };
  }
  for (const [path, label] of [
    [file, `env/.env.${env}`],
    [`${file}.user`, `env/.env.${env}.user`],
  ]) {
    if (!existsSync(path)) continue;
    const parsed = parseEnvFile(readFileSync(path, "utf8"), label);
    problems.push(...parsed.problems);
    for (const [name, value] of Object.entries(parsed.values)) {
      values[name] = value;
      sources[name] = label;
    }
  }
  for (const [name, value] of Object.entries(environment)) {
    if (value === undefined) continue;
    values[name] = value;
    sources[name] = "the environment";
  }
  return { values, sources, problems, missing: false };
}

/**
 * The API's address as the manifest uses it: SAMVERKAN_API_URL without a trailing slash (the manifest
 * appends paths) and, unless set, SAMVERKAN_API_DOMAIN, its host (and port), for validDomains. Changes
 * `values` in place; returns the problems (an address that is not http(s)).
 */
export function deriveApiValues(values) {
  const url = values.SAMVERKAN_API_URL?.trim();
  if (url === undefined || url === "") return [];
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || parsed.username) {
    return [`SAMVERKAN_API_URL "${url}" is not an http(s) address such as https://samverkan.example.org`];
  }
  values.SAMVERKAN_API_URL = url.replace(/\/+$/, "");
  if (!values.SAMVERKAN_API_DOMAIN) values.SAMVERKAN_API_DOMAIN = parsed.host;
  return [];
}

/** Whether a host is one of validDomains ("example.org", "*.example.org", "host:port"). */
function inValidDomains(host, domains) {
  return domains.some((domain) =>
    typeof domain === "string" && domain.startsWith("*.")
      ? host.endsWith(domain.slice(1)) && host.length > domain.length - 1
      : String(domain).toLowerCase() === host,
  );
}

/** Teams loads a static tab only from a domain in validDomains: one problem per URL that is not. */
function tabDomainProblems(manifest) {
  const domains = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
  const problems = [];
  (Array.isArray(manifest.staticTabs) ? manifest.staticTabs : []).forEach((tab, i) => {
    for (const key of ["contentUrl", "websiteUrl"]) {
      if (typeof tab?.[key] !== "string") continue;
      let host;
      try {
        host = new URL(tab[key]).host.toLowerCase();
      } catch {
        continue; // the schema has said what is wrong with it
      }
      if (!inValidDomains(host, domains))
        problems.push(`manifest.json /staticTabs/${i}/${key}: its host "${host}" is not in validDomains`);
    }
  });
  return problems;
}

/** "/bots/0/botId" from a list of keys and indexes (JSON Pointer, as ajv reports paths). */
function pointer(path) {
  return path.length === 0
    ? "/"
    : path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * Replaces ${{VAR}} in every string of a parsed JSON document. Substituting parsed strings rather than
 * the raw text keeps any value (quotes, backslashes) from breaking the JSON. Returns the new document
 * and, per variable, the JSON paths that use it.
 */
export function substitute(document, values) {
  const uses = new Map();
  const walk = (node, path) => {
    if (typeof node === "string") {
      return node.replace(PLACEHOLDER, (whole, name) => {
        const at = uses.get(name) ?? [];
        at.push(pointer(path));
        uses.set(name, at);
        return values[name] ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => [key, walk(value, [...path, key])]),
      );
    }
    return node;
  };
  return { document: walk(document, []), uses };
}

/** Every string still holding "${{" after substitution: a malformed placeholder such as ${{BOT_ID}. */
function leftoverPlaceholders(document, label) {
  const problems = [];
  const walk = (node, path) => {
    if (typeof node === "string" && node.includes("${{")) {
      problems.push(`${label} ${pointer(path)}: malformed placeholder in "${node}" (write \${{NAME}})`);
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(document, []);
  return problems;
}

/** The folder of @microsoft/app-manifest's Teams schemas, one v<version>/ per manifest version. */
export function schemaRoot() {
  return join(dirname(require.resolve("@microsoft/app-manifest/package.json")), "build/json-schemas/teams");
}

const validators = new Map();

/**
 * A compiled validator for a schema file. The Teams schemas are draft-04; unicodeRegExp is off because
 * the localization schema's patterns (e.g. `\[\b…\b]`) are only valid as non-Unicode regular
 * expressions, which is how Teams' own validator reads them.
 */
function validatorFor(file) {
  let validate = validators.get(file);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(file, "utf8")));
    validators.set(file, validate);
  }
  return validate;
}

/** One line per schema error, naming the JSON path of the offending field. */
function schemaProblems(errors, label) {
  return (errors ?? []).map((error) => {
    const at = error.instancePath || "";
    switch (error.keyword) {
      case "required":
        return `${label} ${at}/${error.params.missingProperty}: is required`;
      case "additionalProperties":
        return `${label} ${at}/${error.params.additionalProperty}: is not allowed here (not in the schema)`;
      case "enum":
        return `${label} ${at || "/"}: must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      default:
        return `${label} ${at || "/"}: ${error.message}`;
    }
  });
}

/** The schema URL Microsoft publishes for a manifest version (with or without the en-us segment). */
function schemaUrlPattern(kind) {
  return new RegExp(
    `^https://developer\\.microsoft\\.com/(?:en-us/)?json-schemas/teams/v([^/]+)/MicrosoftTeams\\.${kind}schema\\.json$`,
    "i",
  );
}

/** A path from the manifest, resolved inside appPackage/, or a problem if it leaves it. */
function packagePath(appPackageDir, file, label) {
  if (typeof file !== "string" || file === "") return { problem: `${label}: must be a file name` };
  const normal = normalize(file);
  if (isAbsolute(file) || normal === ".." || normal.startsWith(`..${sep}`) || file.includes("\\")) {
    return { problem: `${label}: "${file}" must be a relative path inside appPackage/ (forward slashes)` };
  }
  return { path: join(appPackageDir, normal), name: normal.split(sep).join("/") };
}

/** Reads a JSON file, or a problem naming the file and the parser's message. */
function readJson(path, label) {
  try {
    return { value: JSON.parse(readFileSync(path, "utf8")) };
  } catch (error) {
    return {
      problem: existsSync(path) ? `${label}: not valid JSON (${error.message})` : `${label}: file not found`,
    };
  }
}

/** Checks one icon: exists, is a PNG, has its size, and (outline) is white on transparent only. */
function checkIcon(appPackageDir, role, file) {
  const label = `icons.${role}`;
  const resolved = packagePath(appPackageDir, file, label);
  if (resolved.problem) return { problems: [resolved.problem] };
  if (!existsSync(resolved.path)) return { problems: [`${label}: appPackage/${resolved.name} not found`] };
  const bytes = readFileSync(resolved.path);
  let png;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return { problems: [`${label}: appPackage/${resolved.name} is not a readable PNG (${error.message})`] };
  }
  const problems = [];
  const size = ICON_SIZES[role];
  if (png.width !== size || png.height !== size) {
    problems.push(
      `${label}: appPackage/${resolved.name} is ${png.width}×${png.height}, must be ${size}×${size}`,
    );
  }
  if (role === "outline") {
    // Teams draws the outline icon on its own colours: white where there is ink, transparent elsewhere.
    let wrong = 0;
    let first;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
        wrong += 1;
        first ??= `(${(i / 4) % png.width}, ${Math.floor(i / 4 / png.width)}) is rgba(${r}, ${g}, ${b}, ${a})`;
      }
    }
    if (wrong > 0) {
      problems.push(
        `${label}: appPackage/${resolved.name} must be white on transparent only; ${wrong} pixels are not, first ${first}`,
      );
    }
  }
  return { problems, name: resolved.name, bytes };
}

/** Where the localization info of a manifest points: [{ label, file }]. */
function localizationFiles(manifest) {
  const info = manifest.localizationInfo;
  if (!info || typeof info !== "object") return [];
  const files = [];
  if (typeof info.defaultLanguageFile === "string") {
    files.push({ label: "localizationInfo.defaultLanguageFile", file: info.defaultLanguageFile });
  }
  (Array.isArray(info.additionalLanguages) ? info.additionalLanguages : []).forEach((language, i) => {
    if (language && typeof language.file === "string") {
      files.push({
        label: `localizationInfo.additionalLanguages[${i}] (${language.languageTag})`,
        file: language.file,
      });
    }
  });
  return files;
}

/** Reads "bots[0].commandLists[1].commands[2].title" out of a manifest (undefined when absent). */
function localizedField(manifest, key) {
  let node = manifest;
  for (const part of key.split(".")) {
    const match = /^([A-Za-z0-9]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    node = node?.[match[1]];
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) node = node?.[Number(index[1])];
  }
  return node;
}

/**
 * Builds the Teams app package of one environment. Pure apart from the file system: reads
 * `projectDir`/appPackage and `projectDir`/env, and on success writes `outDir`/appPackage.<env>.zip and
 * `outDir`/manifest.<env>.json. On any problem it writes nothing and returns every problem found.
 *
 * @param {object} [options]
 * @param {string} [options.projectDir] the app's folder (default: apps/teams-bot)
 * @param {string} [options.env] environment name (default "dev")
 * @param {Record<string, string | undefined>} [options.environment] overrides the env files (default process.env)
 * @param {boolean} [options.allowPlaceholders] fixed stand-in GUIDs for an unset TEAMS_APP_ID / BOT_ID
 * @param {string} [options.outDir] default `projectDir`/appPackage/build
 */
export function buildAppPackage(options = {}) {
  const {
    projectDir = PROJECT_DIR,
    env = "dev",
    environment = process.env,
    allowPlaceholders = false,
    outDir = join(projectDir, "appPackage", "build"),
  } = options;
  const problems = [];
  const warnings = [];
  const fail = () => ({ ok: false, env, problems, warnings });

  if (!/^[A-Za-z0-9_-]+$/.test(env)) {
    problems.push(
      `--env "${env}": an environment name is letters, digits, - and _ (e.g. dev, local, playground)`,
    );
    return fail();
  }
  const appPackageDir = join(projectDir, "appPackage");
  const vars = readEnvironment(env, { projectDir, environment });
  problems.push(...vars.problems);
  if (vars.missing) return fail();

  const manifestRead = readJson(join(appPackageDir, "manifest.json"), "appPackage/manifest.json");
  if (manifestRead.problem) {
    problems.push(manifestRead.problem);
    return fail();
  }
  if (
    manifestRead.value === null ||
    typeof manifestRead.value !== "object" ||
    Array.isArray(manifestRead.value)
  ) {
    problems.push("appPackage/manifest.json: must be a JSON object");
    return fail();
  }

  // Read every document that takes ${{VAR}} first, so one run names every missing variable.
  const documents = [{ label: "manifest.json", name: "manifest.json", value: manifestRead.value }];
  for (const { label, file } of localizationFiles(manifestRead.value)) {
    const resolved = packagePath(appPackageDir, file, label);
    if (resolved.problem) {
      problems.push(resolved.problem);
      continue;
    }
    const read = readJson(resolved.path, `appPackage/${resolved.name} (${label})`);
    if (read.problem) problems.push(read.problem);
    else documents.push({ label: resolved.name, name: resolved.name, value: read.value });
  }

  const values = { ...vars.values };
  problems.push(...deriveApiValues(values));
  const used = new Map();
  for (const document of documents) {
    for (const [name, at] of substitute(document.value, {}).uses) {
      used.set(name, [...(used.get(name) ?? []), ...at.map((path) => `${document.label} ${path}`)]);
    }
  }
  for (const [name, at] of used) {
    const value = values[name];
    // The ids are never legitimately empty: an empty one is a not-yet-provisioned environment.
    const missing = value === undefined || (name in PLACEHOLDER_IDS && value.trim() === "");
    if (!missing) continue;
    if (allowPlaceholders && name in PLACEHOLDER_IDS) {
      values[name] = PLACEHOLDER_IDS[name];
      warnings.push(
        `${name} is not set: using the placeholder ${PLACEHOLDER_IDS[name]} (not provisioned yet)`,
      );
      continue;
    }
    const where = at.join(", ");
    const how =
      name === "SAMVERKAN_API_DOMAIN"
        ? `set SAMVERKAN_API_URL (its host is the domain) or SAMVERKAN_API_DOMAIN in env/.env.${env}, ` +
          `env/.env.${env}.user or the environment`
        : name in PLACEHOLDER_IDS
          ? `provisioning fills it (\`atk provision --env ${env}\`); or set it in env/.env.${env}, ` +
            `env/.env.${env}.user or the environment; --allow-placeholders builds a package to inspect, not to upload`
          : `set it in env/.env.${env}, env/.env.${env}.user or the environment`;
    problems.push(
      `${name} is ${value === undefined ? "not defined" : `empty in ${vars.sources[name]}`} (used at ${where}): ${how}`,
    );
  }
  if (problems.length > 0) return fail();

  const resolvedDocs = documents.map((document) => ({
    ...document,
    value: substitute(document.value, values).document,
  }));
  for (const document of resolvedDocs) problems.push(...leftoverPlaceholders(document.value, document.label));
  const manifest = resolvedDocs[0].value;

  // The schema of the manifest's own version, from the offline copy.
  const version = manifest.manifestVersion;
  const schemaDir =
    typeof version === "string" && /^(\d+\.\d+|devPreview)$/.test(version)
      ? join(schemaRoot(), version === "devPreview" ? "vDevPreview" : `v${version}`)
      : undefined;
  if (!schemaDir || !existsSync(join(schemaDir, "MicrosoftTeams.schema.json"))) {
    problems.push(
      `manifest.json /manifestVersion: ${JSON.stringify(version)} has no schema in @microsoft/app-manifest ` +
        `(${require("@microsoft/app-manifest/package.json").version}); use a published version such as "1.22"`,
    );
    return fail();
  }
  const schemaUrl = schemaUrlPattern("").exec(manifest.$schema ?? "");
  if (manifest.$schema === undefined) {
    warnings.push("manifest.json has no $schema; editors and the toolkit use it to find the schema");
  } else if (
    !schemaUrl ||
    schemaUrl[1].toLowerCase() !== (version === "devPreview" ? "devpreview" : version)
  ) {
    problems.push(
      `manifest.json /$schema: "${manifest.$schema}" is not the schema of manifestVersion ${version} ` +
        `(https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json)`,
    );
  }
  const validateManifest = validatorFor(join(schemaDir, "MicrosoftTeams.schema.json"));
  if (!validateManifest(manifest)) problems.push(...schemaProblems(validateManifest.errors, "manifest.json"));

  // What the schema leaves out but Teams enforces.
  problems.push(...tabDomainProblems(manifest));
  if (typeof manifest.version === "string" && !/^\d+\.\d+\.\d+$/.test(manifest.version)) {
    problems.push(`manifest.json /version: "${manifest.version}" must be MAJOR.MINOR.PATCH (e.g. 1.0.0)`);
  }
  if (manifest.id === "00000000-0000-0000-0000-000000000000") {
    problems.push("manifest.json /id: the nil GUID is not an app id");
  }

  // Localization files: their schema, and every key must name a string the manifest has.
  const localizationSchema = join(schemaDir, "MicrosoftTeams.Localization.schema.json");
  const tags = new Set([String(manifest.localizationInfo?.defaultLanguageTag ?? "").toLowerCase()]);
  for (const [i, language] of (manifest.localizationInfo?.additionalLanguages ?? []).entries()) {
    const tag = String(language?.languageTag ?? "").toLowerCase();
    if (tags.has(tag)) {
      problems.push(
        `manifest.json /localizationInfo/additionalLanguages/${i}/languageTag: "${tag}" is listed twice`,
      );
    }
    tags.add(tag);
  }
  for (const document of resolvedDocs.slice(1)) {
    const label = document.label;
    const value = document.value;
    if (!existsSync(localizationSchema)) {
      problems.push(`${label}: manifest version ${version} has no localization schema`);
      continue;
    }
    const validate = validatorFor(localizationSchema);
    if (!validate(value)) problems.push(...schemaProblems(validate.errors, label));
    const url = schemaUrlPattern("Localization\\.").exec(value?.$schema ?? "");
    if (value?.$schema !== undefined && (!url || url[1] !== version)) {
      problems.push(
        `${label} /$schema: "${value.$schema}" is not the localization schema of manifest version ${version}`,
      );
    }
    for (const key of Object.keys(value ?? {})) {
      if (key === "$schema") continue;
      if (typeof localizedField(manifest, key) !== "string") {
        problems.push(`${label} ${pointer([key])}: the manifest has no "${key}" to translate`);
      }
    }
  }

  // Icons.
  const entries = {};
  const icons = manifest.icons && typeof manifest.icons === "object" ? manifest.icons : {};
  for (const role of Object.keys(ICON_SIZES)) {
    if (icons[role] === undefined) continue;
    const icon = checkIcon(appPackageDir, role, icons[role]);
    problems.push(...icon.problems);
    if (icon.bytes) entries[icon.name] = icon.bytes;
  }

  if (problems.length > 0) return fail();

  // manifest.json first: Teams does not care, but people listing the zip do.
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  const zipEntries = { "manifest.json": Buffer.from(manifestJson) };
  for (const document of resolvedDocs.slice(1)) {
    zipEntries[document.name] = Buffer.from(`${JSON.stringify(document.value, null, 2)}\n`);
  }
  Object.assign(zipEntries, entries);
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(zipEntries).map(([name, bytes]) => [name, [new Uint8Array(bytes), {}]]),
    ),
    { level: 9, mtime: ZIP_MTIME },
  );

  // Write each file under a temporary name and rename it, so a crash never leaves half a zip behind.
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  const manifestPath = join(outDir, `manifest.${env}.json`);
  for (const [path, bytes] of [
    [manifestPath, manifestJson],
    [zipPath, zip],
  ]) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  }
  return { ok: true, env, zipPath, manifestPath, manifest, files: Object.keys(zipEntries), warnings };
}

const USAGE = `Usage: npm run package -- [--env <name>] [--strict]

Builds appPackage/build/appPackage.<env>.zip (the Teams app package) from appPackage/ and env/.env.<env>.
An unset TEAMS_APP_ID / BOT_ID (not provisioned yet) gets a fixed stand-in GUID and a warning: that
package is for inspecting and validating, never for uploading.

  --env <name>            environment: env/.env.<name> (and .user) (default: dev)
  --strict                refuse to build without real TEAMS_APP_ID and BOT_ID (release pipelines)
  --allow-placeholders    the default; kept for scripts that pass it
  --out-dir <dir>         where to write (default: appPackage/build)
  -h, --help              this text`;

/**
 * The command line: parses `argv`, builds, prints what it wrote or every problem. Returns the exit
 * code: 0 built, 1 a problem with the package (nothing written), 2 a usage error.
 */
export function main(argv, { stdout = console.log, stderr = console.error, ...options } = {}) {
  let env = "dev";
  // A fresh clone has no ids yet; it still gets a package to look at (with a loud warning).
  let allowPlaceholders = true;
  let outDir = options.outDir;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      stdout(USAGE);
      return 0;
    } else if (arg === "--allow-placeholders") allowPlaceholders = true;
    else if (arg === "--strict") allowPlaceholders = false;
    else if (arg === "--env" && i + 1 < argv.length) env = argv[++i];
    else if (arg.startsWith("--env=")) env = arg.slice("--env=".length);
    else if (arg === "--out-dir" && i + 1 < argv.length) outDir = resolve(argv[++i]);
    else if (arg.startsWith("--out-dir=")) outDir = resolve(arg.slice("--out-dir=".length));
    else {
      stderr(`unknown argument "${arg}"\n\n${USAGE}`);
      return 2;
    }
  }
  const result = buildAppPackage({ ...options, env, allowPlaceholders, ...(outDir ? { outDir } : {}) });
  // Paths as seen from where the command was typed: npm runs the script in apps/teams-bot but keeps
  // the caller's directory in INIT_CWD.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  for (const warning of result.warnings) stderr(`warning: ${warning}`);
  if (!result.ok) {
    const count = result.problems.length;
    stderr(`Could not build the Teams app package (env ${env}): ${count} problem${count === 1 ? "" : "s"}`);
    for (const problem of result.problems) stderr(`  - ${problem}`);
    return 1;
  }
  stdout(`Teams app package (env ${env}) built: ${relative(cwd, result.zipPath)}`);
  stdout(`  contents: ${result.files.join(", ")}`);
  stdout(`  resolved manifest: ${relative(cwd, result.manifestPath)}`);
  stdout(`  manifest ${result.manifest.manifestVersion} valid against its schema; icons checked`);
  for (const tab of Array.isArray(result.manifest.staticTabs) ? result.manifest.staticTabs : [])
    stdout(`  tab "${tab.name}": ${tab.contentUrl}`);
  if (result.warnings.some((w) => w.includes("placeholder"))) {
    stderr("warning: this package holds placeholder ids — inspect it, do not upload it to Teams");
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
