import { parseArgs } from "node:util";
import { loadDataset } from "@samverkan/data";
import { parseOptions, UsageError, type Command } from "../options.js";

const USAGE = `samverkan validate DIR
  Kontrollerar alla YAML-filer i DIR som ett dataset och listar varje fel (fil, sökväg, meddelande).
  Slutkod 1 om något är fel.`;

export const validateCommand: Command = {
  name: "validate",
  synopsis: "samverkan validate DIR",
  summary: "Kontrollera en datamapp (YAML) och lista alla fel",
  usage: USAGE,
  run(args, io) {
    const { positionals, values } = parseOptions(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: { help: { type: "boolean", short: "h" } },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const [dir, ...more] = positionals;
    if (dir === undefined || more.length > 0) throw new UsageError("Ange exakt en datamapp.");
    const d = loadDataset(dir);
    io.out(
      `${dir}: ok — ${d.collaboration.name}, ${d.costItems.length} kostnadsposter, ${d.publishedTables.length} publicerade tabeller`,
    );
    return 0;
  },
};
