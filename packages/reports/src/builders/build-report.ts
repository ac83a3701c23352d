import type { Dataset } from "@samverkan/domain";
import type { Report, ReportLang, ReportName } from "../model.js";
import { buildAllocationReport } from "./allocation.js";
import { buildAttendanceReport } from "./attendance.js";
import { buildBudgetReport } from "./budget.js";
import { buildDecisionsReport } from "./decisions.js";
import { buildInterimReport } from "./interim.js";
import { buildMaxWithdrawalReport } from "./max-withdrawal.js";
import { buildMeetingsReport } from "./meetings.js";
import { buildStatementReport } from "./statement.js";

/** Every report, in the order the CLI's help lists them. */
export const REPORT_NAMES: readonly ReportName[] = [
  "allocation",
  "statement",
  "budget",
  "interim",
  "meetings",
  "max-withdrawal",
  "attendance",
  "decisions",
];

export interface BuildReportOptions {
  /** Required by every report but max-withdrawal and decisions (which show every year when it is left out). */
  readonly year?: number;
  /** Required by statement. */
  readonly municipality?: string;
  /** allocation: the cost items (ids, names or synonyms). */
  readonly items?: readonly string[];
  /** allocation: a published table's heading. */
  readonly table?: string;
  readonly lang?: ReportLang;
}

/** Says which option a report needs: thrown before any work is done. */
export class ReportOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportOptionError";
  }
}

function need<T>(value: T | undefined, option: string, report: ReportName): T {
  if (value === undefined) throw new ReportOptionError(`Rapporten ${report} kräver ${option}`);
  return value;
}

/** Builds a report by its name: what `samverkan report <name>` does before rendering. */
export function buildReport(d: Dataset, name: ReportName, o: BuildReportOptions): Report {
  const lang = o.lang ?? "sv";
  switch (name) {
    case "allocation":
      return buildAllocationReport(d, {
        year: need(o.year, "--year", name),
        lang,
        ...(o.items ? { items: o.items } : {}),
        ...(o.table !== undefined ? { table: o.table } : {}),
      });
    case "statement":
      return buildStatementReport(d, {
        year: need(o.year, "--year", name),
        municipality: need(o.municipality, "--municipality", name),
        lang,
      });
    case "budget":
      return buildBudgetReport(d, { year: need(o.year, "--year", name), lang });
    case "interim":
      return buildInterimReport(d, { year: need(o.year, "--year", name), lang });
    case "meetings":
      return buildMeetingsReport(d, { year: need(o.year, "--year", name), lang });
    case "max-withdrawal":
      return buildMaxWithdrawalReport(d, { lang, ...(o.year !== undefined ? { years: [o.year] } : {}) });
    case "attendance":
      return buildAttendanceReport(d, { year: need(o.year, "--year", name), lang });
    case "decisions":
      return buildDecisionsReport(d, { lang, ...(o.year !== undefined ? { year: o.year } : {}) });
  }
}
