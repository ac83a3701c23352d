/** Time in the collaboration's zone lives in `@samverkan/domain` (the bot's reminders read it too). */
export { isoLocal, localNow, minutesOf, type LocalNow } from "@samverkan/domain";

/** Adds months to (year, month): (2022, 12) + 1 = (2023, 1). */
export function addMonths(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
