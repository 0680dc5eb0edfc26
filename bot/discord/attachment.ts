import { tripFileTextOf } from "../loading/trip-file-bytes";
import { TRIP_FILE_MAX_BYTES } from "../loading/trip-file-limit";
import { retryAfterMs } from "../retry";

/**
 * Fetching a file a member attached to a command. Discord serves attachments from its CDN
 * only, so any other address in an interaction is refused unread: the bot never fetches a URL
 * a request names (no requests into the network it runs in). The stand-in serves its
 * attachments under its own base, which DISCORD_CDN_URL names in tests and `npm start`.
 */

export const DISCORD_CDN_HOSTS = ["cdn.discordapp.com", "media.discordapp.net"] as const;

export interface AttachmentSource {
  /** DISCORD_CDN_URL: a further allowed base (the stand-in's), for tests and development. */
  extraBase?: string;
  maxBytes: number;
  timeoutMs: number;
}

export function attachmentSourceFromEnv(env: NodeJS.ProcessEnv): AttachmentSource {
  return {
    ...(env.DISCORD_CDN_URL ? { extraBase: env.DISCORD_CDN_URL } : {}),
    maxBytes: TRIP_FILE_MAX_BYTES,
    timeoutMs: 5000,
  };
}

export type Download =
  | { ok: true; text: string }
  | { ok: false; reason: "too-large" }
  | { ok: false; reason: "not-discord" }
  /** `retryable`: a 429, 5xx, timeout or dropped connection, worth another try. */
  | { ok: false; reason: "failed"; retryable: boolean; retryAfterMs?: number }
  /** Fetched, but no trip file's text (an archive, a document, not UTF-8): `problem` says what. */
  | { ok: false; reason: "not-text"; problem: string };

/** Whether `url` is on Discord's CDN (https), or under the configured stand-in base. */
export function isAllowedAttachmentUrl(url: string, extraBase?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (
    parsed.protocol === "https:" &&
    (DISCORD_CDN_HOSTS as readonly string[]).includes(parsed.hostname) &&
    parsed.port === ""
  ) {
    return true;
  }
  if (!extraBase) return false;
  const base = new URL(extraBase);
  return parsed.origin === base.origin && parsed.pathname.startsWith(base.pathname);
}

/** The attachment's text, read only from an allowed host and only up to `maxBytes`. */
export async function downloadAttachment(
  url: string,
  claimedSize: number,
  source: AttachmentSource,
): Promise<Download> {
  if (!isAllowedAttachmentUrl(url, source.extraBase)) return { ok: false, reason: "not-discord" };
  if (claimedSize > source.maxBytes) return { ok: false, reason: "too-large" };
  let response: Response;
  try {
    // No redirects: a CDN address must not lead elsewhere.
    response = await fetch(url, {
      redirect: "error",
      signal: AbortSignal.timeout(source.timeoutMs),
    });
  } catch {
    return { ok: false, reason: "failed", retryable: true };
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    const wait = retryAfterMs(response.headers.get("retry-after"));
    return {
      ok: false,
      reason: "failed",
      retryable: true,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    };
  }
  if (!response.ok || !response.body) return { ok: false, reason: "failed", retryable: false };
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > source.maxBytes) {
    await response.body.cancel();
    return { ok: false, reason: "too-large" };
  }
  return readCapped(response.body, source.maxBytes);
}

/** Reads a body, giving up as soon as it passes `maxBytes` (whatever its headers said). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Download> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "failed", retryable: true };
  }
  const read = tripFileTextOf(Buffer.concat(chunks));
  return read.ok ? read : { ok: false, reason: "not-text", problem: read.problem };
}
