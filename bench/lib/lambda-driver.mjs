// Runs in a fresh Node process: loads a bundled Lambda handler, sends it signed Slack slash
// commands as API Gateway v2 events, and prints one JSON line of timings.
// Env: BENCH_BUNDLE, BENCH_SECRET, BENCH_BODY, BENCH_REQUESTS (default 1).
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const startup = performance.now();
const loadStart = performance.now();
const { handler } = require(process.env.BENCH_BUNDLE);
const loadMs = performance.now() - loadStart;

function event(body) {
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

const n = Number(process.env.BENCH_REQUESTS ?? "1");
const times = [];
let status = 0;
let bytes = 0;
for (let i = 0; i < n; i++) {
  const t = performance.now();
  const res = await handler(event(process.env.BENCH_BODY), {});
  times.push(performance.now() - t);
  status = res.statusCode;
  bytes = res.body.length;
  if (status !== 200) break;
}
console.log(
  JSON.stringify({
    loadMs,
    firstMs: times[0],
    times,
    status,
    bytes,
    sinceStartMs: performance.now() - startup,
    uptimeMs: process.uptime() * 1000,
  }),
);
process.exit(status === 200 ? 0 : 1);
