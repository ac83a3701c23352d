import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, reminderSettingsSchema } from "@samverkan/domain";
import { daysBefore, scheduleReminders } from "../src/index.js";
import { norrbotten, schedule2022, TZ } from "./fixtures.js";

const at = (r: { meeting: { id: string }; kind: string; dueAt: Date }) =>
  `${r.meeting.id} ${r.kind} ${r.dueAt.toISOString()}`;

describe("the reminders the 2022 meeting plan calls for", () => {
  const schedule = schedule2022();

  it("reminds the secretary 21 and 7 days before each committee meeting at 09:00 Stockholm time", () => {
    const june = schedule.filter((r) => r.meeting.id === "committee-2022-06-22").map(at);
    expect(june).toEqual([
      "committee-2022-06-22 agenda-21d 2022-06-01T07:00:00.000Z",
      "committee-2022-06-22 agenda-7d 2022-06-15T07:00:00.000Z",
      "committee-2022-06-22 meeting-1d 2022-06-21T07:00:00.000Z",
    ]);
    // Winter time: 09:00 CET is 08:00 UTC; the meeting's start key is its UTC instant.
    const december = schedule.filter((r) => r.meeting.id === "committee-2022-12-14");
    expect(december.map(at)[0]).toBe("committee-2022-12-14 agenda-21d 2022-11-23T08:00:00.000Z");
    expect(december[0]?.meetingStart).toBe("2022-12-14T09:00:00Z");
  });

  it("reminds members the day before committee and preparatory group meetings, not strategy days", () => {
    const members = schedule.filter((r) => r.role === "member");
    expect(members).toHaveLength(13);
    expect(members.every((r) => r.kind === "meeting-1d")).toBe(true);
    expect(schedule.some((r) => r.meeting.body === "strategyDay")).toBe(false);
    expect(schedule.filter((r) => r.role === "secretary")).toHaveLength(8);
    expect(schedule.filter((r) => r.role === "secretary").every((r) => r.meeting.body === "committee")).toBe(
      true,
    );
  });

  it("is in due order", () => {
    const times = schedule.map((r) => r.dueAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("gives a cancelled meeting no reminders and a moved one the reminders of its new time", () => {
    const october = norrbotten.meetings.find((m) => m.id === "committee-2022-10-12");
    if (!october) throw new Error("fixture");
    const cancelled = scheduleReminders(
      "norrbotten",
      [{ ...october, status: "cancelled" }],
      DEFAULT_REMINDER_SETTINGS,
      TZ,
    );
    expect(cancelled).toEqual([]);
    const moved = scheduleReminders(
      "norrbotten",
      [
        {
          ...october,
          date: "2022-10-19",
          status: "moved",
          movedFrom: { date: "2022-10-12", startTime: "10:00" },
        },
      ],
      DEFAULT_REMINDER_SETTINGS,
      TZ,
    );
    expect(moved.map(at)).toEqual([
      "committee-2022-10-12 agenda-21d 2022-09-28T07:00:00.000Z",
      "committee-2022-10-12 agenda-7d 2022-10-12T07:00:00.000Z",
      "committee-2022-10-12 meeting-1d 2022-10-18T07:00:00.000Z",
    ]);
    expect(moved[0]?.meetingStart).toBe("2022-10-19T08:00:00Z");
  });

  it("follows configured days and time, and keys a meeting without a time by its date", () => {
    const settings = reminderSettingsSchema.parse({
      agendaDaysBefore: [14],
      memberDaysBefore: [2, 1],
      sendAt: "07:30",
    });
    const r = scheduleReminders(
      "norrbotten",
      [{ id: "committee-x", body: "committee", date: "2022-03-31", status: "planned" }],
      settings,
      TZ,
    );
    expect(r.map((x) => `${x.kind} ${x.dueAt.toISOString()} ${x.meetingStart}`)).toEqual([
      "agenda-14d 2022-03-17T06:30:00.000Z 2022-03-31",
      "meeting-2d 2022-03-29T05:30:00.000Z 2022-03-31",
      "meeting-1d 2022-03-30T05:30:00.000Z 2022-03-31",
    ]);
  });

  it("counts days on the calendar, across month and year ends", () => {
    expect(daysBefore("2022-03-01", 1)).toBe("2022-02-28");
    expect(daysBefore("2023-01-04", 21)).toBe("2022-12-14");
    expect(daysBefore("2024-03-01", 1)).toBe("2024-02-29");
  });

  it("refuses settings that make no sense, naming the field", () => {
    const result = reminderSettingsSchema.safeParse({ agendaDaysBefore: [0], sendAt: "9" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "agendaDaysBefore.0: must be at least 1 day before",
      "sendAt: expected a time written HH:MM (00:00–23:59)",
    ]);
  });
});
