import { parseArgs } from "node:util";
import { DatasetError } from "@samverkan/domain";
import { BUNDLED_DATASETS, isBundledDatasetId, loadBundledDataset, loadDataset } from "@samverkan/data";
import { summarizeDataset } from "./summary.js";

/** Exit codes: 0 done, 1 the data is invalid, 2 the command line is wrong. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly today: string;
}

const HELP = `samverkan — verktyg för gemensamma nämnder

Användning:
  samverkan summary [--collaboration ID]   Sammanfattning av de inbyggda dataseten
  samverkan validate DIR                   Kontrollera en datamapp (YAML) och lista alla fel
  samverkan --help                         Den här hjälpen

Inbyggda samverkanskollektiv: ${BUNDLED_DATASETS.join(", ")}`;

export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case "summary": {
        const { values } = parseArgs({
          args: [...rest],
          options: { collaboration: { type: "string" }, help: { type: "boolean" } },
        });
        if (values.help) {
          io.out(
            "samverkan summary [--collaboration ID]\n  Skriver en sammanfattning av ett eller alla inbyggda dataset.",
          );
          return 0;
        }
        const ids = values.collaboration ? [values.collaboration] : [...BUNDLED_DATASETS];
        for (const id of ids) {
          if (!isBundledDatasetId(id)) {
            io.err(`Okänt samverkanskollektiv "${id}". Finns: ${BUNDLED_DATASETS.join(", ")}.`);
            return 2;
          }
        }
        io.out(
          ids
            .map((id) =>
              summarizeDataset(loadBundledDataset(id as (typeof BUNDLED_DATASETS)[number]), io.today),
            )
            .join("\n\n"),
        );
        return 0;
      }
      case "validate": {
        const { positionals, values } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { help: { type: "boolean" } },
        });
        if (values.help || positionals.length !== 1) {
          (values.help ? io.out : io.err)(
            "samverkan validate DIR\n  Kontrollerar alla YAML-filer i DIR som ett dataset och listar varje fel.",
          );
          return values.help ? 0 : 2;
        }
        const d = loadDataset(positionals[0] as string);
        io.out(
          `${positionals[0]}: ok — ${d.collaboration.name}, ${d.costItems.length} kostnadsposter, ${d.publishedTables.length} publicerade tabeller`,
        );
        return 0;
      }
      default:
        io.err(`Okänt kommando "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DatasetError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}
