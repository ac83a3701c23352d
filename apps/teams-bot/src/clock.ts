/**
 * The bot's clock. Normally the machine's; with `SAMVERKAN_NOW` it starts at that instant and runs on in
 * real time, so the bundled data (meeting plans of 2022) can be tried as if it were then: "nästa
 * sammanträde" is the next one of 2022 and reminders fall due. For demonstrations, never in production.
 */
export function botClock(start: Date | undefined, realNow: () => number = () => Date.now()): () => Date {
  if (!start) return () => new Date(realNow());
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}

/** `SAMVERKAN_NOW` as an instant: ISO 8601 with a zone, e.g. 2022-10-11T08:58+02:00. */
export function parseClockStart(value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  const at = new Date(text);
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text) || Number.isNaN(at.getTime()))
    throw new RangeError(
      `SAMVERKAN_NOW must be an instant with a time zone, e.g. 2022-10-11T08:58+02:00, not "${value}"`,
    );
  return at;
}
