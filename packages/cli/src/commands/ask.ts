import { parseArgs } from "node:util";
import { answer, exampleLines, type Answer } from "@samverkan/assistant";
import { BUNDLED_DATASETS, loadBundledDataset } from "@samverkan/data";
import type { Dataset } from "@samverkan/domain";
import { parseChoice, parseOptions, UsageError, type CliIo, type Command } from "../options.js";
import { answerDatasets } from "./current-datasets.js";

const FORMATS = ["text", "json"] as const;

const USAGE = `samverkan ask "FRÅGA" [--now DATUM] [--format text|json] [--collaboration ID]
  Svarar på en fråga på svenska eller engelska om de inbyggda samverkanskollektiven. Varje belopp kommer
  från en publicerad tabell eller fördelningsmotorn, och svaret säger vilket; ett scenario märks som
  beräknat. Samma svar som Teams-boten och API:t ger. Följdfrågor i en konversation: samverkan chat.
  Svaren kommer från databasen när det finns en (DATABASE_URL, SAMVERKAN_DATA_DIR eller ./.data/pglite:
  med registrerad närvaro, flyttade sammanträden och beslut), annars från de inbyggda data.

Ämnen, med ett exempel var:
${exampleLines("sv")
  .map((l) => `  ${l}`)
  .join("\n")}

  --now DATUM             "nu" som år och möten räknas från: 2022-09-01 eller 2022-09-01T10:00+02:00
                          (standard: dagens datum)
  --format FORMAT         text (standard: svaret, beloppens ursprung och förslag på följdfrågor)
                          eller json (hela svaret, med Adaptive Card)
  --collaboration ID      samverkanskollektivet när frågan inte nämner någon kommun (standard norrbotten)

Exempel:
  samverkan ask "Vad betalar Kalix för e-arkiv 2023?"
  samverkan ask "när är nästa sammanträde?" --now 2022-09-01
  samverkan ask "what does Kalix pay for the e-archive in 2023?" --format json`;

/** The bundled collaborations: what `ask` and `chat` answer from when there is no database. */
export function askDatasets(): Dataset[] {
  return BUNDLED_DATASETS.map((id) => loadBundledDataset(id));
}

/** "2022-09-01" or an ISO date-time; anything else is a command-line mistake. */
export function parseNow(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  throw new UsageError(`--now ska vara ett datum, t.ex. 2022-09-01 (fick "${value}").`);
}

/** The answer as a person reads it: the text, where each amount comes from, and what to ask next. */
export function answerText(a: Answer): string {
  const sv = a.language === "sv";
  const lines = [a.text];
  const sources = [
    ...new Set(
      a.amounts.map((x) =>
        x.provenance.kind === "published"
          ? `${x.provenance.table} (${x.provenance.document}${x.provenance.lines ? `, ${sv ? "rad" : "lines"} ${x.provenance.lines[0]}–${x.provenance.lines[1]}` : ""})`
          : `${sv ? "beräknat" : "computed"}: ${x.provenance.description}`,
      ),
    ),
  ];
  if (sources.length > 0) lines.push("", sv ? "Ursprung:" : "Sources:", ...sources.map((s) => `  ${s}`));
  if (a.options?.length) lines.push("", sv ? "Välj:" : "Choose:", ...a.options.map((o) => `  ${o}`));
  if (a.followUps.length > 0)
    lines.push(
      "",
      sv ? "Du kan också fråga:" : "You can also ask:",
      ...a.followUps.slice(0, 5).map((q) => `  ${q}`),
    );
  return lines.join("\n");
}

function runAsk(args: readonly string[], io: CliIo, datasets: () => Promise<Dataset[]> | Dataset[]) {
  const { values, positionals } = parseOptions(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        now: { type: "string" },
        format: { type: "string" },
        collaboration: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const question = positionals.join(" ").trim();
  if (!question) throw new UsageError("Frågan saknas.");
  const format = parseChoice(values.format, "format", FORMATS) ?? "text";
  const collaboration = parseChoice(values.collaboration, "collaboration", BUNDLED_DATASETS);
  const now = parseNow(values.now, io.today);
  const from = datasets();
  const reply = (list: Dataset[]) => {
    const a = answer(question, {
      datasets: list,
      now,
      ...(collaboration ? { defaultCollaboration: collaboration } : {}),
    });
    io.out(format === "json" ? JSON.stringify(a, null, 2) : answerText(a));
    return 0;
  };
  return Array.isArray(from) ? reply(from) : from.then(reply);
}

export const askCommand: Command & { runAsync: (args: readonly string[], io: CliIo) => Promise<number> } = {
  name: "ask",
  synopsis: 'samverkan ask "FRÅGA" [--now DATUM] [--format text|json]',
  summary: "Svarar på en fråga på svenska eller engelska, med beloppens ursprung",
  usage: USAGE,
  run(args, io) {
    return runAsk(args, io, askDatasets) as number;
  },
  // From the command line: the database's plan as it stands (recorded attendance, moves, decisions) when
  // there is one, else the bundled data.
  async runAsync(args, io) {
    return runAsk(args, io, () => answerDatasets(process.env));
  },
};
