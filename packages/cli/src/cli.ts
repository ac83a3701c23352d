import { AllocationError } from "@samverkan/allocation";
import { BUNDLED_DATASETS } from "@samverkan/data";
import { DatasetError } from "@samverkan/domain";
import { allocateCommand } from "./commands/allocate.js";
import { askCommand } from "./commands/ask.js";
import { chatCommand } from "./commands/chat.js";
import { exportCommand } from "./commands/export.js";
import { grantCommand } from "./commands/grant.js";
import { importCommand } from "./commands/import.js";
import { remindersCommand } from "./commands/reminders.js";
import { reportCommand } from "./commands/report.js";
import { statementCommand } from "./commands/statement.js";
import { summaryCommand } from "./commands/summary.js";
import { validateCommand } from "./commands/validate.js";
import { NotFoundError, UsageError, type CliIo, type Command } from "./options.js";

export type { CliIo } from "./options.js";

const COMMANDS: readonly Command[] = [
  summaryCommand,
  validateCommand,
  allocateCommand,
  statementCommand,
  reportCommand,
  askCommand,
  chatCommand,
  importCommand,
  exportCommand,
  remindersCommand,
  grantCommand,
];

const HELP = `samverkan — verktyg för gemensamma nämnder

Användning:
${COMMANDS.map((c) => `  ${c.synopsis}\n      ${c.summary}`).join("\n")}
  samverkan KOMMANDO --help
      Hjälp för ett kommando, med exempel
  samverkan --help
      Den här hjälpen

Inbyggda samverkanskollektiv: ${BUNDLED_DATASETS.join(", ")}
Slutkoder: 0 klart, 1 datat är felaktigt, 2 fel på kommandoraden (okänt kommando, flagga, namn eller år).`;

/**
 * Runs one `samverkan` command line and returns its exit code: 0 done, 1 the data is invalid,
 * 2 the command line is wrong (unknown command, option, collaboration, item, municipality or year).
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Okänt kommando "${name}".\n\n${HELP}`);
    return 2;
  }
  try {
    return command.run(rest, io);
  } catch (error) {
    return failure(error, command, io);
  }
}

/**
 * `runCli` for commands that finish asynchronously (`samverkan report … --format xlsx`): the same
 * commands, help, messages and exit codes. The `samverkan` bin runs this one.
 */
export async function runCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command || !("runAsync" in command) || typeof command.runAsync !== "function") return runCli(argv, io);
  try {
    return await (command.runAsync as (args: readonly string[], io: CliIo) => Promise<number>)(rest, io);
  } catch (error) {
    return failure(error, command, io);
  }
}

/** A command's error as a message and an exit code (2: the command line; 1: the data); anything else is a bug. */
function failure(error: unknown, command: Command, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n\n${command.usage}`);
    return 2;
  }
  if (error instanceof NotFoundError) {
    io.err(error.message);
    return 2;
  }
  if (error instanceof AllocationError) {
    // What reaches here names what there is in its message ("… det finns för 2022, 2023").
    io.err(`${error.message}.`);
    return 2;
  }
  if (error instanceof DatasetError) {
    io.err(error.message);
    return 1;
  }
  throw error;
}
