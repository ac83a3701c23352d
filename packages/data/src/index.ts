export { loadDataset } from "./load-dataset.js";
export {
  BUNDLED_DATASETS,
  BUNDLED_DATA_DIR,
  loadBundledDataset,
  isBundledDatasetId,
  type BundledDatasetId,
} from "./bundled.js";
