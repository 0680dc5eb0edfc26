// The part of a benchmark driver every platform shares: load a bundled Lambda handler in this
// fresh process, send it BENCH_REQUESTS events (default 1), print one JSON line of timings and
// exit 0 only if every answer was good. Each driver supplies how to sign an event.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * @param {(i: number) => unknown} makeEvent  builds (and signs) the i-th event, outside the timing
 * @param {(res: { statusCode: number, body: string }) => boolean} good  whether an answer is right
 */
export async function drive(makeEvent, good) {
  const startup = performance.now();
  const { handler } = require(process.env.BENCH_BUNDLE);
  const loadMs = performance.now() - startup;
  const n = Number(process.env.BENCH_REQUESTS ?? "1");
  const times = [];
  let coldCpuMs = 0;
  let status = 0;
  let bytes = 0;
  let ok = true;
  for (let i = 0; i < n && ok; i++) {
    const event = makeEvent(i);
    const t = performance.now();
    const res = await handler(event, {});
    times.push(performance.now() - t);
    if (i === 0) {
      // CPU spent from process start to the first answer: steadier than wall time on a busy machine.
      const cpu = process.cpuUsage();
      coldCpuMs = (cpu.user + cpu.system) / 1000;
    }
    status = res.statusCode;
    bytes = res.body.length;
    ok = good(res);
  }
  console.log(
    JSON.stringify({
      loadMs,
      firstMs: times[0],
      coldCpuMs,
      times,
      status,
      bytes,
      sinceStartMs: performance.now() - startup,
      // Peak resident set over the whole run: what the function's memory size must hold.
      maxRssKiB: process.resourceUsage().maxRSS,
    }),
  );
  process.exit(ok ? 0 : 1);
}
