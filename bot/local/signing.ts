import { createHmac, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/**
 * Development credentials for `npm start`: made fresh on each start, held only by this
 * process, so the playground can sign the requests it sends to the handlers. Only the local
 * server uses this module; nothing in the Lambdas' code paths defaults to these values.
 */
export interface DevSecrets {
  slackSigningSecret: string;
  /** Discord's public key (hex), as DISCORD_PUBLIC_KEY takes it. */
  discordPublicKeyHex: string;
  discordPrivateKey: KeyObject;
}

export function generateDevSecrets(): DevSecrets {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return {
    slackSigningSecret: `local-dev-${randomBytes(24).toString("hex")}`,
    discordPublicKeyHex: der.subarray(der.length - 32).toString("hex"),
    discordPrivateKey: privateKey,
  };
}

/** Slack's request signature headers (HMAC-SHA256 over `v0:<timestamp>:<body>`). */
export function slackSignatureHeaders(
  secret: string,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const digest = createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex");
  return {
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${digest}`,
  };
}

/** Discord's interaction signature headers (Ed25519 over timestamp + body). */
export function discordSignatureHeaders(
  privateKey: KeyObject,
  body: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signed = Buffer.concat([Buffer.from(String(timestamp)), Buffer.from(body)]);
  return {
    "x-signature-ed25519": sign(null, signed, privateKey).toString("hex"),
    "x-signature-timestamp": String(timestamp),
  };
}
