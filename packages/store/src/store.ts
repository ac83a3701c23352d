import { join } from "node:path";
import { BUNDLED_DATA_DIR, BUNDLED_DATASETS } from "@samverkan/data";
import {
  closestNames,
  findMunicipality,
  isoDateSchema,
  membersOn,
  type Dataset,
  type DatasetDocuments,
  type Decision,
  type OpenItem,
  type ReminderDelivery,
  type ReminderKey,
  type ReminderLedger,
  type ReminderRole,
  type ReminderSubscription,
} from "@samverkan/domain";
import { readAudit, writeAudit } from "./audit.js";
import {
  datasetFromDocuments,
  readDatasetFolder,
  readStoredDocuments,
  storeDataset,
  writeDatasetFolder,
} from "./datasets.js";
import { StoreError } from "./errors.js";
import {
  actorSchema,
  amountInputSchema,
  amountKindSchema,
  amountQuerySchema,
  attendanceInputSchema,
  auditQuerySchema,
  lineSchema,
  meetingChangeSchema,
  openItemInputSchema,
  subscriptionInputSchema,
  tokenInputSchema,
  type AmountInput,
  type AmountKind,
  type AmountQuery,
  type AttendanceInput,
  type AuditQuery,
  type MeetingChange,
  type MeetingChangeInput,
  type OpenItemInput,
  type SubscriptionInput,
  type TokenInput,
  type TokenRole,
} from "./inputs.js";
import {
  claimDelivery,
  closeOpenItemRow,
  deleteSubscriptions,
  insertOpenItem,
  markDeliveryFailed,
  markDeliverySent,
  readDeliveries,
  readOpenItems,
  readSubscriptions,
  skipDelivery,
  upsertSubscription,
} from "./reminders.js";
import {
  conversationKeySchema,
  conversationSaveSchema,
  conversationTurnSchema,
  pruneConversationTurnRows,
  readConversationTurn,
  writeConversationTurn,
  type StoredConversationTurn,
} from "./conversations.js";
import { applyMeetingChanges, type StoredAttendance, type StoredChange } from "./meetings.js";
import {
  decisionRegister,
  publishedDecision,
  readRecordedDecisions,
  recordedAsDecision,
  upsertRecordedDecision,
} from "./decisions.js";
import { claimWrite } from "./idempotency.js";
import { deleteRole, insertRole, readRoles, type RoleGrant } from "./roles.js";
import {
  aadObjectIdSchema,
  decisionInputSchema,
  idempotencyKeySchema,
  roleGrantSchema,
  type DecisionInput,
  type MemberRole,
  type RoleGrantInput,
} from "./secretary-inputs.js";
import { lockStore, migrate } from "./migrate.js";
import { openPglite, openPostgres, type SqlClient, type SqlDatabase } from "./sql.js";
import { hashToken, verifyTokenHash } from "./tokens.js";
import type {
  AuditEntry,
  CollaborationInfo,
  ImportReport,
  RecordedAmount,
  StoredMeeting,
  WriteOptions,
} from "./types.js";
import { parseInput } from "./validate.js";

/** Where the embedded database lives when nothing else is said: `./.data/pglite`. */
export const DEFAULT_DATA_DIR = join(".data", "pglite");

export interface OpenStoreOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of the embedded PGlite. */
  readonly databaseUrl?: string;
  /** PGlite's data folder (default `./.data/pglite`). Ignored with `databaseUrl` or `inMemory`. */
  readonly dataDir?: string;
  /** An embedded database in memory, gone at `close()` (tests, examples). */
  readonly inMemory?: boolean;
  /** Work in this schema (created when missing) instead of `public`: lets stores share one database. */
  readonly schema?: string;
  /**
   * An already opened database (`openPglite`, `openPostgres`) to use instead of opening one; the store
   * takes it over and closes it. Lets a caller keep raw SQL access, as the tests do.
   */
  readonly database?: SqlDatabase;
  /** Import the bundled datasets when the database holds no collaboration yet (default true). */
  readonly importBundled?: boolean;
}

/**
 * The system of record of samverkan: the datasets, and what the secretary records after they were
 * published (outcomes, forecasts, meeting changes, attendance), each write with its audit row.
 * Every write validates its input and throws `StoreError` (`invalid`, `not_found`, `conflict`)
 * without changing anything when it is refused.
 */
export interface Store extends ReminderLedger {
  readonly kind: "pglite" | "postgres";
  /** True when the database answers a query. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  /** The stored collaborations with their dataset revision. */
  collaborations(): Promise<CollaborationInfo[]>;
  /** Every stored dataset, validated on the way out (cached per revision). */
  datasets(): Promise<Dataset[]>;
  /** One stored dataset; `not_found` (with the known ids) when there is none. */
  dataset(collaborationId: string): Promise<Dataset>;
  /**
   * Imports a data folder (all or nothing): a folder that fails validation changes nothing and throws
   * `invalid` with the loader's problems (file, path, message). With `collaborationId`, the folder
   * must hold that collaboration. Returns what changed per file.
   */
  importDataset(dir: string, options: WriteOptions & { collaborationId?: string }): Promise<ImportReport>;
  /** Writes a stored dataset to `dir` as YAML files `loadDataset` accepts; returns the files written. */
  exportDataset(collaborationId: string, dir: string, options?: { overwrite?: boolean }): Promise<string[]>;

  /** Records an outcome (utfall) or forecast (prognos); the same line and date again replaces it. */
  recordAmount(
    collaborationId: string,
    kind: AmountKind,
    input: AmountInput,
    options: WriteOptions,
  ): Promise<RecordedAmount>;
  recordOutcome(collaborationId: string, input: AmountInput, options: WriteOptions): Promise<RecordedAmount>;
  recordForecast(collaborationId: string, input: AmountInput, options: WriteOptions): Promise<RecordedAmount>;
  /** Removes a recorded amount; `not_found` when there is none. Returns what was removed. */
  removeAmount(
    collaborationId: string,
    kind: AmountKind,
    line: string,
    date: string,
    options: WriteOptions,
  ): Promise<RecordedAmount>;
  /** Recorded amounts, by kind, line and date. */
  amounts(collaborationId: string, query?: AmountQuery): Promise<RecordedAmount[]>;
  /** The exact sum in kronor (tkr × 1000) of the amounts `query` selects, as a decimal string. */
  amountTotal(collaborationId: string, query?: AmountQuery): Promise<string>;

  /** The dataset's meetings with recorded changes and attendance applied, by date. */
  meetings(collaborationId: string): Promise<StoredMeeting[]>;
  /** One meeting as `meetings` shows it; `not_found` with the closest ids. */
  meeting(collaborationId: string, meetingId: string): Promise<StoredMeeting>;
  /** Moves, cancels or adds a meeting; returns the meeting as it now is. */
  changeMeeting(
    collaborationId: string,
    change: MeetingChangeInput,
    options: WriteOptions,
  ): Promise<StoredMeeting>;
  /** Records who attended (replacing earlier attendance of that meeting); returns the meeting. */
  recordAttendance(
    collaborationId: string,
    meetingId: string,
    input: AttendanceInput,
    options: WriteOptions,
  ): Promise<StoredMeeting>;

  /**
   * Records a decision (§) of a meeting; the same § of the same meeting again replaces it (a correction).
   * `conflict` when the published minutes already have that § for the meeting's date. Returns it as the
   * register shows it.
   */
  recordDecision(
    collaborationId: string,
    meetingId: string,
    input: DecisionInput,
    options: WriteOptions,
  ): Promise<Decision>;
  /** The decisions register: the minutes' decisions and the recorded ones, by meeting date and §. */
  decisions(collaborationId: string): Promise<Decision[]>;
  /**
   * The dataset as it stands: its meeting plan with every change and recorded attendance applied, and
   * its decisions with the recorded ones. What the assistant, reports and calendar read. The same object
   * comes back while nothing changed, so what is computed from it can be cached against it.
   */
  currentDataset(collaborationId: string): Promise<Dataset>;
  /** `currentDataset` of every stored collaboration. */
  currentDatasets(): Promise<Dataset[]>;

  /**
   * Grants a Teams user (by Azure AD object id) a role in a collaboration; granting it again changes
   * nothing. Audit-logged as "role.grant". Returns the grant.
   */
  grantRole(collaborationId: string, input: RoleGrantInput, options: WriteOptions): Promise<RoleGrant>;
  /** Revokes a role; `not_found` when the user does not hold it. Audit-logged as "role.revoke". */
  revokeRole(collaborationId: string, input: RoleGrantInput, options: WriteOptions): Promise<RoleGrant>;
  /** The granted roles, of one collaboration or all. */
  roles(collaborationId?: string): Promise<RoleGrant[]>;
  /** True when the Teams user holds the role in the collaboration. False for anything not an object id. */
  hasRole(collaborationId: string, aadObjectId: string, role: MemberRole): Promise<boolean>;

  /**
   * Subscribes a chat to one role's reminders for a collaboration (`not_found` for an unknown one).
   * Subscribing again refreshes the conversation reference and language and keeps the first time.
   */
  subscribeReminders(
    collaborationId: string,
    input: SubscriptionInput,
    options: WriteOptions,
  ): Promise<ReminderSubscription>;
  /** Ends a chat's subscriptions (all, or of one collaboration or role); returns those ended. */
  unsubscribeReminders(
    conversationId: string,
    query: { collaborationId?: string; role?: ReminderRole },
    options: WriteOptions,
  ): Promise<ReminderSubscription[]>;
  /** The open items carried from meeting to meeting (with `includeClosed`, the closed ones too). */
  openItems(collaborationId: string, options?: { includeClosed?: boolean }): Promise<OpenItem[]>;
  addOpenItem(collaborationId: string, input: OpenItemInput, options: WriteOptions): Promise<OpenItem>;
  /** Closes an open item; `not_found` naming the open ones when there is no such open item. */
  closeOpenItem(collaborationId: string, id: number, options: WriteOptions): Promise<OpenItem>;

  /**
   * The last answered turn of a conversation (what the assistant needs to read a follow-up), or
   * undefined when there is none or it has expired at `now` (default: the machine's clock).
   */
  getConversationTurn(key: string, options?: { now?: Date }): Promise<StoredConversationTurn | undefined>;
  /**
   * Keeps `turn` (a JSON object, at most 16 KB) as the conversation's last one until `expiresAt`,
   * replacing the one before; prunes every expired turn. Not audited: it is a conversation's memory,
   * not somebody's record. `invalid` for an empty or over-long key (512) or a turn that is no JSON object.
   */
  saveConversationTurn(key: string, turn: object, options: { expiresAt: Date; now?: Date }): Promise<void>;
  /** Removes the turns expired at `now` (default: the machine's clock); returns how many. */
  pruneConversationTurns(now?: Date): Promise<number>;

  /** The audit log, newest first (default limit 100). */
  auditLog(query?: AuditQuery): Promise<AuditEntry[]>;

  /** The role of a bearer token, or null; compared by hash in constant time. */
  verifyToken(token: string): Promise<TokenRole | null>;
  /** Adds a token (`conflict` when the name exists). Only its SHA-256 is stored. */
  addToken(input: TokenInput, options: WriteOptions): Promise<void>;
  /**
   * Makes the configured tokens exist with these roles (by name; a changed token or role is updated).
   * With `removeOthers`, tokens not listed are removed, so configuration is the whole truth.
   */
  ensureTokens(
    tokens: readonly TokenInput[],
    options?: { actor?: string; removeOthers?: boolean },
  ): Promise<void>;
  /** Removes a token by name; `not_found` when there is none. */
  removeToken(name: string, options: WriteOptions): Promise<void>;
}

/**
 * Store options from the environment: `DATABASE_URL` selects PostgreSQL; otherwise PGlite in
 * `$SAMVERKAN_DATA_DIR/pglite` (default `./.data/pglite`).
 */
export function storeOptionsFromEnv(env: Record<string, string | undefined> = process.env): OpenStoreOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  return { dataDir: join(env.SAMVERKAN_DATA_DIR?.trim() || ".data", "pglite") };
}

/**
 * Opens the store: connects, applies pending migrations (once, even when several processes start
 * together) and, on an empty database, imports the bundled datasets.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const db = options.database
    ? options.database
    : options.databaseUrl
      ? await openPostgres(options.databaseUrl, options.schema)
      : await openPglite(
          options.inMemory ? undefined : (options.dataDir ?? DEFAULT_DATA_DIR),
          options.schema,
        );
  try {
    await migrate(db);
    if (options.importBundled !== false) await importBundledWhenEmpty(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new SqlStore(db);
}

/** On first start: the bundled datasets, in one transaction, by one process only. */
async function importBundledWhenEmpty(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await lockStore(tx, "seed");
    const [row] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM collaborations");
    if ((row?.n ?? 0) > 0) return;
    for (const id of BUNDLED_DATASETS) {
      await storeDataset(tx, readDatasetFolder(join(BUNDLED_DATA_DIR, id)), `bundled:${id}`, "system");
    }
  });
}

interface AmountRow {
  collaboration_id: string;
  kind: AmountKind;
  line: string;
  date: string;
  amount: string;
  unit: "kr" | "tkr";
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}

const AMOUNT_COLUMNS = `collaboration_id, kind, line, to_char(date, 'YYYY-MM-DD') AS date, amount::text AS amount,
  unit, note, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at, recorded_by`;

function toAmount(r: AmountRow): RecordedAmount {
  return {
    collaborationId: r.collaboration_id,
    kind: r.kind,
    line: r.line,
    date: r.date,
    amount: r.amount,
    unit: r.unit,
    ...(r.note !== null && { note: r.note }),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

const INSTANT = `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

class SqlStore implements Store {
  readonly kind: "pglite" | "postgres";
  private readonly cache = new Map<string, { revision: number; dataset: Dataset }>();
  /** The last `currentDataset` of each collaboration, with what it was made from. */
  private readonly current = new Map<string, { base: Dataset; key: string; dataset: Dataset }>();

  constructor(private readonly db: SqlDatabase) {
    this.kind = db.kind;
  }

  async ping(): Promise<boolean> {
    try {
      const [row] = await this.db.query<{ ok: number }>("SELECT 1 AS ok");
      return row?.ok === 1;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async collaborations(): Promise<CollaborationInfo[]> {
    const rows = await this.db.query<{
      id: string;
      revision: number;
      source: string;
      imported_at: string;
      imported_by: string;
    }>(
      `SELECT id, revision, source, imported_by,
              to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS imported_at
       FROM collaborations ORDER BY id`,
    );
    return rows.map((r) => ({
      id: r.id,
      revision: r.revision,
      source: r.source,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
    }));
  }

  async datasets(): Promise<Dataset[]> {
    const infos = await this.collaborations();
    const stale = infos.filter((c) => this.cache.get(c.id)?.revision !== c.revision);
    if (stale.length > 0) await this.reload(stale.length === 1 ? stale[0]?.id : undefined);
    return infos.flatMap((c) => {
      const cached = this.cache.get(c.id);
      return cached ? [cached.dataset] : [];
    });
  }

  async dataset(collaborationId: string): Promise<Dataset> {
    const [row] = await this.db.query<{ revision: number }>(
      "SELECT revision FROM collaborations WHERE id = $1",
      [collaborationId],
    );
    if (!row) {
      const known = (await this.collaborations()).map((c) => c.id);
      throw new StoreError(
        "not_found",
        `Unknown collaboration "${collaborationId}"; known: ${known.join(", ") || "none"}`,
        { suggestions: known },
      );
    }
    if (this.cache.get(collaborationId)?.revision !== row.revision) await this.reload(collaborationId);
    const cached = this.cache.get(collaborationId);
    if (!cached) throw new StoreError("not_found", `Unknown collaboration "${collaborationId}"`);
    return cached.dataset;
  }

  /** Reads and validates stored datasets (all, or one) in one snapshot of files and revisions. */
  private async reload(collaborationId?: string): Promise<void> {
    const { revisions, documents } = await this.db.transaction(async (tx) => {
      const revs = await tx.query<{ id: string; revision: number }>(
        "SELECT id, revision FROM collaborations WHERE $1::text IS NULL OR id = $1",
        [collaborationId ?? null],
      );
      return { revisions: revs, documents: await readStoredDocuments(tx, collaborationId) };
    });
    for (const { id, revision } of revisions) {
      const docs: DatasetDocuments = documents.get(id) ?? {};
      this.cache.set(id, { revision, dataset: datasetFromDocuments(id, docs) });
    }
  }

  async importDataset(
    dir: string,
    options: WriteOptions & { collaborationId?: string },
  ): Promise<ImportReport> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const folder = readDatasetFolder(dir);
    const id = folder.dataset.collaboration.id;
    if (options.collaborationId !== undefined && options.collaborationId !== id)
      throw new StoreError(
        "invalid",
        `${dir} holds collaboration "${id}", not "${options.collaborationId}" (collaboration.yaml: collaboration.id)`,
        {
          problems: [
            { path: "collaboration.id", message: `is "${id}", expected "${options.collaborationId}"` },
          ],
        },
      );
    return this.db.transaction((tx) => storeDataset(tx, folder, dir, actor));
  }

  async exportDataset(
    collaborationId: string,
    dir: string,
    options: { overwrite?: boolean } = {},
  ): Promise<string[]> {
    await this.dataset(collaborationId); // not_found, and a stored dataset that fails validation, stop here
    const { revision, documents } = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ revision: number }>(
        "SELECT revision FROM collaborations WHERE id = $1",
        [collaborationId],
      );
      const docs = (await readStoredDocuments(tx, collaborationId)).get(collaborationId) ?? {};
      return { revision: row?.revision ?? 0, documents: docs };
    });
    datasetFromDocuments(collaborationId, documents);
    return writeDatasetFolder(dir, collaborationId, revision, documents, options.overwrite ?? false);
  }

  // --- outcomes and forecasts ---

  async recordAmount(
    collaborationId: string,
    kind: AmountKind,
    input: AmountInput,
    options: WriteOptions,
  ): Promise<RecordedAmount> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const k = parseInput(amountKindSchema, kind, "kind");
    const value = parseInput(amountInputSchema, input, k === "outcome" ? "outcome" : "forecast");
    await this.dataset(collaborationId);
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<AmountRow>(
        `SELECT ${AMOUNT_COLUMNS} FROM recorded_amounts
         WHERE collaboration_id = $1 AND kind = $2 AND line = $3 AND date = $4::date FOR UPDATE`,
        [collaborationId, k, value.line, value.date],
      );
      const [row] = await tx.query<AmountRow>(
        `INSERT INTO recorded_amounts (collaboration_id, kind, line, date, amount, unit, note, recorded_by)
         VALUES ($1, $2, $3, $4::date, $5::numeric, $6, $7, $8)
         ON CONFLICT (collaboration_id, kind, line, date) DO UPDATE
           SET amount = EXCLUDED.amount, unit = EXCLUDED.unit, note = EXCLUDED.note,
               recorded_at = now(), recorded_by = EXCLUDED.recorded_by
         RETURNING ${AMOUNT_COLUMNS}`,
        [collaborationId, k, value.line, value.date, value.amount, value.unit, value.note ?? null, actor],
      );
      const recorded = toAmount(row as AmountRow);
      await writeAudit(tx, {
        actor,
        action: `${k}.record`,
        collaborationId,
        target: `${k} ${value.line} ${value.date}`,
        before: before ? toAmount(before) : null,
        after: recorded,
      });
      return recorded;
    });
  }

  recordOutcome(collaborationId: string, input: AmountInput, options: WriteOptions): Promise<RecordedAmount> {
    return this.recordAmount(collaborationId, "outcome", input, options);
  }

  recordForecast(
    collaborationId: string,
    input: AmountInput,
    options: WriteOptions,
  ): Promise<RecordedAmount> {
    return this.recordAmount(collaborationId, "forecast", input, options);
  }

  async removeAmount(
    collaborationId: string,
    kind: AmountKind,
    line: string,
    date: string,
    options: WriteOptions,
  ): Promise<RecordedAmount> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const k = parseInput(amountKindSchema, kind, "kind");
    const l = parseInput(lineSchema, line, "line");
    const d = parseInput(isoDateSchema, date, "date");
    await this.dataset(collaborationId);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<AmountRow>(
        `DELETE FROM recorded_amounts WHERE collaboration_id = $1 AND kind = $2 AND line = $3 AND date = $4::date
         RETURNING ${AMOUNT_COLUMNS}`,
        [collaborationId, k, l, d],
      );
      if (!row) throw new StoreError("not_found", `No ${k} recorded for "${l}" on ${d}`);
      const removed = toAmount(row);
      await writeAudit(tx, {
        actor,
        action: `${k}.remove`,
        collaborationId,
        target: `${k} ${l} ${d}`,
        before: removed,
        after: null,
      });
      return removed;
    });
  }

  private amountWhere(collaborationId: string, query: AmountQuery | undefined) {
    const q = parseInput(amountQuerySchema, query ?? {}, "query");
    return {
      sql: `collaboration_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR line = $3)
            AND ($4::date IS NULL OR date >= $4::date) AND ($5::date IS NULL OR date <= $5::date)`,
      params: [collaborationId, q.kind ?? null, q.line ?? null, q.from ?? null, q.to ?? null],
    };
  }

  async amounts(collaborationId: string, query?: AmountQuery): Promise<RecordedAmount[]> {
    const where = this.amountWhere(collaborationId, query);
    await this.dataset(collaborationId);
    const rows = await this.db.query<AmountRow>(
      `SELECT ${AMOUNT_COLUMNS} FROM recorded_amounts WHERE ${where.sql} ORDER BY kind, line, date`,
      where.params,
    );
    return rows.map(toAmount);
  }

  async amountTotal(collaborationId: string, query?: AmountQuery): Promise<string> {
    const where = this.amountWhere(collaborationId, query);
    await this.dataset(collaborationId);
    const [row] = await this.db.query<{ total: string }>(
      `SELECT coalesce(sum(CASE unit WHEN 'tkr' THEN amount * 1000 ELSE amount END), 0)::text AS total
       FROM recorded_amounts WHERE ${where.sql}`,
      where.params,
    );
    return row?.total ?? "0";
  }

  // --- meetings ---

  /** The plan as `q` sees it. `dataset` is read before: inside PGlite's transaction only `q` may query. */
  private async meetingState(q: SqlClient, dataset: Dataset): Promise<StoredMeeting[]> {
    const collaborationId = dataset.collaboration.id;
    const changes = await q.query<{ meeting_id: string; details: MeetingChange; at: string; by: string }>(
      `SELECT meeting_id, details, ${INSTANT.replace("now()", "recorded_at")} AS at, recorded_by AS by
       FROM meeting_changes WHERE collaboration_id = $1 ORDER BY id`,
      [collaborationId],
    );
    const attendance = await q.query<{
      meeting_id: string;
      municipalities: string[];
      roles: string[];
      note: string | null;
      at: string;
      by: string;
    }>(
      `SELECT meeting_id, municipalities, roles, note, ${INSTANT.replace("now()", "recorded_at")} AS at,
              recorded_by AS by
       FROM meeting_attendance WHERE collaboration_id = $1 ORDER BY meeting_id`,
      [collaborationId],
    );
    return applyMeetingChanges(
      dataset,
      changes.map((c): StoredChange => ({
        meetingId: c.meeting_id,
        change: c.details,
        recordedAt: c.at,
        recordedBy: c.by,
      })),
      attendance.map((a): StoredAttendance => ({
        meetingId: a.meeting_id,
        municipalities: a.municipalities,
        roles: a.roles,
        ...(a.note !== null && { note: a.note }),
        recordedAt: a.at,
        recordedBy: a.by,
      })),
    );
  }

  async meetings(collaborationId: string): Promise<StoredMeeting[]> {
    return this.meetingState(this.db, await this.dataset(collaborationId));
  }

  async meeting(collaborationId: string, meetingId: string): Promise<StoredMeeting> {
    return findMeeting(await this.meetings(collaborationId), collaborationId, meetingId);
  }

  async changeMeeting(
    collaborationId: string,
    change: MeetingChangeInput,
    options: WriteOptions,
  ): Promise<StoredMeeting> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const c = parseInput(meetingChangeSchema, change, "meeting change");
    const dataset = await this.dataset(collaborationId);
    const meetingId = c.kind === "added" ? c.meeting.id : c.meetingId;
    const key = idempotencyKeyOf(options);
    return this.db.transaction(async (tx) => {
      await lockCollaboration(tx, collaborationId);
      const plan = await this.meetingState(tx, dataset);
      const before = plan.find((m) => m.id === meetingId);
      const target = `meeting ${meetingId}`;
      if (
        key &&
        !(await claimWrite(tx, key, { collaborationId, action: `meeting.${c.kind}`, target, actor }))
      )
        return findMeeting(plan, collaborationId, meetingId); // Made already: the plan as that write left it.
      if (c.kind === "added") {
        if (before)
          throw new StoreError(
            "conflict",
            `There is already a meeting with id "${meetingId}" (${before.date})`,
          );
      } else {
        findMeeting(plan, collaborationId, meetingId);
        if (c.kind === "cancelled" && before?.status === "cancelled")
          throw new StoreError("conflict", `Meeting "${meetingId}" is already cancelled`);
      }
      await tx.query(
        `INSERT INTO meeting_changes (collaboration_id, meeting_id, kind, details, recorded_by)
         VALUES ($1, $2, $3, $4::json, $5)`,
        [collaborationId, meetingId, c.kind, JSON.stringify(c), actor],
      );
      const after = findMeeting(await this.meetingState(tx, dataset), collaborationId, meetingId);
      await writeAudit(tx, {
        actor,
        action: `meeting.${c.kind}`,
        collaborationId,
        target: `meeting ${meetingId}`,
        before: before ?? null,
        after,
      });
      return after;
    });
  }

  async recordAttendance(
    collaborationId: string,
    meetingId: string,
    input: AttendanceInput,
    options: WriteOptions,
  ): Promise<StoredMeeting> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const value = parseInput(attendanceInputSchema, input, "attendance");
    const dataset = await this.dataset(collaborationId);
    const key = idempotencyKeyOf(options);
    return this.db.transaction(async (tx) => {
      await lockCollaboration(tx, collaborationId);
      const before = findMeeting(await this.meetingState(tx, dataset), collaborationId, meetingId);
      const write = {
        collaborationId,
        action: "attendance.record",
        target: `attendance ${meetingId}`,
        actor,
      };
      if (key && !(await claimWrite(tx, key, write))) return before; // Recorded already, with this key.
      const members = new Set(membersOn(dataset.collaboration, before.date));
      const problems: { path: string; message: string }[] = [];
      const municipalities: string[] = [];
      value.municipalities.forEach((name, i) => {
        const found = findMunicipality(dataset, name);
        const path = `municipalities[${i}]`;
        if (!found.found)
          problems.push({
            path,
            message: `unknown municipality "${name}"${found.suggestions.length ? `; did you mean ${found.suggestions.map((s) => `"${s}"`).join(" or ")}?` : ""}`,
          });
        else if (!members.has(found.value.name))
          problems.push({ path, message: `${found.value.name} is not a member on ${before.date}` });
        else if (municipalities.includes(found.value.name))
          problems.push({ path, message: `${found.value.name} is listed twice` });
        else municipalities.push(found.value.name);
      });
      const roleIds = dataset.collaboration.roles.map((r) => r.id);
      value.roles.forEach((role, i) => {
        if (!roleIds.includes(role))
          problems.push({
            path: `roles[${i}]`,
            message: `unknown role "${role}"; known: ${roleIds.join(", ")}`,
          });
      });
      if (problems.length > 0)
        throw new StoreError(
          "invalid",
          `Invalid attendance: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
          { problems },
        );
      await tx.query(
        `INSERT INTO meeting_attendance (collaboration_id, meeting_id, municipalities, roles, note, recorded_by)
         VALUES ($1, $2, $3::json, $4::json, $5, $6)
         ON CONFLICT (collaboration_id, meeting_id) DO UPDATE
           SET municipalities = EXCLUDED.municipalities, roles = EXCLUDED.roles, note = EXCLUDED.note,
               recorded_at = now(), recorded_by = EXCLUDED.recorded_by`,
        [
          collaborationId,
          meetingId,
          JSON.stringify(municipalities),
          JSON.stringify([...new Set(value.roles)]),
          value.note ?? null,
          actor,
        ],
      );
      const after = findMeeting(await this.meetingState(tx, dataset), collaborationId, meetingId);
      await writeAudit(tx, {
        actor,
        action: "attendance.record",
        collaborationId,
        target: `attendance ${meetingId}`,
        before: { attendance: before.attendance ?? null, attendees: before.attendees ?? null },
        after: { attendance: after.attendance ?? null, attendees: after.attendees ?? null },
      });
      return after;
    });
  }

  // --- decisions ---

  async recordDecision(
    collaborationId: string,
    meetingId: string,
    input: DecisionInput,
    options: WriteOptions,
  ): Promise<Decision> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const value = parseInput(decisionInputSchema, input, "decision");
    const dataset = await this.dataset(collaborationId);
    const key = idempotencyKeyOf(options);
    return this.db.transaction(async (tx) => {
      await lockCollaboration(tx, collaborationId);
      const meeting = findMeeting(await this.meetingState(tx, dataset), collaborationId, meetingId);
      const target = `decision ${meetingId} § ${value.paragraph}`;
      const recordedNow = async () => {
        const [saved] = await readRecordedDecisions(tx, collaborationId, meetingId).then((all) =>
          all.filter((d) => d.paragraph === value.paragraph),
        );
        return saved && recordedAsDecision(saved, meeting);
      };
      if (
        key &&
        !(await claimWrite(tx, key, { collaborationId, action: "decision.record", target, actor }))
      ) {
        const saved = await recordedNow();
        if (saved) return saved;
      }
      const minuted = publishedDecision(dataset.decisions, meeting, value.paragraph);
      if (minuted)
        throw new StoreError(
          "conflict",
          `§ ${value.paragraph} of the meeting on ${meeting.date} is in the published minutes ("${minuted.title}"); ` +
            "a recorded decision does not replace the minutes",
        );
      const before = (await recordedNow()) ?? null;
      await upsertRecordedDecision(tx, collaborationId, {
        meetingId,
        paragraph: value.paragraph,
        subject: value.subject,
        decision: value.decision,
        ...(value.caseNumber !== undefined && { caseNumber: value.caseNumber }),
        recordedBy: actor,
      });
      const after = await recordedNow();
      if (!after) throw new StoreError("conflict", `${target} was not saved`);
      await writeAudit(tx, { actor, action: "decision.record", collaborationId, target, before, after });
      return after;
    });
  }

  async decisions(collaborationId: string): Promise<Decision[]> {
    return [...(await this.currentDataset(collaborationId)).decisions];
  }

  async currentDataset(collaborationId: string): Promise<Dataset> {
    const base = await this.dataset(collaborationId);
    const meetings = await this.meetingState(this.db, base);
    const recorded = await readRecordedDecisions(this.db, collaborationId);
    const key = JSON.stringify([meetings, recorded]);
    const known = this.current.get(collaborationId);
    if (known && known.base === base && known.key === key) return known.dataset;
    const dataset: Dataset = Object.freeze({
      ...base,
      meetings,
      decisions: decisionRegister(base.decisions, recorded, meetings),
    });
    this.current.set(collaborationId, { base, key, dataset });
    return dataset;
  }

  async currentDatasets(): Promise<Dataset[]> {
    const infos = await this.collaborations();
    return Promise.all(infos.map((c) => this.currentDataset(c.id)));
  }

  // --- roles ---

  async grantRole(collaborationId: string, input: RoleGrantInput, options: WriteOptions): Promise<RoleGrant> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const grant = parseInput(roleGrantSchema, input, "role grant");
    return this.db.transaction(async (tx) => {
      await lockCollaboration(tx, collaborationId);
      const added = await insertRole(tx, { collaborationId, ...grant, grantedBy: actor });
      const [saved] = await readRoles(tx, { collaborationId, ...grant });
      if (!saved) throw new StoreError("conflict", `The ${grant.role} role was not saved`);
      if (added)
        await writeAudit(tx, {
          actor,
          action: "role.grant",
          collaborationId,
          target: `${grant.role} ${grant.aadObjectId}`,
          before: null,
          after: saved,
        });
      return saved;
    });
  }

  async revokeRole(
    collaborationId: string,
    input: RoleGrantInput,
    options: WriteOptions,
  ): Promise<RoleGrant> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const grant = parseInput(roleGrantSchema, input, "role grant");
    return this.db.transaction(async (tx) => {
      await lockCollaboration(tx, collaborationId);
      const [held] = await readRoles(tx, { collaborationId, ...grant });
      if (!held || !(await deleteRole(tx, { collaborationId, ...grant })))
        throw new StoreError(
          "not_found",
          `${grant.aadObjectId} does not hold the ${grant.role} role in ${collaborationId}`,
        );
      await writeAudit(tx, {
        actor,
        action: "role.revoke",
        collaborationId,
        target: `${grant.role} ${grant.aadObjectId}`,
        before: held,
        after: null,
      });
      return held;
    });
  }

  roles(collaborationId?: string): Promise<RoleGrant[]> {
    return readRoles(this.db, collaborationId === undefined ? {} : { collaborationId });
  }

  async hasRole(collaborationId: string, aadObjectId: string, role: MemberRole): Promise<boolean> {
    const id = aadObjectIdSchema.safeParse(aadObjectId);
    if (!id.success) return false;
    return (await readRoles(this.db, { collaborationId, aadObjectId: id.data, role })).length > 0;
  }

  // --- audit log ---

  async auditLog(query?: AuditQuery): Promise<AuditEntry[]> {
    const q = parseInput(auditQuerySchema, query ?? {}, "audit query");
    const since = q.since instanceof Date ? q.since.toISOString() : q.since;
    return readAudit(this.db, {
      limit: q.limit,
      ...(since !== undefined && { since }),
      ...(q.collaborationId !== undefined && { collaborationId: q.collaborationId }),
    });
  }

  // --- tokens ---

  verifyToken(token: string): Promise<TokenRole | null> {
    if (typeof token !== "string" || token.length === 0 || token.length > 1000) return Promise.resolve(null);
    return verifyTokenHash(this.db, token);
  }

  async addToken(input: TokenInput, options: WriteOptions): Promise<void> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const t = parseInput(tokenInputSchema, input, "token");
    await this.db.transaction(async (tx) => {
      const [existing] = await tx.query("SELECT 1 FROM tokens WHERE name = $1 OR token_hash = $2", [
        t.name,
        hashToken(t.token),
      ]);
      if (existing)
        throw new StoreError("conflict", `A token named "${t.name}" (or with the same value) exists`);
      await tx.query("INSERT INTO tokens (name, role, token_hash) VALUES ($1, $2, $3)", [
        t.name,
        t.role,
        hashToken(t.token),
      ]);
      await writeAudit(tx, {
        actor,
        action: "token.add",
        collaborationId: null,
        target: `token ${t.name}`,
        before: null,
        after: { name: t.name, role: t.role },
      });
    });
  }

  async ensureTokens(
    tokens: readonly TokenInput[],
    options: { actor?: string; removeOthers?: boolean } = {},
  ): Promise<void> {
    const actor = parseInput(actorSchema, options.actor ?? "config", "actor");
    const list = tokens.map((t, i) => parseInput(tokenInputSchema, t, `token ${i + 1}`));
    const names = list.map((t) => t.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new StoreError("invalid", `Two configured tokens are named "${dup}"`);
    const hashes = list.map((t) => hashToken(t.token));
    if (new Set(hashes).size !== hashes.length)
      throw new StoreError("invalid", "Two configured tokens have the same value");
    await this.db.transaction(async (tx) => {
      await lockStore(tx, "tokens");
      const rows = await tx.query<{ name: string; role: TokenRole; token_hash: string }>(
        "SELECT name, role, token_hash FROM tokens",
      );
      const stored = new Map(rows.map((r) => [r.name, r]));
      if (options.removeOthers) {
        for (const r of rows.filter((r) => !names.includes(r.name))) {
          await tx.query("DELETE FROM tokens WHERE name = $1", [r.name]);
          await writeAudit(tx, {
            actor,
            action: "token.remove",
            collaborationId: null,
            target: `token ${r.name}`,
            before: { name: r.name, role: r.role },
            after: null,
          });
        }
      }
      for (const [i, t] of list.entries()) {
        const hash = hashes[i] as string;
        const old = stored.get(t.name);
        if (old && old.role === t.role && old.token_hash === hash) continue;
        // Another name holding the same value would make the token ambiguous: the configuration wins.
        await tx.query("DELETE FROM tokens WHERE token_hash = $1 AND name <> $2", [hash, t.name]);
        await tx.query(
          `INSERT INTO tokens (name, role, token_hash) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash`,
          [t.name, t.role, hash],
        );
        await writeAudit(tx, {
          actor,
          action: "token.ensure",
          collaborationId: null,
          target: `token ${t.name}`,
          before: old ? { name: old.name, role: old.role } : null,
          after: { name: t.name, role: t.role, valueChanged: old ? old.token_hash !== hash : true },
        });
      }
    });
  }

  async removeToken(name: string, options: WriteOptions): Promise<void> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ name: string; role: TokenRole }>(
        "DELETE FROM tokens WHERE name = $1 RETURNING name, role",
        [name],
      );
      if (!row) throw new StoreError("not_found", `No token named "${name}"`);
      await writeAudit(tx, {
        actor,
        action: "token.remove",
        collaborationId: null,
        target: `token ${name}`,
        before: { name: row.name, role: row.role },
        after: null,
      });
    });
  }

  async subscribeReminders(
    collaborationId: string,
    input: SubscriptionInput,
    options: WriteOptions,
  ): Promise<ReminderSubscription> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const s = parseInput(subscriptionInputSchema, input, "subscription");
    await this.dataset(collaborationId);
    return this.db.transaction(async (tx) => {
      const [before] = await readSubscriptions(tx, {
        collaborationId,
        conversationId: s.conversationId,
      }).then((all) => all.filter((x) => x.role === s.role));
      const after = await upsertSubscription(tx, {
        collaborationId,
        conversationId: s.conversationId,
        role: s.role,
        language: s.language,
        reference: s.reference,
        subscribedAt: s.at.toISOString(),
        subscribedBy: actor,
      });
      await writeAudit(tx, {
        actor,
        action: "reminders.subscribe",
        collaborationId,
        target: `reminders ${s.role} ${s.conversationId}`,
        before: before ? subscriptionSummary(before) : null,
        after: subscriptionSummary(after),
      });
      return after;
    });
  }

  async unsubscribeReminders(
    conversationId: string,
    query: { collaborationId?: string; role?: ReminderRole },
    options: WriteOptions,
  ): Promise<ReminderSubscription[]> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    return this.db.transaction(async (tx) => {
      const removed = await deleteSubscriptions(tx, { conversationId, ...query });
      for (const s of removed) {
        await writeAudit(tx, {
          actor,
          action: "reminders.unsubscribe",
          collaborationId: s.collaborationId,
          target: `reminders ${s.role} ${s.conversationId}`,
          before: subscriptionSummary(s),
          after: null,
        });
      }
      return removed;
    });
  }

  reminderSubscriptions(
    query: { collaborationId?: string; conversationId?: string } = {},
  ): Promise<ReminderSubscription[]> {
    return readSubscriptions(this.db, query);
  }

  reminderDeliveries(
    query: { collaborationId?: string; meetingsFrom?: string } = {},
  ): Promise<ReminderDelivery[]> {
    return readDeliveries(this.db, query);
  }

  claimReminder(
    key: ReminderKey,
    claim: { instanceId: string; now: Date; leaseUntil: Date },
  ): Promise<boolean> {
    return claimDelivery(this.db, key, claim);
  }

  markReminderSent(
    key: ReminderKey,
    sent: { instanceId: string; at: Date; activityId?: string },
  ): Promise<boolean> {
    return markDeliverySent(this.db, key, sent);
  }

  markReminderFailed(
    key: ReminderKey,
    failure: { instanceId: string; at: Date; error: string; retryAt?: Date },
  ): Promise<void> {
    return markDeliveryFailed(this.db, key, failure);
  }

  skipReminder(key: ReminderKey, skip: { instanceId: string; at: Date; note: string }): Promise<void> {
    return skipDelivery(this.db, key, skip);
  }

  async getConversationTurn(
    key: string,
    options: { now?: Date } = {},
  ): Promise<StoredConversationTurn | undefined> {
    const k = parseInput(conversationKeySchema, key, "conversation key");
    return readConversationTurn(this.db, k, options.now ?? new Date());
  }

  async saveConversationTurn(
    key: string,
    turn: object,
    options: { expiresAt: Date; now?: Date },
  ): Promise<void> {
    const k = parseInput(conversationKeySchema, key, "conversation key");
    const t = parseInput(conversationTurnSchema, turn, "conversation turn");
    const at = parseInput(
      conversationSaveSchema,
      { expiresAt: options.expiresAt, now: options.now ?? new Date() },
      "conversation turn",
    );
    await writeConversationTurn(this.db, k, t, at);
  }

  pruneConversationTurns(now: Date = new Date()): Promise<number> {
    return pruneConversationTurnRows(this.db, now);
  }

  async openItems(collaborationId: string, options: { includeClosed?: boolean } = {}): Promise<OpenItem[]> {
    await this.dataset(collaborationId);
    return readOpenItems(this.db, collaborationId, options);
  }

  async addOpenItem(collaborationId: string, input: OpenItemInput, options: WriteOptions): Promise<OpenItem> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    const item = parseInput(openItemInputSchema, input, "open item");
    if (item.meetingId !== undefined) await this.meeting(collaborationId, item.meetingId);
    else await this.dataset(collaborationId);
    return this.db.transaction(async (tx) => {
      const added = await insertOpenItem(tx, { collaborationId, ...item, actor });
      await writeAudit(tx, {
        actor,
        action: "open-item.add",
        collaborationId,
        target: `open item ${added.id}`,
        before: null,
        after: added,
      });
      return added;
    });
  }

  async closeOpenItem(collaborationId: string, id: number, options: WriteOptions): Promise<OpenItem> {
    const actor = parseInput(actorSchema, options.actor, "actor");
    await this.dataset(collaborationId);
    return this.db.transaction(async (tx) => {
      const closed = await closeOpenItemRow(tx, collaborationId, id, actor);
      if (!closed) {
        const open = (await readOpenItems(tx, collaborationId)).map((o) => String(o.id));
        throw new StoreError(
          "not_found",
          `No open item ${id} in ${collaborationId}; open items: ${open.join(", ") || "none"}`,
          { suggestions: open },
        );
      }
      const { closedAt: _at, closedBy: _by, ...before } = closed;
      await writeAudit(tx, {
        actor,
        action: "open-item.close",
        collaborationId,
        target: `open item ${id}`,
        before,
        after: closed,
      });
      return closed;
    });
  }
}

/** A subscription for the audit log: the conversation reference is the bot's business, not the log's. */
function subscriptionSummary(s: ReminderSubscription): Omit<ReminderSubscription, "reference"> {
  const { reference: _reference, ...rest } = s;
  return rest;
}

/** The write's idempotency key, checked; undefined when the write has none. */
function idempotencyKeyOf(options: WriteOptions): string | undefined {
  return options.idempotencyKey === undefined
    ? undefined
    : parseInput(idempotencyKeySchema, options.idempotencyKey, "idempotency key");
}

/** Serialises writes to one collaboration's meetings, so two changes never read the same plan. */
async function lockCollaboration(tx: SqlClient, collaborationId: string): Promise<void> {
  const [row] = await tx.query("SELECT id FROM collaborations WHERE id = $1 FOR UPDATE", [collaborationId]);
  if (!row) throw new StoreError("not_found", `Unknown collaboration "${collaborationId}"`);
}

function findMeeting(
  plan: readonly StoredMeeting[],
  collaborationId: string,
  meetingId: string,
): StoredMeeting {
  const found = plan.find((m) => m.id === meetingId);
  if (found) return found;
  const close = closestNames(
    meetingId,
    plan.map((m) => ({ name: m.id, spellings: [m.id] })),
  );
  throw new StoreError(
    "not_found",
    `No meeting "${meetingId}" in ${collaborationId}${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : ""}`,
    { suggestions: close },
  );
}
