/**
 * Puts the reminder commands in front of the assistant: a message that is a command (typed, or sent
 * by a card button) is handled here; everything else goes on to the question handler.
 */
import type { Application, TurnState } from "@microsoft/teams-ai";
import { MessageFactory, type Activity } from "botbuilder";
import { isStoreError } from "@samverkan/store";
import { parseReminderCommand } from "./commands.js";
import { runReminderCommand, type ReminderCommandDeps } from "./handler.js";

export function registerReminderCommands(
  app: Application<TurnState>,
  textOf: (activity: Partial<Activity>) => string | undefined,
  deps: ReminderCommandDeps | undefined,
): void {
  const commandOf = (activity: Partial<Activity>) => {
    const text = textOf(activity);
    return text === undefined ? undefined : { text, command: parseReminderCommand(text) };
  };
  app.message(
    async (context) => commandOf(context.activity)?.command !== undefined,
    async (context) => {
      const parsed = commandOf(context.activity);
      if (!parsed?.command) return;
      if (!deps) {
        // Answering from bundled files only (tests, examples): there is nowhere to keep a subscription.
        const sv = parsed.command.language === "sv";
        await context.sendActivity(
          MessageFactory.text(
            sv
              ? "Påminnelser kräver databasen: starta boten med sin databas (standard) för att prenumerera."
              : "Reminders need the database: start the bot with its database (the default) to subscribe.",
          ),
        );
        return;
      }
      try {
        await runReminderCommand(context, parsed.command, parsed.text, deps);
      } catch (error) {
        // A refusal of the store (something it does not know, a value it does not take) is the member's
        // to read; anything else is a fault, for the bot's apology and the server log.
        if (!isStoreError(error)) throw error;
        const sv = parsed.command.language === "sv";
        await context.sendActivity(
          MessageFactory.text(`${sv ? "Det gick inte" : "That did not work"}: ${error.message}`),
        );
      }
    },
  );
}
