import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { formatDate } from "@samverkan/allocation";
import { localDateTime, type ReminderLanguage } from "@samverkan/domain";
import {
  deliverDueReminders,
  planReminders,
  readReminderConfig,
  type DueReminder,
  type ReminderPlan,
} from "@samverkan/reminders";
import type { Store } from "@samverkan/store";
import { parseChoice, parseOptions, UsageError, type CliIo, type Command } from "../options.js";
import { needsAsync, storeFailure, withStore } from "./import.js";

const USAGE = `samverkan reminders [--now TID] [--dry-run] [--format text|json] [--text]
  Visar vilka påminnelser som ska skickas vid tiden TID och varför: vilken chatt (prenumeration och roll),
  vilket möte, när påminnelsen blev aktuell, om den är sen (boten var nere) och vilka äldre påminnelser
  den ersätter; dessutom nästa påminnelse för varje prenumeration.

  Utan --dry-run skickas de som Bot Framework-meddelanden (BOT_ID, BOT_PASSWORD, BOT_TENANT_ID som för
  boten), var och en exakt en gång: samma anspråk i databasen som boten gör, så en påminnelse som boten
  redan skickat skickas inte igen.

  --now TID       tidpunkten, ISO 8601 (t.ex. 2022-06-01T09:00+02:00); standard: nu
  --dry-run       visa bara, skicka ingenting
  --format F      text (standard) eller json
  --text          visa hela texten i varje påminnelse

  Inställningar som för boten: REMINDER_AGENDA_DAYS (21,7), REMINDER_MEMBER_DAYS (1), REMINDER_TIME (09:00),
  REMINDER_NOTICE_DAYS (7), REMINDER_LATE_AFTER_MINUTES (15).
  Databas: PostgreSQL om DATABASE_URL är satt, annars den inbyggda i SAMVERKAN_DATA_DIR (standard ./.data).

  Exempel:
    samverkan reminders --now 2022-06-01T09:00+02:00 --dry-run`;

/** An instant given on the command line; a date alone is local midnight UTC, refused to avoid doubt. */
function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()))
    throw new UsageError(
      `--now ska vara en tidpunkt med tidszon, t.ex. 2022-06-01T09:00+02:00 (fick "${value}").`,
    );
  const at = new Date(value.trim());
  if (Number.isNaN(at.getTime())) throw new UsageError(`--now är ingen giltig tidpunkt: "${value}".`);
  return at;
}

const ROLE: Record<string, string> = { secretary: "sekreterare", member: "ledamöter" };

function local(at: Date, timeZone: string, lang: ReminderLanguage = "sv"): string {
  const l = localDateTime(at, timeZone);
  return `${formatDate(l.date, lang)} ${l.time}`;
}

function describeDue(d: DueReminder, timeZone: string): string {
  const m = d.reminder.meeting;
  const what = d.reminder.role === "secretary" ? "dagordning" : "mötespåminnelse";
  const when = `${formatDate(m.date, "sv")}${m.startTime ? ` ${m.startTime}` : ""}`;
  return [
    `${d.collaborationId} · ${m.id} (${when}${m.status === "moved" ? ", flyttat" : ""}) · ${d.kind} (${what}) → chatt ${d.conversationId} (${ROLE[d.subscription.role] ?? d.subscription.role}, ${d.subscription.language})`,
    `    varför: ${d.reminder.daysBefore} dagar före mötet kl. ${local(d.reminder.dueAt, timeZone).slice(-5)}, aktuell sedan ${local(d.reminder.dueAt, timeZone)}; mötet börjar ${local(d.reminder.startsAt, timeZone)}` +
      (d.late ? "; SEN (boten var nere), säger det i texten" : ""),
    ...(d.supersedes.length
      ? [`    ersätter: ${d.supersedes.map((s) => s.kind).join(", ")} (missade, skickas inte)`]
      : []),
  ].join("\n");
}

async function describePlan(plan: ReminderPlan, store: Store, withText: boolean): Promise<string> {
  const zones = new Map<string, string>();
  for (const s of plan.subscriptions)
    if (!zones.has(s.collaborationId))
      zones.set(s.collaborationId, (await store.dataset(s.collaborationId)).collaboration.timeZone);
  const tz = (id: string) => zones.get(id) ?? "Europe/Stockholm";
  const lines = [`Påminnelser vid ${plan.now.toISOString()}`];
  if (plan.subscriptions.length === 0) {
    lines.push('Inga chattar prenumererar på påminnelser (skriv "påminn oss" till boten i en chatt).');
    return lines.join("\n");
  }
  lines.push(
    `Prenumerationer: ${plan.subscriptions.map((s) => `${s.conversationId} (${s.collaborationId}, ${ROLE[s.role] ?? s.role}, sedan ${s.subscribedAt})`).join("; ")}`,
  );
  lines.push("", plan.due.length ? `Ska skickas nu (${plan.due.length}):` : "Inget ska skickas nu.");
  for (const d of plan.due) {
    lines.push(describeDue(d, tz(d.collaborationId)));
    if (withText) lines.push(...(await plan.message(d)).text.split("\n").map((l) => `      | ${l}`));
  }
  if (plan.upcoming.length) {
    lines.push("", "Nästa:");
    for (const u of plan.upcoming)
      lines.push(
        `  ${local(u.reminder.dueAt, tz(u.collaborationId))}: ${u.reminder.meeting.id} ${u.kind} → ${u.conversationId}`,
      );
  }
  return lines.join("\n");
}

function planJson(plan: ReminderPlan) {
  const due = (d: DueReminder) => ({
    collaborationId: d.collaborationId,
    meetingId: d.meetingId,
    meetingStart: d.meetingStart,
    kind: d.kind,
    conversationId: d.conversationId,
    role: d.subscription.role,
    dueAt: d.reminder.dueAt.toISOString(),
    late: d.late,
    supersedes: d.supersedes.map((s) => s.kind),
  });
  return {
    now: plan.now.toISOString(),
    subscriptions: plan.subscriptions.map(({ reference: _r, ...s }) => s),
    due: plan.due.map(due),
    superseded: plan.superseded.map(due),
    upcoming: plan.upcoming.map(due),
  };
}

export const remindersCommand: Command & {
  runAsync: (args: readonly string[], io: CliIo) => Promise<number>;
} = {
  name: "reminders",
  synopsis: "samverkan reminders [--now TID] [--dry-run]",
  summary: "Visa (eller skicka) de påminnelser som ska gå ut vid en tidpunkt, och varför",
  usage: USAGE,
  run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(USAGE);
      return 0;
    }
    return needsAsync("reminders", io);
  },
  async runAsync(args, io) {
    const { values, positionals } = parseOptions(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          now: { type: "string" },
          "dry-run": { type: "boolean" },
          format: { type: "string" },
          text: { type: "boolean" },
          help: { type: "boolean", short: "h" },
        },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`Okänt argument "${positionals[0]}".`);
    const format = parseChoice(values.format, "format", ["text", "json"] as const) ?? "text";
    const now = parseNow(values.now);
    // The bot's own settings, so the CLI and the bot agree on what is due.
    let reminders;
    try {
      reminders = readReminderConfig(process.env);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const settings = reminders.settings;
    try {
      return await withStore(async (store) => {
        const plan = await planReminders({ store, now, settings });
        if (values["dry-run"]) {
          io.out(
            format === "json"
              ? JSON.stringify(planJson(plan), null, 2)
              : await describePlan(plan, store, values.text === true),
          );
          return 0;
        }
        // Only sending needs the Bot Framework (botbuilder is slow to load): the bot's own adapter and sender.
        const bot = await import("@samverkan/teams-bot");
        let config;
        try {
          config = bot.readConfig(process.env);
        } catch (error) {
          throw new UsageError(error instanceof Error ? error.message : String(error));
        }
        const credentials = {
          appId: config.appId,
          appPassword: config.appPassword,
          tenantId: config.tenantId,
        };
        const adapter = bot.createAdapter(credentials, {
          ...(config.openIdMetadataUrl
            ? { endpoints: { channelOpenIdMetadataUrl: config.openIdMetadataUrl } }
            : {}),
        });
        const outcomes = await deliverDueReminders({
          store,
          now,
          settings,
          send: bot.proactiveSender(adapter, config.appId),
          instanceId: `cli-${randomUUID()}`,
        });
        if (format === "json") {
          io.out(
            JSON.stringify(
              outcomes.map((o) => ({
                ...planJson({ ...plan, due: [o.reminder] }).due[0],
                result: o.result,
                error: o.error,
              })),
              null,
              2,
            ),
          );
        } else {
          io.out(
            outcomes.length === 0
              ? `Inget att skicka vid ${now.toISOString()}.`
              : outcomes
                  .map(
                    (o) =>
                      `${o.result === "sent" ? "skickad" : o.result === "taken" ? "redan tagen av en annan instans" : `misslyckades (${o.error ?? ""})`}: ${o.reminder.meetingId} ${o.reminder.kind} → ${o.reminder.conversationId}`,
                  )
                  .join("\n"),
          );
        }
        return outcomes.some((o) => o.result === "failed") ? 1 : 0;
      });
    } catch (error) {
      return storeFailure(error, io);
    }
  },
};
