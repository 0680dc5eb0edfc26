// Runs in a fresh Node process: loads a bundled Lambda handler, sends it signed Slack slash
// commands as API Gateway v2 events, and prints one JSON line of timings.
// Env: BENCH_BUNDLE, BENCH_SECRET, BENCH_BODY, BENCH_REQUESTS (default 1).
import { createHmac } from "node:crypto";
import { drive } from "./drive.mjs";

function event() {
  const body = process.env.BENCH_BODY;
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", process.env.BENCH_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    version: "2.0",
    routeKey: "POST /slack/events",
    rawPath: "/slack/events",
    rawQueryString: "",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": ts,
      "x-slack-signature": signature,
    },
    requestContext: { http: { method: "POST", path: "/slack/events" } },
    body,
    isBase64Encoded: false,
  };
}

await drive(event, (res) => res.statusCode === 200);
