import { z } from "zod";

/** An id of lower-case letters, digits and hyphens, e.g. "e-arkiv", "committee-2022-03-16". */
export const slugIdSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/, { message: "expected a lower-case id of letters, digits and hyphens" });

/** A table's id of lower-case letters, digits and underscores, e.g. "nb2023_earkiv". */
export const tableIdSchema = z
  .string()
  .regex(/^[a-z0-9_]+$/, { message: "expected an id of lower-case letters, digits and underscores" });
