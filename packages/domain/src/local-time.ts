/**
 * "Now" in a collaboration's time zone, and meeting times as ISO 8601 with the zone's offset.
 * Pure: uses the Intl time-zone data, never the machine's clock or zone.
 */

/** A local calendar moment: date "YYYY-MM-DD" and minutes since midnight. */
export interface LocalNow {
  readonly date: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Minutes since local midnight; 0 when "now" was given as a date alone. */
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Throws a RangeError for a "now" that is not a date: the caller's mistake, not the question's. */
export function localNow(now: Date | string, timeZone: string): LocalNow {
  if (typeof now === "string" && /^\d{4}-\d{2}-\d{2}$/.test(now)) {
    const [year, month, day] = now.split("-").map(Number) as [number, number, number];
    return { date: now, year, month, day, minutes: 0 };
  }
  const d = typeof now === "string" ? new Date(now) : now;
  if (Number.isNaN(d.getTime())) throw new RangeError(`"now" is not a date: ${String(now)}`);
  const p = partsIn(d, timeZone);
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    year,
    month,
    day,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** The zone's UTC offset on a local date at a local time, as "+02:00". */
function offsetAt(date: string, time: string, timeZone: string): string {
  // The offset at the UTC instant with the same wall-clock reading is the local offset except within
  // an hour of a DST change; meetings are never held at 02:00–03:00 on such a night.
  const probe = new Date(`${date}T${time}:00Z`);
  const name = partsIn(probe, timeZone).timeZoneName ?? "GMT";
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? "00"}` : "+00:00";
}

/** "2022-10-12T10:00:00+02:00" for a local date and time; the date alone when there is no time. */
export function isoLocal(date: string, time: string | undefined, timeZone: string): string {
  return time ? `${date}T${time}:00${offsetAt(date, time, timeZone)}` : date;
}

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A local date and time in `timeZone` as the instant it names (`new Date`), e.g. a meeting's start. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  return new Date(isoLocal(date, time, timeZone));
}

/** The local date and clock time of an instant in `timeZone`: `{ date: "2022-06-01", time: "09:00" }`. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const local = localNow(at, timeZone);
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, "0");
  const mm = String(local.minutes % 60).padStart(2, "0");
  return { date: local.date, time: `${hh}:${mm}` };
}
