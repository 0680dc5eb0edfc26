import { createHash } from "node:crypto";
import type { APIEmbed } from "discord-api-types/v10";
import type { ChannelPoster, FoundParts, Mention, PostOptions, PostOutcome } from "../delivery";
import type { Reply } from "../reply";
import { ROOT_COMMAND } from "./interaction";
import { type DiscordMessage, renderReply } from "./render";
import { discordRequest, type RestConfig } from "./rest";

/**
 * How long Discord refuses a repeat nonce with enforce_nonce: "a few minutes", undocumented;
 * two is the conservative reading. Past it, a retry asks the channel first (findDelivered).
 */
export const NONCE_WINDOW_MS = 2 * 60_000;

/** Messages read back when checking whether a delivery is in the channel (Discord's maximum). */
const HISTORY_LIMIT = 100;

/** HTTP statuses for a channel post that mean the channel is gone or closed to the bot. */
const CHANNEL_GONE_STATUSES = new Set([403, 404]);

/** Posts a Reply into a Discord channel as the bot: `POST /channels/{id}/messages`, per part. */
export class DiscordChannelPoster implements ChannelPoster {
  readonly platform = "discord";
  readonly slashCommand = ROOT_COMMAND;
  readonly dedupeWindowMs: number;

  constructor(
    private readonly config: RestConfig,
    options: { nonceWindowMs?: number } = {},
  ) {
    this.dedupeWindowMs = options.nonceWindowMs ?? NONCE_WINDOW_MS;
  }

  async post(channelId: string, reply: Reply, options: PostOptions = {}): Promise<PostOutcome> {
    const messages = renderReply(reply, {
      visibility: "public",
      ...(options.deliveryKey ? { reserveUnits: TAG_RESERVE_UNITS } : {}),
    });
    const skip = options.skipParts ?? 0;
    for (let i = skip; i < messages.length; i++) {
      const { flags: _ephemeral, ...rendered } = messages[i] as (typeof messages)[number];
      let message: Omit<DiscordMessage, "allowed_mentions" | "flags"> & {
        allowed_mentions: AllowedMentions;
      } = rendered;
      if (options.deliveryKey) {
        message = {
          ...message,
          embeds: tagged(message.embeds, options.deliveryKey, i, messages.length),
        };
      }
      if (i === 0 && options.mention) message = withMention(message, options.mention);
      const result = await discordRequest(
        this.config,
        "POST",
        `/channels/${encodeURIComponent(channelId)}/messages`,
        {
          body: {
            ...message,
            nonce: nonce(channelId, i, rendered, options.deliveryKey),
            enforce_nonce: true,
          },
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      if (!result.ok) {
        return {
          ok: false,
          parts: i,
          retryable: result.retryable,
          ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
          // No answer came, or a 5xx (a gateway's can follow the work): Discord may have
          // created the message.
          ...(result.retryable && (result.status === undefined || result.status >= 500)
            ? { ambiguous: true }
            : {}),
          ...(result.status !== undefined && CHANNEL_GONE_STATUSES.has(result.status)
            ? { channelGone: true }
            : {}),
          reason: result.reason,
        };
      }
    }
    return { ok: true, parts: messages.length };
  }

  /**
   * How many of the delivery's parts are among the channel's latest messages, by the delivery
   * key in its embed footer: Discord echoes a nonce only in the answer to the post itself, so
   * the key is written where reading the channel (`GET /channels/{id}/messages`, needs Read
   * Message History) shows it. Throws when Discord does not answer.
   */
  async findDelivered(
    channelId: string,
    deliveryKey: string,
    since: Date,
    signal?: AbortSignal,
  ): Promise<FoundParts> {
    const result = await discordRequest(
      this.config,
      "GET",
      `/channels/${encodeURIComponent(channelId)}/messages?limit=${HISTORY_LIMIT}`,
      signal ? { signal } : {},
    );
    if (!result.ok) throw new Error(`reading the channel failed: ${result.reason}`);
    const messages = Array.isArray(result.body) ? (result.body as ChannelMessage[]) : [];
    let found: FoundParts = { parts: 0, complete: false };
    for (const m of messages) {
      if (m.timestamp !== undefined && Date.parse(m.timestamp) < since.getTime()) continue;
      for (const e of m.embeds ?? []) {
        const part = partOf(e.footer?.text, deliveryKey);
        if (part && part.part + 1 > found.parts) {
          found = { parts: part.part + 1, complete: part.part + 1 === part.of };
        }
      }
    }
    return found;
  }
}

type AllowedMentions = { parse: ("everyone" | "roles" | "users")[]; roles?: string[] };

interface ChannelMessage {
  timestamp?: string;
  embeds?: APIEmbed[];
}

/**
 * The most a delivery tag adds to a message's embeds (" · ref <25-character key> 999/999"):
 * the renderer keeps it free, or a message packed to Discord's 6,000 would be refused.
 */
const TAG_RESERVE_UNITS = " · ref ".length + 25 + " 999/999".length;

/** "ref <key>" or "ref <key> 2/3": the footer tag of a delivery's part. */
const tagOf = (key: string, part: number, of: number) =>
  of === 1 ? `ref ${key}` : `ref ${key} ${part + 1}/${of}`;

/** Which part of the delivery `key` a footer tags (0-based), if it tags one. */
function partOf(footer: string | undefined, key: string): { part: number; of: number } | undefined {
  const m = /ref (\S+)(?: (\d+)\/(\d+))?$/.exec(footer ?? "");
  if (m?.[1] !== key) return undefined;
  return m[2] === undefined ? { part: 0, of: 1 } : { part: Number(m[2]) - 1, of: Number(m[3]) };
}

/** The delivery key in the last embed's footer (small print, after any footer it had). */
function tagged(embeds: APIEmbed[], key: string, part: number, of: number): APIEmbed[] {
  const last = embeds.at(-1);
  if (!last) return embeds;
  const tag = tagOf(key, part, of);
  const footer = last.footer?.text ? `${last.footer.text} · ${tag}` : tag;
  return [...embeds.slice(0, -1), { ...last, footer: { ...last.footer, text: footer } }];
}

/**
 * The one ping an organiser turned on, and `allowed_mentions` letting exactly it through:
 * `@here` (Discord's "everyone" switch covers @here), or one role. Trip text is escaped and
 * every other mention stays off.
 */
function withMention<T extends { content?: string }>(message: T, mention: Mention) {
  const ping = mention.kind === "here" ? "@here" : `<@&${mention.id}>`;
  const allowed: AllowedMentions =
    mention.kind === "here" ? { parse: ["everyone"] } : { parse: [], roles: [mention.id] };
  return {
    ...message,
    content: message.content ? `${ping}\n${message.content}` : ping,
    allowed_mentions: allowed,
  };
}

/**
 * Every attempt at one part of one delivery sends the same nonce (≤ 25 characters), and with
 * enforce_nonce Discord returns the message it already made instead of posting it again, so an
 * attempt whose answer was lost (timeout, dropped connection) can be retried safely. The
 * caller's delivery key names the delivery; without one, the part's content does.
 */
function nonce(channelId: string, part: number, message: unknown, deliveryKey?: string): string {
  if (deliveryKey && part === 0) return deliveryKey.slice(0, 25);
  const basis = deliveryKey ?? `${channelId}\n${JSON.stringify(message)}`;
  return createHash("sha256").update(`${basis}\n${part}`).digest("base64url").slice(0, 25);
}
