import { parseArgs } from "node:util";
import { parseOptions, required, type CliIo, type Command } from "../options.js";
import { needsAsync, storeFailure, withStore } from "./import.js";

const USAGE = `samverkan export --collaboration ID --out DIR [--overwrite]
  Skriver samverkanskollektivet ID ur databasen till DIR som datafiler (YAML), i samma format som
  samverkan validate och samverkan import läser. DIR ska vara tom eller ny; med --overwrite ersätts
  datafilerna i den.

  Databas: PostgreSQL om DATABASE_URL är satt, annars den inbyggda i SAMVERKAN_DATA_DIR (standard ./.data).

  Exempel:
    samverkan export --collaboration norrbotten --out ./export/norrbotten`;

export const exportCommand: Command & { runAsync: (args: readonly string[], io: CliIo) => Promise<number> } =
  {
    name: "export",
    synopsis: "samverkan export --collaboration ID --out DIR",
    summary: "Skriv ett samverkanskollektiv ur databasen som datafiler (YAML)",
    usage: USAGE,
    run(args, io) {
      if (args.includes("--help") || args.includes("-h")) {
        io.out(USAGE);
        return 0;
      }
      return needsAsync("export", io);
    },
    async runAsync(args, io) {
      const { values } = parseOptions(() =>
        parseArgs({
          args: [...args],
          strict: true,
          options: {
            collaboration: { type: "string" },
            out: { type: "string" },
            overwrite: { type: "boolean" },
            help: { type: "boolean", short: "h" },
          },
        }),
      );
      if (values.help) {
        io.out(USAGE);
        return 0;
      }
      const id = required(values.collaboration, "collaboration");
      const dir = required(values.out, "out");
      try {
        const files = await withStore((store) =>
          store.exportDataset(id, dir, { overwrite: values.overwrite ?? false }),
        );
        io.out(`${id}: ${files.length} filer skrivna till ${dir}`);
        return 0;
      } catch (error) {
        return storeFailure(error, io);
      }
    },
  };
