/**
 * A safety net for tests that configure a real app id: any connection to a host other than 127.0.0.1
 * fails at once and is remembered, so a code path that would reach the internet (a real sign-in at
 * login.microsoftonline.com, the public key endpoints) makes the test fail instead of leaking.
 */
import net from "node:net";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export interface LoopbackGuard {
  /** The hosts something tried to reach. */
  readonly blocked: string[];
  restore(): void;
}

export function allowLoopbackOnly(): LoopbackGuard {
  const connect = net.Socket.prototype.connect;
  const blocked: string[] = [];
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args);
    if (host !== undefined && !LOOPBACK.has(host)) {
      blocked.push(host);
      throw new Error(`blocked a connection to ${host}: tests stay on 127.0.0.1`);
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  return {
    blocked,
    restore: () => {
      net.Socket.prototype.connect = connect;
    },
  };
}

/** The host of `socket.connect(...)`: (options), ([options, callback]) or (port, host); none for a pipe. */
function hostOf(args: unknown[]): string | undefined {
  const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "object" && first !== null) {
    const { host, path } = first as { host?: unknown; path?: unknown };
    if (typeof path === "string") return undefined;
    return typeof host === "string" ? host : "localhost";
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return typeof args[1] === "string" ? args[1] : "localhost";
  }
  return undefined;
}
