import { parseArgs } from "node:util";
import { openStore, storeOptionsFromEnv, StoreError, type FileChange, type Store } from "@samverkan/store";
import { parseOptions, UsageError, type CliIo, type Command } from "../options.js";

const USAGE = `samverkan import DIR [--collaboration ID] [--actor NAMN]
  Läser in datamappen DIR i databasen som nytt underlag för dess samverkanskollektiv: allt eller inget.
  En mapp med fel ändrar ingenting (felen listas som av samverkan validate, slutkod 1). Visar per fil
  vilka poster som lagts till, tagits bort eller ändrats.

  --collaboration ID   kräv att mappen hör till ID (collaboration.yaml: collaboration.id)
  --actor NAMN         vem som gör ändringen i ändringsloggen (standard: cli)

  Databas: PostgreSQL om DATABASE_URL är satt, annars den inbyggda i SAMVERKAN_DATA_DIR (standard ./.data).
  En tom databas får först de inbyggda samverkanskollektiven.

  Exempel:
    samverkan import ./data/norrbotten --collaboration norrbotten`;

/** Runs `fn` with the store from the environment, and closes it whatever happens. */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFromEnv(process.env));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * A refused store operation as a message and an exit code: 1 when the data is invalid, 2 when the
 * command line names something that is not there or a folder that is in the way.
 */
export function storeFailure(error: unknown, io: CliIo): number {
  if (!(error instanceof StoreError)) throw error;
  io.err(error.message);
  return error.code === "invalid" ? 1 : 2;
}

/** A command that needs the database, which answers asynchronously: only `runCliAsync` (the bin) runs it. */
export function needsAsync(name: string, io: CliIo): number {
  io.err(`samverkan ${name} använder databasen och körs med runCliAsync (som kommandot samverkan gör).`);
  return 2;
}

const WHAT: readonly [keyof Pick<FileChange, "added" | "removed" | "changed">, string][] = [
  ["added", "tillagda"],
  ["removed", "borttagna"],
  ["changed", "ändrade"],
];

/** One line per changed file: `risks.yaml: borttagna risk-2022-project-plan`. */
export function describeChange(f: FileChange): string {
  if (f.status === "added") return `${f.file}: ny fil`;
  if (f.status === "removed") return `${f.file}: borttagen fil`;
  const parts = WHAT.filter(([key]) => f[key].length > 0).map(
    ([key, label]) => `${label} ${f[key].join(", ")}`,
  );
  return `${f.file}: ${parts.join("; ") || "ändrad"}`;
}

export const importCommand: Command & { runAsync: (args: readonly string[], io: CliIo) => Promise<number> } =
  {
    name: "import",
    synopsis: "samverkan import DIR [--collaboration ID]",
    summary: "Läs in en ändrad datamapp i databasen (allt eller inget) och visa vad som ändrats",
    usage: USAGE,
    run(args, io) {
      if (args.includes("--help") || args.includes("-h")) {
        io.out(USAGE);
        return 0;
      }
      return needsAsync("import", io);
    },
    async runAsync(args, io) {
      const { positionals, values } = parseOptions(() =>
        parseArgs({
          args: [...args],
          allowPositionals: true,
          strict: true,
          options: {
            collaboration: { type: "string" },
            actor: { type: "string" },
            help: { type: "boolean", short: "h" },
          },
        }),
      );
      if (values.help) {
        io.out(USAGE);
        return 0;
      }
      const [dir, ...more] = positionals;
      if (dir === undefined || more.length > 0) throw new UsageError("Ange exakt en datamapp.");
      try {
        const report = await withStore((store) =>
          store.importDataset(dir, {
            actor: values.actor ?? "cli",
            ...(values.collaboration !== undefined && { collaborationId: values.collaboration }),
          }),
        );
        if (!report.changed) {
          io.out(`${report.collaborationId}: inga ändringar (revision ${report.revision})`);
          return 0;
        }
        io.out(
          [
            `${report.collaborationId}: ${report.created ? "inläst" : "uppdaterad"}, revision ${report.revision}`,
            ...report.files.filter((f) => f.status !== "unchanged").map((f) => `  ${describeChange(f)}`),
          ].join("\n"),
        );
        return 0;
      } catch (error) {
        return storeFailure(error, io);
      }
    },
  };
