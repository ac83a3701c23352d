import { test } from "vitest";
import { ask } from "./support.js";
// Scratch (budget helper): prints answers to Q (one question per line); removed when done.
test("ask", () => {
  for (const q of (process.env.Q ?? "").split("\n").filter(Boolean)) {
    const a = ask({ q, now: process.env.NOW ?? "2022-09-01" });
    console.log(`${q}\n  [${a.intent} ${a.language}] ${a.text}\n  amounts: ${a.amounts.map((x) => `${x.role}:${x.statement?.id ?? ""}/${x.statement?.line ?? x.item}/${x.statement?.column ?? ""}=${x.amount}${x.unit}`).join(", ")}\n  followUps: ${a.followUps.join(" | ")}${process.env.TABLE ? `\n  card: ${JSON.stringify(a.card).slice(0, 4000)}` : ""}`);
  }
});
