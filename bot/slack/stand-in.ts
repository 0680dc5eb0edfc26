/**
 * Slack played on 127.0.0.1: its Web API and response URLs answering the bot, and a member
 * typing the slash command or clicking a button, signed as Slack signs. Tests start it on its
 * own port (`startFakeSlackApi`); `npm start` mounts the same API in its server (`slackStandIn`).
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
 * Retry-After, `serverError` answers 500 (or `status`), `delay` does the work at once and
 * answers normally after `ms`,
 * `drop` destroys the connection without an answer, `dropAfter` does the work (posts the
 * message) and then destroys the connection, `slackError` answers 200 with
 * `{ ok: false, error }`, `errorAfter` posts and then answers `status` (200) with
 * `{ ok: false, error }` (internal_error), as Slack says may happen. A fault with `to` only applies to that Web API method (or to
 * "response" for response_url calls); others pass it by. Requests with no fault pending get
 * Slack's normal answer (`{ ok: true, channel, ts }` for chat.postMessage).
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_COMMAND_NAME } from "../commands/registry";
import { type LocalApi, readRequestBody, SentLog } from "../local-api";
import { SLACK_LIMITS } from "./limits";
import { type HostedFile, type SharedFile, SlackFiles } from "./stand-in-files";
import { SlackViews, viewSubmissionPayload } from "./stand-in-views";

export type Fault =
  | { kind: "ok" }
  | { kind: "rateLimit"; retryAfterSeconds: number }
  | { kind: "serverError"; status?: number }
  /** Does the work, then answers an error anyway (Slack: "some aspect may have succeeded"). */
  | { kind: "errorAfter"; status?: number; error?: string }
  | { kind: "delay"; ms: number }
  | { kind: "drop" }
  | { kind: "dropAfter" }
  | { kind: "slackError"; error: string };

export interface RecordedCall {
  /**
   * "chat.postMessage", …, "response" for a response_url, "file" for a GET of a file's
   * url_private, "upload" for the POST of a file's bytes to its upload URL.
   */
  target: string;
  /** For response_url calls, the id given to `responseUrl(id)`. */
  responseId?: string;
  headers: IncomingMessage["headers"];
  /** Parsed JSON (or form fields); `raw` when neither parses. */
  body: Record<string, unknown>;
  raw: string;
  /** What the fake did: "ok", or the fault's kind. */
  outcome: Fault["kind"];
  /** Whether the work was done (ok, delayed, or done and then dropped). */
  delivered: boolean;
  /** For a delivered chat.postMessage, the message's ts. */
  ts?: string;
  /** The path below the mount. */
  path?: string;
  /** For an upload, the bytes as received. */
  bytes?: Buffer;
}

export interface FakeSlackApi {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  schedule(...faults: (Fault & { to?: string })[]): void;
  posts(): RecordedCall[];
  postsByChannel(): Map<string, number>;
  responses(id: string): Record<string, unknown>[];
  /** A fresh trigger id for a signed request (good once, for 3 seconds, as Slack's). */
  trigger(): string;
  /** Modals opened with views.open, oldest first. */
  views(): Record<string, unknown>[];
  /** A file a member picked in a modal's file input; see SlackFiles.host. */
  hostFile: SlackFiles["host"];
  /** Files the bot shared through the external upload flow. */
  sharedFiles(): SharedFile[];
  /** chat.postEphemeral calls that succeeded. */
  ephemerals(): RecordedCall[];
  close(): Promise<void>;
}

export type { HostedFile, SharedFile };

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

/** Slack's Web API and response URLs, under any mount: `api/<method>`, `response/<id>`. */
class SlackApi {
  /**
   * `token`: the only bot token it accepts (the local server's, made at start), and response
   * URLs take JSON only — so a page on another site cannot post into it.
   */
  constructor(private readonly token?: string) {}

  /** Where it is mounted (origin and path), for the URLs it hands out. */
  base = "";
  readonly calls: RecordedCall[] = [];
  readonly files = new SlackFiles(() => this.base);
  readonly views = new SlackViews();
  /** Direct-message channels opened with conversations.open. */
  private readonly ims = new Set<string>();
  readonly log = new SentLog("slack");
  private readonly pending: (Fault & { to?: string })[] = [];
  // Message timestamps run from "now", so a caller's `oldest` filters them as Slack would.
  private ts = Math.floor(Date.now() / 1000);

  schedule(...faults: (Fault & { to?: string })[]): void {
    this.pending.push(...faults);
  }

  /** Slack's answer to a request without the bot's token, or a response URL call without JSON. */
  private refusal(target: string, req: IncomingMessage, raw: string) {
    const type = req.headers["content-type"] ?? "";
    // A file's URL answers its own way (the sign-in page); an upload URL is pre-authorised.
    // A public link carries its own secret.
    if (target === "file" || target === "upload" || target === "public-file") return undefined;
    if (target === "response") {
      return type.startsWith("application/json")
        ? undefined
        : { status: 400, body: JSON.stringify({ ok: false, error: "invalid_payload" }) };
    }
    const bearer = req.headers.authorization === `Bearer ${this.token}`;
    const inForm = parse(raw, type).token === this.token;
    return bearer || inForm
      ? undefined
      : { status: 200, body: JSON.stringify({ ok: false, error: "not_authed" }) };
  }

  posts(): RecordedCall[] {
    return this.calls.filter((c) => c.target === "chat.postMessage" && c.delivered);
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readRequestBody(req);
    const raw = bytes.toString("utf8");
    const response = /^\/?response\/([^/]+)$/.exec(path);
    const target = response
      ? "response"
      : /^\/?files-pri\//.test(path)
        ? "file"
        : /^\/?files-pub\//.test(path)
          ? "public-file"
          : /^\/?upload\//.test(path)
            ? "upload"
            : path.replace(/^\/?api\//, "");
    const refused = this.token ? this.refusal(target, req, raw) : undefined;
    if (refused) {
      res.writeHead(refused.status, { "content-type": "application/json" }).end(refused.body);
      return;
    }
    const i = this.pending.findIndex((f) => f.to === undefined || f.to === target);
    const fault: Fault = i >= 0 ? (this.pending.splice(i, 1)[0] as Fault) : { kind: "ok" };
    const call: RecordedCall = {
      target,
      ...(response?.[1] ? { responseId: decodeURIComponent(response[1]) } : {}),
      headers: req.headers,
      body: parse(raw, req.headers["content-type"]),
      raw,
      path,
      ...(target === "upload" ? { bytes } : {}),
      outcome: fault.kind,
      delivered: ["ok", "delay", "dropAfter", "errorAfter"].includes(fault.kind),
    };
    this.calls.push(call);
    // Like Slack, blocks over Block Kit's limits are refused whole.
    const broken = fault.kind === "ok" ? blocksBroken(call.body) : undefined;
    if (broken) {
      call.outcome = "slackError";
      call.delivered = false;
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error: "invalid_blocks", detail: broken }));
      return;
    }
    switch (fault.kind) {
      case "ok":
        return this.answer(call, res, await this.work(call));
      case "delay": {
        // Slack does the work at once and only its answer is late, as when the caller's
        // timeout fires first: the message is in the channel (and its history) meanwhile.
        const body = await this.work(call);
        await new Promise((r) => setTimeout(r, fault.ms));
        return this.answer(call, res, body);
      }
      case "dropAfter":
        await this.work(call);
        req.socket.destroy();
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
      case "errorAfter":
        await this.work(call);
        res
          .writeHead(fault.status ?? 200, { "content-type": "application/json" })
          .end(JSON.stringify({ ok: false, error: fault.error ?? "internal_error" }));
        return;
      case "slackError":
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ ok: false, error: fault.error }));
        return;
    }
  }

  /** What Slack does for a request it accepts; its answer's body. */
  private async work(call: RecordedCall): Promise<Record<string, unknown>> {
    const more = await this.workOnFiles(call);
    if (more) return more;
    const body: Record<string, unknown> = { ok: true };
    if (call.target === "response") {
      this.log.add({
        kind: "response",
        ...(call.responseId ? { ref: call.responseId } : {}),
        message: call.body,
      });
    }
    if (call.target === "chat.postMessage") {
      body.channel = call.body.channel;
      body.ts = `${this.ts++}.000100`;
      call.ts = body.ts as string;
      const channel = typeof call.body.channel === "string" ? call.body.channel : undefined;
      this.log.add({ kind: "channel", ...(channel ? { channel } : {}), message: call.body });
    }
    if (call.target === "auth.test") Object.assign(body, { user_id: "UBOT", bot_id: "BBOT" });
    if (call.target === "conversations.history") {
      // Newest first, as Slack answers, from the messages delivered so far.
      const oldest = Number(call.body.oldest ?? 0);
      body.messages = this.posts()
        .filter((p) => p.body.channel === call.body.channel)
        .map((p, i) => ({ ...p.body, ts: String(p.ts ?? i) }))
        .filter((m) => Number(m.ts) > oldest)
        .reverse();
      body.has_more = false;
    }
    return body;
  }

  /** Modals, direct messages, private messages and files: the methods issue #13 added. */
  private async workOnFiles(call: RecordedCall): Promise<Record<string, unknown> | undefined> {
    const b = call.body;
    switch (call.target) {
      case "file":
      case "public-file":
        return {};
      case "upload": {
        const type = String(call.headers["content-type"] ?? "");
        const status = await this.files.receive(
          call.path ?? "",
          call.bytes ?? Buffer.alloc(0),
          type,
        );
        return { ok: status === 200, status };
      }
      case "files.getUploadURLExternal":
        return this.files.uploadUrl(b);
      case "files.completeUploadExternal": {
        const done = this.files.complete(b, (c) => !c.startsWith("D") || this.ims.has(c));
        if (done.ok && typeof b.channel_id === "string") {
          const channel = b.channel_id;
          // As Slack shows it: the comment as the message's text, the files listed with it.
          const text = typeof b.initial_comment === "string" ? b.initial_comment : "";
          this.log.add({ kind: "channel", channel, message: { text, files: done.files ?? [] } });
        }
        return done;
      }
      case "conversations.open": {
        const users = typeof b.users === "string" ? b.users.split(",") : [];
        if (users.length !== 1 || !/^[UW][A-Z0-9]+$/.test(users[0] ?? "")) {
          return { ok: false, error: "user_not_found" };
        }
        const id = `D${users[0]}`;
        this.ims.add(id);
        return { ok: true, channel: { id } };
      }
      case "views.open":
        return this.openView(call);
      case "chat.postEphemeral": {
        if (typeof b.channel !== "string" || typeof b.user !== "string") {
          return { ok: false, error: "invalid_arguments" };
        }
        this.log.add({ kind: "response", channel: b.channel, message: b });
        return { ok: true, message_ts: `${this.ts++}.000200` };
      }
      default:
        return undefined;
    }
  }

  private openView(call: RecordedCall): Record<string, unknown> {
    const { answer, view } = this.views.open(call.body);
    if (view) this.log.add({ kind: "form", ref: String(call.body.trigger_id), message: { view } });
    return answer;
  }

  private answer(call: RecordedCall, res: ServerResponse, body: Record<string, unknown>): void {
    if (res.destroyed) return;
    if (call.target === "file") {
      this.files.serve(call.path ?? "", call.headers, res, this.token);
      return;
    }
    if (call.target === "public-file") {
      this.files.servePublic(call.path ?? "", res);
      return;
    }
    if (call.target === "upload") {
      const status = Number(body.status);
      res
        .writeHead(status, { "content-type": "text/plain" })
        .end(status === 200 ? `OK - ${call.bytes?.length}` : "failed");
      return;
    }
    if (call.target === "response") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}

/** `token`: the only bot token it accepts (file URLs then answer to it alone). */
export async function startFakeSlackApi(options: { token?: string } = {}): Promise<FakeSlackApi> {
  const api = new SlackApi(options.token);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    api.handle(path, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.base = origin;
  let triggers = 0;
  return {
    apiUrl: `${origin}/api/`,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    calls: api.calls,
    schedule: (...faults) => api.schedule(...faults),
    posts: () => api.posts(),
    postsByChannel() {
      const counts = new Map<string, number>();
      for (const p of api.posts()) {
        const channel = String(p.body.channel);
        counts.set(channel, (counts.get(channel) ?? 0) + 1);
      }
      return counts;
    },
    responses: (id) =>
      api.calls.filter((c) => c.target === "response" && c.responseId === id).map((c) => c.body),
    trigger: () => api.views.triggers.issue(`${++triggers}.${Date.now()}.trigger`),
    views: () => api.views.opened,
    hostFile: (input, opts) => api.files.host(input, opts),
    sharedFiles: () => api.files.shared,
    ephemerals: () => api.calls.filter((c) => c.target === "chat.postEphemeral" && c.delivered),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Slack's request signature headers (HMAC-SHA256 over `v0:<timestamp>:<body>`). */
export function slackSignatureHeaders(
  secret: string,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const digest = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex");
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${digest}`,
  };
}

/** The local reader, as Slack names them. */
const READER = {
  workspace: "TLOCAL",
  channel: "CPLAYGROUND",
  user: "UPLAYGROUND",
  userName: "you",
};

/** The form Slack POSTs when the reader types `/marathon <text>`. */
function slashCommandForm(text: string, ref: string, responseUrl: string): Record<string, string> {
  return {
    token: "local",
    team_id: READER.workspace,
    team_domain: "playground",
    channel_id: READER.channel,
    channel_name: "playground",
    user_id: READER.user,
    user_name: READER.userName,
    command: `/${DEFAULT_COMMAND_NAME}`,
    text,
    api_app_id: "ALOCAL",
    response_url: responseUrl,
    trigger_id: ref,
  };
}

/** The `block_actions` payload Slack POSTs when the reader clicks a button of an answer. */
function buttonClickPayload(
  button: { actionId: string; value: string },
  ref: string,
  responseUrl: string,
) {
  const { workspace, channel, user, userName } = READER;
  return {
    type: "block_actions",
    team: { id: workspace, domain: "playground" },
    user: { id: user, username: userName, name: userName, team_id: workspace },
    api_app_id: "ALOCAL",
    token: "local",
    container: { type: "message", message_ts: "1.1", channel_id: channel, is_ephemeral: true },
    trigger_id: ref,
    channel: { id: channel, name: "playground" },
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: button.actionId,
        block_id: "b",
        text: { type: "plain_text", text: "button" },
        value: button.value,
        action_ts: "1.2",
      },
    ],
  };
}

/** Slack for `npm start`: the API mounted in the local server, and the local reader's side. */
export function slackStandIn(clock: () => Date = () => new Date()): LocalApi {
  const token = `xoxb-local-${randomBytes(16).toString("hex")}`;
  const secret = `local-dev-${randomBytes(24).toString("hex")}`;
  const api = new SlackApi(token);
  let signing = false;
  const signed = (form: Record<string, string>) => {
    if (!signing) return undefined;
    const body = new URLSearchParams(form).toString();
    const at = Math.floor(clock().getTime() / 1000);
    return {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignatureHeaders(secret, body, at),
      },
      body,
    };
  };
  const responseUrl = (mountUrl: string, ref: string) => `${mountUrl}/response/${ref}`;
  return {
    platform: "slack",
    realAppHint: (tunnelUrl) =>
      `SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN; npm run slack:manifest -- --url ${tunnelUrl} prints the app manifest.`,
    reader: READER,
    get signing() {
      return signing;
    },
    get sent() {
      return api.log.sent;
    },
    onSent: (listener) => api.log.onSent(listener),
    environment(mountUrl, keep) {
      signing = !keep.SLACK_SIGNING_SECRET;
      api.base = mountUrl;
      const none: Record<string, string> = {};
      if (!signing) return none;
      return {
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: token,
        SLACK_API_URL: `${mountUrl}/api/`,
      };
    },
    handle: (path, req, res) => api.handle(path, req, res),
    command: (text, ref, mountUrl) =>
      signed(slashCommandForm(text, api.views.triggers.issue(ref), responseUrl(mountUrl, ref))),
    click: (button, ref, mountUrl) =>
      signed({
        payload: JSON.stringify(buttonClickPayload(button, ref, responseUrl(mountUrl, ref))),
      }),
    submit(form) {
      const view = api.views.find(form.id);
      if (!view) return undefined;
      // The file picked in the modal's file input is put into Slack first, as Slack does.
      const files = form.file
        ? [api.files.host({ name: form.file.name, text: form.file.text, user: READER.user })]
        : [];
      const user = { id: READER.user, name: READER.userName, team: READER.workspace };
      const payload = viewSubmissionPayload(view, { user, values: form.values, files });
      return signed({ payload: JSON.stringify(payload) });
    },
  };
}

/** The first of Block Kit's limits a message's blocks break, if any. */
export function blocksBroken(body: Record<string, unknown>): string | undefined {
  const { blocks } = body;
  if (!Array.isArray(blocks)) return undefined;
  if (blocks.length > SLACK_LIMITS.blocksPerMessage) return "more than 50 blocks";
  for (const b of blocks as { type?: string; text?: { text?: string }; fields?: unknown[] }[]) {
    const text = b.text?.text ?? "";
    if (b.type === "header" && text.length > SLACK_LIMITS.headerText) return "header over 150";
    if (b.type === "section" && text.length > SLACK_LIMITS.sectionText) return "section over 3000";
    if ((b.fields ?? []).length > SLACK_LIMITS.sectionFields) return "more than 10 fields";
  }
  return undefined;
}
