/**
 * The bot's conversation core: every question goes to `@samverkan/assistant`, the reply is its Adaptive
 * Card with the answer's text as fallback. Built by a factory so tests run it in-process.
 */
import { Application, type Planner, type TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import { createAdapter } from "./adapter.js";
import { cardMessage } from "./card-message.js";
import { ActivityTypes, MemoryStorage, type Activity, type Storage, type TurnContext } from "botbuilder";
import { answer, examples, type Answer, type ConversationTurn } from "@samverkan/assistant";
import type { Dataset, ReminderSettings } from "@samverkan/domain";
import type { Store } from "@samverkan/store";
import { conversationMemory, type ConversationOptions } from "./conversations.js";
import { createPlanning, shouldAskPlanner } from "./planner/index.js";
import { registerReminderCommands, type ReminderCommandStore } from "./reminders/index.js";
import { registerSecretary, type SecretaryDeps } from "./secretary/routes.js";
import { withCalendarActions, type CalendarUrl } from "./calendar-action.js";

export interface BotCredentials {
  readonly appId?: string;
  readonly appPassword?: string;
  readonly tenantId?: string;
}

export interface CreateBotOptions {
  /** The datasets to answer from; or a `store`, asked on every question so recorded changes show. */
  readonly datasets?: readonly Dataset[];
  readonly store?: Pick<Store, "datasets"> & Partial<Pick<Store, "currentDatasets">>;
  /** The clock the assistant reads "i år", "nästa sammanträde" against (tests pin it). */
  readonly now?: () => Date;
  /** Used when the caller builds its own adapter; otherwise one is made from `credentials`. */
  readonly adapter?: TeamsAdapter;
  readonly credentials?: BotCredentials;
  /** teams-ai's turn state storage; in memory by default (conversation context is `conversations`). */
  readonly storage?: Storage;
  /** Server-side log for failures; the user only ever sees a short apology. */
  readonly logError?: (message: string, error: unknown) => void;
  /**
   * The optional language model (`createPlannerFromEnv(process.env)`): it only gets questions the
   * assistant did not understand, and only answers through the assistant. None: fully deterministic.
   */
  readonly planner?: Planner<TurnState>;
  /**
   * Reminder commands ("påminn oss", "avsluta påminnelser", "öppna punkter", …) work with a store that
   * keeps subscriptions; the settings say when reminders go out. Without, the commands say so.
   */
  readonly reminders?: { readonly store: ReminderCommandStore; readonly settings: ReminderSettings };
  /**
   * Follow-ups ("och 2022?", "and Luleå?") read against the asker's last answer in the conversation,
   * kept in this store for `ttlMinutes` (default 30). Without, every question stands on its own.
   */
  readonly conversations?: ConversationOptions;
  /**
   * The secretary's cards (attendance, decisions, moving or cancelling a meeting), written to this
   * store for Teams users it gives the secretary role. Without, the commands say a database is needed.
   */
  readonly secretary?: Pick<SecretaryDeps, "store">;
  /**
   * A meeting's .ics address: meeting answers and the secretary's saved cards get "Lägg till i
   * kalendern". Without, no calendar buttons.
   */
  readonly calendarUrl?: CalendarUrl;
}

export interface Bot {
  readonly app: Application<TurnState>;
  readonly adapter: TeamsAdapter;
}

/** Shown instead of any internal error: the user learns it failed, never why. */
export const APOLOGY =
  "Förlåt, något gick fel när jag skulle svara. Försök igen om en stund. " +
  "(Sorry, something went wrong while answering. Please try again in a moment.)";

export function createBot(options: CreateBotOptions): Bot {
  const { datasets, store } = options;
  if (!datasets && !store) throw new TypeError("createBot needs datasets or a store");
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const adapter = options.adapter ?? createAdapter(options.credentials ?? {});
  const app = new Application<TurnState>({
    adapter,
    botAppId: options.credentials?.appId,
    storage: options.storage ?? new MemoryStorage(),
    // Teams sends "<at>Bot</at> question" in channels and group chats; the question is the rest.
    removeRecipientMention: true,
    // Answers take milliseconds; a typing indicator would only add traffic.
    startTypingTimer: false,
  });

  const currentDatasets = async (): Promise<readonly Dataset[]> =>
    // The plan as it stands (moves, recorded attendance and decisions) where the store has it.
    datasets ?? (store ? await (store.currentDatasets?.() ?? store.datasets()) : []);
  const ask = async (question: string, previous?: ConversationTurn): Promise<Answer> =>
    answer(question, { datasets: await currentDatasets(), now: now(), ...(previous ? { previous } : {}) });
  const memory = options.conversations && conversationMemory(options.conversations, now, logError);

  const planning = options.planner
    ? createPlanning({
        planner: options.planner,
        // The model picks whole questions, so they are asked without the conversation's context.
        ask: (question) => ask(question),
        datasets: currentDatasets,
        logError,
      })
    : undefined;

  // Registered first: teams-ai runs the first route that matches, and a command is not a question.
  registerSecretary(
    app,
    questionOf,
    options.secretary && {
      store: options.secretary.store,
      now,
      ...(options.calendarUrl ? { calendarUrl: options.calendarUrl } : {}),
    },
  );
  registerReminderCommands(app, questionOf, options.reminders && { ...options.reminders, now });

  app.activity(ActivityTypes.Message, async (context, state) => {
    // A message with nothing to ask (an image, an empty card submit) gets the help: what can be asked.
    const question = questionOf(context.activity) ?? "hjälp";
    const deterministic = await ask(question, await memory?.recall(context.activity));
    // The assistant answers first; only what it did not understand may go to the language model,
    // which can only pick another of the assistant's answers (or none: then this one is sent).
    const planned = shouldAskPlanner(deterministic, planning !== undefined)
      ? await planning?.answer(context, state, question, deterministic)
      : undefined;
    const reply = planned ?? deterministic;
    // Kept before it is sent: once the member reads the answer, a follow-up finds it.
    await memory?.remember(context.activity, reply.turn);
    await context.sendActivity(replyWith(reply, options.calendarUrl));
  });

  app.conversationUpdate("membersAdded", async (context) => {
    const bot = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((member) => member.id === bot)) return;
    await context.sendActivity(await welcome(ask));
  });

  app.error(async (context: TurnContext, error: Error) => {
    logError(`teams-bot: turn failed (${context.activity.type} ${context.activity.id ?? ""})`, error);
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logError("teams-bot: could not send the apology", sendError);
    }
  });

  return { app, adapter };
}

/**
 * The question of a message: its text (mention already removed), or the `question` of an
 * Action.Submit follow-up on one of our cards, which arrives as a message with a value and no text.
 */
export function questionOf(activity: Partial<Activity>): string | undefined {
  const text = stripMentions(activity.text ?? "");
  if (text !== "") return text;
  const value: unknown = activity.value;
  if (value && typeof value === "object" && "question" in value) {
    const question = (value as { question: unknown }).question;
    if (typeof question === "string" && question.trim() !== "") return question.trim();
  }
  return undefined;
}

/** Mentions of others are left to the assistant as plain names; leftover markup and spacing are not. */
function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function replyWith(reply: Answer, calendarUrl?: CalendarUrl): Partial<Activity> {
  // Only an answer about particular meetings (the next one, a date) offers them for the calendar.
  const meetings = reply.intent === "meetingsInPeriod" ? [] : reply.meetings;
  const card = withCalendarActions(
    reply.card as unknown as Record<string, unknown>,
    meetings,
    reply.language,
    calendarUrl,
  );
  return cardMessage(card, reply.text, reply.language);
}

/** What it can do, in Swedish first (the help answer and its card of example questions), and in English. */
async function welcome(ask: (question: string) => Promise<Answer>): Promise<Partial<Activity>> {
  const help = await ask("hjälp");
  const [english] = examples({ lang: "en" });
  // The greeting above the help card (which lists the example questions itself).
  const text =
    "Hej! Jag är samverkan, assistenten för den gemensamma nämnden." +
    '\n\nPåminnelser om sammanträden: skriv "påminn oss" (sekreterarens dagordning eller ledamöternas påminnelse dagen före).' +
    `\n\nHi! Ask me in English and I answer in English, for example "${english}"; "remind us" sets up meeting reminders.`;
  return { ...replyWith(help), text, summary: `${text}\n\n${help.text}` };
}
