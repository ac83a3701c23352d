/**
 * A stand-in for an OpenAI-compatible chat-completions server on 127.0.0.1: it records every request
 * and answers with whatever the test scripts (a tool call, plain text, an error). No traffic leaves
 * loopback.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: ChatRequest;
}

/** The parts of a chat-completions request the tests look at. */
export interface ChatRequest {
  readonly model?: string;
  readonly messages?: readonly { role: string; content: string }[];
  readonly tools?: readonly { type: string; function: { name: string; parameters?: unknown } }[];
  readonly tool_choice?: unknown;
  readonly temperature?: number;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly body: unknown;
  /** Answers this late (a slow model). */
  readonly delayMs?: number;
}

export interface FakeModel {
  /** Base URL as `OPENAI_ENDPOINT` takes it: `http://127.0.0.1:<port>/v1`. */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** What the next requests get; a tool call or a text by default set by the test. */
  respond: (request: RecordedRequest) => ScriptedResponse;
  close(): Promise<void>;
}

export async function startFakeModel(): Promise<FakeModel> {
  const requests: RecordedRequest[] = [];
  const model: Omit<FakeModel, "endpoint" | "close"> = {
    requests,
    respond: () => ({ status: 500, body: { error: { message: "no response scripted" } } }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
        authorization: req.headers.authorization,
        body: (text === "" ? {} : JSON.parse(text)) as ChatRequest,
      };
      requests.push(recorded);
      const { status, body, delayMs } = model.respond(recorded);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (delayMs) setTimeout(send, delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(model, {
    endpoint: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  });
}

/** A chat completion in which the model calls one tool (the way OpenAI returns function calls). */
export function toolCall(name: string, args: unknown, content: string | null = null): ScriptedResponse {
  return completion({
    role: "assistant",
    content,
    tool_calls: [
      {
        id: "call_1",
        type: "function",
        function: { name, arguments: typeof args === "string" ? args : JSON.stringify(args) },
      },
    ],
  });
}

/** A chat completion in which the model only writes text. */
export function textReply(content: string): ScriptedResponse {
  return completion({ role: "assistant", content });
}

function completion(message: Record<string, unknown>): ScriptedResponse {
  return {
    status: 200,
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1_661_990_400,
      model: "fake-model",
      choices: [
        {
          index: 0,
          message,
          finish_reason: "tool_calls" in message ? "tool_calls" : "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}
