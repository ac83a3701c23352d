import { z } from "zod";
import { annualCycleSchema } from "./annual-cycle.js";
import { collaborationSchema } from "./collaboration.js";
import { costItemSchema } from "./cost-item.js";
import { decisionSchema } from "./decision.js";
import { financialStatementSchema } from "./financial-statement.js";
import { goalSchema } from "./goal.js";
import { meetingSchema } from "./meeting.js";
import { municipalitySchema } from "./municipality.js";
import { populationVectorSchema } from "./population.js";
import { projectSchema } from "./project.js";
import { publishedTableSchema } from "./published-table.js";
import { riskSchema } from "./risk.js";

/**
 * The files of a dataset folder and the schema of each. Every file holds one top-level key,
 * so an error path reads like `costItems[3].rule.rounding.unit`. Files marked optional may be
 * left out (SkånEarkiv has no meeting plan in the seeds).
 */
export const DATASET_FILES = {
  "collaboration.yaml": { required: true, schema: z.strictObject({ collaboration: collaborationSchema }) },
  "municipalities.yaml": {
    required: true,
    schema: z.strictObject({ municipalities: z.array(municipalitySchema).min(1) }),
  },
  "population.yaml": {
    required: true,
    schema: z.strictObject({ population: z.array(populationVectorSchema) }),
  },
  "cost-items.yaml": { required: true, schema: z.strictObject({ costItems: z.array(costItemSchema) }) },
  "published-tables.yaml": {
    required: false,
    schema: z.strictObject({ publishedTables: z.array(publishedTableSchema) }),
  },
  "statements.yaml": {
    required: false,
    schema: z.strictObject({ statements: z.array(financialStatementSchema) }),
  },
  "meetings.yaml": { required: false, schema: z.strictObject({ meetings: z.array(meetingSchema) }) },
  "annual-cycle.yaml": { required: false, schema: z.strictObject({ annualCycle: annualCycleSchema }) },
  "goals.yaml": { required: false, schema: z.strictObject({ goals: z.array(goalSchema) }) },
  "risks.yaml": { required: false, schema: z.strictObject({ risks: z.array(riskSchema) }) },
  "projects.yaml": { required: false, schema: z.strictObject({ projects: z.array(projectSchema) }) },
  "decisions.yaml": { required: false, schema: z.strictObject({ decisions: z.array(decisionSchema) }) },
} as const;

export type DatasetFileName = keyof typeof DATASET_FILES;
export const DATASET_FILE_NAMES = Object.keys(DATASET_FILES) as DatasetFileName[];
