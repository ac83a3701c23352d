import { z } from "zod";
import { slugIdSchema } from "./ids.js";
import { isoDateSchema } from "./dates.js";
import { moneyUnitSchema } from "./unit.js";
import { roundingSchema } from "./rounding.js";

/** A member municipality's membership of the collaboration, from a date and (if it left) to a date. */
export const membershipSchema = z
  .strictObject({
    municipality: z.string().min(1),
    from: isoDateSchema,
    to: isoDateSchema.optional(),
  })
  .refine((m) => m.to === undefined || m.to >= m.from, {
    message: "membership ends (to) before it starts (from)",
    path: ["to"],
  });
export type Membership = z.infer<typeof membershipSchema>;

/**
 * A role in the collaboration's organisation (never a person): who employs it and what it does.
 * The seeds name people; samverkan models roles only.
 */
export const organisationRoleSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  employer: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
});
export type OrganisationRole = z.infer<typeof organisationRoleSchema>;

/** A joint committee (gemensam nämnd) or other collaboration of municipalities. */
export const collaborationSchema = z.strictObject({
  id: slugIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.string().min(1),
  host: z.string().min(1),
  timeZone: z.string().min(1).default("Europe/Stockholm"),
  /** The unit its documents mostly use. */
  unit: moneyUnitSchema,
  /** The rounding a new allocation rule gets when it names none: the house convention. */
  defaultRounding: roundingSchema,
  members: z.array(membershipSchema).min(1, { message: "a collaboration needs at least one member" }),
  roles: z.array(organisationRoleSchema).default([]),
  description: z.string().min(1).optional(),
});
export type Collaboration = z.infer<typeof collaborationSchema>;

/** The municipalities that are members on `date` (YYYY-MM-DD). */
export function membersOn(collaboration: Pick<Collaboration, "members">, date: string): string[] {
  return collaboration.members
    .filter((m) => m.from <= date && (m.to === undefined || date <= m.to))
    .map((m) => m.municipality);
}
