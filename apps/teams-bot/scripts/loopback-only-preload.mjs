/**
 * Preloaded into Microsoft 365 Agents Playground (`node --import` by scripts/playground-process.mjs):
 * the Playground may connect to and listen on loopback only.
 *
 * Why: the Playground embeds Application Insights. `--disable-telemetry` and
 * APPLICATION_INSIGHTS_NO_STATSBEAT=true keep it quiet today, but a switch that stops working in an
 * update would send data out without anyone noticing; here such a connection fails instead, and is
 * reported on stderr. And the Playground listens on every interface by default, while it relays to a
 * bot that checks no tokens locally (and therefore binds 127.0.0.1 itself): bound to 127.0.0.1, nobody
 * on the network can chat with the bot through it.
 */
import dns from "node:dns";
import net from "node:net";

const reported = new Set();

/** 127.0.0.0/8, ::1 and the name localhost (which /etc/hosts maps to them). */
function isLoopback(host) {
  const name = String(host)
    .replace(/^\[|\]$/g, "")
    .toLowerCase();
  return (
    name === "localhost" ||
    name === "::1" ||
    name === "0:0:0:0:0:0:0:1" ||
    /^127\.\d+\.\d+\.\d+$/.test(name) ||
    /^::ffff:127\.\d+\.\d+\.\d+$/.test(name)
  );
}

function refuse(what, host) {
  if (!reported.has(host)) {
    reported.add(host);
    // stderr, not console: the Playground redirects console output into its log file.
    process.stderr.write(`samverkan: blocked ${what} ${host}: the Agents Playground may only use loopback\n`);
  }
  const error = new Error(`blocked ${what} ${host}: the Agents Playground may only use loopback`);
  return Object.assign(error, { code: "ECONNREFUSED" });
}

/** The host of `socket.connect(...)`: (options), ([options, callback]) as net passes it, or (port, host). */
function connectHost(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === "object") {
    if (typeof first.path === "string") return undefined; // a Unix socket: local by definition
    return typeof first.host === "string" ? first.host : "localhost";
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return typeof args[1] === "string" ? args[1] : "localhost";
  }
  return undefined;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const host = connectHost(args);
  if (host !== undefined && !isLoopback(host)) {
    const error = refuse("a connection to", host);
    // Fails the way an unreachable host does (an 'error' event), so callers handle it as usual.
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

/** `listen(port[, host][, backlog][, callback])` or `listen({ port, host })` on 127.0.0.1 unless loopback. */
function loopbackListenArgs(args) {
  const [first] = args;
  if (first !== null && typeof first === "object") {
    if ("path" in first || "fd" in first || "handle" in first || "_handle" in first) return args;
    return first.host !== undefined && isLoopback(first.host)
      ? args
      : [{ ...first, host: "127.0.0.1" }, ...args.slice(1)];
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return args; // a Unix socket path
  const port = typeof first === "function" || first === undefined ? 0 : first;
  let rest = typeof first === "function" ? args : args.slice(1);
  if (typeof rest[0] === "string" || rest[0] === null || rest[0] === undefined) {
    if (typeof rest[0] === "string" && isLoopback(rest[0])) return args;
    rest = rest.slice(1);
  }
  return [port, "127.0.0.1", ...rest];
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  return listen.apply(this, loopbackListenArgs(args));
};

// A name lookup is traffic too (to the resolver): only loopback names are looked up.
const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (typeof hostname === "string" && hostname !== "" && !isLoopback(hostname)) {
    const callback = rest.findLast((arg) => typeof arg === "function");
    const error = refuse("a name lookup of", hostname);
    if (callback) process.nextTick(() => callback(Object.assign(error, { code: "ENOTFOUND" })));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async function (hostname, ...rest) {
  if (typeof hostname === "string" && hostname !== "" && !isLoopback(hostname)) {
    throw Object.assign(refuse("a name lookup of", hostname), { code: "ENOTFOUND" });
  }
  return lookupPromise.call(this, hostname, ...rest);
};
