import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, type OpenItem } from "@samverkan/domain";
import { dueReminders, reminderMessage, type DueReminder } from "../src/index.js";
import { norrbotten, schedule2022, subscription, TZ } from "./fixtures.js";

const openItems: OpenItem[] = [
  {
    id: 3,
    collaborationId: "norrbotten",
    text: "Återrapportering av internkontrollen",
    meetingId: "committee-2022-06-22",
    addedAt: "2022-06-22T14:00:00.000Z",
    addedBy: "sekreteraren",
  },
];

function dueAt(now: string, role: "secretary" | "member", language: "sv" | "en" = "sv"): DueReminder {
  const { due } = dueReminders({
    schedule: schedule2022(),
    subscriptions: [subscription(role, { language, subscribedAt: "2022-01-01T00:00:00.000Z" })],
    deliveries: [],
    now: new Date(now),
    settings: DEFAULT_REMINDER_SETTINGS,
  });
  const [first] = due;
  if (!first) throw new Error(`nothing due at ${now}`);
  return first;
}

function message(due: DueReminder, now = due.reminder.dueAt, items = openItems) {
  return reminderMessage(due, {
    collaboration: norrbotten.collaboration,
    ...(norrbotten.annualCycle ? { annualCycle: norrbotten.annualCycle } : {}),
    openItems: items,
    settings: DEFAULT_REMINDER_SETTINGS,
    now,
    timeZone: TZ,
  });
}

describe("the secretary's agenda reminder", () => {
  it("says when, what the årshjul puts on the June meeting, the standing items, open items and the notice deadline", () => {
    const { text, card, language } = message(dueAt("2022-06-01T07:00:00Z", "secretary"));
    expect(language).toBe("sv");
    expect(text.split("\n")).toEqual([
      "Påminnelse: nämndens sammanträde onsdag 22 juni 2022 kl. 13:00–16:00",
      "Norrbottens e-nämnd: om 21 dagar är det nämndens sammanträde.",
      "När: onsdag 22 juni 2022 kl. 13:00–16:00",
      "Var: Ingen plats angiven i planen",
      "Kallelsen senast: onsdag 15 juni 2022",
      "Enligt årshjulet ska nämnden då:",
      "- Beslut om budget",
      "- Beslut om delårsrapport 1",
      "Stående punkter:",
      "- Information om ekonomi och verksamhet",
      "Öppna punkter som följer med:",
      "- Återrapportering av internkontrollen (#3, committee-2022-06-22)",
    ]);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", lang: "sv", fallbackText: text });
    expect(JSON.stringify(card)).toContain("Beslut om delårsrapport 1");
  });

  it("in English for a chat that subscribed in English; a meeting month without årshjul decisions says so", () => {
    const { text } = message(dueAt("2022-11-23T08:00:00Z", "secretary", "en"), undefined, []);
    expect(text).toContain("Reminder: the committee meeting on Wednesday 14 December 2022, 10:00–16:00");
    expect(text).toContain("- Decision on the operational plan and the internal-control plan");
    expect(text).toContain("Send the notice by: Wednesday 7 December 2022");
    expect(text).toContain("- No open items.");
    const march = message(dueAt("2022-02-23T08:00:00Z", "secretary"), undefined, []).text;
    expect(march).toContain("- Beslut om verksamhetsberättelse");
  });

  it("says where a moved meeting was, and when a late reminder was due", () => {
    const due = dueAt("2022-06-01T07:00:00Z", "secretary");
    const moved: DueReminder = {
      ...due,
      late: true,
      reminder: {
        ...due.reminder,
        meeting: {
          ...due.reminder.meeting,
          status: "moved",
          movedFrom: { date: "2022-06-15", startTime: "13:00" },
          reason: "krock med fullmäktige",
        },
      },
    };
    const { text } = message(moved, new Date("2022-06-02T12:00:00Z"));
    // Counted from the day it goes out, not the day it was due.
    expect(text).toContain("om 20 dagar är det nämndens sammanträde");
    expect(text).toContain("Flyttat från: onsdag 15 juni 2022 kl. 13:00 (krock med fullmäktige)");
    expect(text).toContain("Den här påminnelsen är sen: den skulle ha skickats 2022-06-01 09:00.");
  });
});

describe("the members' reminder", () => {
  it("says the meeting is tomorrow, without the secretary's agenda", () => {
    const { text } = message(dueAt("2022-10-25T07:00:00Z", "member"));
    expect(text.split("\n")).toEqual([
      "Påminnelse: beredningsgruppens möte onsdag 26 oktober 2022 kl. 14:00–16:00",
      "Norrbottens e-nämnd: i morgon är det beredningsgruppens möte.",
      "När: onsdag 26 oktober 2022 kl. 14:00–16:00",
      "Var: Ingen plats angiven i planen",
    ]);
  });
});
