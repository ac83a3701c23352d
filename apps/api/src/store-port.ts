import type { Store } from "@samverkan/store";
import type { Role } from "./config.js";

/**
 * What the API needs from the system of record, kept narrow: the store's reads and writes as they
 * are, and a token check that also says whose token it is (for the audit log's "who").
 * `src/store-adapter.ts` fits a real `Store` to it.
 */
export type ApiStore = Pick<
  Store,
  | "ping"
  | "datasets"
  | "meetings"
  | "meeting"
  | "currentDataset"
  | "recordAmount"
  | "amounts"
  | "changeMeeting"
  | "recordAttendance"
  | "auditLog"
  | "getConversationTurn"
  | "saveConversationTurn"
> & {
  /** The holder of a token (its configured name and role), or null for an unknown token. */
  verifyToken(token: string): Promise<{ name: string; role: Role } | null>;
};
