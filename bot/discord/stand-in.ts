import { generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIEmbed } from "discord-api-types/v10";
import { DEFAULT_COMMAND_NAME, findCommand, parseCommandText } from "../commands/registry";
import { type FilledForm, type LocalApi, readRequestBody, SentLog } from "../local-api";
import { typedText } from "../text/typed";
import { DISCORD_LIMITS as L } from "./limits";
import { embedLength } from "./render";

/**
 * Discord played on 127.0.0.1: its REST API answering the bot, and a member using /marathon or
 * a button, signed as Discord signs. Tests start the API on its own port (`startFakeDiscordApi`);
 * `npm start` mounts the same API in its server (`discordStandIn`).
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
 *        { kind: "server-error", status?: 500, after?: true }                      → 5xx
 *                                            (after: once the work is done, as a gateway may)
 *        { kind: "delay", ms: 3000 }         does the work at once, answers only after `ms`
 *        { kind: "drop" }                    destroys the connection without an answer
 *        { kind: "drop-after" }              does the work (e.g. creates the message), then
 *                                            destroys the connection: the caller cannot tell
 *      match: { method?: "POST", path?: "/v10/channels/c1/messages" | /regex/ }
 *   api.expireNonces()                 forgets the nonces seen so far, as Discord does after "a few
 *                                      minutes": a repeat nonce then creates a new message
 *   api.attach(filename, text, opts?)  serves a file as Discord's CDN would, at GET
 *                                      /attachments/:id/:filename (no token needed), and returns
 *                                      the attachment as an interaction's `resolved` holds it;
 *                                      opts: { size } claims another size, { noLength } sends
 *                                      no Content-Length. DISCORD_CDN_URL=`${url}/attachments/`
 *                                      lets the adapter fetch from it.
 *   api.reset()                        forgets calls, faults and registered commands
 *   await api.close()
 *
 * Like Discord, a channel message with `enforce_nonce` and a nonce already used in that
 * channel is not created again: the first one is returned, and the call is recorded with
 * `duplicate: true` and left out of `posted()`.
 *
 * Routes: POST /v10/channels/:id/messages; GET /v10/channels/:id/messages?limit=N (newest
 * first, as Discord answers; like Discord, without the nonce, which is echoed only when the
 * message is created); PATCH /v10/webhooks/:app/:token/messages/@original;
 * POST /v10/webhooks/:app/:token; GET and PUT /v10/applications/:app/commands and
 * /v10/applications/:app/guilds/:guild/commands. Anything else gets 404 (and is recorded).
 */

export type Fault =
  | { kind: "rate-limit"; retryAfter: number; via?: "header" | "body" | "both" }
  | { kind: "server-error"; status?: number; after?: boolean }
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
  /** The query string's parameters (GET channel messages' `limit`). */
  query?: URLSearchParams;
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

/** A file as an interaction's `resolved.attachments` describes it. */
export interface StandInAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  content_type: string;
}

export interface AttachOptions {
  /** The size the interaction claims (Discord's own field), if not the real one. */
  size?: number;
  /** Serve it without Content-Length, so only the bytes read tell its size. */
  noLength?: boolean;
}

export interface FakeDiscordApi {
  url: string;
  /** `text` as bytes: a file that is no UTF-8 text (an archive, UTF-16), as a member may send. */
  attach(filename: string, text: string | Uint8Array, options?: AttachOptions): StandInAttachment;
  calls: RecordedCall[];
  posted(channelId: string): unknown[];
  webhookCalls(token?: string): RecordedCall[];
  commands(applicationId: string, guildId?: string): unknown[] | undefined;
  fault(fault: Fault, match?: FaultMatch): void;
  expireNonces(): void;
  reset(): void;
  close(): Promise<void>;
}

const matches = (m: FaultMatch | undefined, method: string, path: string) =>
  !m ||
  ((!m.method || m.method === method) &&
    (!m.path || (typeof m.path === "string" ? m.path === path : m.path.test(path))));

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Discord's REST API under any mount: `/v10/...`. */
class DiscordApi {
  /**
   * `token`: the only bot token it accepts (the local server's, made at start), and it takes
   * JSON only — so a page on another site cannot post into it.
   */
  constructor(private readonly token?: string) {}

  readonly calls: RecordedCall[] = [];
  readonly log = new SentLog("discord");
  faults: { fault: Fault; match?: FaultMatch }[] = [];
  readonly registered = new Map<string, unknown[]>();
  readonly nonces = new Map<string, unknown>();
  /** By channel: the messages created there, oldest first. */
  readonly channelMessages = new Map<string, Record<string, unknown>[]>();
  /** Files served as Discord's CDN serves attachments, by id. */
  readonly files = new Map<string, { body: Buffer; noLength: boolean }>();
  private nextId = 1_000_000;
  private snowflake = () => String(this.nextId++);

  attach(base: string, filename: string, text: string | Uint8Array, options: AttachOptions = {}) {
    const id = this.snowflake();
    const body = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);
    this.files.set(id, { body, noLength: options.noLength ?? false });
    return {
      id,
      filename,
      size: options.size ?? body.length,
      url: `${base}/attachments/${id}/${encodeURIComponent(filename)}`,
      content_type: contentTypeOf(filename),
    };
  }

  /** GET /attachments/:id/:name, as the CDN answers it: the bytes, no token needed. */
  private serveFile(path: string, res: ServerResponse): boolean {
    const m = /^\/attachments\/([^/]+)\/[^/]+$/.exec(path);
    if (!m) return false;
    const file = this.files.get(m[1] as string);
    if (!file) {
      res.writeHead(404).end();
      return true;
    }
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      ...(file.noLength ? {} : { "content-length": String(file.body.length) }),
    });
    // Without a length Node sends it chunked; in two writes, as a stream arrives.
    const half = Math.floor(file.body.length / 2);
    res.write(file.body.subarray(0, half));
    res.end(file.body.subarray(half));
    return true;
  }

  reset(): void {
    this.calls.length = 0;
    this.faults = [];
    this.registered.clear();
    this.nonces.clear();
    this.channelMessages.clear();
    this.files.clear();
  }

  private send(
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

  private route(call: RecordedCall): { status: number; body: unknown } {
    const { method, path } = call;
    // Like Discord, a message over its documented limits is refused whole.
    const overLimit =
      method !== "GET" && /\/messages|\/webhooks\//.test(path) ? limitBroken(call.body) : undefined;
    if (overLimit)
      return { status: 400, body: { code: 50035, message: `Invalid Form Body: ${overLimit}` } };
    let m = /^\/v10\/channels\/([^/]+)\/messages$/.exec(path);
    if (m && method === "GET") {
      const limit = Math.min(100, Math.max(1, Number(call.query?.get("limit") ?? 50) || 50));
      const kept = this.channelMessages.get(m[1] as string) ?? [];
      const newestFirst = [...kept].reverse().slice(0, limit);
      return {
        status: 200,
        body: newestFirst.map(({ nonce: _n, enforce_nonce: _e, ...message }) => message),
      };
    }
    if (m && method === "POST") {
      const body = call.body as { nonce?: string; enforce_nonce?: boolean };
      const key = `${m[1]}/${body.nonce}`;
      const earlier = body.enforce_nonce && body.nonce ? this.nonces.get(key) : undefined;
      if (earlier) {
        call.duplicate = true;
        return { status: 200, body: earlier };
      }
      const message = {
        id: this.snowflake(),
        channel_id: m[1],
        timestamp: new Date().toISOString(),
        ...(call.body as object),
      };
      if (body.nonce) this.nonces.set(key, message);
      const kept = this.channelMessages.get(m[1] as string) ?? [];
      kept.push(message);
      this.channelMessages.set(m[1] as string, kept);
      call.delivered = true;
      this.log.add({
        kind: "channel",
        channel: decodeURIComponent(m[1] as string),
        message: asRecord(call.body),
      });
      return { status: 200, body: message };
    }
    m = /^\/v10\/webhooks\/([^/]+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (m && (method === "POST" || (method === "PATCH" && m[3]))) {
      const ref = decodeURIComponent(m[2] as string);
      this.log.add({ kind: m[3] ? "original" : "follow-up", ref, message: asRecord(call.body) });
      return { status: 200, body: { id: this.snowflake(), ...(call.body as object) } };
    }
    m = /^\/v10\/applications\/([^/]+)(?:\/guilds\/([^/]+))?\/commands$/.exec(path);
    if (m) {
      const key = `${m[1]}/${m[2] ?? ""}`;
      if (method === "GET") return { status: 200, body: this.registered.get(key) ?? [] };
      if (method === "PUT" && Array.isArray(call.body)) {
        const stored = call.body.map((c) => ({
          id: this.snowflake(),
          application_id: m?.[1],
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          version: this.snowflake(),
          default_member_permissions: null,
          nsfw: false,
          ...(c as object),
        }));
        this.registered.set(key, stored);
        return { status: 200, body: stored };
      }
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  /** Discord's answer to a request it would refuse: no bot token (webhooks need none), no JSON. */
  private refusal(method: string, path: string, headers: IncomingMessage["headers"]) {
    const webhook = path.startsWith("/v10/webhooks/");
    if (!webhook && headers.authorization !== `Bot ${this.token}`) {
      return { status: 401, message: "401: Unauthorized" };
    }
    const json = (headers["content-type"] ?? "").startsWith("application/json");
    return method !== "GET" && !json
      ? { status: 400, message: "Send application/json" }
      : undefined;
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    if (method === "GET" && path.startsWith("/attachments/")) {
      // The CDN fails as the API does: 429 with Retry-After, 5xx, a dropped connection.
      const i = this.faults.findIndex((f) => matches(f.match, method, path));
      const fault = i >= 0 ? this.faults.splice(i, 1)[0]?.fault : undefined;
      if (fault?.kind === "drop" || fault?.kind === "drop-after") {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "rate-limit") {
        res.writeHead(429, { "retry-after": String(fault.retryAfter) }).end();
        return;
      }
      if (fault?.kind === "server-error") {
        res.writeHead(fault.status ?? 500).end();
        return;
      }
      if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    }
    if (method === "GET" && this.serveFile(path, res)) return;
    const raw = (await readRequestBody(req)).toString("utf8");
    if (this.token) {
      const refused = this.refusal(method, path, req.headers);
      if (refused) {
        res.writeHead(refused.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: refused.message, code: 0 }));
        return;
      }
    }
    const body = parseBody(raw);
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const call: RecordedCall = { method, path, query, headers: req.headers, body };
    this.calls.push(call);
    const i = this.faults.findIndex((f) => matches(f.match, method, path));
    const fault = i >= 0 ? this.faults.splice(i, 1)[0]?.fault : undefined;
    if (fault) call.fault = fault.kind;
    if (fault?.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "rate-limit") {
      const via = fault.via ?? "both";
      const headers = via === "body" ? {} : { "retry-after": String(fault.retryAfter) };
      const answer = {
        message: "You are being rate limited.",
        ...(via === "header" ? {} : { retry_after: fault.retryAfter }),
        global: false,
      };
      this.send(res, call, 429, answer, headers);
      return;
    }
    if (fault?.kind === "server-error") {
      // A gateway's 5xx can come after Discord did the work.
      if (fault.after) this.route(call);
      this.send(res, call, fault.status ?? 500, { message: "Internal Server Error", code: 0 });
      return;
    }
    if (fault?.kind === "drop-after") {
      this.route(call);
      req.socket.destroy();
      return;
    }
    // Discord does the work at once; a delay makes only its answer late (past a caller's
    // timeout, the message exists though the caller never heard).
    const { status, body: answer } = this.route(call);
    if (fault?.kind === "delay") await new Promise((r) => setTimeout(r, fault.ms));
    if (!res.destroyed) this.send(res, call, status, answer);
  }
}

/** The first of Discord's message limits a message body breaks, if any. */
export function limitBroken(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const { content, embeds } = body as { content?: unknown; embeds?: unknown };
  if (typeof content === "string" && content.length > L.content) return "content over 2000";
  if (!Array.isArray(embeds)) return undefined;
  if (embeds.length > L.embedsPerMessage) return "more than 10 embeds";
  const list = embeds as APIEmbed[];
  if (list.reduce((n, e) => n + embedLength(e), 0) > L.embedsTotal) return "embeds over 6000";
  for (const e of list) {
    if ((e.title ?? "").length > L.embedTitle) return "embed title over 256";
    if ((e.description ?? "").length > L.embedDescription) return "embed description over 4096";
    if ((e.footer?.text ?? "").length > L.footerText) return "embed footer over 2048";
    if ((e.fields ?? []).length > L.embedFields) return "more than 25 fields";
    for (const f of e.fields ?? []) {
      if (f.name.length > L.fieldName) return "field name over 256";
      if (f.value.length > L.fieldValue) return "field value over 1024";
    }
  }
  return undefined;
}

/** The type Discord gives a file it keeps, from its name. */
function contentTypeOf(filename: string): string {
  if (/\.ya?ml$/i.test(filename)) return "application/yaml; charset=utf-8";
  if (/\.ics$/i.test(filename)) return "text/calendar; charset=utf-8";
  return "application/octet-stream";
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : { value };

export async function startFakeDiscordApi(): Promise<FakeDiscordApi> {
  const api = new DiscordApi();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    api.handle(path, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    attach: (filename, text, options) => api.attach(url, filename, text, options),
    calls: api.calls,
    posted: (channelId) =>
      api.calls
        .filter((c) => c.delivered && c.path === `/v10/channels/${channelId}/messages`)
        .map((c) => c.body),
    webhookCalls: (token) =>
      api.calls.filter(
        (c) =>
          c.path.startsWith("/v10/webhooks/") &&
          (token === undefined || c.path.split("/")[4] === token),
      ),
    commands: (applicationId, guildId) => api.registered.get(`${applicationId}/${guildId ?? ""}`),
    fault: (fault, match) => {
      api.faults.push({ fault, ...(match ? { match } : {}) });
    },
    expireNonces: () => api.nonces.clear(),
    reset: () => api.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Discord's interaction signature headers (Ed25519 over timestamp + body). */
export function discordSignatureHeaders(
  privateKey: KeyObject,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signed = Buffer.concat([Buffer.from(String(timestamp)), Buffer.from(body)]);
  return {
    "x-signature-ed25519": sign(null, signed, privateKey).toString("hex"),
    "x-signature-timestamp": String(timestamp),
  };
}

// Discord's "Manage Server" bit: the local reader manages the playground's server (npm start
// also lists them as an organiser of the trips it loads).
const MANAGE_SERVER = String(1 << 5);

/** The local reader, as Discord names them. */
const READER = { workspace: "local-guild", channel: "playground", user: "1000", userName: "you" };

/** What every interaction from the local reader carries: who, where, which token. */
function interactionBase(ref: string, type: number) {
  const { workspace, channel, user, userName } = READER;
  return {
    id: ref,
    application_id: "local-app",
    type,
    token: ref,
    version: 1,
    locale: "en-GB",
    guild_id: workspace,
    channel_id: channel,
    channel: { id: channel, type: 0 },
    member: {
      user: { id: user, username: userName, global_name: userName },
      nick: null,
      roles: [],
      permissions: MANAGE_SERVER,
    },
  };
}

/**
 * `/marathon <text>` as Discord sends it: a subcommand, with its option when there is input,
 * and `file` as its attachment option (with the attachment in `resolved`) when it has one.
 */
/** The subcommand that takes free text. */
const ASK = "ask";

function slashInteraction(text: string, ref: string, file?: StandInAttachment) {
  const { command, input } = parseCommandText(text);
  const typed = findCommand(command);
  // Discord offers only the registered subcommands, under their own names: anything else the
  // reader types is what they would put in `ask`'s question there.
  const definition = typed ?? (command ? findCommand(ASK) : undefined);
  const value = typed ? input : typedText(text.replace(/^\s*\/\S+/, ""));
  const optionName = definition?.option?.name ?? "query";
  const values: Record<string, unknown>[] = value ? [{ type: 3, name: optionName, value }] : [];
  const attachment = file ? definition?.attachment?.name : undefined;
  if (attachment && file) values.push({ type: 11, name: attachment, value: file.id });
  const options = definition
    ? [{ type: 1, name: definition.name, ...(values.length > 0 ? { options: values } : {}) }]
    : [];
  return {
    ...interactionBase(ref, 2),
    data: {
      id: "local-command",
      name: DEFAULT_COMMAND_NAME,
      type: 1,
      options,
      ...(attachment && file ? { resolved: { attachments: { [file.id]: file } } } : {}),
    },
  };
}

/** A modal's submission (type 5): every text input, each in its own row, as Discord sends it. */
function modalSubmitInteraction(form: FilledForm, ref: string) {
  const rows = Object.entries(form.values).map(([customId, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: customId, value }],
  }));
  return { ...interactionBase(ref, 5), data: { custom_id: form.id, components: rows } };
}

/** Discord for `npm start`: the API mounted in the local server, and the local reader's side. */
export function discordStandIn(clock: () => Date = () => new Date()): LocalApi {
  const token = `local-${randomBytes(16).toString("hex")}`;
  const api = new DiscordApi(token);
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  let signing = false;
  let mount = "";
  const signed = (interaction: Record<string, unknown>) => {
    if (!signing) return undefined;
    const body = JSON.stringify(interaction);
    const at = Math.floor(clock().getTime() / 1000);
    return {
      headers: {
        "content-type": "application/json",
        ...discordSignatureHeaders(privateKey, body, at),
      },
      body,
    };
  };
  return {
    platform: "discord",
    realAppHint: (tunnelUrl, route) =>
      `DISCORD_PUBLIC_KEY, DISCORD_APPLICATION_ID, DISCORD_BOT_TOKEN; Interactions Endpoint URL ${tunnelUrl}${route}; npm run discord:register adds /marathon.`,
    reader: READER,
    get signing() {
      return signing;
    },
    get sent() {
      return api.log.sent;
    },
    onSent: (listener) => api.log.onSent(listener),
    environment(mountUrl, keep) {
      signing = !keep.DISCORD_PUBLIC_KEY;
      mount = mountUrl;
      const none: Record<string, string> = {};
      if (!signing) return none;
      return {
        DISCORD_PUBLIC_KEY: der.subarray(der.length - 32).toString("hex"),
        DISCORD_APPLICATION_ID: "local-app",
        DISCORD_BOT_TOKEN: token,
        DISCORD_API_URL: mountUrl,
        DISCORD_CDN_URL: `${mountUrl}/attachments/`,
      };
    },
    handle: (path, req, res) => api.handle(path, req, res),
    command(text, ref, mountUrl, file) {
      // Only a command with an attachment option carries the file, so only then is it kept.
      const takesFile = findCommand(parseCommandText(text).command)?.attachment !== undefined;
      const attached = file && takesFile ? api.attach(mountUrl, file.name, file.text) : undefined;
      return signed(slashInteraction(text, ref, attached));
    },
    submit: (form, ref) => signed(modalSubmitInteraction(form, ref)),
    // Discord puts a reply's files on its CDN; the message lists them with their URLs.
    hostAnswerFiles: (files) =>
      files.map((file) => {
        const { id, filename, size, url, content_type } = api.attach(mount, file.name, file.text);
        return { id, filename, size, url, content_type };
      }),
    click: (button, ref) =>
      signed({
        ...interactionBase(ref, 3),
        data: { custom_id: button.actionId, component_type: 2 },
        message: { id: "m", channel_id: READER.channel, flags: 64, content: "", embeds: [] },
      }),
  };
}
