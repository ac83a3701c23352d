#!/usr/bin/env node
import { format } from "date-fns";
import { runCliAsync } from "./cli.js";

process.exitCode = await runCliAsync(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  today: format(new Date(), "yyyy-MM-dd"),
  input: process.stdin,
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
});
