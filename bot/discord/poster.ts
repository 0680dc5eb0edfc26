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
    options: { skipParts?: number; signal?: AbortSignal } = {},
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
          body: { ...message, nonce: nonce(channelId, i, message), enforce_nonce: true },
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
 * The same part of the same answer to the same channel gets the same nonce, so when an attempt
 * whose answer was lost (timeout, dropped connection) is retried, Discord does not post it twice.
 */
function nonce(channelId: string, part: number, message: unknown): string {
  return createHash("sha256")
    .update(`${channelId}\n${part}\n${JSON.stringify(message)}`)
    .digest("base64url")
    .slice(0, 25);
}
