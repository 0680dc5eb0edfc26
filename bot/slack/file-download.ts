/**
 * Fetching a file a member gave the bot in a modal: its `url_private`, with the bot token, from
 * Slack's file host only, capped in size and time. Slack answers a request it does not
 * authorise with its sign-in page and a 200, so an HTML answer is a refusal, not a file.
 * https://docs.slack.dev/messaging/working-with-files#authenticated-url
 */
import { tripFileTextOf } from "../loading/trip-file-bytes";
import { DEFAULT_SLACK_API_URL } from "./poster";

/** Where Slack serves members' files; another host never gets the bot token. */
export const SLACK_FILES_BASE = "https://files.slack.com/files-pri/";

/**
 * Where file URLs may point: Slack's file host, or — when SLACK_API_URL names a stand-in rather
 * than Slack — the stand-in's own (its mount, where the API URL has `api/`).
 */
export function slackFileBases(apiUrl: string | undefined): string[] {
  const bases = [SLACK_FILES_BASE];
  if (!apiUrl || apiUrl === DEFAULT_SLACK_API_URL || !URL.canParse(apiUrl)) return bases;
  const { hostname } = new URL(apiUrl);
  if (hostname === "slack.com" || hostname.endsWith(".slack.com")) return bases;
  const mount = apiUrl.replace(/api\/?$/, "");
  return [...bases, `${mount.endsWith("/") ? mount : `${mount}/`}files-pri/`];
}

export type Downloaded =
  | { ok: true; text: string }
  | {
      ok: false;
      /** Why, in words for the organiser. */
      reason: string;
      /** Worth another try (429, 5xx, a timeout). */
      retryable: boolean;
      retryAfterMs?: number;
    };

export interface DownloadOptions {
  token: string;
  maxBytes: number;
  /** URL prefixes the file may come from (slackFileBases). */
  bases: readonly string[];
  timeoutMs?: number;
}

const refuse = (reason: string, retryable = false): Downloaded => ({
  ok: false,
  reason,
  retryable,
});

/** The file's text, or why it could not be had. Never throws. */
export async function downloadSlackFile(
  url: string,
  options: DownloadOptions,
): Promise<Downloaded> {
  if (!URL.canParse(url) || !options.bases.some((base) => url.startsWith(base))) {
    return refuse("the file is not on Slack's file server, so the bot did not fetch it");
  }
  const limit = `${Math.floor(options.maxBytes / 1024)} KiB`;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  let response: Response;
  try {
    // No redirects: the token goes to the host checked above and nowhere else.
    response = await fetch(url, {
      headers: { authorization: `Bearer ${options.token}` },
      redirect: "manual",
      signal,
    });
  } catch {
    return refuse(
      signal.aborted ? "Slack took too long to hand over the file" : "Slack could not be reached",
      true,
    );
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    const wait = Number(response.headers.get("retry-after"));
    return {
      ...refuse(`Slack answered ${response.status} when asked for the file`, true),
      ...(Number.isFinite(wait) && wait > 0 ? { retryAfterMs: wait * 1000 } : {}),
    };
  }
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200 || type.startsWith("text/html")) {
    await response.body?.cancel();
    return refuse("Slack did not let the bot read the file (it needs the files:read scope)");
  }
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel();
    return refuse(`the file is larger than ${limit}`);
  }
  const bytes = await readCapped(response, options.maxBytes, signal);
  if (bytes === "too large") return refuse(`the file is larger than ${limit}`);
  if (bytes === "failed") return refuse("the file stopped arriving halfway; try again", true);
  const read = tripFileTextOf(bytes);
  if (!read.ok) return refuse(read.problem);
  const { text } = read;
  if (/^\s*<(!doctype html|html)/i.test(text)) {
    return refuse("Slack did not let the bot read the file (it needs the files:read scope)");
  }
  return { ok: true, text };
}

/** The body, read until it passes `max` bytes (then dropped) or ends. */
async function readCapped(
  response: Response,
  max: number,
  signal: AbortSignal,
): Promise<Uint8Array | "too large" | "failed"> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel();
        return "too large";
      }
      chunks.push(value);
    }
  } catch {
    return "failed";
  }
  return Buffer.concat(chunks);
}
