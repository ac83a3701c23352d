import type { Intent } from "./types.js";

/**
 * Every intent, as a list: for callers that must cover them all (the bot's tests, the evaluation set).
 * The record makes the compiler refuse a new intent until it is listed here.
 */
const EVERY_INTENT: Record<Intent, true> = {
  itemCost: true,
  statement: true,
  itemTotal: true,
  itemSplit: true,
  explainAmount: true,
  extras: true,
  members: true,
  participants: true,
  nextMeeting: true,
  meetingsInPeriod: true,
  annualCycle: true,
  attendance: true,
  maxWithdrawal: true,
  goals: true,
  risks: true,
  projects: true,
  decisions: true,
  budget: true,
  outcome: true,
  whatIf: true,
  help: true,
  clarify: true,
  unknown: true,
};

export const INTENTS: readonly Intent[] = Object.keys(EVERY_INTENT) as Intent[];
