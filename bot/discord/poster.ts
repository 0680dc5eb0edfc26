import { createHash } from "node:crypto";
import type { ChannelPoster, PostOutcome } from "../delivery";
import type { Reply } from "../reply";
import { renderReply } from "./render";
import { discordRequest, type RestConfig } from "./rest";

/** Posts a Reply into a Discord channel as the bot: `POST /channels/{id}/messages`, per part. */
export class DiscordChannelPoster implements ChannelPoster {
  readonly platform = "discord";

  constructor(private readonly config: RestConfig) {}

  async post(
    channelId: string,
    reply: Reply,
    options: { skipParts?: number; signal?: AbortSignal; deliveryKey?: string } = {},
  ): Promise<PostOutcome> {
    const messages = renderReply(reply, { visibility: "public" });
    const skip = options.skipParts ?? 0;
    for (let i = skip; i < messages.length; i++) {
      const { flags: _ephemeral, ...message } = messages[i] as (typeof messages)[number];
      const result = await discordRequest(
        this.config,
        "POST",
        `/channels/${encodeURIComponent(channelId)}/messages`,
        {
          body: {
            ...message,
            nonce: nonce(channelId, i, message, options.deliveryKey),
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
          reason: result.reason,
        };
      }
    }
    return { ok: true, parts: messages.length };
  }
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
