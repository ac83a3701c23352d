export {
  openStore,
  storeOptionsFromEnv,
  DEFAULT_DATA_DIR,
  type Store,
  type OpenStoreOptions,
} from "./store.js";
export { StoreError, isStoreError, type StoreErrorCode, type StoreProblem } from "./errors.js";
export * from "./inputs.js";
export type * from "./types.js";
export { hashToken } from "./tokens.js";
export { MIGRATIONS_DIR, readMigrations, migrate, type Migration } from "./migrate.js";
export { openPglite, openPostgres, type SqlClient, type SqlDatabase, type SqlValue } from "./sql.js";
export { applyMeetingChanges } from "./meetings.js";
export { diffFile } from "./diff.js";
export {
  CONVERSATION_KEY_MAX_LENGTH,
  CONVERSATION_TURN_MAX_BYTES,
  conversationKeySchema,
  type StoredConversationTurn,
} from "./conversations.js";
export * from "./secretary-inputs.js";
export type { RoleGrant } from "./roles.js";
export type { RecordedDecision } from "./decisions.js";
