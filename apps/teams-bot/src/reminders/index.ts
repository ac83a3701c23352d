export { parseReminderCommand, SUBSCRIBE_AS, type ReminderCommand } from "./commands.js";
export { runReminderCommand, type ReminderCommandDeps, type ReminderCommandStore } from "./handler.js";
export { registerReminderCommands } from "./routes.js";
export { proactiveSender } from "./sender.js";
export { ReminderScheduler, type ReminderSchedulerOptions } from "./scheduler.js";
export { readReminderConfig, type ReminderConfig } from "@samverkan/reminders";
