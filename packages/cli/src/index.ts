export { runCli, type CliIo } from "./cli.js";
export { summarizeDataset } from "./summary.js";
