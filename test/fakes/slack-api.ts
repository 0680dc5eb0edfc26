/**
 * A fake Slack Web API (and response_url endpoint) on 127.0.0.1, on a random port.
 *
 *   const slack = await startFakeSlackApi();
 *   process.env.SLACK_API_URL = slack.apiUrl;          // "http://127.0.0.1:PORT/api/"
 *   const responseUrl = slack.responseUrl("abc");     // "http://127.0.0.1:PORT/response/abc"
 *   slack.schedule({ kind: "rateLimit", retryAfterSeconds: 2 }, { kind: "ok" }, ...);
 *   slack.schedule({ kind: "serverError" }, { to: "chat.postMessage" });
 *   ... exercise the code ...
 *   slack.calls                    // every request, in arrival order, faulted ones included
 *   slack.posts()                  // chat.postMessage calls that succeeded
 *   slack.postsByChannel()         // Map channel → number of delivered chat.postMessage calls
 *   slack.responses("abc")         // payloads POSTed to responseUrl("abc")
 *   conversations.history          // answers from the delivered posts (metadata included)
 *   await slack.close();
 *
 * Faults are consumed one per matching request, first in first out, so a test controls the
 * schedule exactly: `{ kind: "ok" }` lets one request through, `rateLimit` answers 429 with
 * Retry-After, `serverError` answers 500 (or `status`), `delay` answers normally after `ms`,
 * `drop` destroys the connection without an answer, `slackError` answers 200 with
 * `{ ok: false, error }`. A fault with `to` only applies to that Web API method (or to
 * "response" for response_url calls); others pass it by. Requests with no fault pending get
 * Slack's normal answer (`{ ok: true, channel, ts }` for chat.postMessage).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type Fault =
  | { kind: "ok" }
  | { kind: "rateLimit"; retryAfterSeconds: number }
  | { kind: "serverError"; status?: number }
  | { kind: "delay"; ms: number }
  | { kind: "drop" }
  | { kind: "slackError"; error: string };

export interface RecordedCall {
  /** "chat.postMessage", …, or "response" for a response_url. */
  target: string;
  /** For response_url calls, the id given to `responseUrl(id)`. */
  responseId?: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON (or form fields); `raw` when neither parses. */
  body: Record<string, unknown>;
  raw: string;
  /** What the fake did: "ok", or the fault's kind. */
  outcome: Fault["kind"];
  /** Whether the request was answered as delivered (ok, or delayed and then ok). */
  delivered: boolean;
  /** For a delivered chat.postMessage, the message's ts. */
  ts?: string;
}

export interface FakeSlackApi {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  schedule(...faults: (Fault & { to?: string })[]): void;
  posts(): RecordedCall[];
  postsByChannel(): Map<string, number>;
  responses(id: string): Record<string, unknown>[];
  close(): Promise<void>;
}

function parse(raw: string, contentType: string | undefined): Record<string, unknown> {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      return Object.fromEntries(new URLSearchParams(raw));
    }
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { raw };
  } catch {
    return { raw };
  }
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const pending: (Fault & { to?: string })[] = [];
  // Message timestamps run from "now", so a caller's `oldest` filters them as Slack would.
  let ts = Math.floor(Date.now() / 1000);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      const response = /^\/response\/([^/]+)$/.exec(path);
      const target = response ? "response" : path.replace(/^\/api\//, "");
      const i = pending.findIndex((f) => f.to === undefined || f.to === target);
      const fault: Fault = i >= 0 ? (pending.splice(i, 1)[0] as Fault) : { kind: "ok" };
      const call: RecordedCall = {
        target,
        ...(response?.[1] ? { responseId: decodeURIComponent(response[1]) } : {}),
        headers: req.headers,
        body: parse(raw, req.headers["content-type"]),
        raw,
        outcome: fault.kind,
        delivered: fault.kind === "ok" || fault.kind === "delay",
      };
      calls.push(call);
      const answer = () => {
        if (res.destroyed) return;
        if (target === "response") {
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
          return;
        }
        const body: Record<string, unknown> = { ok: true };
        if (target === "chat.postMessage") {
          body.channel = call.body.channel;
          body.ts = `${ts++}.000100`;
          call.ts = body.ts as string;
        }
        if (target === "auth.test") Object.assign(body, { user_id: "UBOT", bot_id: "BBOT" });
        if (target === "conversations.history") {
          // Newest first, as Slack answers, from the messages delivered so far.
          const oldest = Number(call.body.oldest ?? 0);
          body.messages = posts()
            .filter((p) => p.body.channel === call.body.channel)
            .map((p, i) => ({ ...p.body, ts: String(p.ts ?? i) }))
            .filter((m) => Number(m.ts) > oldest)
            .reverse();
          body.has_more = false;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      switch (fault.kind) {
        case "ok":
          return answer();
        case "delay":
          setTimeout(answer, fault.ms);
          return;
        case "drop":
          req.socket.destroy();
          return;
        case "rateLimit":
          res
            .writeHead(429, { "retry-after": String(fault.retryAfterSeconds) })
            .end(JSON.stringify({ ok: false, error: "ratelimited" }));
          return;
        case "serverError":
          res.writeHead(fault.status ?? 500).end("Internal Server Error");
          return;
        case "slackError":
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ ok: false, error: fault.error }));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const posts = () => calls.filter((c) => c.target === "chat.postMessage" && c.delivered);
  return {
    apiUrl: `${origin}/api/`,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    calls,
    schedule: (...faults) => pending.push(...faults),
    posts,
    postsByChannel() {
      const counts = new Map<string, number>();
      for (const p of posts()) {
        const channel = String(p.body.channel);
        counts.set(channel, (counts.get(channel) ?? 0) + 1);
      }
      return counts;
    },
    responses: (id) =>
      calls.filter((c) => c.target === "response" && c.responseId === id).map((c) => c.body),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
