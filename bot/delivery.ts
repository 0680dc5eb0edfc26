import type { Reply } from "./reply";

/**
 * Posting a Reply into a channel, as a platform's Web/REST API does it. Adapters implement it
 * (Slack: chat.postMessage; Discord: POST /channels/{id}/messages); reminders and FAQ posts
 * use it without knowing the platform. One call is one attempt: the caller decides on retries.
 */
export interface ChannelPoster {
  readonly platform: string;
  /**
   * Posts `reply` publicly into `channelId`, split into as many messages as the platform's
   * limits need, in order. `skipParts` skips parts an earlier attempt already delivered.
   */
  post(
    channelId: string,
    reply: Reply,
    options?: {
      skipParts?: number;
      signal?: AbortSignal;
      /**
       * The same for every attempt at one delivery (at most 25 characters), so a platform
       * that can refuse duplicates does (Discord's nonce with enforce_nonce).
       */
      deliveryKey?: string;
    },
  ): Promise<PostOutcome>;

  /**
   * Whether a post with this delivery key is already in the channel, for a delivery whose
   * earlier attempt died mid-way. Platforms that cannot tell leave it out.
   */
  findDelivered?(channelId: string, deliveryKey: string, since: Date): Promise<boolean>;
}

export type PostOutcome =
  /** `parts`: how many of the reply's messages are in the channel, skipped ones included. */
  | { ok: true; parts: number }
  | {
      ok: false;
      /** Messages in the channel so far, skipped ones included (the retry's skipParts). */
      parts: number;
      /** 429, 5xx, timeouts and dropped connections are worth another try; 4xx are not. */
      retryable: boolean;
      /** From Retry-After (or the platform's retry_after), when the platform said. */
      retryAfterMs?: number;
      reason: string;
    };
