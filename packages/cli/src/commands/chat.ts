import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { answer, type ConversationTurn } from "@samverkan/assistant";
import { BUNDLED_DATASETS } from "@samverkan/data";
import { parseChoice, parseOptions, UsageError, type CliIo, type Command } from "../options.js";
import { answerText, parseNow } from "./ask.js";
import { answerDatasets } from "./current-datasets.js";

const USAGE = `samverkan chat [--now DATUM] [--collaboration ID]
  Ett samtal med assistenten: en fråga per rad, på svenska eller engelska, och svaret på varje, som
  samverkan ask ger det. Följdfrågor tar det som saknas från svaret före: "och 2022?", "och Luleå?",
  "varför?", "and in English?", "jämfört med förra året?" — svaret säger vilken hel fråga det läste.
  Samtalet finns bara i minnet och glöms när chat avslutas. Svaren kommer, som för ask, från databasen
  när det finns en (DATABASE_URL, SAMVERKAN_DATA_DIR eller ./.data/pglite, med registrerad närvaro,
  flyttade sammanträden och beslut), annars från de inbyggda data.

  exit, quit, avsluta eller Ctrl-D avslutar. Från en pipe eller fil läses varje rad och besvaras, och
  chat avslutas vid filens slut (utan prompt och hälsning).

  --now DATUM             "nu" som år och möten räknas från: 2022-09-01 eller 2022-09-01T10:00+02:00
                          (standard: dagens datum)
  --collaboration ID      samverkanskollektivet när frågan inte nämner någon kommun (standard norrbotten)

Exempel:
  samverkan chat --now 2022-09-01
  printf 'Vad betalar Kalix för e-arkiv 2023?\\noch 2022?\\noch Luleå?\\n' | samverkan chat`;

/** Words that end the conversation, alone on a line. */
const EXIT_WORDS = new Set(["exit", "quit", "avsluta", "sluta", ":q"]);

const GREETING =
  'samverkan chat — fråga på svenska eller engelska, t.ex. "Vad betalar Kalix för e-arkiv 2023?", och ' +
  'följ upp med "och 2022?". exit eller Ctrl-D avslutar.';

export const chatCommand: Command & {
  runAsync: (args: readonly string[], io: CliIo) => Promise<number>;
} = {
  name: "chat",
  synopsis: "samverkan chat [--now DATUM] [--collaboration ID]",
  summary: "Ett samtal med assistenten, en fråga per rad, med följdfrågor",
  usage: USAGE,
  run(args, io) {
    const { values } = options(args);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    io.err("samverkan chat läser frågor rad för rad och körs med runCliAsync (som kommandot samverkan gör).");
    return 2;
  },
  async runAsync(args, io) {
    const { values, positionals } = options(args);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length > 0)
      throw new UsageError(
        `chat tar frågorna rad för rad, inte som argument (fick "${positionals.join(" ")}").`,
      );
    const now = parseNow(values.now, io.today);
    const collaboration = parseChoice(values.collaboration, "collaboration", BUNDLED_DATASETS);
    // As `ask`: the database's plan as it stands (recorded attendance, moved meetings, decisions) when
    // there is one, else the bundled data. Read once: the conversation answers from one state.
    const datasets = await answerDatasets(process.env);
    const interactive = io.interactive === true;
    const lines = createInterface({
      input: io.input ?? process.stdin,
      // On a terminal readline prompts and edits lines; piped, the output is the answers alone.
      ...(interactive ? { output: process.stdout, terminal: true, prompt: "> " } : { terminal: false }),
    });
    // Ctrl-C ends the conversation like Ctrl-D, instead of readline's default of pausing the input.
    lines.on("SIGINT", () => lines.close());
    if (interactive) {
      io.out(GREETING);
      lines.prompt();
    }
    let previous: ConversationTurn | undefined;
    let answered = 0;
    for await (const line of lines) {
      const question = line.trim();
      if (EXIT_WORDS.has(question.toLowerCase())) break;
      if (question !== "") {
        const a = answer(question, {
          datasets,
          now,
          ...(collaboration ? { defaultCollaboration: collaboration } : {}),
          ...(previous ? { previous } : {}),
        });
        previous = a.turn;
        // A blank line between answers, so each is read (and split by a script) on its own.
        io.out(`${answered > 0 ? "\n" : ""}${answerText(a)}`);
        answered += 1;
      }
      if (interactive) lines.prompt();
    }
    lines.close();
    return 0;
  },
};

function options(args: readonly string[]) {
  return parseOptions(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        now: { type: "string" },
        collaboration: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }),
  );
}
