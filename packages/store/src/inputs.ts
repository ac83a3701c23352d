import { z } from "zod";
import {
  clockTimeSchema,
  decimalSchema,
  isoDateSchema,
  meetingBodySchema,
  meetingSchema,
  moneyUnitSchema,
  reminderLanguageSchema,
  reminderRoleSchema,
  slugIdSchema,
} from "@samverkan/domain";

/**
 * The zod schemas of every write the store accepts. The HTTP API reuses them for its request
 * bodies, so a body is validated (and documented) by exactly what the store will accept.
 */

/** Who makes a write, as the audit log names them: a token's name, "cli", "system". */
export const actorSchema = z.string().trim().min(1, { message: "must name who makes the change" }).max(200);

/**
 * An exact amount: a decimal string such as "119924.00" or "0.1", or a whole number. The output
 * is the amount as written (trimmed), so the scale the secretary used ("119924.00") is kept.
 */
export const amountSchema = z
  .union([z.string(), z.number()], { error: 'expected an amount, e.g. "119924.00" or "0.1"' })
  .superRefine((value, ctx) => {
    const parsed = decimalSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return;
    }
    const digits = parsed.data.abs();
    if (digits.gte("1e18"))
      ctx.addIssue({ code: "custom", message: "is too large (at most 18 digits before the point)" });
    if (parsed.data.decimalPlaces() > 6)
      ctx.addIssue({ code: "custom", message: "has more than 6 decimals" });
  })
  .transform((value) => canonicalAmount(typeof value === "number" ? String(value) : value.trim()));

/**
 * The form NUMERIC gives back, so an amount reads back exactly as it was accepted: no leading
 * zeros ("007" → "7") and no minus on zero ("-0.00" → "0.00"); the decimals are kept as written.
 */
export function canonicalAmount(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const whole = (match[2] as string).replace(/^0+(?=\d)/, "");
  const fraction = match[3] ?? "";
  const zero = whole === "0" && /^(\.0+)?$/.test(fraction);
  return `${zero ? "" : match[1]}${whole}${fraction}`;
}

/** The line an amount belongs to: a cost item id of the dataset or a statement line label. */
export const lineSchema = z
  .string()
  .trim()
  .min(1, { message: "must name a cost item id or a line label" })
  .max(200);

/** An outcome (utfall) or forecast (prognos) to record; recording the same line and date again replaces it. */
export const amountInputSchema = z.strictObject({
  line: lineSchema,
  /** The date the figure stands at, e.g. "2023-05-31" for utfall per sista maj. */
  date: isoDateSchema,
  amount: amountSchema,
  unit: moneyUnitSchema,
  note: z.string().trim().min(1).max(2000).optional(),
});
export type AmountInput = z.input<typeof amountInputSchema>;

export const amountKindSchema = z.enum(["outcome", "forecast"], { error: 'must be "outcome" or "forecast"' });
export type AmountKind = z.infer<typeof amountKindSchema>;

/** Which recorded amounts to read; dates are inclusive. */
export const amountQuerySchema = z.strictObject({
  kind: amountKindSchema.optional(),
  line: lineSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type AmountQuery = z.input<typeof amountQuerySchema>;

/** Where and when a moved meeting now is; fields left out keep the planned value. */
export const meetingMoveSchema = z
  .strictObject({
    date: isoDateSchema,
    endDate: isoDateSchema.optional(),
    startTime: clockTimeSchema.optional(),
    endTime: clockTimeSchema.optional(),
    place: z.string().trim().min(1).max(200).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((m) => m.endDate === undefined || m.endDate >= m.date, {
    message: "endDate is before date",
    path: ["endDate"],
  })
  .refine((m) => !(m.startTime && m.endTime && !m.endDate) || m.endTime > m.startTime, {
    message: "endTime is not after startTime",
    path: ["endTime"],
  });

/** A new meeting that is not in the dataset's plan. */
export const meetingAddSchema = z.strictObject({
  id: slugIdSchema,
  body: meetingBodySchema,
  participants: z.array(meetingBodySchema).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  date: isoDateSchema,
  endDate: isoDateSchema.optional(),
  startTime: clockTimeSchema.optional(),
  endTime: clockTimeSchema.optional(),
  place: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
});

/** A change to the meeting plan: a meeting moved, cancelled, or added. */
export const meetingChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("moved"), meetingId: slugIdSchema, to: meetingMoveSchema }),
    z.strictObject({
      kind: z.literal("cancelled"),
      meetingId: slugIdSchema,
      reason: z.string().trim().min(1).max(2000).optional(),
    }),
    z.strictObject({ kind: z.literal("added"), meeting: meetingAddSchema }),
  ],
  { error: 'kind must be "moved", "cancelled" or "added"' },
);
export type MeetingChangeInput = z.input<typeof meetingChangeSchema>;
export type MeetingChange = z.output<typeof meetingChangeSchema>;

/** Who attended a meeting: member municipalities (as named in the dataset) and organisation role ids. */
export const attendanceInputSchema = z.strictObject({
  municipalities: z.array(z.string().trim().min(1)).max(500),
  roles: z.array(z.string().trim().min(1)).max(500).default([]),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type AttendanceInput = z.input<typeof attendanceInputSchema>;

export const tokenRoleSchema = z.enum(["secretary", "reader"], { error: 'must be "secretary" or "reader"' });
export type TokenRole = z.infer<typeof tokenRoleSchema>;

/** A configured API token. At least 16 characters: a token is a password for a machine. */
export const tokenInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: tokenRoleSchema,
  token: z.string().min(16, { message: "must be at least 16 characters" }).max(1000),
});
export type TokenInput = z.input<typeof tokenInputSchema>;

export const auditQuerySchema = z.strictObject({
  limit: z.number().int().min(1).max(10000).default(100),
  /** Only entries at or after this instant (ISO 8601, e.g. "2024-05-01T00:00:00Z"). */
  since: z.union([z.iso.datetime({ offset: true }), isoDateSchema, z.date()]).optional(),
  collaborationId: z.string().min(1).optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

// The domain's meeting schema is the shape meetings are read back in; re-exported for the API's docs.
export { meetingSchema };

/**
 * A chat subscribing to reminders. `reference` is the Bot Framework conversation reference as the bot
 * got it (it must name the conversation and the service URL to write back to).
 */
export const subscriptionInputSchema = z.strictObject({
  conversationId: z.string().trim().min(1, { message: "must name the conversation" }).max(1000),
  role: reminderRoleSchema,
  language: reminderLanguageSchema.default("sv"),
  reference: z.looseObject({
    serviceUrl: z.string().min(1, { message: "must have the service URL to write back to" }),
    conversation: z.looseObject({ id: z.string().min(1, { message: "must name the conversation" }) }),
  }),
  /** When it subscribed (the bot's clock); reminders due before it are not sent. */
  at: z.date({ error: "expected the time of subscribing" }),
});
export type SubscriptionInput = z.input<typeof subscriptionInputSchema>;

/** An open item is a line on an agenda, not a document: this many characters at most. */
export const OPEN_ITEM_MAX_LENGTH = 500;

export const openItemInputSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { message: "must say what the item is" })
    .max(OPEN_ITEM_MAX_LENGTH, { message: `must be at most ${OPEN_ITEM_MAX_LENGTH} characters` }),
  meetingId: slugIdSchema.optional(),
});
export type OpenItemInput = z.input<typeof openItemInputSchema>;
