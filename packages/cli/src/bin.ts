#!/usr/bin/env node
import { format } from "date-fns";
import { runCli } from "./cli.js";

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  today: format(new Date(), "yyyy-MM-dd"),
});
