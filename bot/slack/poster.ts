import type { ChannelPoster, PostOutcome } from "../delivery";
import type { Reply } from "../reply";
import { renderReply } from "./render";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** Slack `error` codes that mean "try again later" rather than "this will never work". */
const RETRYABLE_ERRORS = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

export type CallResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; retryable: boolean; retryAfterMs?: number; reason: string; error?: string };

export interface SlackApiOptions {
  /** Web API base, ending in a slash (SLACK_API_URL). */
  apiUrl?: string;
  token: string;
  /** One attempt's deadline. */
  timeoutMs?: number;
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * One HTTP POST of JSON to Slack (a Web API method or a response_url), classified: 429, 5xx,
 * timeouts and dropped connections are retryable; any other failure is not.
 */
export async function postJson(
  url: string,
  payload: unknown,
  options: { token?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<CallResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify(payload),
      signal,
    });
  } catch (e) {
    const timedOut = timeout.aborted;
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
    return {
      ok: false,
      retryable: true,
      reason: timedOut ? "timed out" : `connection failed${cause}`,
    };
  }
  let text = "";
  try {
    text = await response.text();
  } catch {
    return { ok: false, retryable: true, reason: "connection dropped while reading the answer" };
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
    return { ok: false, retryable: true, reason: `Slack answered ${response.status}` };
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
    };
  }
  return { ok: true, body };
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
  call(method: string, payload: unknown, signal?: AbortSignal): Promise<CallResult> {
    return postJson(`${this.apiUrl}${method}`, payload, {
      token: this.options.token,
      timeoutMs: this.options.timeoutMs,
      signal,
    });
  }

  async post(
    channelId: string,
    reply: Reply,
    options: { skipParts?: number; signal?: AbortSignal; deliveryKey?: string } = {},
  ): Promise<PostOutcome> {
    const messages = renderReply(reply);
    for (let i = options.skipParts ?? 0; i < messages.length; i++) {
      const result = await this.call(
        "chat.postMessage",
        {
          channel: channelId,
          ...messages[i],
          // Trip text never pings anyone, and links do not unfurl into the channel.
          link_names: false,
          unfurl_links: false,
          unfurl_media: false,
          // Marks the message as one delivery, for anyone reading the channel's history later.
          ...(options.deliveryKey
            ? {
                metadata: {
                  event_type: "trip_bot_delivery",
                  event_payload: { key: options.deliveryKey, part: i },
                },
              }
            : {}),
        },
        options.signal,
      );
      if (!result.ok) {
        const { retryable, retryAfterMs, reason } = result;
        return {
          ok: false,
          parts: i,
          retryable,
          reason,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
      }
    }
    return { ok: true, parts: messages.length };
  }
}
