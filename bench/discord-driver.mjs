// Runs in a fresh Node process: loads a bundled Discord Lambda handler, sends it signed
// `/marathon when` interactions as API Gateway v2 events, and prints one JSON line of timings.
// Env: BENCH_BUNDLE, BENCH_PRIVATE_KEY (PKCS#8 DER, base64), BENCH_REQUESTS (default 1).
import { createPrivateKey, sign } from "node:crypto";
import { drive } from "./lib/drive.mjs";

const key = createPrivateKey({
  key: Buffer.from(process.env.BENCH_PRIVATE_KEY, "base64"),
  format: "der",
  type: "pkcs8",
});

function event(i) {
  const body = JSON.stringify({
    id: String(1000 + i),
    application_id: "app-1",
    type: 2,
    data: { id: "cmd", name: "marathon", type: 1, options: [{ type: 1, name: "when" }] },
    guild_id: "g1",
    channel_id: "c1",
    channel: { id: "c1", type: 0 },
    member: { user: { id: "u1", username: "bench", global_name: "Bench" }, roles: [] },
    token: `token-${i}`,
    version: 1,
    locale: "en-GB",
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(ts + body), key).toString("hex");
  return {
    version: "2.0",
    routeKey: "POST /discord",
    rawPath: "/discord",
    rawQueryString: "",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": ts,
    },
    requestContext: { http: { method: "POST", path: "/discord" } },
    body,
    isBase64Encoded: false,
  };
}

await drive(event, (res) => res.statusCode === 200 && JSON.parse(res.body).type === 4);
