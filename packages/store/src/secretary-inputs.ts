import { z } from "zod";

/**
 * The zod schemas of the secretary's writes from Teams: roles granted to Teams users, and decisions
 * recorded against a meeting. The API and the bot reuse them, so every caller is checked the same way.
 */

/** The roles a Teams user can be granted. Only the secretary records; everyone else reads. */
export const memberRoleSchema = z.enum(["secretary"], { error: 'must be "secretary"' });
export type MemberRole = z.infer<typeof memberRoleSchema>;

/**
 * An Azure AD (Entra ID) object id, as Teams sends it in `from.aadObjectId`: a GUID, compared without
 * regard to case (stored lower-case).
 */
export const aadObjectIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
    message: 'must be an Azure AD object id, e.g. "00000000-0000-0000-0000-000000000000"',
  })
  .transform((id) => id.toLowerCase());

export const roleGrantSchema = z.strictObject({
  aadObjectId: aadObjectIdSchema,
  role: memberRoleSchema,
});
export type RoleGrantInput = z.input<typeof roleGrantSchema>;

/** A decision (§) of a meeting as the secretary records it: the paragraph, what it is about, what was decided. */
export const decisionInputSchema = z.strictObject({
  paragraph: z.coerce
    .number({ error: "must be a paragraph number, e.g. 13" })
    .int({ message: "must be a whole number" })
    .min(1, { message: "must be 1 or more" })
    .max(9999, { message: "must be at most 9999" }),
  subject: z.string().trim().min(1, { message: "must say what the matter is" }).max(500),
  decision: z.string().trim().min(1, { message: "must say what was decided" }).max(5000),
  /** Ärendenr, when the matter has one: "2022/13-2.2.0.1". */
  caseNumber: z
    .string()
    .trim()
    .regex(/^\d{4}\/\d+-[\d.]+$/, { message: 'expected an ärendenr such as "2022/13-2.2.0.1"' })
    .optional(),
});
export type DecisionInput = z.input<typeof decisionInputSchema>;

/**
 * A write's idempotency key: the same key twice writes once. A card's submit carries the key it was
 * built with, so a double click, or Teams retrying the invoke, records once.
 */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, { message: "must be at least 8 characters" })
  .max(200, { message: "must be at most 200 characters" });
