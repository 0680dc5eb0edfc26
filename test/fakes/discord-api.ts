import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small HTTP server on 127.0.0.1 (random port) playing Discord's REST API, for tests.
 *
 *   const api = await startFakeDiscordApi();
 *   process.env.DISCORD_API_URL = api.url;        // requests go to `${api.url}/v10/...`
 *   ...
 *   api.calls                          every request, in order, faulted ones included:
 *                                      { method, path, headers, body, status, fault? }
 *   api.posted(channelId)              messages created by POST /channels/{id}/messages, in order
 *                                      (delivered ones only: faulted and duplicate calls are not)
 *   api.webhookCalls(token?)           follow-ups and @original edits (PATCH/POST /webhooks/...)
 *   api.commands(appId, guildId?)      the command set as registered (GET/PUT .../commands)
 *   api.fault(fault, match?)           queues a fault for the next request that matches; queued
 *                                      faults are used once each, in order:
 *        { kind: "rate-limit", retryAfter: 1.5, via?: "header" | "body" | "both" }   → 429
 *        { kind: "server-error", status?: 500 }                                    → 5xx
 *        { kind: "delay", ms: 3000 }         answers normally, but only after `ms`
 *        { kind: "drop" }                    destroys the connection without an answer
 *        { kind: "drop-after" }              does the work (e.g. creates the message), then
 *                                            destroys the connection: the caller cannot tell
 *      match: { method?: "POST", path?: "/v10/channels/c1/messages" | /regex/ }
 *   api.reset()                        forgets calls, faults and registered commands
 *   await api.close()
 *
 * Like Discord, a channel message with `enforce_nonce` and a nonce already used in that
 * channel is not created again: the first one is returned, and the call is recorded with
 * `duplicate: true` and left out of `posted()`.
 *
 * Routes: POST /v10/channels/:id/messages; PATCH /v10/webhooks/:app/:token/messages/@original;
 * POST /v10/webhooks/:app/:token; GET and PUT /v10/applications/:app/commands and
 * /v10/applications/:app/guilds/:guild/commands. Anything else gets 404 (and is recorded).
 */

export type Fault =
  | { kind: "rate-limit"; retryAfter: number; via?: "header" | "body" | "both" }
  | { kind: "server-error"; status?: number }
  | { kind: "delay"; ms: number }
  | { kind: "drop" }
  | { kind: "drop-after" };

export interface FaultMatch {
  method?: string;
  path?: string | RegExp;
}

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** The status answered; undefined for a dropped connection. */
  status?: number;
  fault?: Fault["kind"];
  /** A message refused as a repeat of an earlier nonce. */
  duplicate?: boolean;
  /** The work was done (message created) even though the connection was then dropped. */
  delivered?: boolean;
}

export interface FakeDiscordApi {
  url: string;
  calls: RecordedCall[];
  posted(channelId: string): unknown[];
  webhookCalls(token?: string): RecordedCall[];
  commands(applicationId: string, guildId?: string): unknown[] | undefined;
  fault(fault: Fault, match?: FaultMatch): void;
  reset(): void;
  close(): Promise<void>;
}

const matches = (m: FaultMatch | undefined, method: string, path: string) =>
  !m ||
  ((!m.method || m.method === method) &&
    (!m.path || (typeof m.path === "string" ? m.path === path : m.path.test(path))));

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startFakeDiscordApi(): Promise<FakeDiscordApi> {
  const calls: RecordedCall[] = [];
  let faults: { fault: Fault; match?: FaultMatch }[] = [];
  const registered = new Map<string, unknown[]>();
  const nonces = new Map<string, unknown>();
  let nextId = 1_000_000;
  const snowflake = () => String(nextId++);

  function send(
    res: ServerResponse,
    call: RecordedCall,
    status: number,
    body: unknown,
    headers = {},
  ) {
    call.status = status;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  }

  function route(call: RecordedCall): { status: number; body: unknown } {
    const { method, path } = call;
    let m = /^\/v10\/channels\/([^/]+)\/messages$/.exec(path);
    if (m && method === "POST") {
      const body = call.body as { nonce?: string; enforce_nonce?: boolean };
      const key = `${m[1]}/${body.nonce}`;
      const earlier = body.enforce_nonce && body.nonce ? nonces.get(key) : undefined;
      if (earlier) {
        call.duplicate = true;
        return { status: 200, body: earlier };
      }
      const message = { id: snowflake(), channel_id: m[1], ...(call.body as object) };
      if (body.nonce) nonces.set(key, message);
      call.delivered = true;
      return { status: 200, body: message };
    }
    m = /^\/v10\/webhooks\/([^/]+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (m && (method === "POST" || (method === "PATCH" && m[3]))) {
      return { status: 200, body: { id: snowflake(), ...(call.body as object) } };
    }
    m = /^\/v10\/applications\/([^/]+)(?:\/guilds\/([^/]+))?\/commands$/.exec(path);
    if (m) {
      const key = `${m[1]}/${m[2] ?? ""}`;
      if (method === "GET") return { status: 200, body: registered.get(key) ?? [] };
      if (method === "PUT" && Array.isArray(call.body)) {
        const stored = call.body.map((c) => ({
          id: snowflake(),
          application_id: m?.[1],
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          version: snowflake(),
          default_member_permissions: null,
          nsfw: false,
          ...(c as object),
        }));
        registered.set(key, stored);
        return { status: 200, body: stored };
      }
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  const server = createServer(async (req, res) => {
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const call: RecordedCall = { method, path, headers: req.headers, body: await readBody(req) };
    calls.push(call);
    const i = faults.findIndex((f) => matches(f.match, method, path));
    const fault = i >= 0 ? faults.splice(i, 1)[0]?.fault : undefined;
    if (fault) call.fault = fault.kind;
    if (fault?.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "rate-limit") {
      const via = fault.via ?? "both";
      const headers = via === "body" ? {} : { "retry-after": String(fault.retryAfter) };
      const body = {
        message: "You are being rate limited.",
        ...(via === "header" ? {} : { retry_after: fault.retryAfter }),
        global: false,
      };
      send(res, call, 429, body, headers);
      return;
    }
    if (fault?.kind === "server-error") {
      send(res, call, fault.status ?? 500, { message: "Internal Server Error", code: 0 });
      return;
    }
    if (fault?.kind === "drop-after") {
      route(call);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    const { status, body } = route(call);
    if (!res.destroyed) send(res, call, status, body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    posted: (channelId) =>
      calls
        .filter((c) => c.delivered && c.path === `/v10/channels/${channelId}/messages`)
        .map((c) => c.body),
    webhookCalls: (token) =>
      calls.filter(
        (c) =>
          c.path.startsWith("/v10/webhooks/") &&
          (token === undefined || c.path.split("/")[4] === token),
      ),
    commands: (applicationId, guildId) => registered.get(`${applicationId}/${guildId ?? ""}`),
    fault: (fault, match) => {
      faults.push({ fault, ...(match ? { match } : {}) });
    },
    reset: () => {
      calls.length = 0;
      faults = [];
      registered.clear();
      nonces.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
