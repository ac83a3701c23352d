/**
 * A stand-in for the Bot Framework connector on 127.0.0.1: the bot posts its replies here (the
 * activities' `serviceUrl`), and the test reads them back. No traffic leaves loopback.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Activity } from "botbuilder";

export interface RecordedReply {
  readonly conversationId: string;
  readonly replyToId: string | undefined;
  /** How the bot proved itself: the bearer token it sent with the reply. */
  readonly authorization: string | undefined;
  readonly activity: Activity;
}

export interface Connector {
  readonly serviceUrl: string;
  readonly replies: RecordedReply[];
  /**
   * Answers the next posts with these statuses instead of accepting them (a throttled or failing
   * channel: 429 with Retry-After, 503), one each, in order.
   */
  readonly refusals: { status: number; retryAfterSeconds?: number }[];
  /** Every POST of an activity, refused or accepted. */
  readonly posts: () => number;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startConnector(): Promise<Connector> {
  const replies: RecordedReply[] = [];
  const refusals: Connector["refusals"] = [];
  let posts = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const match = ACTIVITIES.exec(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
      if (req.method !== "POST" || !match) {
        res.writeHead(404).end();
        return;
      }
      posts += 1;
      const refusal = refusals.shift();
      if (refusal) {
        const headers =
          refusal.retryAfterSeconds === undefined ? {} : { "retry-after": String(refusal.retryAfterSeconds) };
        res.writeHead(refusal.status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify({ error: { code: "Throttled", message: "refused by the test connector" } }));
        return;
      }
      replies.push({
        conversationId: decodeURIComponent(match[1] ?? ""),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        authorization: req.headers.authorization,
        activity: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Activity,
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    replies,
    refusals,
    posts: () => posts,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/**
 * What a message the bot sent says: its text, or — for a card message, which carries its words in
 * `summary` so Teams does not show them twice — its summary. Fails the test when there is neither.
 */
export function said(activity: Partial<Activity> | undefined): string {
  const words = activity?.text ?? activity?.summary;
  if (typeof words !== "string") throw new Error(`the message says nothing: ${JSON.stringify(activity)}`);
  return words;
}
