/**
 * End to end through Microsoft 365 Agents Playground: a member types the question into the Playground's
 * page in headless Chromium and reads the bot's answer card; the chat subscribes to reminders, the
 * reminder clock runs, and the reminder the bot sends on its own shows up in the page; the secretary ticks
 * the attendance card's toggles and presses its Action.Execute button, and the card turns into what was
 * saved; the question and the reminder over the
 * Playground's HTTP/WebSocket API (faster);
 * and `npm run playground`'s launcher starts both, answers, and leaves nothing running after SIGTERM.
 *
 * The Playground embeds telemetry that tries to reach Microsoft even with --disable-telemetry, so the
 * bot, the Playground and Chromium all run in a network namespace with only loopback (driver.mjs, as
 * PID 1 of a PID namespace too: when it ends, everything it started ends with it). This file only
 * starts the namespace and checks what the driver read from the page.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFailed, type TestContext } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const DRIVER = join(here, "driver.mjs");
const BUILT_BOT = join(here, "..", "..", "dist", "app.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const QUESTION = "Vad betalar Kalix för e-arkiv 2023?";
const ANSWER = "Kalix betalar 21 000 kr för E-arkiv 2023";

/** Only loopback (--net), and every process gone with the driver (--pid --fork --kill-child). */
const NAMESPACE = ["--net", "--pid", "--fork", "--kill-child", "--mount-proc"];
const IN_CI = !["", "0", "false", undefined].includes(process.env.CI);
// Node 20 has WebSocket behind a flag; Node 22 and later have it on.
const NODE_FLAGS = Number(process.versions.node.split(".")[0]) < 22 ? ["--experimental-websocket"] : [];

interface Card {
  readonly blocks: string[];
  readonly text: string;
}
interface Reply {
  readonly texts: string[];
  readonly card: Card;
}
interface ReminderRun {
  readonly subscribed: Reply;
  readonly sent: { result: string; kind: string; conversationId: string }[];
  readonly texts: string[];
  readonly card: Card;
  readonly again: { results: string[]; newMessages: number };
}
interface ChartRun {
  readonly question: string;
  readonly reply: Reply;
  /** What the Playground showed for the card's Chart.HorizontalBar: the drawn chart or its fallback. */
  readonly rendered: "chart" | "fallback";
  readonly drawn: number;
  /** The drawn charts' aria-labels, and each bar's ("Luleå, 97000": the Playground's, not our text). */
  readonly chartLabels: string[];
  readonly bars: string[];
  readonly pictures: string[];
  readonly facts: string[];
  readonly screenshots: string[];
}
interface AttendanceRun {
  readonly form: Reply;
  readonly saved: { text: string; buttons: string[] };
  readonly invokes: number;
  readonly attendees: string[];
  readonly recordedBy?: string;
  readonly pageErrors: string[];
}
interface DriverResult {
  readonly ok: boolean;
  readonly mode: string;
  readonly step?: string;
  readonly error?: string;
  readonly playgroundLog?: string;
  readonly artifacts?: string[];
  readonly botErrors?: string[];
  readonly botName?: string;
  readonly question?: string;
  readonly reply?: Reply;
  readonly chart?: ChartRun;
  readonly reminder?: ReminderRun;
  readonly attendance?: AttendanceRun;
  readonly pageErrors?: string[];
  readonly blocked?: string[];
  readonly url?: string;
  readonly listening?: string[];
  readonly stopped?: { code: number | null; signal: string | null };
  readonly leftovers?: string[];
  readonly output?: string;
}

/** Why the namespace cannot be made here, or undefined when it can. */
function namespaceProblem(): string | undefined {
  const probe = spawnSync("unshare", [...NAMESPACE, "--", "sh", "-c", "ip link set lo up"], {
    encoding: "utf8",
    timeout: 10_000,
  });
  if (probe.error) return `unshare could not run (${probe.error.message}); it is in util-linux`;
  if (probe.status !== 0) {
    return (
      `"unshare ${NAMESPACE.join(" ")}" failed (${probe.stderr.trim() || `exit code ${probe.status}`}): ` +
      "it needs root (or CAP_SYS_ADMIN) and iproute2's ip"
    );
  }
  return undefined;
}

const NAMESPACE_PROBLEM = namespaceProblem();
const CHROMIUM_PROBLEM = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** A missing prerequisite fails in CI, where it must be there; elsewhere the test is skipped, saying why. */
function requireOrSkip(context: TestContext, ...problems: (string | undefined)[]): void {
  const problem = problems.filter((p) => p !== undefined).join("; ");
  if (problem === "") return;
  if (IN_CI) throw new Error(`Agents Playground end-to-end test cannot run in CI: ${problem}`);
  console.warn(`skipping the Agents Playground end-to-end test: ${problem}`);
  context.skip();
}

/** Runs driver.mjs in a fresh namespace; resolves with its JSON report, failing with everything it knows. */
async function runDriver(mode: "browser" | "api" | "launcher", timeoutMs = 120_000): Promise<DriverResult> {
  if (!existsSync(BUILT_BOT)) {
    throw new Error(`${BUILT_BOT} is missing: build the bot first (npm run build -w @samverkan/teams-bot)`);
  }
  const child = spawn(
    "unshare",
    [
      ...NAMESPACE,
      "--",
      "sh",
      "-c",
      'ip link set lo up && exec "$@"',
      "sh",
      process.execPath,
      ...NODE_FLAGS,
      DRIVER,
      mode,
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, APPLICATION_INSIGHTS_NO_STATSBEAT: "true", TEAMSAPPTESTER_BROWSER: "none" },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  // unshare ignores SIGTERM while it waits; SIGKILL makes the kernel end the driver and, with it, the
  // whole PID namespace (--kill-child).
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearTimeout(timer);

  const last = stdout.trim().split("\n").at(-1) ?? "";
  let result: DriverResult | undefined;
  try {
    result = JSON.parse(last) as DriverResult;
  } catch {
    result = undefined;
  }
  // What the page showed, next to a failing assertion.
  onTestFailed(() => console.error(`the ${mode} driver's report:\n${JSON.stringify(result, null, 2)}`));
  if (!result?.ok) {
    throw new Error(
      [
        result
          ? `the ${mode} run failed at "${result.step}": ${result.error}`
          : `the ${mode} driver gave no report (exit code ${code}${code === null ? ", killed after " + timeoutMs / 1000 + " s" : ""})`,
        result?.botErrors?.length ? `bot errors:\n${result.botErrors.join("\n")}` : "",
        result?.artifacts ? `screenshot and page: ${result.artifacts.join(", ")}` : "",
        // A start-up failure already carries the log in its message.
        result?.playgroundLog && !result.error?.includes(result.playgroundLog.trimEnd())
          ? `--- Agents Playground log ---\n${result.playgroundLog}`
          : "",
        result?.output ? `--- launcher output ---\n${result.output}` : "",
        `--- driver stderr ---\n${stderr.trim()}`,
        result ? "" : `--- driver stdout ---\n${stdout.trim()}`,
      ]
        .filter((part) => part !== "")
        .join("\n"),
    );
  }
  return result;
}

/**
 * The answer as the Playground shows it: one Adaptive Card (its words are the card's; the activity's
 * `summary` is for notifications, so nothing shows twice), with the table.
 */
function expectTheAnswer(reply: Reply | undefined): void {
  expect(reply?.texts).toEqual([]);
  const blocks = reply?.card.blocks ?? [];
  expect(blocks[0]).toMatch(new RegExp(`^${ANSWER}\\.`));
  // The card's table: the row "Kalix | 21 000 kr", read cell by cell.
  expect(blocks).toContain("Kalix");
  expect(blocks[blocks.lastIndexOf("Kalix") + 1]).toBe("21 000 kr");
}

/**
 * "påminn oss som ledamöter" on 1 September 2022, the clock run on the eve of the committee meeting of
 * 12 October 2022: the members' reminder arrives in the chat, sent by the bot on its own, once.
 */
function expectTheReminder(run: ReminderRun | undefined): void {
  // The confirmation names the first reminder this chat will get.
  expect(run?.subscribed.card.blocks.join("\n")).toContain("11 oktober 2022");
  expect(run?.sent).toEqual([
    { result: "sent", kind: "meeting-1d", conversationId: "samverkan-personal-chat" },
  ]);
  expect(run?.texts).toEqual([]);
  expect(run?.card.blocks[0]).toMatch(/^Påminnelse: nämndens sammanträde onsdag 12 oktober 2022 kl\. 10:00/);
  // Exactly once: the clock's next run sends nothing more.
  expect(run?.again.newMessages).toBe(0);
}

/**
 * "Hur fördelas e-arkivet 2023?": the card carries a Chart.HorizontalBar. Either the Playground draws it
 * (an svg or canvas in the card) or it shows the chart's fallback, a FactSet "Luleå 97 000 kr, …"; the
 * exact amounts are on the card either way (the table, and the fallback). The card's screenshot is a PNG.
 */
function expectTheChart(run: ChartRun | undefined): void {
  expect(run?.question).toBe("Hur fördelas e-arkivet 2023?");
  const blocks = run?.reply.card.blocks ?? [];
  expect(blocks[0]).toMatch(/^E-arkiv 2023 fördelas mellan 14 kommuner\./);
  expect(blocks[blocks.lastIndexOf("Luleå") + 1]).toBe("97 000 kr");
  if (run?.rendered === "chart") {
    // Fluent UI's horizontal bar chart, one bar per municipality, the largest first.
    expect(run.chartLabels).toEqual(["E-arkiv 2023 per kommun, Horizontal bar chart"]);
    expect(run.bars).toHaveLength(14);
    expect(run.bars.slice(0, 2)).toEqual(["Luleå, 97000", "Piteå, 53000"]);
  } else {
    // The fallback: one fact per municipality, the largest first, with the table's exact text.
    expect(run?.facts.slice(0, 4)).toEqual(["Luleå", "97 000 kr", "Piteå", "53 000 kr"]);
    expect(run?.facts).toHaveLength(28);
  }
  const wanted = [join(here, "..", "..", "test-output", "chart-card.png")];
  if (process.env.E2E_SCREENSHOT_DIR) wanted.push(join(process.env.E2E_SCREENSHOT_DIR, "card-chart.png"));
  expect(run?.screenshots).toEqual(wanted);
  for (const path of wanted) {
    const png = readFileSync(path);
    expect(png.subarray(0, 8).toString("hex"), path).toBe("89504e470d0a1a0a");
    expect(png.length, path).toBeGreaterThan(5_000);
  }
}

/** Who the driver ticks as present on 16 March 2022 (10 of 14). */
const { present: PRESENT } = JSON.parse(
  readFileSync(join(here, "..", "fixtures", "present-2022-03-16.json"), "utf8"),
) as { present: string[] };

/**
 * The secretary's card action pressed in the page: one Action.Execute invoke, the form replaced in place
 * by what was saved (no stale "Spara närvaro"), and the store holding it, recorded by the Playground's
 * user (its AAD object id, which the driver gave the secretary role).
 */
function expectTheAttendance(run: AttendanceRun | undefined): void {
  expect(run?.form.card.blocks[0]).toBe("Närvaro: nämndens sammanträde 16 mars 2022 kl. 13:00");
  expect(run?.invokes).toBe(1);
  expect(run?.saved.text).toContain(
    "Närvaro sparad för nämndens sammanträde 16 mars 2022 kl. 13:00: 10 av 14 närvarande.",
  );
  expect(run?.saved.text).toContain("Arjeplog, Arvidsjaur, Kiruna, Pajala");
  expect(run?.saved.buttons).toEqual(["Ändra"]);
  expect([...(run?.attendees ?? [])].sort()).toEqual([...PRESENT].sort());
  expect(run?.recordedBy).toBe("teams:00000000-0000-0000-0000-000000000020");
  expect(run?.pageErrors).toEqual([]);
}

describe("the bot in Microsoft 365 Agents Playground (network namespace, loopback only)", () => {
  it("answers a question typed into the page, a reminder arrives there, and a card action records attendance", async (context) => {
    requireOrSkip(context, NAMESPACE_PROBLEM, CHROMIUM_PROBLEM);
    const result = await runDriver("browser", 150_000);
    // Our .m365agentsplayground.yml is in effect, not the Playground's built-in tenant.
    expect(result.botName).toBe("Samverkan");
    expect(result.question).toBe(QUESTION);
    expectTheAnswer(result.reply);
    // The rendered card, as a person sees it.
    expect(result.reply?.card.text).toContain("21 000 kr");
    expectTheChart(result.chart);
    console.info(
      `the Playground shows the card's chart as: ${result.chart?.rendered} (${JSON.stringify(result.chart?.chartLabels)})`,
    );
    expectTheReminder(result.reminder);
    expectTheAttendance(result.attendance);
    expect(result.botErrors).toEqual([]);
    // The page tried only the Office CDN (fonts, an animation); everything beyond loopback was refused.
    for (const url of result.blocked ?? []) expect(new URL(url).hostname).not.toMatch(/^(127\.|localhost$)/);
  });

  it("answers over the Playground's HTTP and WebSocket API, and a reminder arrives there", async (context) => {
    requireOrSkip(context, NAMESPACE_PROBLEM);
    const result = await runDriver("api");
    expect(result.botName).toBe("Samverkan");
    expectTheAnswer(result.reply);
    expectTheReminder(result.reminder);
    expect(result.botErrors).toEqual([]);
  });

  it("npm run playground's launcher serves both on loopback and stops both on SIGTERM", async (context) => {
    requireOrSkip(context, NAMESPACE_PROBLEM);
    const result = await runDriver("launcher", 170_000);
    expect(result.url).toBe("http://localhost:56150");
    expect(result.output).toContain("http://localhost:56150");
    expectTheAnswer(result.reply);
    // The bot (3978) and the Playground (56150) listen, on loopback only: the Playground is bound to
    // 127.0.0.1 by the launcher's preload, since it relays to a bot that checks no tokens.
    expect(result.listening).toEqual(expect.arrayContaining(["127.0.0.1:3978", "127.0.0.1:56150"]));
    for (const socket of result.listening ?? []) expect(socket).toMatch(/^(127\.|::1:|::ffff:127\.)/);
    expect(result.stopped).toEqual({ code: 0, signal: null });
    expect(result.leftovers).toEqual([]);
  });
});
