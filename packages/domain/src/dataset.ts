import type { z } from "zod";
import type { AnnualCycle } from "./annual-cycle.js";
import type { Collaboration } from "./collaboration.js";
import type { CostItem } from "./cost-item.js";
import { DATASET_FILES, DATASET_FILE_NAMES, type DatasetFileName } from "./dataset-files.js";
import type { Decision } from "./decision.js";
import type { FinancialStatement } from "./financial-statement.js";
import type { Goal } from "./goal.js";
import type { Meeting } from "./meeting.js";
import type { Municipality } from "./municipality.js";
import type { PopulationVector } from "./population.js";
import { DatasetError, problemsFromZod, type DataProblem } from "./problem.js";
import type { Project } from "./project.js";
import type { PublishedTable } from "./published-table.js";
import type { Risk } from "./risk.js";
import { validateDataset } from "./validate-dataset.js";

/** Everything known about one collaboration, validated as a whole. */
export interface Dataset {
  readonly collaboration: Collaboration;
  readonly municipalities: readonly Municipality[];
  readonly population: readonly PopulationVector[];
  readonly costItems: readonly CostItem[];
  readonly publishedTables: readonly PublishedTable[];
  readonly statements: readonly FinancialStatement[];
  readonly meetings: readonly Meeting[];
  readonly annualCycle: AnnualCycle | undefined;
  readonly goals: readonly Goal[];
  readonly risks: readonly Risk[];
  readonly projects: readonly Project[];
  readonly decisions: readonly Decision[];
}

/** A dataset's files as parsed documents (e.g. YAML already read into plain objects), by file name. */
export type DatasetDocuments = Partial<Record<DatasetFileName, unknown>>;

type FileOutput<F extends DatasetFileName> = z.output<(typeof DATASET_FILES)[F]["schema"]>;

function deepFreeze<T>(value: T): T {
  if (
    value &&
    typeof value === "object" &&
    !Object.isFrozen(value) &&
    !(value.constructor?.name === "Decimal")
  ) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates every file of a dataset and the references between them, and returns the dataset,
 * frozen. Pure: the caller reads the files. Throws a `DatasetError` listing every problem found
 * (file, path, message); nothing is returned half-validated.
 */
export function parseDataset(name: string, documents: DatasetDocuments): Dataset {
  const problems: DataProblem[] = [];
  const parsed: Partial<{ [F in DatasetFileName]: FileOutput<F> }> = {};
  for (const file of Object.keys(documents)) {
    if (!(DATASET_FILE_NAMES as string[]).includes(file)) {
      problems.push({
        file,
        path: "",
        message: `is not a dataset file; expected one of ${DATASET_FILE_NAMES.join(", ")}`,
      });
    }
  }
  for (const file of DATASET_FILE_NAMES) {
    const doc = documents[file];
    if (doc === undefined) {
      if (DATASET_FILES[file].required)
        problems.push({ file, path: "", message: "is missing (every dataset needs it)" });
      continue;
    }
    const result = DATASET_FILES[file].schema.safeParse(doc, { reportInput: true });
    if (result.success) (parsed as Record<string, unknown>)[file] = result.data;
    else problems.push(...problemsFromZod(file, result.error));
  }
  if (problems.length > 0) throw new DatasetError(name, problems);

  const dataset: Dataset = {
    collaboration: (parsed["collaboration.yaml"] as FileOutput<"collaboration.yaml">).collaboration,
    municipalities: (parsed["municipalities.yaml"] as FileOutput<"municipalities.yaml">).municipalities,
    population: (parsed["population.yaml"] as FileOutput<"population.yaml">).population,
    costItems: (parsed["cost-items.yaml"] as FileOutput<"cost-items.yaml">).costItems,
    publishedTables: parsed["published-tables.yaml"]?.publishedTables ?? [],
    statements: parsed["statements.yaml"]?.statements ?? [],
    meetings: parsed["meetings.yaml"]?.meetings ?? [],
    annualCycle: parsed["annual-cycle.yaml"]?.annualCycle,
    goals: parsed["goals.yaml"]?.goals ?? [],
    risks: parsed["risks.yaml"]?.risks ?? [],
    projects: parsed["projects.yaml"]?.projects ?? [],
    decisions: parsed["decisions.yaml"]?.decisions ?? [],
  };
  const crossProblems = validateDataset(dataset);
  if (crossProblems.length > 0) throw new DatasetError(name, crossProblems);
  return deepFreeze(dataset);
}
