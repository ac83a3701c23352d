// Plans the secretary's reminders for Norrbottens e-nämnd from the bundled meeting plan, and prints what
// is due on 1 June 2022 at 09:00 Stockholm time and the agenda reminder's text. Pure: no database, no clock.
import { loadBundledDataset } from "@samverkan/data";
import { DEFAULT_REMINDER_SETTINGS } from "@samverkan/domain";
import { dueReminders, reminderMessage, scheduleReminders } from "@samverkan/reminders";

const dataset = loadBundledDataset("norrbotten");
const { timeZone } = dataset.collaboration;
const schedule = scheduleReminders("norrbotten", dataset.meetings, DEFAULT_REMINDER_SETTINGS, timeZone);

const subscription = {
  collaborationId: "norrbotten",
  conversationId: "secretariat",
  role: "secretary",
  language: "sv",
  reference: {},
  subscribedAt: "2022-05-01T00:00:00Z",
  subscribedBy: "example",
};
const now = new Date("2022-06-01T09:00+02:00");
const { due, upcoming } = dueReminders({
  schedule,
  subscriptions: [subscription],
  deliveries: [],
  now,
  settings: DEFAULT_REMINDER_SETTINGS,
});

for (const d of due) console.log("due:", d.meetingId, d.kind, d.reminder.dueAt.toISOString());
for (const u of upcoming) console.log("next:", u.meetingId, u.kind, u.reminder.dueAt.toISOString());

const [first] = due;
const openItems = [
  {
    id: 1,
    collaborationId: "norrbotten",
    text: "Återrapportering av internkontrollen",
    addedAt: "",
    addedBy: "",
  },
];
const message = reminderMessage(first, {
  collaboration: dataset.collaboration,
  annualCycle: dataset.annualCycle,
  openItems,
  settings: DEFAULT_REMINDER_SETTINGS,
  now,
  timeZone,
});
console.log(message.text);
