/**
 * The chat side of reminders: subscribe this chat or channel (its conversation reference goes into
 * the store), choose the role, list and end subscriptions, and keep the open items the secretary's
 * agenda reminders carry over. Replies are in the language of the command.
 */
import { TurnContext, type Activity } from "botbuilder";
import { formatDate } from "@samverkan/allocation";
import { DEFAULT_COLLABORATION } from "@samverkan/assistant";
import {
  foldName,
  localDateTime,
  type Dataset,
  type ReminderLanguage,
  type ReminderRole,
  type ReminderSettings,
} from "@samverkan/domain";
import { meetingName, planReminders, type ReminderPlan, type ReminderStore } from "@samverkan/reminders";
import { answerCard, escapeCardText } from "@samverkan/reports";
import { OPEN_ITEM_MAX_LENGTH, type Store } from "@samverkan/store";
import { cardMessage } from "../card-message.js";
import { SUBSCRIBE_AS, type ReminderCommand } from "./commands.js";

/** What the commands need of the store. */
export type ReminderCommandStore = ReminderStore &
  Pick<
    Store,
    | "datasets"
    | "subscribeReminders"
    | "unsubscribeReminders"
    | "reminderSubscriptions"
    | "openItems"
    | "addOpenItem"
    | "closeOpenItem"
  >;

export interface ReminderCommandDeps {
  readonly store: ReminderCommandStore;
  readonly settings: ReminderSettings;
  readonly now: () => Date;
}

const ROLE_WORDS: Record<ReminderLanguage, Record<ReminderRole, string>> = {
  sv: {
    secretary: "sekreterarens påminnelser om dagordningen (21 och 7 dagar före nämndens sammanträden)",
    member: "ledamöternas påminnelser dagen före nämndens och beredningsgruppens möten",
  },
  en: {
    secretary: "the secretary's agenda reminders (21 and 7 days before committee meetings)",
    member: "the members' reminders the day before committee and preparatory group meetings",
  },
};

function roleWords(role: ReminderRole, lang: ReminderLanguage, settings: ReminderSettings): string {
  const days = settings.agendaDaysBefore.join(lang === "sv" ? " och " : " and ");
  return ROLE_WORDS[lang][role].replace("21 och 7", days).replace("21 and 7", days);
}

/** The collaboration a command names ("påminn oss om SkånEarkiv"), else the default one. */
function collaborationIn(text: string, datasets: readonly Dataset[]): Dataset | undefined {
  const folded = ` ${foldName(text)} `;
  return (
    datasets.find((d) =>
      [d.collaboration.id, d.collaboration.name, d.collaboration.nameEn].some((n) =>
        folded.includes(` ${foldName(n)} `),
      ),
    ) ??
    datasets.find((d) => d.collaboration.id === DEFAULT_COLLABORATION) ??
    datasets[0]
  );
}

/** Who gave the command, for the audit log: the Teams user's id, never a name. */
function actorOf(activity: Partial<Activity>): string {
  const from = activity.from;
  return `teams:${from?.aadObjectId ?? from?.id ?? "unknown"}`;
}

function reply(text: string, lang: ReminderLanguage, followUps: readonly string[] = []): Partial<Activity> {
  const card = answerCard({ text: escapeCardText(text), lang, followUps });
  return cardMessage(card as unknown as Record<string, unknown>, text, lang);
}

function localStamp(at: Date, timeZone: string, lang: ReminderLanguage): string {
  const local = localDateTime(at, timeZone);
  return `${formatDate(local.date, lang)} ${lang === "sv" ? "kl." : "at"} ${local.time}`;
}

/** Runs one reminder command in the chat of `context` and replies. */
export async function runReminderCommand(
  context: TurnContext,
  command: ReminderCommand,
  text: string,
  deps: ReminderCommandDeps,
): Promise<void> {
  const lang = command.language;
  const sv = lang === "sv";
  const datasets = await deps.store.datasets();
  const dataset = collaborationIn(text, datasets);
  if (!dataset) {
    await context.sendActivity(
      reply(sv ? "Det finns ingen samverkan i datat." : "There is no collaboration in the data.", lang),
    );
    return;
  }
  const collaborationId = dataset.collaboration.id;
  const name = sv ? dataset.collaboration.name : dataset.collaboration.nameEn;
  const conversationId = context.activity.conversation?.id ?? "";
  const actor = { actor: actorOf(context.activity) };

  switch (command.kind) {
    case "subscribe": {
      if (!command.role) {
        await context.sendActivity(
          reply(
            sv
              ? `Vilka påminnelser vill ni ha från ${name}?\n\n- Som sekreterare: ${roleWords("secretary", lang, deps.settings)}, med vad årshjulet säger ska beslutas, stående och öppna punkter och sista dag för kallelsen.\n- Som ledamöter: ${roleWords("member", lang, deps.settings)}.`
              : `Which reminders do you want from ${name}?\n\n- As the secretary: ${roleWords("secretary", lang, deps.settings)}, with what the annual cycle says must be decided, standing and open items and the last day for the notice.\n- As members: ${roleWords("member", lang, deps.settings)}.`,
            lang,
            [SUBSCRIBE_AS[lang].secretary, SUBSCRIBE_AS[lang].member],
          ),
        );
        return;
      }
      const reference = TurnContext.getConversationReference(context.activity);
      await deps.store.subscribeReminders(
        collaborationId,
        {
          conversationId,
          role: command.role,
          language: lang,
          reference: JSON.parse(JSON.stringify(reference)) as {
            serviceUrl: string;
            conversation: { id: string };
          },
          at: deps.now(),
        },
        actor,
      );
      const plan = await planReminders({ store: deps.store, now: deps.now(), settings: deps.settings });
      const next = nextReminder(plan, conversationId, collaborationId, command.role, lang);
      const when = next
        ? sv
          ? `Nästa påminnelse: ${localStamp(next.at, dataset.collaboration.timeZone, lang)} om ${next.meeting}.`
          : `Next reminder: ${localStamp(next.at, dataset.collaboration.timeZone, lang)} about ${next.meeting}.`
        : sv
          ? "Det finns inget kommande möte i planen att påminna om just nu."
          : "There is no upcoming meeting in the plan to remind of right now.";
      await context.sendActivity(
        reply(
          sv
            ? `Klart: den här chatten får ${roleWords(command.role, lang, deps.settings)} för ${name}, kl. ${deps.settings.sendAt}. ${when}\n\nSkriv "avsluta påminnelser" för att sluta.`
            : `Done: this chat gets ${roleWords(command.role, lang, deps.settings)} for ${name}, at ${deps.settings.sendAt}. ${when}\n\nSay "stop reminders" to end them.`,
          lang,
          [sv ? "visa påminnelser" : "list reminders"],
        ),
      );
      return;
    }
    case "unsubscribe": {
      const removed = await deps.store.unsubscribeReminders(
        conversationId,
        command.role ? { role: command.role } : {},
        actor,
      );
      await context.sendActivity(
        reply(
          removed.length === 0
            ? sv
              ? "Den här chatten prenumererar inte på några påminnelser."
              : "This chat has no reminder subscriptions."
            : sv
              ? `Klart: den här chatten får inte längre ${removed.map((s) => roleWords(s.role, lang, deps.settings)).join(" eller ")}.`
              : `Done: this chat no longer gets ${removed.map((s) => roleWords(s.role, lang, deps.settings)).join(" or ")}.`,
          lang,
        ),
      );
      return;
    }
    case "list": {
      const subscriptions = await deps.store.reminderSubscriptions({ conversationId });
      if (subscriptions.length === 0) {
        await context.sendActivity(
          reply(
            sv
              ? 'Den här chatten prenumererar inte på några påminnelser. Skriv "påminn oss" för att börja.'
              : 'This chat has no reminder subscriptions. Say "remind us" to start.',
            lang,
            [sv ? "påminn oss" : "remind us"],
          ),
        );
        return;
      }
      const plan = await planReminders({ store: deps.store, now: deps.now(), settings: deps.settings });
      const lines: string[] = [];
      for (const s of subscriptions) {
        const d = datasets.find((x) => x.collaboration.id === s.collaborationId);
        const tz = d?.collaboration.timeZone ?? "Europe/Stockholm";
        const next = nextReminder(plan, conversationId, s.collaborationId, s.role, lang);
        const collab = d ? (sv ? d.collaboration.name : d.collaboration.nameEn) : s.collaborationId;
        lines.push(
          `- ${collab}: ${roleWords(s.role, lang, deps.settings)}` +
            (next
              ? sv
                ? `; nästa ${localStamp(next.at, tz, lang)} om ${next.meeting}`
                : `; next ${localStamp(next.at, tz, lang)} about ${next.meeting}`
              : ""),
        );
      }
      await context.sendActivity(
        reply(`${sv ? "Den här chatten får:" : "This chat gets:"}\n\n${lines.join("\n")}`, lang, [
          sv ? "avsluta påminnelser" : "stop reminders",
        ]),
      );
      return;
    }
    case "preview": {
      // What the chat's next reminder will say, now: for the secretary to check the agenda in time.
      const plan = await planReminders({ store: deps.store, now: deps.now(), settings: deps.settings });
      const next = plan.upcoming.find((u) => u.conversationId === conversationId);
      if (!next) {
        const subscribed = plan.subscriptions.some((x) => x.conversationId === conversationId);
        await context.sendActivity(
          reply(
            subscribed
              ? sv
                ? "Det finns ingen kommande påminnelse: inget möte i planen ligger framför oss."
                : "There is no reminder coming: no meeting in the plan lies ahead."
              : sv
                ? 'Den här chatten prenumererar inte på några påminnelser. Skriv "påminn oss" för att börja.'
                : 'This chat has no reminder subscriptions. Say "remind us" to start.',
            lang,
          ),
        );
        return;
      }
      const message = await plan.message(next);
      const tz = datasets.find((d) => d.collaboration.id === next.collaborationId)?.collaboration.timeZone;
      const when = localStamp(next.reminder.dueAt, tz ?? "Europe/Stockholm", lang);
      const note = sv
        ? `Förhandsvisning: så här ser nästa påminnelse ut i dag; den skickas ${when}.`
        : `Preview: this is how the next reminder reads today; it is sent ${when}.`;
      const activity = cardMessage(
        {
          ...message.card,
          body: [
            { type: "TextBlock", text: note, isSubtle: true, wrap: true },
            ...((message.card.body as unknown[] | undefined) ?? []),
          ],
        },
        `${note}\n\n${message.text}`,
        message.language,
      );
      await context.sendActivity(activity);
      return;
    }
    case "openItems": {
      const items = await deps.store.openItems(collaborationId);
      await context.sendActivity(
        reply(
          items.length === 0
            ? sv
              ? `${name} har inga öppna punkter. Lägg till med "ny punkt: …".`
              : `${name} has no open items. Add one with "add open item: …".`
            : `${sv ? `Öppna punkter i ${name}` : `Open items of ${name}`}:\n\n${items.map((o) => `- #${o.id} ${o.text}`).join("\n")}`,
          lang,
        ),
      );
      return;
    }
    case "addOpenItem": {
      if (command.text.length > OPEN_ITEM_MAX_LENGTH) {
        await context.sendActivity(
          reply(
            sv
              ? `En öppen punkt får vara högst ${OPEN_ITEM_MAX_LENGTH} tecken (den här har ${command.text.length}). Skriv en kortare rad; handlingarna hör hemma i kallelsen.`
              : `An open item may be at most ${OPEN_ITEM_MAX_LENGTH} characters (this one has ${command.text.length}). Write a shorter line; the papers belong in the notice.`,
            lang,
          ),
        );
        return;
      }
      const item = await deps.store.addOpenItem(collaborationId, { text: command.text }, actor);
      await context.sendActivity(
        reply(
          sv
            ? `Öppen punkt #${item.id} i ${name}: "${item.text}". Den följer med i sekreterarens påminnelser tills den stängs ("stäng punkt ${item.id}").`
            : `Open item #${item.id} of ${name}: "${item.text}". It is carried over in the secretary's reminders until closed ("close item ${item.id}").`,
          lang,
          [sv ? "öppna punkter" : "open items"],
        ),
      );
      return;
    }
    case "closeOpenItem": {
      const open = await deps.store.openItems(collaborationId);
      if (!open.some((o) => o.id === command.id)) {
        await context.sendActivity(
          reply(
            sv
              ? `Det finns ingen öppen punkt #${command.id} i ${name}. Öppna punkter: ${open.map((o) => `#${o.id}`).join(", ") || "inga"}.`
              : `There is no open item #${command.id} in ${name}. Open items: ${open.map((o) => `#${o.id}`).join(", ") || "none"}.`,
            lang,
          ),
        );
        return;
      }
      const closed = await deps.store.closeOpenItem(collaborationId, command.id, actor);
      await context.sendActivity(
        reply(sv ? `Stängd: #${closed.id} ${closed.text}.` : `Closed: #${closed.id} ${closed.text}.`, lang),
      );
      return;
    }
  }
}

/** The next reminder this chat will get for a role, in `lang`: when, and which meeting (its date). */
function nextReminder(
  plan: ReminderPlan,
  conversationId: string,
  collaborationId: string,
  role: ReminderRole,
  lang: ReminderLanguage,
): { at: Date; meeting: string } | undefined {
  const next = plan.upcoming.find(
    (u) =>
      u.conversationId === conversationId &&
      u.collaborationId === collaborationId &&
      u.reminder.role === role,
  );
  if (!next) return undefined;
  const m = next.reminder.meeting;
  return { at: next.reminder.dueAt, meeting: `${meetingName(m, lang)} ${formatDate(m.date, lang)}` };
}
