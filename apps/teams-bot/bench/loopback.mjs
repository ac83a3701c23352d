// The Bot Framework side of the benchmark, on 127.0.0.1 only: a connector that receives the bot's
// replies, and a channel token service (OpenID metadata, keys, signed tokens) for the run with an app id.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import jwt from "jsonwebtoken";

const REPLY = /^\/v3\/conversations\/[^/]+\/activities\/([^/]+)$/;

/** `waitForReply(activityId)` resolves with the time the reply to that activity had fully arrived. */
export async function startConnector() {
  const waiting = new Map();
  const authorizations = [];
  const state = { lastReply: "" };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const arrived = performance.now();
      const match = REPLY.exec(req.url ?? "");
      res.writeHead(match ? 200 : 404, { "content-type": "application/json" }).end('{"id":"reply"}');
      const resolve = match && waiting.get(decodeURIComponent(match[1]));
      if (!resolve) return;
      authorizations.push(req.headers.authorization);
      state.lastReply = Buffer.concat(chunks).toString("utf8");
      waiting.delete(decodeURIComponent(match[1]));
      resolve(arrived);
    });
  });
  const base = await listen(server);
  return {
    serviceUrl: `${base}/`,
    /** The Authorization header of every reply: which token the bot signed its replies with. */
    authorizations,
    /** The body of the last reply (an activity, JSON), to check what was answered. */
    lastReply: () => state.lastReply,
    waitForReply: (activityId) => new Promise((resolve) => waiting.set(activityId, resolve)),
    close: () => close(server),
  };
}

export async function startTokenIssuer() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const { n, e } = privateKey.export({ format: "jwk" });
  let base = "";
  const server = createServer((req, res) => {
    const documents = {
      "/openid": { issuer: "https://api.botframework.com", jwks_uri: `${base}/keys` },
      "/keys": { keys: [{ kty: "RSA", use: "sig", kid: "bench", n, e, endorsements: ["msteams"] }] },
    };
    const document = documents[req.url ?? ""];
    if (document) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(document));
    else res.writeHead(404).end();
  });
  base = await listen(server);
  return {
    metadataUrl: `${base}/openid`,
    /** A channel token as Teams sends it: signed for this bot and this connector, valid for an hour. */
    sign: (audience, serviceUrl) =>
      `Bearer ${jwt.sign({ serviceurl: serviceUrl }, privateKey, {
        algorithm: "RS256",
        keyid: "bench",
        issuer: "https://api.botframework.com",
        audience,
        expiresIn: 3600,
      })}`,
    close: () => close(server),
  };
}

/** A loopback URL nothing listens on, for every endpoint the bot must not contact. */
export async function unreachableUrl() {
  const server = createServer();
  const base = await listen(server);
  await close(server);
  return base;
}

/** Replies signed with a fixed token instead of one fetched from login.microsoftonline.com. */
export function fixedCredentials(appId, token) {
  return {
    isValidAppId: async (candidate) => candidate === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (request) => {
        request.headers.set("authorization", `Bearer ${token}`);
        return request;
      },
    }),
  };
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

function close(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
}
