import { describe, expect, it } from "vitest";
import { parseReminderCommand } from "../src/reminders/index.js";

describe("reminder commands in Swedish and English", () => {
  it.each([
    ["påminn oss", { kind: "subscribe", language: "sv" }],
    ["Påminn oss!", { kind: "subscribe", language: "sv" }],
    ["prenumerera på påminnelser", { kind: "subscribe", language: "sv" }],
    ["påminn oss som sekreterare", { kind: "subscribe", role: "secretary", language: "sv" }],
    ["prenumerera på påminnelser om dagordningen", { kind: "subscribe", role: "secretary", language: "sv" }],
    ["påminn oss som ledamöter", { kind: "subscribe", role: "member", language: "sv" }],
    ["påminn mig om beredningsgruppens möten", { kind: "subscribe", role: "member", language: "sv" }],
    ["remind us", { kind: "subscribe", language: "en" }],
    ["subscribe to reminders", { kind: "subscribe", language: "en" }],
    ["remind us as the secretary", { kind: "subscribe", role: "secretary", language: "en" }],
    ["remind us as members", { kind: "subscribe", role: "member", language: "en" }],
    ["avsluta påminnelser", { kind: "unsubscribe", language: "sv" }],
    ["sluta påminna oss", { kind: "unsubscribe", language: "sv" }],
    ["avsluta påminnelser för ledamöter", { kind: "unsubscribe", role: "member", language: "sv" }],
    ["stop reminders", { kind: "unsubscribe", language: "en" }],
    ["unsubscribe", { kind: "unsubscribe", language: "en" }],
    ["visa påminnelser", { kind: "list", language: "sv" }],
    ["vilka påminnelser", { kind: "list", language: "sv" }],
    ["list reminders", { kind: "list", language: "en" }],
    ["visa nästa påminnelse", { kind: "preview", language: "sv" }],
    ["förhandsvisa påminnelsen", { kind: "preview", language: "sv" }],
    ["preview the next reminder", { kind: "preview", language: "en" }],
    ["öppna punkter", { kind: "openItems", language: "sv" }],
    ["open items", { kind: "openItems", language: "en" }],
    [
      "ny punkt: Återrapportering av internkontrollen",
      { kind: "addOpenItem", text: "Återrapportering av internkontrollen", language: "sv" },
    ],
    ["lägg till öppen punkt: E-learning", { kind: "addOpenItem", text: "E-learning", language: "sv" }],
    [
      "add open item: Follow up the audit",
      { kind: "addOpenItem", text: "Follow up the audit", language: "en" },
    ],
    ["stäng punkt 3", { kind: "closeOpenItem", id: 3, language: "sv" }],
    ["stäng punkt #12", { kind: "closeOpenItem", id: 12, language: "sv" }],
    ["close item 4", { kind: "closeOpenItem", id: 4, language: "en" }],
  ])("%s", (text, command) => {
    expect(parseReminderCommand(text)).toEqual(command);
  });

  it.each([
    "När är nästa sammanträde?",
    "Vad betalar Kalix för e-arkiv 2023?",
    "what does Kalix pay for e-arkiv 2023?",
    "Vad ska beslutas i juni enligt årshjulet?",
    "Hur många kommuner deltog på beredningsgruppens möten?",
    "ny punkt:",
    "hjälp",
    "",
  ])("leaves the question %j to the assistant", (text) => {
    expect(parseReminderCommand(text)).toBeUndefined();
  });
});
