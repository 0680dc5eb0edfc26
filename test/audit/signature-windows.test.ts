import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignature } from "../../bot/discord/verify";
import { slackSignature, verifySlackRequest } from "../../bot/slack/verify";

// Both platforms' five-minute windows at their edges, both ways, on the exact bytes sent.

const NOW_S = 1_800_000_000;
const body = Buffer.from(
  "token=x&text=%C2%BFd%C3%B3nde+est%C3%A1%3F+%F0%9F%8F%83&command=%2Fmarathon",
);

describe("signature windows at their edges", () => {
  it("Slack: 300 s either way is accepted, 301 is stale; one changed byte is refused", () => {
    const check = (ts: number, raw = body) =>
      verifySlackRequest({
        secret: "s",
        timestamp: String(ts),
        signature: slackSignature("s", String(ts), body),
        rawBody: raw,
        nowMs: NOW_S * 1000,
      });
    expect(check(NOW_S - 300)).toBe("ok");
    expect(check(NOW_S + 300)).toBe("ok");
    expect(check(NOW_S - 301)).toBe("stale");
    expect(check(NOW_S + 301)).toBe("stale");
    // "+" and "%20" decode alike, but Slack signed the bytes it sent.
    const respaced = Buffer.from(body.toString("latin1").replaceAll("+", "%20"), "latin1");
    expect(check(NOW_S, respaced)).toBe("bad-signature");
  });

  it("Discord: 300 s either way is accepted, 301 is stale; a re-serialised body is refused", () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const raw = Buffer.from('{"type":1,"id":"1","token":"t"}');
    const check = (ts: number, sent = raw) =>
      checkSignature(
        publicKey,
        sign(null, Buffer.concat([Buffer.from(String(ts)), raw]), privateKey).toString("hex"),
        String(ts),
        sent,
        new Date(NOW_S * 1000),
      ).ok;
    expect(check(NOW_S - 300)).toBe(true);
    expect(check(NOW_S + 300)).toBe(true);
    expect(check(NOW_S - 301)).toBe(false);
    expect(check(NOW_S + 301)).toBe(false);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 1));
    expect(check(NOW_S, reserialised)).toBe(false);
  });
});
