import type { Reply } from "./reply";

/**
 * Who a public post pings, as an organiser turned it on for the channel (off by default):
 * everyone here who is online, or one role (Discord) / user group (Slack). Trip text never pings.
 */
export type Mention = { kind: "here" } | { kind: "role"; id: string };

/**
 * Posting a Reply into a channel, as a platform's Web/REST API does it. Adapters implement it
 * (Slack: chat.postMessage; Discord: POST /channels/{id}/messages); reminders and FAQ posts
 * use it without knowing the platform. One call is one attempt: the caller decides on retries.
 */
/** How one attempt at a post is made. */
export interface PostOptions {
  skipParts?: number;
  signal?: AbortSignal;
  /**
   * The same for every attempt at one delivery (at most 25 characters), so a platform that can
   * refuse duplicates does (Discord's nonce with enforce_nonce).
   */
  deliveryKey?: string;
  /** Pings with the first message; nothing else in the post can ping. */
  mention?: Mention;
}

export interface ChannelPoster {
  readonly platform: string;
  /**
   * The slash command readers type on this platform when it is always the same one (Discord
   * registers /marathon): posts name it instead of the trip file's `command`. Absent: the
   * trip's command is the app's (Slack's app is set up with it).
   */
  readonly slashCommand?: string;
  /**
   * Posts `reply` publicly into `channelId`, split into as many messages as the platform's
   * limits need, in order. `skipParts` skips parts an earlier attempt already delivered.
   */
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<PostOutcome>;

  /**
   * How much of the post with this delivery key is already in the channel, for a delivery whose
   * earlier attempt died mid-way or failed ambiguously. Throws when the platform cannot say.
   * Platforms that cannot tell leave it out.
   */
  findDelivered?(
    channelId: string,
    deliveryKey: string,
    since: Date,
    signal?: AbortSignal,
  ): Promise<FoundParts>;

  /**
   * How long (ms, from the first attempt) the platform itself refuses a repeat of a post with
   * the same delivery key (Discord's nonce with enforce_nonce). Within it, a retry after an
   * ambiguous failure is safe without asking `findDelivered`; past it, the caller asks first.
   */
  readonly dedupeWindowMs?: number;
}

/**
 * A delivery's messages found in the channel: `parts` counts them from the first (a post's
 * parts go out in order, so the last one found says how many came before it), and `complete`
 * says its last part is there.
 */
export interface FoundParts {
  parts: number;
  complete: boolean;
}

export const NOTHING_FOUND: FoundParts = { parts: 0, complete: false };

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
      /**
       * No answer came (a timeout, a dropped connection), or a server error the platform says
       * may follow work it did: the platform may have posted the message anyway.
       */
      ambiguous?: boolean;
      /** The channel is gone or closed to the bot (deleted, archived, no access): for good. */
      channelGone?: boolean;
      reason: string;
    };

/**
 * A failed call's reason as the person waiting should read it: what the platform said (missing
 * permissions, a channel not found) stays; how the connection failed (a host name, a socket
 * error) is for the logs, and reads as the platform not answering.
 */
export function reasonForPeople(reason: string, platformName: string): string {
  return /^(?:connection failed|timed out|aborted)/i.test(reason)
    ? `${platformName} did not answer`
    : reason;
}
