/**
 * A stand-in for the Bot Framework channel's token service on 127.0.0.1: an OpenID metadata document,
 * the keys it lists (JWKS), and tokens signed the way the channel signs the activities it sends a bot.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import jwt from "jsonwebtoken";

export const CHANNEL_ISSUER = "https://api.botframework.com";
const KEY_ID = "channel-key-1";

export interface ChannelToken {
  /** The bot's app id (`aud`). */
  readonly audience: string;
  /** The connector the activity names as its `serviceUrl`; the channel vouches for it in a claim. */
  readonly serviceUrl: string;
  readonly issuer?: string;
  /** Defaults to an hour from now. */
  readonly expiresAt?: Date;
  /** Another private key under the channel's key id: a forgery. */
  readonly signWith?: KeyObject;
  /** More claims, e.g. those of an Emulator token. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface TokenIssuer {
  readonly metadataUrl: string;
  /** Paths asked for and paths answered: proof that the bot looked its keys up here, and when it got them. */
  readonly requests: string[];
  readonly answered: string[];
  /** `Bearer <jwt>`, ready for the Authorization header. */
  sign(token: ChannelToken): string;
  close(): Promise<void>;
}

export function newSigningKey(): KeyObject {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
}

/** `delayMs` holds every answer back, like a key endpoint that is slow to respond. */
export async function startTokenIssuer(options: { delayMs?: number } = {}): Promise<TokenIssuer> {
  const privateKey = newSigningKey();
  const publicJwk = privateKey.export({ format: "jwk" });
  const requests: string[] = [];
  const answered: string[] = [];
  const documents: Record<string, unknown> = {
    "/v1/.well-known/openidconfiguration": {
      issuer: CHANNEL_ISSUER,
      jwks_uri: "", // filled in once the port is known
      id_token_signing_alg_values_supported: ["RS256"],
    },
    "/v1/keys": {
      // The channel endorses each key for the channels it may sign for; Teams is "msteams".
      keys: [
        { kty: "RSA", use: "sig", kid: KEY_ID, n: publicJwk.n, e: publicJwk.e, endorsements: ["msteams"] },
      ],
    },
  };
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    const document = documents[path];
    setTimeout(() => {
      if (document === undefined) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(document));
      answered.push(path);
    }, options.delayMs ?? 0);
  });
  const base = await listen(server);
  (documents["/v1/.well-known/openidconfiguration"] as { jwks_uri: string }).jwks_uri = `${base}/v1/keys`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    requests,
    answered,
    sign(token) {
      const now = Math.floor(Date.now() / 1000);
      const expires = token.expiresAt ? Math.floor(token.expiresAt.getTime() / 1000) : now + 3600;
      const claims = {
        iss: token.issuer ?? CHANNEL_ISSUER,
        aud: token.audience,
        serviceurl: token.serviceUrl,
        iat: Math.min(now, expires - 60),
        nbf: Math.min(now, expires - 60),
        exp: expires,
        ...token.claims,
      };
      const key = token.signWith ?? privateKey;
      return `Bearer ${jwt.sign(claims, key, { algorithm: "RS256", keyid: KEY_ID })}`;
    },
    close: () => close(server),
  };
}

/** A loopback URL nothing listens on: a key server that cannot be reached. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  const base = await listen(server);
  await close(server);
  return `${base}/v1/.well-known/openidconfiguration`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
