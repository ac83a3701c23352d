/**
 * Runs reminder delivery on a clock: once at start-up (so what was missed while the bot was down goes
 * out now, marked late, while its meeting is still ahead) and then every interval. Nothing is kept in
 * memory between runs: the store decides what was sent, so a restart never re-sends.
 */
import { randomUUID } from "node:crypto";
import type { ReminderSettings } from "@samverkan/domain";
import {
  ConversationPacer,
  deliverDueReminders,
  type DeliveryOutcome,
  type ReminderSender,
  type ReminderStore,
  type RetryOptions,
} from "@samverkan/reminders";

export interface ReminderSchedulerOptions {
  readonly store: ReminderStore;
  readonly send: ReminderSender;
  readonly settings: ReminderSettings;
  /** The clock; tests pin it. */
  readonly now?: () => Date;
  /** How often to look for due reminders (default one minute). */
  readonly intervalMs?: number;
  /** Names this process in claims (default a random UUID per start). */
  readonly instanceId?: string;
  readonly retry?: RetryOptions;
  readonly log?: (message: string) => void;
  readonly logError?: (message: string, error: unknown) => void;
}

export class ReminderScheduler {
  readonly instanceId: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DeliveryOutcome[]> | undefined;
  private readonly pacer = new ConversationPacer();

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.instanceId = options.instanceId ?? `bot-${randomUUID()}`;
  }

  /** Delivers what is due now; a run already under way is joined rather than doubled. */
  runOnce(): Promise<DeliveryOutcome[]> {
    this.running ??= this.deliver().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The first run now, then one every interval until `stop`. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      void this.runOnce();
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 60_000);
    // The HTTP server keeps the process alive; the reminder clock alone should not.
    this.timer.unref();
  }

  /** Stops the clock and waits for a run under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async deliver(): Promise<DeliveryOutcome[]> {
    const now = (this.options.now ?? (() => new Date()))();
    const logError = this.options.logError ?? ((m, e) => console.error(m, e));
    try {
      const outcomes = await deliverDueReminders({
        store: this.options.store,
        send: this.options.send,
        now,
        settings: this.options.settings,
        instanceId: this.instanceId,
        pacer: this.pacer,
        ...(this.options.retry ? { retry: this.options.retry } : {}),
      });
      for (const o of outcomes) {
        const what = `${o.reminder.meetingId} ${o.reminder.kind} → ${o.reminder.conversationId}`;
        if (o.result === "sent")
          this.options.log?.(`reminder sent${o.reminder.late ? " (late)" : ""}: ${what}`);
        if (o.result === "failed")
          logError(`reminder failed after ${o.attempts ?? 1} attempt(s): ${what}`, o.error);
      }
      return outcomes;
    } catch (error) {
      // A database hiccup must not stop the clock: the next tick tries again.
      logError("teams-bot: reminder run failed", error);
      return [];
    }
  }
}
