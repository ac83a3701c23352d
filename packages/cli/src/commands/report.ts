import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { findMunicipality, closestNames, type Dataset } from "@samverkan/domain";
import {
  buildReport,
  renderAdaptiveCard,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderXlsx,
  REPORT_NAMES,
  ReportOptionError,
  type Report,
  type ReportName,
} from "@samverkan/reports";
import {
  loadCollaboration,
  notFound,
  parseChoice,
  parseOptions,
  parseYear,
  required,
  UsageError,
  type CliIo,
  type Command,
} from "../options.js";
import { resolveItem } from "./allocate.js";

const FORMATS = ["md", "csv", "xlsx", "html", "card"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `samverkan report RAPPORT --collaboration ID --year ÅR [--municipality KOMMUN] [--format md|csv|xlsx|html|card] [--lang sv|en] [--out FIL]
  Nämndens egna dokument som rapport: varje belopp publicerat (med källa) eller beräknat (med modellen i ord),
  summarader som är radernas exakta summa, och det som inte stämmer i dokumenten flaggat (⚠), inte rättat.

  RAPPORT
    allocation       Fördelning per kostnadspost och år: en rad per kommun, en kolumn per kostnadspost
                     (--item KOSTNADSPOST, flera gånger, eller --table "Gemensamma tjänster 2023")
    statement        Kommunbesked: allt en kommun betalar ett år (kräver --municipality)
    budget           Budget: intäkter och kostnader per post, rörelseresultat, och varianten inkl. Datacenter
    interim          Delårsrapport / uppföljning: utfall mot budget och prognos, med avvikelser
    meetings         Sammanträdesplan och årshjul: möten, vad årshjulet kräver, närvaro mot målet 75 %
    max-withdrawal   SkånEarkiv: maximalt uttag per kommun med uppräkningen (--year valfritt: alla år)
    attendance       Närvaro: per sammanträde (närvarande av möjliga, andel mot målet 75 %, summa för året)
                     och per medlemskommun där närvarande kommuner är registrerade
    decisions        Beslutsregister: varje § med datum, ärendenr, ärende, beslut och källa
                     (--year valfritt: alla år)

  --collaboration ID      norrbotten eller skanearkiv
  --year ÅR               t.ex. 2023
  --municipality KOMMUN   namn eller kommunkod (statement)
  --item KOSTNADSPOST     namn, id eller synonym (allocation; får upprepas)
  --table RUBRIK          en publicerad tabells rubrik (allocation)
  --format FORMAT         md (standard), csv, xlsx, html eller card (Adaptive Card-JSON för Teams)
  --csv excel|plain       excel (standard): UTF-8 med BOM, semikolon och decimalkomma, som svenskt Excel
                          öppnar; plain: komma och decimalpunkt
  --lang sv|en            språk för rubriker, ord och talformat (standard sv)
  --out FIL               skriv till filen i stället för till standard ut (krävs för xlsx)

Exempel:
  samverkan report allocation --collaboration norrbotten --year 2023 --table "Gemensamma tjänster 2023"
  samverkan report statement --collaboration norrbotten --year 2023 --municipality Kalix --format csv --out kalix.csv
  samverkan report interim --collaboration norrbotten --year 2022 --format xlsx --out delarsrapport.xlsx
  samverkan report attendance --collaboration norrbotten --year 2022
  samverkan report decisions --collaboration norrbotten --format csv --out beslut.csv`;

const OPTIONS = {
  collaboration: { type: "string" },
  year: { type: "string" },
  municipality: { type: "string" },
  item: { type: "string", multiple: true },
  table: { type: "string" },
  format: { type: "string" },
  csv: { type: "string" },
  lang: { type: "string" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

interface Request {
  readonly report: Report;
  readonly format: Format;
  readonly csvStyle: "excel-sv" | "plain";
  readonly out: string | undefined;
}

/** The municipality's printed name; unknown names get the closest ones (as `statement` does). */
function resolveMunicipality(d: Dataset, query: string): string {
  const found = findMunicipality(d, query);
  if (found.found) return found.value.name;
  throw notFound(
    `Okänd kommun "${query}" i ${d.collaboration.name}`,
    found.suggestions,
    d.municipalities.map((m) => m.name),
    "Kommuner",
  );
}

function reportName(query: string | undefined): ReportName {
  if (query === undefined || query.startsWith("-"))
    throw new UsageError("Ange vilken rapport, t.ex. samverkan report budget.");
  const name = REPORT_NAMES.find((n) => n === query.trim().toLowerCase());
  if (name) return name;
  const candidates = REPORT_NAMES.map((n) => ({ name: n, spellings: [n] }));
  throw notFound(`Okänd rapport "${query}"`, closestNames(query, candidates), REPORT_NAMES, "Rapporter");
}

/** Parses the command line and builds the report; the rendering is left to the caller (xlsx is asynchronous). */
function prepare(args: readonly string[], io: CliIo): Request | number {
  const { values, positionals } = parseOptions(() =>
    parseArgs({ args: [...args], strict: true, allowPositionals: true, options: OPTIONS }),
  );
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`En rapport åt gången (fick ${positionals.join(", ")}).`);
  const name = reportName(positionals[0]);
  const format = parseChoice(values.format, "format", FORMATS) ?? "md";
  const lang = parseChoice(values.lang, "lang", ["sv", "en"] as const) ?? "sv";
  const csvStyle =
    parseChoice(values.csv, "csv", ["excel", "plain"] as const) === "plain" ? "plain" : "excel-sv";
  const collaboration = required(values.collaboration, "collaboration");
  // max-withdrawal and decisions show every year when --year is left out; the others need one.
  const year =
    values.year === undefined && (name === "max-withdrawal" || name === "decisions")
      ? undefined
      : parseYear(required(values.year, "year"));
  if (format === "xlsx" && !values.out)
    throw new UsageError("--format xlsx skriver en binär fil och kräver --out FIL.");
  if (name === "statement") required(values.municipality, "municipality");
  if (values.municipality !== undefined && name !== "statement")
    throw new UsageError(`--municipality gäller bara rapporten statement.`);
  if ((values.item?.length || values.table !== undefined) && name !== "allocation")
    throw new UsageError(`--item och --table gäller bara rapporten allocation.`);

  const d = loadCollaboration(collaboration);
  try {
    const report = buildReport(d, name, {
      ...(year !== undefined ? { year } : {}),
      ...(values.municipality !== undefined
        ? { municipality: resolveMunicipality(d, values.municipality) }
        : {}),
      ...(values.item?.length ? { items: values.item.map((q) => resolveItem(d, q).id) } : {}),
      ...(values.table !== undefined ? { table: values.table } : {}),
      lang,
    });
    return { report, format, csvStyle, out: values.out };
  } catch (error) {
    if (error instanceof ReportOptionError) throw new UsageError(`${error.message}.`);
    throw error;
  }
}

/** Prints the text, or writes it to --out and says where. */
function emit(io: CliIo, out: string | undefined, content: string | Uint8Array): void {
  if (out === undefined) {
    io.out(typeof content === "string" ? content.replace(/\r?\n$/, "") : "");
    return;
  }
  writeFileSync(out, content);
  io.err(`Skrev ${out}`);
}

function renderText(r: Request): string {
  switch (r.format) {
    case "md":
      return renderMarkdown(r.report);
    case "csv":
      return renderCsv(r.report, { style: r.csvStyle });
    case "html":
      return renderHtml(r.report);
    case "card":
      return JSON.stringify(renderAdaptiveCard(r.report), null, 2);
    case "xlsx":
      throw new UsageError("--format xlsx skrivs asynkront; kör kommandot samverkan (runCliAsync).");
  }
}

/** `samverkan report`; `runAsync` also writes XLSX (exceljs writes asynchronously). */
export const reportCommand: Command & { runAsync: (args: readonly string[], io: CliIo) => Promise<number> } =
  {
    name: "report",
    synopsis: "samverkan report RAPPORT --collaboration ID --year ÅR [--format md|csv|xlsx|html|card]",
    summary:
      "Rapporter: fördelning, kommunbesked, budget, delårsrapport, sammanträdesplan, maximalt uttag, närvaro, beslutsregister",
    usage: USAGE,
    run(args, io) {
      const r = prepare(args, io);
      if (typeof r === "number") return r;
      emit(io, r.out, renderText(r));
      return 0;
    },
    async runAsync(args, io) {
      const r = prepare(args, io);
      if (typeof r === "number") return r;
      emit(io, r.out, r.format === "xlsx" ? await renderXlsx(r.report) : renderText(r));
      return 0;
    },
  };
