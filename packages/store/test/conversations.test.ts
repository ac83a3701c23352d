import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreError, type Store } from "../src/index.js";
import { BACKENDS, type Opened } from "./backends.js";

// A turn as the assistant returns it; the store keeps it as plain JSON without reading it.
const kalix2023 = {
  question: "Vad betalar Kalix för e-arkiv 2023?",
  language: "sv",
  intent: "itemCost",
  collaboration: "norrbotten",
  year: 2023,
};
const kalix2022 = { ...kalix2023, question: "Vad betalar Kalix för e-arkiv 2022?", year: 2022 };

const at = (iso: string) => new Date(iso);
const T0 = at("2022-09-01T08:00:00Z");
const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe.each(BACKENDS)("conversation turns in the store on $name", (backend) => {
  let opened: Opened;
  let store: Store;
  let n = 0;
  // Each test its own keys: the suites share one database per backend.
  const key = (name: string) => `test:${name}:${(n += 1)}`;
  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it("gives back the saved turn exactly, until it expires", async () => {
    const k = key("expiry");
    expect(await store.getConversationTurn(k, { now: T0 })).toBeUndefined();
    await store.saveConversationTurn(k, kalix2023, { expiresAt: minutes(30), now: T0 });
    expect(await store.getConversationTurn(k, { now: T0 })).toEqual(kalix2023);
    expect(await store.getConversationTurn(k, { now: minutes(29) })).toEqual(kalix2023);
    // At the expiry instant it is gone: expiresAt is the first moment it no longer holds.
    expect(await store.getConversationTurn(k, { now: minutes(30) })).toBeUndefined();
    expect(await store.getConversationTurn(k, { now: minutes(60 * 24) })).toBeUndefined();
  });

  it("keeps one turn per key: a save replaces the turn and its expiry", async () => {
    const k = key("overwrite");
    await store.saveConversationTurn(k, kalix2023, { expiresAt: minutes(30), now: T0 });
    await store.saveConversationTurn(k, kalix2022, { expiresAt: minutes(50), now: minutes(20) });
    expect(await store.getConversationTurn(k, { now: minutes(40) })).toEqual(kalix2022);
    const rows = await opened.sql.query("SELECT key FROM conversation_turns WHERE key = $1", [k]);
    expect(rows).toHaveLength(1);
  });

  it("keeps conversations apart: a key sees only its own turn", async () => {
    const [a, b, c] = [key("a"), key("b"), key("c")];
    await store.saveConversationTurn(a, kalix2023, { expiresAt: minutes(30), now: T0 });
    await store.saveConversationTurn(b, kalix2022, { expiresAt: minutes(30), now: T0 });
    expect(await store.getConversationTurn(a, { now: T0 })).toEqual(kalix2023);
    expect(await store.getConversationTurn(b, { now: T0 })).toEqual(kalix2022);
    expect(await store.getConversationTurn(c, { now: T0 })).toBeUndefined();
    // Keys are exact: no case folding, no prefix matching.
    expect(await store.getConversationTurn(a.toUpperCase(), { now: T0 })).toBeUndefined();
    expect(await store.getConversationTurn(a.slice(0, -1), { now: T0 })).toBeUndefined();
  });

  it("prunes expired turns when a turn is saved, and on request, leaving live ones", async () => {
    const [old, live, next] = [key("old"), key("live"), key("next")];
    const later = at("2030-01-01T00:00:00Z");
    await store.saveConversationTurn(old, kalix2023, { expiresAt: minutes(10, later), now: later });
    await store.saveConversationTurn(live, kalix2023, { expiresAt: minutes(90, later), now: later });
    const stored = async (k: string) =>
      (await opened.sql.query("SELECT 1 FROM conversation_turns WHERE key = $1", [k])).length;
    expect(await stored(old)).toBe(1);
    await store.saveConversationTurn(next, kalix2022, {
      expiresAt: minutes(120, later),
      now: minutes(30, later),
    });
    expect(await stored(old)).toBe(0);
    expect(await stored(live)).toBe(1);
    expect(await store.pruneConversationTurns(minutes(100, later))).toBeGreaterThanOrEqual(1);
    expect(await stored(live)).toBe(0);
    expect(await stored(next)).toBe(1);
  });

  it("refuses an empty or over-long key and a turn that is no JSON object, writing nothing", async () => {
    const invalid = async (k: unknown, turn: unknown) =>
      (
        await storeError(
          store.saveConversationTurn(k as string, turn as object, { expiresAt: minutes(30), now: T0 }),
        )
      ).code;
    expect(await invalid("", kalix2023)).toBe("invalid");
    expect(await invalid("x".repeat(513), kalix2023)).toBe("invalid");
    expect(await invalid(key("array"), [kalix2023])).toBe("invalid");
    expect(await invalid(key("huge"), { question: "x".repeat(20_000) })).toBe("invalid");
    expect((await storeError(store.getConversationTurn(""))).code).toBe("invalid");
    const expiry = await storeError(
      store.saveConversationTurn(key("date"), kalix2023, { expiresAt: new Date("not a date") }),
    );
    expect(expiry.problems.map((p) => p.path)).toEqual(["expiresAt"]);
    const rows = await opened.sql.query("SELECT key FROM conversation_turns WHERE key IN ('', $1)", [
      "x".repeat(513),
    ]);
    expect(rows).toHaveLength(0);
  });

  it("keeps a key of 512 characters with any characters in it", async () => {
    const k = `teams:19:ab'c\\;--"d@thread.tacv2;messageid=1:${"å".repeat(400)}`.slice(0, 512);
    await store.saveConversationTurn(k, kalix2023, { expiresAt: minutes(30), now: T0 });
    expect(await store.getConversationTurn(k, { now: T0 })).toEqual(kalix2023);
  });
});
