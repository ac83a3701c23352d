/**
 * The secretary's Adaptive Cards (Universal Actions, schema 1.4): a form per task whose button is an
 * Action.Execute carrying the meeting and a fresh idempotency key, and the card that replaces it once
 * saved — what was recorded and an "Ändra" button, never the old form with its stale buttons.
 */
import { randomUUID } from "node:crypto";
import { formatDate } from "@samverkan/allocation";
import { membersOn, type Dataset, type Decision, type Meeting } from "@samverkan/domain";
import { meetingName } from "@samverkan/reminders";
import { escapeCardText } from "@samverkan/reports";
import type { SecretaryLanguage, SecretaryTask } from "./commands.js";

export type Card = Record<string, unknown>;

/** The verbs of the cards' Action.Execute buttons. */
export const VERBS = {
  attendance: "samverkan.attendance.record",
  decision: "samverkan.decision.record",
  move: "samverkan.meeting.move",
  cancel: "samverkan.meeting.cancel",
  edit: "samverkan.secretary.edit",
} as const;

/** What every button sends back, besides the card's inputs. */
export interface ActionData {
  readonly collaborationId: string;
  readonly meetingId: string;
  readonly lang: SecretaryLanguage;
  /**
   * The idempotency key this form was built with: submitting it twice writes once. Not called `key`:
   * the Adaptive Cards renderer of the Agents Playground (and of the adaptivecards-react 2 line) gives
   * every card object a `key` property, and an Action.Execute whose data has one throws when pressed
   * ("Cannot assign to read only property 'key'") and sends nothing.
   */
  readonly idempotencyKey?: string;
  /** For "edit": which form to show again. */
  readonly task?: SecretaryTask;
  /** For attendance: the toggles' municipalities, in order (`present_0` … ). */
  readonly municipalities?: readonly string[];
}

const say = (lang: SecretaryLanguage, sv: string, en: string) => (lang === "sv" ? sv : en);

function card(body: Card[], actions: Card[], summary: string): Card {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    fallbackText: summary,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

const textBlock = (text: string, extra: Card = {}): Card => ({
  type: "TextBlock",
  text: escapeCardText(text),
  wrap: true,
  ...extra,
});

/** "nämndens sammanträde 16 mars 2022" — what the card is about, as the reminders name meetings. */
export function meetingTitle(m: Meeting, lang: SecretaryLanguage): string {
  return `${meetingName(m, lang)} ${formatDate(m.date, lang)}${m.startTime ? ` ${say(lang, "kl.", "at")} ${m.startTime}` : ""}`;
}

function execute(title: string, verb: string, data: ActionData, style?: "positive" | "destructive"): Card {
  return { type: "Action.Execute", title, verb, data, ...(style ? { style } : {}) };
}

function errorBlock(error: string | undefined): Card[] {
  return error ? [textBlock(error, { color: "attention", weight: "bolder" })] : [];
}

/** Present/absent toggles for each member municipality on the meeting's date, as recorded so far. */
export function attendanceForm(
  d: Dataset,
  m: Meeting & { attendees?: { municipalities: readonly string[] } },
  lang: SecretaryLanguage,
  error?: string,
): Card {
  const members = membersOn(d.collaboration, m.date);
  const present = new Set(m.attendees?.municipalities ?? []);
  const title = say(lang, `Närvaro: ${meetingTitle(m, lang)}`, `Attendance: ${meetingTitle(m, lang)}`);
  const data: ActionData = {
    collaborationId: d.collaboration.id,
    meetingId: m.id,
    lang,
    idempotencyKey: randomUUID(),
    municipalities: members,
  };
  return card(
    [
      textBlock(title, { size: "medium", weight: "bolder" }),
      textBlock(
        say(
          lang,
          "Markera de kommuner vars ledamot var närvarande.",
          "Tick the municipalities whose member was present.",
        ),
      ),
      ...errorBlock(error),
      ...members.map((name, i) => ({
        type: "Input.Toggle",
        id: `present_${i}`,
        title: name,
        value: present.has(name) ? "true" : "false",
        valueOn: "true",
        valueOff: "false",
      })),
    ],
    [execute(say(lang, "Spara närvaro", "Save attendance"), VERBS.attendance, data, "positive")],
    title,
  );
}

/** A decision (§) against a meeting: paragraph, subject, what was decided, optionally the ärendenr. */
export function decisionForm(
  d: Dataset,
  m: Meeting,
  lang: SecretaryLanguage,
  error?: string,
  values: Record<string, string> = {},
): Card {
  const title = say(lang, `Beslut: ${meetingTitle(m, lang)}`, `Decision: ${meetingTitle(m, lang)}`);
  const data: ActionData = {
    collaborationId: d.collaboration.id,
    meetingId: m.id,
    lang,
    idempotencyKey: randomUUID(),
  };
  const input = (type: string, id: string, label: string, extra: Card = {}): Card => ({
    type,
    id,
    label,
    ...(values[id] !== undefined ? { value: values[id] } : {}),
    ...extra,
  });
  return card(
    [
      textBlock(title, { size: "medium", weight: "bolder" }),
      ...errorBlock(error),
      input("Input.Number", "paragraph", say(lang, "Paragraf (§)", "Paragraph (§)"), {
        min: 1,
        max: 9999,
        isRequired: true,
        errorMessage: say(lang, "Ange paragrafens nummer", "Give the paragraph's number"),
      }),
      input("Input.Text", "subject", say(lang, "Ärende", "Matter"), {
        isRequired: true,
        maxLength: 500,
        errorMessage: say(lang, "Ange ärendet", "Give the matter"),
      }),
      input("Input.Text", "decision", say(lang, "Beslut", "Decision"), {
        isMultiline: true,
        isRequired: true,
        maxLength: 5000,
        errorMessage: say(lang, "Ange beslutet", "Give the decision"),
      }),
      input(
        "Input.Text",
        "caseNumber",
        say(
          lang,
          "Ärendenummer (valfritt), t.ex. 2022/13-2.2.0.1",
          "Case number (optional), e.g. 2022/13-2.2.0.1",
        ),
      ),
    ],
    [execute(say(lang, "Spara beslut", "Save decision"), VERBS.decision, data, "positive")],
    title,
  );
}

/** Move the meeting (new date and times) or cancel it, with a reason the members will read. */
export function meetingForm(d: Dataset, m: Meeting, lang: SecretaryLanguage, error?: string): Card {
  const title = say(
    lang,
    `Flytta eller ställ in: ${meetingTitle(m, lang)}`,
    `Move or cancel: ${meetingTitle(m, lang)}`,
  );
  const data: ActionData = {
    collaborationId: d.collaboration.id,
    meetingId: m.id,
    lang,
    idempotencyKey: randomUUID(),
  };
  return card(
    [
      textBlock(title, { size: "medium", weight: "bolder" }),
      ...errorBlock(error),
      { type: "Input.Date", id: "date", label: say(lang, "Nytt datum", "New date"), value: m.date },
      {
        type: "Input.Time",
        id: "startTime",
        label: say(lang, "Börjar", "Starts"),
        ...(m.startTime ? { value: m.startTime } : {}),
      },
      {
        type: "Input.Time",
        id: "endTime",
        label: say(lang, "Slutar", "Ends"),
        ...(m.endTime ? { value: m.endTime } : {}),
      },
      {
        type: "Input.Text",
        id: "reason",
        label: say(lang, "Skäl (visas för ledamöterna)", "Reason (shown to members)"),
        maxLength: 2000,
      },
    ],
    [
      execute(say(lang, "Flytta", "Move"), VERBS.move, data, "positive"),
      execute(say(lang, "Ställ in", "Cancel meeting"), VERBS.cancel, data, "destructive"),
    ],
    title,
  );
}

function editButton(d: Dataset, m: Meeting, lang: SecretaryLanguage, task: SecretaryTask): Card {
  return execute(say(lang, "Ändra", "Edit"), VERBS.edit, {
    collaborationId: d.collaboration.id,
    meetingId: m.id,
    lang,
    task,
  });
}

/** What was saved: who was present and absent, the count against the members, and an "Ändra" button. */
export function attendanceSaved(
  d: Dataset,
  m: Meeting & { attendees?: { municipalities: readonly string[] } },
  lang: SecretaryLanguage,
): Card {
  const members = membersOn(d.collaboration, m.date);
  const present = m.attendees?.municipalities ?? [];
  const absent = members.filter((name) => !present.includes(name));
  const count = m.attendance
    ? `${m.attendance.present} ${say(lang, "av", "of")} ${m.attendance.of}`
    : `${present.length}`;
  const summary = say(
    lang,
    `Närvaro sparad för ${meetingTitle(m, lang)}: ${count} närvarande.`,
    `Attendance saved for ${meetingTitle(m, lang)}: ${count} present.`,
  );
  return card(
    [
      textBlock(summary, { weight: "bolder" }),
      {
        type: "FactSet",
        facts: [
          { title: say(lang, "Närvarande", "Present"), value: escapeCardText(present.join(", ") || "–") },
          { title: say(lang, "Frånvarande", "Absent"), value: escapeCardText(absent.join(", ") || "–") },
        ],
      },
    ],
    [editButton(d, m, lang, "attendance")],
    summary,
  );
}

export function decisionSaved(d: Dataset, m: Meeting, decision: Decision, lang: SecretaryLanguage): Card {
  const summary = say(
    lang,
    `Beslut sparat: § ${decision.paragraph} ${decision.title}, ${meetingTitle(m, lang)}.`,
    `Decision saved: § ${decision.paragraph} ${decision.title}, ${meetingTitle(m, lang)}.`,
  );
  return card(
    [
      textBlock(summary, { weight: "bolder" }),
      textBlock(decision.decision),
      ...(decision.caseNumber
        ? [textBlock(`${say(lang, "Ärendenr", "Case number")} ${decision.caseNumber}`, { isSubtle: true })]
        : []),
    ],
    [
      execute(say(lang, "Registrera ett beslut till", "Record another decision"), VERBS.edit, {
        collaborationId: d.collaboration.id,
        meetingId: m.id,
        lang,
        task: "decision",
      }),
    ],
    summary,
  );
}

/** The meeting as it now stands, with "Lägg till i kalendern" when the calendar's address is known. */
export function meetingSaved(
  d: Dataset,
  m: Meeting,
  lang: SecretaryLanguage,
  calendarUrl: string | undefined,
): Card {
  const summary =
    m.status === "cancelled"
      ? say(
          lang,
          `Inställt: ${meetingTitle(m, lang)}. Påminnelserna om det skickas inte.`,
          `Cancelled: ${meetingTitle(m, lang)}. Its reminders will not be sent.`,
        )
      : say(
          lang,
          `Flyttat till ${meetingTitle(m, lang)}. Påminnelserna följer med till den nya tiden.`,
          `Moved to ${meetingTitle(m, lang)}. Its reminders follow it to the new time.`,
        );
  return card(
    [textBlock(summary, { weight: "bolder" })],
    [
      ...(calendarUrl
        ? [
            {
              type: "Action.OpenUrl",
              title: say(lang, "Lägg till i kalendern", "Add to calendar"),
              url: calendarUrl,
            },
          ]
        : []),
      ...(m.status === "cancelled" ? [] : [editButton(d, m, lang, "meeting")]),
    ],
    summary,
  );
}

/** For anyone without the secretary role: nothing was written, and how the role is given. */
export function refusal(lang: SecretaryLanguage): Card {
  const text = say(
    lang,
    "Det här kan bara nämndens sekreterare göra, så inget har sparats. Sekreterarrollen ges med `samverkan grant secretary --collaboration <id> --aad-object-id <ditt id>`.",
    "Only the committee's secretary can do this, so nothing was saved. The secretary role is given with `samverkan grant secretary --collaboration <id> --aad-object-id <your id>`.",
  );
  return card([textBlock(text)], [], text);
}
