import { hashToken, type Store } from "@samverkan/store";
import type { ConfiguredToken } from "./config.js";
import type { ApiStore } from "./store-port.js";

export interface AdapterOptions {
  /** The configured tokens: their names become the audit log's "who". */
  readonly tokens?: readonly ConfiguredToken[];
  /**
   * How long a read of the datasets is reused before the store is asked for their revisions again
   * (ms). The store already keeps the parsed datasets per revision; this spares a database round trip
   * per request, so a re-import becomes visible to the API within this time. The meeting plan is kept as
   * long (changes made through this API are seen at once; those made by another process within this time).
   * 0 asks every time.
   */
  readonly datasetTtlMs?: number;
  readonly now?: () => number;
}

/**
 * Fits a `Store` to what the API needs. `Store.verifyToken` gives the role only; the name is found
 * from the configured tokens by the token's SHA-256 (the store compared it in constant time already).
 * A token the configuration does not list (one added with the CLI) is named by its role.
 */
export function apiStore(store: Store, options: AdapterOptions = {}): ApiStore {
  const names = new Map((options.tokens ?? []).map((t) => [hashToken(t.token), t.name]));
  const ttl = options.datasetTtlMs ?? 1000;
  const now = options.now ?? Date.now;
  let cached: { at: number; value: Promise<Awaited<ReturnType<Store["datasets"]>>> } | undefined;
  // The meeting plan per collaboration, reused for the same time; this API's own writes forget it at once.
  const plans = new Map<string, { at: number; value: ReturnType<Store["meetings"]> }>();
  // The current dataset (plan, recorded attendance and decisions) per collaboration, reused the same way.
  const currents = new Map<string, { at: number; value: ReturnType<Store["currentDataset"]> }>();
  const forget = <T>(collaborationId: string, write: Promise<T>): Promise<T> =>
    write.finally(() => {
      plans.delete(collaborationId);
      currents.delete(collaborationId);
    });

  return {
    ping: () => store.ping(),
    datasets: () => {
      const t = now();
      if (!cached || t - cached.at >= ttl) {
        const value = store.datasets();
        cached = { at: t, value };
        // A failed read is not remembered.
        value.catch(() => {
          if (cached?.value === value) cached = undefined;
        });
      }
      return cached.value;
    },
    meetings: (c) => {
      const t = now();
      const known = plans.get(c);
      if (known && t - known.at < ttl) return known.value;
      const value = store.meetings(c);
      plans.set(c, { at: t, value });
      value.catch(() => {
        if (plans.get(c)?.value === value) plans.delete(c);
      });
      return value;
    },
    currentDataset: (c) => {
      const t = now();
      const known = currents.get(c);
      if (known && t - known.at < ttl) return known.value;
      const value = store.currentDataset(c);
      currents.set(c, { at: t, value });
      value.catch(() => {
        if (currents.get(c)?.value === value) currents.delete(c);
      });
      return value;
    },
    meeting: (c, m) => store.meeting(c, m),
    recordAmount: (c, kind, input, o) => store.recordAmount(c, kind, input, o),
    amounts: (c, q) => store.amounts(c, q),
    changeMeeting: (c, change, o) => forget(c, store.changeMeeting(c, change, o)),
    recordAttendance: (c, m, input, o) => forget(c, store.recordAttendance(c, m, input, o)),
    auditLog: (q) => store.auditLog(q),
    getConversationTurn: (key, o) => store.getConversationTurn(key, o),
    saveConversationTurn: (key, turn, o) => store.saveConversationTurn(key, turn, o),
    async verifyToken(token) {
      const role = await store.verifyToken(token);
      if (!role) return null;
      return { name: names.get(hashToken(token)) ?? role, role };
    },
  };
}
