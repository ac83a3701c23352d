/** What every section of a collaboration's dashboard is given: the data and the page's choices. */
import type { Dataset } from "@samverkan/domain";
import type { PageState } from "./layout.js";

export interface DashboardContext {
  /** The dataset as published (allocations, statements). */
  readonly dataset: Dataset;
  /** The dataset as the store has it now: meetings moved, cancelled, attendance and decisions recorded. */
  readonly current: Dataset;
  readonly state: PageState;
  /** The year of the cost items and the statement, one of `years`. */
  readonly year: number;
  /** The years with allocations, ascending. */
  readonly years: readonly number[];
  /** The statement's municipality, by its name. */
  readonly municipality: string;
  /** The year of the meeting plan and attendance, one of `meetingYears`; absent without meetings. */
  readonly meetingYear: number | undefined;
  /** The years with meetings, ascending. */
  readonly meetingYears: readonly number[];
  /** The values the page's links keep besides lang/theme/token (year, municipality, meetingYear). */
  readonly keep: Readonly<Record<string, string | number | undefined>>;
}
