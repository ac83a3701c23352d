import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Dataset } from "@samverkan/domain";
import { loadDataset } from "./load-dataset.js";

/** The collaborations whose data ships with samverkan. */
export const BUNDLED_DATASETS = ["norrbotten", "skanearkiv"] as const;
export type BundledDatasetId = (typeof BUNDLED_DATASETS)[number];

/** The folder holding the bundled datasets (one sub-folder each). */
export const BUNDLED_DATA_DIR: string = fileURLToPath(new URL("../data/", import.meta.url));

const cache = new Map<BundledDatasetId, Dataset>();

/** Loads (once) and returns a bundled dataset: `loadBundledDataset("norrbotten")`. */
export function loadBundledDataset(id: BundledDatasetId): Dataset {
  let dataset = cache.get(id);
  if (!dataset) {
    dataset = loadDataset(join(BUNDLED_DATA_DIR, id));
    cache.set(id, dataset);
  }
  return dataset;
}

/** True for the ids of bundled datasets. */
export function isBundledDatasetId(id: string): id is BundledDatasetId {
  return (BUNDLED_DATASETS as readonly string[]).includes(id);
}
