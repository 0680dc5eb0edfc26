import { retryAfterMs } from "../retry";
/**
 * A small Discord REST client on fetch: one attempt per call, every failure classified. The
 * callers (channel posts, interaction follow-ups) decide on retries, so @discordjs/rest's own
 * queueing and retrying would hide what the ChannelPoster port must report; it also costs cold
 * start. Registration, which runs off Lambda, uses @discordjs/rest.
 */

export const DEFAULT_DISCORD_API_URL = "https://discord.com/api";
export const API_VERSION = "10";

export interface RestConfig {
  /** DISCORD_API_URL: the REST base, without the version. */
  baseUrl: string;
  /** DISCORD_BOT_TOKEN; interaction webhooks need none. */
  token?: string;
  /** Per attempt. */
  timeoutMs?: number;
}

export type RestResult =
  | { ok: true; status: number; body: unknown }
  | {
      ok: false;
      status?: number;
      retryable: boolean;
      retryAfterMs?: number;
      reason: string;
    };

export function restConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RestConfig {
  return {
    baseUrl: env.DISCORD_API_URL || DEFAULT_DISCORD_API_URL,
    ...(env.DISCORD_BOT_TOKEN ? { token: env.DISCORD_BOT_TOKEN } : {}),
  };
}

export async function discordRequest(
  config: RestConfig,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  options: { body?: unknown; auth?: boolean; signal?: AbortSignal } = {},
): Promise<RestResult> {
  const url = `${config.baseUrl.replace(/\/+$/, "")}/v${API_VERSION}${path}`;
  const headers: Record<string, string> = { "user-agent": "DiscordBot (trip-group-bot, 0.1)" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.auth !== false && config.token) headers.authorization = `Bot ${config.token}`;
  const timeout = AbortSignal.timeout(config.timeoutMs ?? 2500);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
    });
    text = await response.text();
  } catch (e) {
    const timedOut = timeout.aborted;
    const reason = timedOut
      ? `timed out after ${config.timeoutMs ?? 2500} ms`
      : signal.aborted
        ? "aborted"
        : `connection failed: ${(e as Error).cause ?? (e as Error).message}`;
    return { ok: false, retryable: true, reason };
  }
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): keep the text for the reason.
  }
  if (response.ok) return { ok: true, status: response.status, body };
  const retryable = response.status === 429 || response.status >= 500;
  const after = retryAfterMs(response.headers.get("retry-after"), body);
  const message =
    body && typeof body === "object" && "message" in body
      ? String((body as { message: unknown }).message)
      : String(text).slice(0, 200);
  return {
    ok: false,
    status: response.status,
    retryable,
    ...(after !== undefined && retryable ? { retryAfterMs: after } : {}),
    reason: `HTTP ${response.status}${message ? `: ${message}` : ""}`,
  };
}
