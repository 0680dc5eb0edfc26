import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./api-gateway";

/** One message the bot sent to a platform, as the local server received it. */
export interface SentMessage {
  seq: number;
  at: string;
  platform: "slack" | "discord";
  /**
   * "channel": a post into a channel (share, FAQ post, reminder); "response": a Slack
   * response_url message; "original" / "follow-up": a Discord interaction's edited or added
   * message.
   */
  kind: "channel" | "response" | "original" | "follow-up";
  channel?: string;
  /** The response_url id or interaction token it answers, for the page to pair them. */
  ref?: string;
  message: Record<string, unknown>;
}

const KEEP = 200;

/**
 * Plays the platforms' receiving ends on the local server: Slack's Web API and response_urls,
 * Discord's REST API. Every message is kept (the last 200) and announced to the playground, so
 * it shows what a real workspace or server would have received.
 */
export class PlatformSink extends EventEmitter<{ message: [SentMessage] }> {
  readonly messages: SentMessage[] = [];
  private seq = 0;
  private readonly nonces = new Map<string, Record<string, unknown>>();

  private record(entry: Omit<SentMessage, "seq" | "at">): SentMessage {
    const full = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
    this.messages.push(full);
    if (this.messages.length > KEEP) this.messages.shift();
    this.emit("message", full);
    return full;
  }

  /** Handles `/slack/api/<method>` and `/slack/response/<id>`; false for any other path. */
  async slack(path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const response = /^\/slack\/response\/([\w-]+)$/.exec(path);
    const api = /^\/slack\/api\/([\w.]+)$/.exec(path);
    if (!response && !api) return false;
    const raw = (await readBody(req)).toString("utf8");
    const form = (req.headers["content-type"] ?? "").includes("x-www-form-urlencoded");
    const body = parse(raw, form);
    if (response) {
      this.record({ platform: "slack", kind: "response", ref: response[1], message: body });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return true;
    }
    const method = api?.[1];
    const channel = typeof body.channel === "string" ? body.channel : undefined;
    let answer: Record<string, unknown> = { ok: true };
    if (method === "chat.postMessage") {
      const sent = this.record({ platform: "slack", kind: "channel", channel, message: body });
      answer = { ok: true, channel, ts: `${Math.floor(Date.parse(sent.at) / 1000)}.${sent.seq}` };
    } else if (method === "conversations.history") {
      const oldest = Number(body.oldest ?? 0);
      const messages = this.messages
        .filter((m) => m.platform === "slack" && m.kind === "channel" && m.channel === channel)
        .filter((m) => Date.parse(m.at) / 1000 >= oldest)
        .map((m) => ({ ts: `${Math.floor(Date.parse(m.at) / 1000)}.${m.seq}`, ...m.message }))
        .reverse();
      answer = { ok: true, messages, has_more: false };
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    return true;
  }

  /** Handles Discord's REST routes under `/discord/v10/`; false for any other path. */
  async discord(path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!path.startsWith("/discord/v10/")) return false;
    const rest = path.slice("/discord/v10".length);
    const body = parse((await readBody(req)).toString("utf8"), false);
    const channelPost = /^\/channels\/([^/]+)\/messages$/.exec(rest);
    const webhook = /^\/webhooks\/([^/]+)\/([^/]+)(\/messages\/@original)?$/.exec(rest);
    const reply = (status: number, value: unknown): true => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      return true;
    };
    if (channelPost && req.method === "POST") {
      const channel = decodeURIComponent(channelPost[1] as string);
      // Like Discord with enforce_nonce: a retried post returns the first message, not a copy.
      const key = typeof body.nonce === "string" ? `${channel}\n${body.nonce}` : undefined;
      const earlier = key ? this.nonces.get(key) : undefined;
      if (earlier) return reply(200, earlier);
      const sent = this.record({ platform: "discord", kind: "channel", channel, message: body });
      const created = { id: String(sent.seq), channel_id: channel, ...body };
      if (key) this.nonces.set(key, created);
      return reply(200, created);
    }
    if (webhook && (req.method === "POST" || req.method === "PATCH")) {
      const ref = decodeURIComponent(webhook[2] as string);
      const kind = webhook[3] ? "original" : "follow-up";
      const sent = this.record({ platform: "discord", kind, ref, message: body });
      return reply(200, { id: String(sent.seq), ...body });
    }
    // Command registration and the rest are not played here.
    return reply(404, { message: "Unknown route on the local Discord stand-in", code: 0 });
  }
}

function parse(raw: string, form: boolean): Record<string, unknown> {
  if (form) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return { raw };
  }
}
