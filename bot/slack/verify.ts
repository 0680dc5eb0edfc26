import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack refuses to act on requests older than this, and so do we (replays). */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export type Verdict = "ok" | "unsigned" | "stale" | "bad-signature";

/**
 * Slack's request signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing
 * secret, sent as `X-Slack-Signature: v0=<hex>`. The body must be the exact bytes Slack sent.
 */
export function slackSignature(
  secret: string,
  timestamp: string,
  rawBody: Buffer | string,
): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest("hex")}`;
}

export function verifySlackRequest(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  nowMs: number;
}): Verdict {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return "unsigned";
  // Both directions: a timestamp far in the future is as replayable as an old one.
  if (Math.abs(input.nowMs / 1000 - Number(timestamp)) > MAX_REQUEST_AGE_SECONDS) return "stale";
  const expected = Buffer.from(slackSignature(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? "ok"
    : "bad-signature";
}
