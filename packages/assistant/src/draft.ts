import type { Dataset } from "@samverkan/domain";
import type { Chart, ReportTable } from "@samverkan/reports";
import type { ParsedQuestion } from "./parse.js";
import type { LocalNow } from "./time.js";
import type { AnswerAmount, AnswerMeeting, Intent, Lang } from "./types.js";

/** A name–value pair shown on the card ("Källa", "Modell"). */
export interface Fact {
  readonly title: string;
  readonly value: string;
}

/** An answer before its card is built: what every intent handler returns. */
export interface Draft {
  readonly intent: Intent;
  readonly text: string;
  readonly amounts?: readonly AnswerAmount[];
  readonly meetings?: readonly AnswerMeeting[];
  readonly followUps?: readonly string[];
  readonly options?: readonly string[];
  readonly collaboration?: string;
  readonly year?: { readonly value: number; readonly source: "question" | "now" | "relative" };
  /** A table for the card (the report model's table). */
  readonly table?: ReportTable;
  /** A chart for the card, after the text: `chartFromTable` of `table`, so it shows the table's numbers. */
  readonly chart?: Chart;
  readonly facts?: readonly Fact[];
}

/** What a handler works with: the parsed question, the datasets, "now" and the chosen collaboration. */
export interface Turn {
  readonly parsed: ParsedQuestion;
  readonly lang: Lang;
  readonly datasets: readonly Dataset[];
  /** The collaboration the question is about (from a municipality, a name, an item, or the default). */
  readonly dataset: Dataset;
  /** "Now" in the collaboration's time zone. */
  readonly now: LocalNow;
}

/** Swedish or English, by the question's language. */
export function say(turn: Pick<Turn, "lang">, sv: string, en: string): string {
  return turn.lang === "sv" ? sv : en;
}
