import { parseArgs } from "node:util";
import { BUNDLED_DATASETS } from "@samverkan/data";
import { loadCollaboration, parseOptions, type Command } from "../options.js";
import { summarizeDataset } from "../summary.js";

const USAGE = `samverkan summary [--collaboration ID]
  Skriver en sammanfattning av ett eller alla inbyggda dataset.`;

export const summaryCommand: Command = {
  name: "summary",
  synopsis: "samverkan summary [--collaboration ID]",
  summary: "Sammanfattning av de inbyggda dataseten",
  usage: USAGE,
  run(args, io) {
    const { values } = parseOptions(() =>
      parseArgs({
        args: [...args],
        strict: true,
        options: {
          collaboration: { type: "string" },
          help: { type: "boolean", short: "h" },
        },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const ids = values.collaboration ? [values.collaboration] : [...BUNDLED_DATASETS];
    const datasets = ids.map((id) => loadCollaboration(id));
    io.out(datasets.map((d) => summarizeDataset(d, io.today)).join("\n\n"));
    return 0;
  },
};
