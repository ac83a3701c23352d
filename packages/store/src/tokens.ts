import { createHash, timingSafeEqual } from "node:crypto";
import type { SqlClient } from "./sql.js";
import type { TokenRole } from "./inputs.js";

/** The SHA-256 of a token, in hex: all the store ever keeps of it. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The role of the token, or null. Every stored hash is compared with `timingSafeEqual`, and the loop
 * does not stop at a match, so the time taken says nothing about which token (or how much of one) matched.
 */
export async function verifyTokenHash(q: SqlClient, token: string): Promise<TokenRole | null> {
  const presented = Buffer.from(hashToken(token), "hex");
  const rows = await q.query<{ role: TokenRole; token_hash: string }>("SELECT role, token_hash FROM tokens");
  let role: TokenRole | null = null;
  for (const r of rows) {
    const stored = Buffer.from(r.token_hash, "hex");
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) role = r.role;
  }
  return role;
}
