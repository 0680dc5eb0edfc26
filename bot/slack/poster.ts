import type { ChannelPoster, FoundParts, Mention, PostOptions, PostOutcome } from "../delivery";
import type { Reply } from "../reply";
import { retryAfterMs } from "../retry";
import { renderReply } from "./render";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** Message metadata on each posted message: which delivery it belongs to, and which part. */
const DELIVERY_EVENT = "trip_bot_delivery";
interface DeliveryTag {
  key: string;
  part: number;
  of: number;
}

/** Slack `error` codes that mean "try again later" rather than "this will never work". */
const RETRYABLE_ERRORS = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/**
 * Slack `error` codes after which, Slack says, "some aspect of the operation" may have
 * succeeded: the message may be in the channel.
 */
const MAYBE_DONE_ERRORS = new Set(["internal_error", "fatal_error"]);

/** Slack `error` codes that mean the channel is gone or closed to the bot, for good. */
const CHANNEL_GONE_ERRORS = new Set(["channel_not_found", "is_archived", "not_in_channel"]);

export type CallResult =
  | { ok: true; body: Record<string, unknown> }
  | {
      ok: false;
      retryable: boolean;
      retryAfterMs?: number;
      reason: string;
      error?: string;
      /** No answer came (timeout, dropped connection), or a 5xx: Slack may have done the work. */
      ambiguous?: boolean;
    };

export interface SlackApiOptions {
  /** Web API base, ending in a slash (SLACK_API_URL). */
  apiUrl?: string;
  token: string;
  /** One attempt's deadline. */
  timeoutMs?: number;
}

/**
 * One HTTP POST of JSON to Slack (a Web API method or a response_url), classified: 429, 5xx,
 * timeouts and dropped connections are retryable; any other failure is not.
 */
export async function postJson(
  url: string,
  payload: unknown,
  options: { token?: string; timeoutMs?: number; signal?: AbortSignal; form?: boolean } = {},
): Promise<CallResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": options.form
          ? "application/x-www-form-urlencoded"
          : "application/json; charset=utf-8",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      // Slack's read methods (conversations.history) take forms, not JSON.
      body: options.form
        ? new URLSearchParams(payload as Record<string, string>).toString()
        : JSON.stringify(payload),
      signal,
    });
  } catch (e) {
    const timedOut = timeout.aborted;
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
    // A refused connection never reached Slack; anything else may have.
    const refused = (e as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
    return {
      ok: false,
      retryable: true,
      reason: timedOut ? "timed out" : `connection failed${cause}`,
      ...(refused ? {} : { ambiguous: true }),
    };
  }
  let text = "";
  try {
    text = await response.text();
  } catch {
    return {
      ok: false,
      retryable: true,
      reason: "connection dropped while reading the answer",
      ambiguous: true,
    };
  }
  if (response.status === 429) {
    return {
      ok: false,
      retryable: true,
      retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
      reason: "rate limited (429)",
    };
  }
  if (response.status >= 500) {
    // A gateway's 5xx can follow work Slack did.
    return {
      ok: false,
      retryable: true,
      reason: `Slack answered ${response.status}`,
      ambiguous: true,
    };
  }
  if (!response.ok) {
    return { ok: false, retryable: false, reason: `Slack answered ${response.status}` };
  }
  // response_url answers a bare "ok"; Web API methods answer JSON with ok/error.
  let body: Record<string, unknown> = { ok: true };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: a 2xx without a Web API envelope is success.
  }
  if (body.ok === false) {
    const error = typeof body.error === "string" ? body.error : "unknown_error";
    return {
      ok: false,
      retryable: RETRYABLE_ERRORS.has(error),
      retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
      reason: `Slack error: ${error}`,
      error,
      ...(MAYBE_DONE_ERRORS.has(error) ? { ambiguous: true } : {}),
    };
  }
  return { ok: true, body };
}

/** Slack's Web API with the bot token the environment holds, if it holds one. */
export function slackApiFromEnv(env: NodeJS.ProcessEnv): SlackPoster | undefined {
  const token = env.SLACK_BOT_TOKEN;
  return token ? new SlackPoster({ token, apiUrl: env.SLACK_API_URL || undefined }) : undefined;
}

/**
 * ChannelPoster over Slack's Web API `chat.postMessage`. One `post` is one attempt per message:
 * it stops at the first failure and says how many messages went out, so a retry resumes there.
 */
export class SlackPoster implements ChannelPoster {
  readonly platform = "slack";
  private readonly apiUrl: string;

  constructor(private readonly options: SlackApiOptions) {
    const base = options.apiUrl || DEFAULT_SLACK_API_URL;
    this.apiUrl = base.endsWith("/") ? base : `${base}/`;
  }

  /** Calls one Web API method once. */
  call(method: string, payload: unknown, signal?: AbortSignal, form = false): Promise<CallResult> {
    return postJson(`${this.apiUrl}${method}`, payload, {
      token: this.options.token,
      timeoutMs: this.options.timeoutMs,
      signal,
      form,
    });
  }

  /**
   * How many messages of the delivery `deliveryKey` are in the channel since `since`, read
   * from the metadata `post` attaches (conversations.history; needs channels:history and
   * groups:history). Throws when Slack cannot say, so the caller never mistakes "unknown" for
   * "not delivered".
   */
  async findDelivered(
    channelId: string,
    deliveryKey: string,
    since: Date,
    signal?: AbortSignal,
  ): Promise<FoundParts> {
    let cursor = "";
    let parts = 0;
    // A reminder's messages are recent; a few pages cover any realistic channel.
    for (let page = 0; page < 5; page++) {
      const result = await this.call(
        "conversations.history",
        {
          channel: channelId,
          oldest: (Math.floor(since.getTime() / 1000) - 1).toString(),
          include_all_metadata: "true",
          limit: "200",
          ...(cursor ? { cursor } : {}),
        },
        signal,
        true,
      );
      if (!result.ok) throw new Error(`conversations.history failed: ${result.reason}`);
      const messages = Array.isArray(result.body.messages) ? result.body.messages : [];
      for (const m of messages as {
        metadata?: { event_type?: string; event_payload?: DeliveryTag };
      }[]) {
        const tag =
          m.metadata?.event_type === DELIVERY_EVENT ? m.metadata.event_payload : undefined;
        if (tag?.key !== deliveryKey) continue;
        if (tag.part === tag.of - 1) return { parts: tag.of, complete: true };
        parts = Math.max(parts, tag.part + 1);
      }
      const next = (result.body.response_metadata as { next_cursor?: string } | undefined)
        ?.next_cursor;
      if (!result.body.has_more || !next) break;
      cursor = next;
    }
    return { parts, complete: false };
  }

  async post(channelId: string, reply: Reply, options: PostOptions = {}): Promise<PostOutcome> {
    // The renderer places the ping, so its block and its characters count against the limits.
    const messages = renderReply(reply, options.mention ? { ping: pingOf(options.mention) } : {});
    for (let i = options.skipParts ?? 0; i < messages.length; i++) {
      const message = messages[i];
      const result = await this.call(
        "chat.postMessage",
        {
          channel: channelId,
          ...message,
          // Trip text never pings anyone, and links do not unfurl into the channel.
          link_names: false,
          unfurl_links: false,
          unfurl_media: false,
          // Tags the message with its delivery, so findDelivered can tell it is there.
          ...(options.deliveryKey
            ? {
                metadata: {
                  event_type: DELIVERY_EVENT,
                  event_payload: { key: options.deliveryKey, part: i, of: messages.length },
                },
              }
            : {}),
        },
        options.signal,
      );
      if (!result.ok) {
        const { retryable, retryAfterMs, reason, ambiguous, error } = result;
        return {
          ok: false,
          parts: i,
          retryable,
          reason,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          ...(ambiguous ? { ambiguous } : {}),
          ...(error && CHANNEL_GONE_ERRORS.has(error) ? { channelGone: true } : {}),
        };
      }
    }
    return { ok: true, parts: messages.length };
  }
}

/** The one ping an organiser turned on for the channel: `<!here>` or a user group. */
const pingOf = (mention: Mention) =>
  mention.kind === "here" ? "<!here>" : `<!subteam^${mention.id}>`;
