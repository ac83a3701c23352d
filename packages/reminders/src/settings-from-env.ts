/**
 * Reminder settings from environment variables, each with the committee's default. Pure: the caller
 * passes the environment. The bot and `samverkan reminders` read them here, so they agree on what is due.
 */
import { formatPath, reminderSettingsSchema, type ReminderSettings } from "@samverkan/domain";

export interface ReminderConfig {
  /** False with `REMINDERS=off`: commands still work, nothing is sent (another process sends). */
  readonly enabled: boolean;
  readonly settings: ReminderSettings;
  readonly intervalMs: number;
}

function days(value: string | undefined): number[] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return value.split(",").map((d) => (d.trim() === "" ? Number.NaN : Number(d.trim())));
}

function number(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === "" ? undefined : Number(value.trim());
}

const NAMES: Record<string, string> = {
  agendaDaysBefore: "REMINDER_AGENDA_DAYS",
  memberDaysBefore: "REMINDER_MEMBER_DAYS",
  sendAt: "REMINDER_TIME",
  noticeDaysBefore: "REMINDER_NOTICE_DAYS",
  lateAfterMinutes: "REMINDER_LATE_AFTER_MINUTES",
};

/**
 * `REMINDER_AGENDA_DAYS` ("21,7"), `REMINDER_MEMBER_DAYS` ("1"), `REMINDER_TIME` ("09:00"),
 * `REMINDER_NOTICE_DAYS` ("7"), `REMINDER_LATE_AFTER_MINUTES` ("15"), `REMINDER_INTERVAL_SECONDS`
 * ("60"), `REMINDERS` ("on"/"off"). A wrong value throws naming the variable.
 */
export function readReminderConfig(env: Readonly<Record<string, string | undefined>>): ReminderConfig {
  const raw = {
    agendaDaysBefore: days(env.REMINDER_AGENDA_DAYS),
    memberDaysBefore: days(env.REMINDER_MEMBER_DAYS),
    sendAt: env.REMINDER_TIME?.trim() || undefined,
    noticeDaysBefore: number(env.REMINDER_NOTICE_DAYS),
    lateAfterMinutes: number(env.REMINDER_LATE_AFTER_MINUTES),
  };
  const parsed = reminderSettingsSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const [field, ...rest] = issue.path;
      const name = NAMES[String(field)] ?? String(field);
      const [index] = rest;
      // "REMINDER_AGENDA_DAYS, value 2: …" — the variable as the user wrote it, counted from 1.
      const where =
        typeof index === "number" ? `, value ${index + 1}` : rest.length ? ` (${formatPath(rest)})` : "";
      return `${name}${where}: ${issue.message}`;
    });
    throw new RangeError(`Invalid reminder settings: ${problems.join("; ")}`);
  }
  const interval = number(env.REMINDER_INTERVAL_SECONDS) ?? 60;
  if (!Number.isInteger(interval) || interval < 1 || interval > 3600)
    throw new RangeError(
      `REMINDER_INTERVAL_SECONDS must be whole seconds from 1 to 3600, not "${env.REMINDER_INTERVAL_SECONDS}"`,
    );
  const switchValue = (env.REMINDERS ?? "on").trim().toLowerCase();
  if (!["on", "off", "true", "false", "1", "0", ""].includes(switchValue))
    throw new RangeError(`REMINDERS must be "on" or "off", not "${env.REMINDERS}"`);
  return {
    enabled: !["off", "false", "0"].includes(switchValue),
    settings: parsed.data,
    intervalMs: interval * 1000,
  };
}
