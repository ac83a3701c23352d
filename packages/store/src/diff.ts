import { isDeepStrictEqual } from "node:util";
import type { DatasetFileName } from "@samverkan/domain";
import type { FileChange } from "./types.js";

/** The name an entry of a list goes by in a report: its id, kommunkod, date or minute item. */
function entryKey(entry: unknown, index: number): string {
  if (entry && typeof entry === "object") {
    const e = entry as Record<string, unknown>;
    if (e.paragraph !== undefined) return `${String(e.meetingDate ?? "?")} § ${String(e.paragraph)}`;
    for (const k of ["id", "code", "municipality", "date", "label"]) {
      if (typeof e[k] === "string" || typeof e[k] === "number") return String(e[k]);
    }
  }
  return `#${index + 1}`;
}

function keyed(list: readonly unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  list.forEach((entry, i) => {
    let key = entryKey(entry, i);
    // A key that repeats (two lines with the same label) is told apart by its position.
    if (map.has(key)) key = `${key} (#${i + 1})`;
    map.set(key, entry);
  });
  return map;
}

function diffLists(before: readonly unknown[], after: readonly unknown[], prefix: string) {
  const a = keyed(before);
  const b = keyed(after);
  const name = (k: string) => `${prefix}${k}`;
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).map(name),
    removed: [...a.keys()].filter((k) => !b.has(k)).map(name),
    changed: [...b.keys()].filter((k) => a.has(k) && !isDeepStrictEqual(a.get(k), b.get(k))).map(name),
  };
}

/**
 * What changed in one data file between two versions of its content (each `{ topKey: value }`).
 * A list is compared entry by entry (by id, kommunkod, date, …); an object such as the collaboration
 * field by field, with its lists (members, roles, årshjul entries) entry by entry.
 */
export function diffFile(file: DatasetFileName, before: unknown, after: unknown): FileChange {
  if (before === undefined && after === undefined)
    return { file, status: "unchanged", added: [], removed: [], changed: [] };
  const body = (doc: unknown) => (doc && typeof doc === "object" ? Object.values(doc)[0] : undefined);
  const x = body(before);
  const y = body(after);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  const add = (d: { added: string[]; removed: string[]; changed: string[] }) => {
    added.push(...d.added);
    removed.push(...d.removed);
    changed.push(...d.changed);
  };
  if (Array.isArray(x) || Array.isArray(y)) {
    add(diffLists(Array.isArray(x) ? x : [], Array.isArray(y) ? y : [], ""));
  } else {
    const a = (x ?? {}) as Record<string, unknown>;
    const b = (y ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (isDeepStrictEqual(a[k], b[k])) continue;
      if (Array.isArray(a[k]) && Array.isArray(b[k])) add(diffLists(a[k], b[k], `${k}: `));
      else if (!(k in a)) added.push(k);
      else if (!(k in b)) removed.push(k);
      else changed.push(k);
    }
  }
  const status =
    before === undefined
      ? "added"
      : after === undefined
        ? "removed"
        : added.length + removed.length + changed.length > 0 || !isDeepStrictEqual(before, after)
          ? "changed"
          : "unchanged";
  return { file, status, added, removed, changed };
}
