import type { Dataset } from "@samverkan/domain";
import type { Chart } from "@samverkan/reports";

/** The language of a question, and so of its answer. */
export type Lang = "sv" | "en";

/** What the question asked for. The bot and the API switch on this; the names are stable. */
export type Intent =
  /** What one (or a few) municipalities pay for one cost item in one year. */
  | "itemCost"
  /** A municipality's kommunbesked: everything it pays in a year, optionally compared with another year. */
  | "statement"
  /** A cost item's total for a year and who pays most and least. */
  | "itemTotal"
  /** How a cost item is split between the members, and why (the model and the rounding). */
  | "itemSplit"
  /** Why a municipality pays an amount: the engine's explanation of that row. */
  | "explainAmount"
  /** Charges on top: start fees, storage per GB, transaction costs, items the supplier bills directly. */
  | "extras"
  /** The collaboration's members, or whether a municipality is one. */
  | "members"
  /** Who takes part in a project, pre-study or shared service. */
  | "participants"
  /** The next meeting (of the committee, the preparatory group or any body) after "now". */
  | "nextMeeting"
  /** The meetings in a month or a year. */
  | "meetingsInPeriod"
  /** What the årshjul says must be decided in a month or at a meeting. */
  | "annualCycle"
  /** Attendance at meetings, against the 75 % goal. */
  | "attendance"
  /** SkånEarkiv: a member's maximum withdrawal (maximalt uttag) for a year. */
  | "maxWithdrawal"
  /** The committee's goals and indicators for a year, with their follow-up where reported. */
  | "goals"
  /** The internal-control plan's risks: likelihood × consequence, ranked, per year. */
  | "risks"
  /** A project, pre-study or service: phase, status, budget, who takes part and who pays. */
  | "projects"
  /** Decisions (§) of the minutes, by meeting or by subject. */
  | "decisions"
  /** The committee's budget for a year: totals, lines, the change from the year before. */
  | "budget"
  /** Outcomes and forecasts of the interim report (delårsrapport). */
  | "outcome"
  /** A computed scenario: an item re-split with members leaving or joining, or by another model. */
  | "whatIf"
  /** What the assistant can answer, with examples. */
  | "help"
  /** The question is ambiguous: a clarifying question with `options`. */
  | "clarify"
  /** An unknown municipality or item, or a question not understood: says so and lists what exists. */
  | "unknown";

/** Where an amount comes from: printed in a document's table, or computed by the engine with a model. */
export type AmountProvenance =
  | {
      readonly kind: "published";
      /** The seed document's file name. */
      readonly document: string;
      /** The table's heading as printed, e.g. "Gemensamma tjänster 2023". */
      readonly table: string;
      /** The published table's id in the dataset, when the amount is a cell of one. */
      readonly tableId?: string;
      /** First and last line of the table in the document. */
      readonly lines?: readonly [number, number];
    }
  | {
      readonly kind: "computed";
      /** The allocation model's type ("fixedKey", "mixed", …), or "sum"/"difference" for derived amounts. */
      readonly model: string;
      /** The model in words, in the answer's language. */
      readonly description: string;
    };

/**
 * What an amount is:
 * - `allocation`: what `municipality` pays for `itemId` in `year` (a row of `allocateCostItem`);
 * - `itemTotal`: the sum of an item's rows for a year (`municipality` is null);
 * - `statementTotal`: the sum of a municipality's kommunbesked (`itemId` is null);
 * - `change`: this year's allocation minus the compared year's (same municipality and item; for a total, `itemId` null);
 * - `extra`: a charge on top, as printed (`municipality` null; the text says what it is per).
 */
export type AmountRole =
  | "allocation"
  | "itemTotal"
  | "statementTotal"
  | "change"
  | "extra"
  /** A cell of a financial statement (budget, outcome or forecast) as printed; see `statement`. */
  | "statementLine"
  /**
   * A printed cell minus the same line's cell in an earlier statement (budget 2023 − budget 2022):
   * computed (model "difference"); `statement` is the later cell, `comparedWith` the earlier one.
   */
  | "statementChange"
  /** What `municipality` would pay for `itemId` in `year` in a what-if scenario (computed, never published). */
  | "scenario"
  /** The scenario's amount minus today's for the same municipality, item and year. */
  | "scenarioChange";

/** One number in an answer: exact, with its unit and where it comes from. */
export interface AnswerAmount {
  readonly role: AmountRole;
  /** The collaboration's id: "norrbotten", "skanearkiv". */
  readonly collaboration: string;
  /** The municipality's printed name, or null for an item total or an extra. */
  readonly municipality: string | null;
  /** The cost item's printed (Swedish) name; for a statement total "Summa". */
  readonly item: string;
  /** The cost item's id, or null for a statement total. */
  readonly itemId: string | null;
  readonly year: number;
  /** Exact decimal string in `unit` ("21000", "2238"); never a float. */
  readonly amount: string;
  /** For an extra printed as a range ("500–1 500 kr/år"): the high end; `amount` is the low end. */
  readonly amountMax?: string;
  readonly unit: "kr" | "tkr";
  readonly provenance: AmountProvenance;
  /**
   * For `scenario` and `scenarioChange`: the change to today's split that the scenario computes, as
   * `whatIf` of @samverkan/allocation takes it (JSON: a model is its `AllocationModel` object).
   */
  readonly scenario?: {
    readonly add?: readonly string[];
    readonly remove?: readonly string[];
    readonly model?: Readonly<Record<string, unknown>>;
  };
  /** For a `statementLine`: which statement, line and column it is printed in. */
  readonly statement?: { readonly id: string; readonly line: string; readonly column: string };
  /** For a `statementChange`: the earlier printed cell the difference is taken from. */
  readonly comparedWith?: { readonly id: string; readonly line: string; readonly column: string };
}

/** A meeting in an answer. Times are local to the collaboration, as ISO 8601 with the UTC offset. */
export interface AnswerMeeting {
  readonly id: string;
  readonly collaboration: string;
  /** "committee" (nämnd), "preparatoryGroup" (beredningsgrupp) or "strategyDay". */
  readonly body: string;
  readonly title?: string;
  /** "2022-10-12T10:00:00+02:00", or the date alone ("2022-09-21") when no time is given. */
  readonly start: string;
  readonly end?: string;
  readonly place?: string;
  readonly status: string;
  readonly attendance?: { readonly present: number; readonly of: number; readonly counts: string };
}

/** The answer to one question. Plain data: `JSON.stringify` keeps all of it. */
export interface Answer {
  readonly language: Lang;
  readonly intent: Intent;
  /** A complete sentence or short paragraph; amounts formatted like "21 000 kr". */
  readonly text: string;
  readonly amounts: readonly AnswerAmount[];
  readonly meetings: readonly AnswerMeeting[];
  /** Suggested next questions, in the answer's language. */
  readonly followUps: readonly string[];
  /** For `clarify`: the choices (names); `followUps` has each as a full question to ask. */
  readonly options?: readonly string[];
  /** The collaboration the answer is about, when there is one. */
  readonly collaboration?: string;
  /** The year the answer is for, and whether the question named it or it was taken from `now`. */
  readonly year?: { readonly value: number; readonly source: "question" | "now" | "relative" };
  /** An Adaptive Card (JSON) for Teams with the same content. */
  readonly card: Record<string, unknown>;
  /**
   * The chart on the card, when the answer has one (an item's split, a statement, attendance per
   * meeting, SkånEarkiv's caps): the report model's `Chart`, its points the card table's rows.
   */
  readonly chart?: Chart;
  /**
   * For a follow-up ("och 2022?"): the whole question it was read as, which the text also states.
   * Absent when the question was answered as asked.
   */
  readonly interpretedAs?: string;
  /** What to pass back as `previous` with the next question of the same conversation. */
  readonly turn: ConversationTurn;
}

/**
 * One answered question of a conversation, as the next question needs it: plain JSON, so a bot or
 * an API can keep it in a store between messages. Opaque to callers; only `answer` reads it.
 */
export interface ConversationTurn {
  /** The question as answered: for a follow-up the rewritten, complete question. */
  readonly question: string;
  readonly language: Lang;
  readonly intent: Intent;
  readonly collaboration?: string;
  /** The year answered about, if any. */
  readonly year?: number;
}

/** What `answer` answers from. Pure data: the caller loads the datasets. */
export interface AssistantContext {
  /** The collaborations' datasets (e.g. `loadBundledDataset("norrbotten")`). */
  readonly datasets: readonly Dataset[] | Readonly<Record<string, Dataset>>;
  /** "Now": a Date or an ISO date / date-time string. Years and meetings are relative to it. */
  readonly now: Date | string;
  /** The collaboration to answer about when the question names no municipality or collaboration (default "norrbotten"). */
  readonly defaultCollaboration?: string;
  /**
   * The previous answer's `turn` in the same conversation: a follow-up ("och 2022?", "and Luleå?",
   * "varför?", "in English?") takes what it leaves out from there. None: the question stands alone.
   */
  readonly previous?: ConversationTurn;
}
