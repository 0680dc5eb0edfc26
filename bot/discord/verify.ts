import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** Discord signs interactions; older requests are refused so a captured one cannot be replayed. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

// An Ed25519 public key in SubjectPublicKeyInfo DER is this fixed prefix plus the 32 raw bytes.
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export function ed25519PublicKey(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 32) throw new Error("DISCORD_PUBLIC_KEY must be 32 bytes of hex");
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, raw]),
    format: "der",
    type: "spki",
  });
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks `X-Signature-Ed25519` over `X-Signature-Timestamp` + the raw body bytes exactly as
 * received (a re-serialised body would not match what Discord signed).
 */
export function checkSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
  now: Date,
): SignatureCheck {
  if (!signatureHex || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return { ok: false, reason: "malformed signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  const age = now.getTime() / 1000 - Number(timestamp);
  if (Math.abs(age) > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: "stale timestamp" };
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]);
  const valid = verify(null, signed, key, Buffer.from(signatureHex, "hex"));
  return valid ? { ok: true } : { ok: false, reason: "bad signature" };
}
