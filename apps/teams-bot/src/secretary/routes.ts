/**
 * The secretary's work in Teams: a command opens a card ("registrera närvaro 16 mars 2022"), and the
 * card's Action.Execute records attendance, a decision, or a moved or cancelled meeting in the store.
 * Every write checks the secretary role of the Teams user who pressed the button (AAD object id, from
 * the store, granted with `samverkan grant`); anyone else gets a polite refusal and nothing is written.
 * The reply card replaces the form with what was saved.
 */
import type { Application, TurnState } from "@microsoft/teams-ai";
import type { Activity, TurnContext } from "botbuilder";
import { localDateTime, type Dataset, type Meeting } from "@samverkan/domain";
import { isStoreError, type Store } from "@samverkan/store";
import type { CalendarUrl } from "../calendar-action.js";
import { cardMessage } from "../card-message.js";
import {
  attendanceForm,
  attendanceSaved,
  decisionForm,
  decisionSaved,
  meetingForm,
  meetingSaved,
  refusal,
  VERBS,
  type ActionData,
  type Card,
} from "./cards.js";
import { meetingFor, parseSecretaryCommand, type SecretaryLanguage, type SecretaryTask } from "./commands.js";

export type SecretaryStore = Pick<
  Store,
  "currentDataset" | "currentDatasets" | "hasRole" | "recordAttendance" | "recordDecision" | "changeMeeting"
>;

export interface SecretaryDeps {
  readonly store: SecretaryStore;
  readonly now: () => Date;
  /** The meeting's .ics address ("Lägg till i kalendern"), when the API's public address is known. */
  readonly calendarUrl?: CalendarUrl;
}

type StoredMeeting = Meeting & { attendees?: { municipalities: readonly string[] } };

/** Who pressed, for the audit log: the Teams user's object id, never a name. */
function actorOf(activity: Partial<Activity>): string {
  return `teams:${activity.from?.aadObjectId ?? activity.from?.id ?? "unknown"}`;
}

async function isSecretary(
  deps: SecretaryDeps,
  collaborationId: string,
  activity: Partial<Activity>,
): Promise<boolean> {
  const id = activity.from?.aadObjectId;
  return id !== undefined && (await deps.store.hasRole(collaborationId, id, "secretary"));
}

function form(
  task: SecretaryTask,
  d: Dataset,
  m: StoredMeeting,
  lang: SecretaryLanguage,
  error?: string,
  values?: Record<string, string>,
): Card {
  if (task === "attendance") return attendanceForm(d, m, lang, error);
  if (task === "decision") return decisionForm(d, m, lang, error, values);
  return meetingForm(d, m, lang, error);
}

/** The store's refusal, shown on the form again (its inputs kept where the card has them). */
function problemText(error: unknown, lang: SecretaryLanguage): string {
  if (!isStoreError(error)) throw error;
  return `${lang === "sv" ? "Det gick inte att spara" : "Could not save"}: ${error.message}`;
}

const strings = (data: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string"));

export function registerSecretary(
  app: Application<TurnState>,
  textOf: (activity: Partial<Activity>) => string | undefined,
  deps: SecretaryDeps | undefined,
): void {
  const commandOf = (activity: Partial<Activity>) => {
    const text = textOf(activity);
    return text === undefined ? undefined : parseSecretaryCommand(text);
  };

  app.message(
    async (context) => commandOf(context.activity) !== undefined,
    async (context) => {
      const command = commandOf(context.activity);
      if (!command) return;
      const lang = command.language;
      const send = (c: Card) => context.sendActivity(cardMessage(c, String(c.fallbackText), lang));
      if (!deps) {
        await context.sendActivity(
          lang === "sv"
            ? "Att registrera kräver databasen: starta boten med sin databas (standard)."
            : "Recording needs the database: start the bot with its database (the default).",
        );
        return;
      }
      const datasets = await deps.store.currentDatasets();
      // The collaboration the secretary holds the role in (the first, when several).
      const roles = await Promise.all(
        datasets.map(async (d) =>
          (await isSecretary(deps, d.collaboration.id, context.activity)) ? d : undefined,
        ),
      );
      const d = roles.find((x) => x !== undefined);
      if (!d) return void (await send(refusal(lang)));
      const today = localDateTime(deps.now(), d.collaboration.timeZone).date;
      const found = meetingFor(d, command, today);
      if ("missing" in found) {
        await context.sendActivity(
          lang === "sv"
            ? `${d.collaboration.name} har inget sammanträde ${found.missing}. Närmast: ${found.closest.join(", ")}.`
            : `${d.collaboration.name} has no meeting on ${found.missing}. Closest: ${found.closest.join(", ")}.`,
        );
        return;
      }
      if ("unclear" in found) {
        await context.sendActivity(unclearMeeting(d, found, command.phrase, lang));
        return;
      }
      await send(form(command.task, d, found.meeting, lang));
    },
  );

  /** Runs one button: the role check first (a refusal writes nothing), then the write, then the saved card. */
  type Act = (
    context: TurnContext,
    d: Dataset,
    m: StoredMeeting,
    data: ActionData & Record<string, unknown>,
    store: SecretaryStore,
  ) => Promise<Card>;
  const on = (verb: string, act: Act) =>
    app.adaptiveCards.actionExecute<ActionData & Record<string, unknown>>(
      verb,
      async (context, _state, data) => {
        const lang: SecretaryLanguage = data.lang === "en" ? "en" : "sv";
        const result = await (async (): Promise<Card> => {
          if (!deps || typeof data.collaborationId !== "string" || typeof data.meetingId !== "string")
            return refusal(lang);
          if (!(await isSecretary(deps, data.collaborationId, context.activity))) return refusal(lang);
          const d = await deps.store.currentDataset(data.collaborationId);
          const m = d.meetings.find((x) => x.id === data.meetingId);
          if (!m) return refusal(lang);
          return act(context, d, m, { ...data, lang }, deps.store);
        })();
        return result as never;
      },
    );

  on(VERBS.attendance, async (context, d, m, data, store) => {
    const names = Array.isArray(data.municipalities) ? data.municipalities : [];
    const municipalities = names.filter((_, i) => data[`present_${i}`] === "true");
    try {
      const saved = await store.recordAttendance(
        d.collaboration.id,
        m.id,
        { municipalities },
        {
          actor: actorOf(context.activity),
          ...(data.idempotencyKey ? { idempotencyKey: data.idempotencyKey } : {}),
        },
      );
      return attendanceSaved(d, saved, data.lang);
    } catch (error) {
      return attendanceForm(d, m, data.lang, problemText(error, data.lang));
    }
  });

  on(VERBS.decision, async (context, d, m, data, store) => {
    const v = strings(data);
    try {
      const saved = await store.recordDecision(
        d.collaboration.id,
        m.id,
        {
          paragraph: v.paragraph ?? "",
          subject: v.subject ?? "",
          decision: v.decision ?? "",
          ...(v.caseNumber?.trim() ? { caseNumber: v.caseNumber } : {}),
        },
        {
          actor: actorOf(context.activity),
          ...(data.idempotencyKey ? { idempotencyKey: data.idempotencyKey } : {}),
        },
      );
      return decisionSaved(d, m, saved, data.lang);
    } catch (error) {
      return decisionForm(d, m, data.lang, problemText(error, data.lang), v);
    }
  });

  const change =
    (kind: "moved" | "cancelled"): Act =>
    async (context, d, m, data, store) => {
      const v = strings(data);
      const reason = v.reason?.trim() ? { reason: v.reason.trim() } : {};
      try {
        const saved = await store.changeMeeting(
          d.collaboration.id,
          kind === "moved"
            ? {
                kind,
                meetingId: m.id,
                to: {
                  date: v.date ?? "",
                  ...(v.startTime ? { startTime: v.startTime } : {}),
                  ...(v.endTime ? { endTime: v.endTime } : {}),
                  ...reason,
                },
              }
            : { kind, meetingId: m.id, ...reason },
          {
            actor: actorOf(context.activity),
            ...(data.idempotencyKey ? { idempotencyKey: data.idempotencyKey } : {}),
          },
        );
        return meetingSaved(d, saved, data.lang, deps?.calendarUrl?.(d.collaboration.id, m.id));
      } catch (error) {
        return meetingForm(d, m, data.lang, problemText(error, data.lang));
      }
    };
  on(VERBS.move, change("moved"));
  on(VERBS.cancel, change("cancelled"));

  // "Ändra" on a saved card: the form again, with what is saved now and a fresh key.
  on(VERBS.edit, async (_context, d, m, data) => {
    const task: SecretaryTask =
      data.task === "decision" || data.task === "meeting" ? data.task : "attendance";
    return form(task, d, m, data.lang);
  });
}

/** Asks which meeting, rather than guess: several meetings in the period named, or two dates or years. */
function unclearMeeting(
  d: Dataset,
  found: { unclear: string; candidates: readonly string[] },
  phrase: string,
  lang: SecretaryLanguage,
): string {
  if (found.candidates.length === 0) {
    return lang === "sv"
      ? `Ange ett sammanträde i taget, med ett datum (jag läste ${found.unclear}).`
      : `Name one meeting at a time, by its date (I read ${found.unclear}).`;
  }
  return lang === "sv"
    ? `${d.collaboration.name} har ${found.candidates.length} sammanträden ${found.unclear}: ${found.candidates.join(", ")}. Skriv vilket, t.ex. "${phrase} ${found.candidates[0]}".`
    : `${d.collaboration.name} has ${found.candidates.length} meetings in ${found.unclear}: ${found.candidates.join(", ")}. Say which, e.g. "${phrase} ${found.candidates[0]}".`;
}
