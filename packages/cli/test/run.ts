import { runCli } from "../src/index.js";

/** Runs the command line in-process and collects what it prints. */
export function run(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), today: "2022-09-01" });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
