/**
 * `npm run bench:slack [-- --runs 15 --requests 2000]`: the Slack handler's cold start, side by
 * side with a plain Bolt + DynamoDB hello world bundled the same way, and its warm per-request
 * time. Both answer a signed `/marathon when` from a local DynamoDB (dynalite) table holding
 * the Pyongyang trip. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EXAMPLE_TRIPS, loadTripFile, openLocalEnvironment } from "../bot/local/environment";
import { bundle, median, percentile, printTable, runNode } from "./lib/harness";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    requests: { type: "string", default: "2000" },
  },
});
const runs = Number(values.runs);
const requests = Number(values.requests);
const driver = join(import.meta.dirname, "lib", "lambda-driver.mjs");
const secret = "bench-signing-secret";
const body = new URLSearchParams({
  command: "/marathon",
  text: "when",
  user_id: "U1",
  user_name: "bench",
  channel_id: "C1",
  team_id: "T1",
  response_url: "https://hooks.slack.com/commands/T1/1/x",
  trigger_id: "1.2.3",
}).toString();

const env = await openLocalEnvironment({ tableName: `bench-${process.pid}` });
const out = await mkdtemp(join(tmpdir(), "slack-bench-"));
try {
  await loadTripFile(env.store, EXAMPLE_TRIPS[0] as string);
  const ours = await bundle(
    join(import.meta.dirname, "..", "handlers", "slack.ts"),
    out,
    "slack-handler",
  );
  const hello = await bundle(join(import.meta.dirname, "slack-hello.ts"), out, "slack-hello");
  const common = {
    TABLE_NAME: env.tableName,
    DYNAMODB_ENDPOINT: env.endpoint,
    SLACK_SIGNING_SECRET: secret,
    BENCH_SECRET: secret,
    BENCH_BODY: body,
  };
  const targets = [
    { name: "handlers/slack.ts", bundle: ours },
    { name: "Bolt + GetItem hello world", bundle: hello },
  ];

  const cold = new Map(
    targets.map((t) => [t.name, { wall: [] as number[], inProcess: [] as number[] }]),
  );
  // Interleaved, so drift in the machine's load hits both alike.
  for (let i = 0; i < runs; i++) {
    for (const t of targets) {
      const { wallMs, report } = await runNode(driver, { ...common, BENCH_BUNDLE: t.bundle.file });
      const c = cold.get(t.name);
      c?.wall.push(wallMs);
      c?.inProcess.push(Number(report.loadMs) + Number(report.firstMs));
    }
  }

  const warm = new Map<string, number[]>();
  for (const t of targets) {
    const { report } = await runNode(driver, {
      ...common,
      BENCH_BUNDLE: t.bundle.file,
      BENCH_REQUESTS: String(requests + 1),
    });
    warm.set(t.name, (report.times as number[]).slice(1));
  }

  console.log(`\nSlack handler, ${runs} cold starts each (median), ${requests} warm requests\n`);
  const rows = targets.map((t) => {
    const c = cold.get(t.name) ?? { wall: [], inProcess: [] };
    const w = warm.get(t.name) ?? [];
    return {
      target: t.name,
      "bundle KiB": t.bundle.bytes / 1024,
      "cold: spawn→exit ms": median(c.wall),
      "cold: load+answer ms": median(c.inProcess),
      "warm median ms": median(w),
      "warm p99 ms": percentile(w, 99),
    };
  });
  printTable(rows, 2);
  const [a, b] = rows;
  if (a && b) {
    const ratio = a["cold: load+answer ms"] / b["cold: load+answer ms"];
    const wallRatio = a["cold: spawn→exit ms"] / b["cold: spawn→exit ms"];
    console.log(
      `\ncold-start ratio (ours / hello world): ${ratio.toFixed(2)} load+answer, ${wallRatio.toFixed(2)} spawn→exit (goal ≤ 1.00)`,
    );
  }
} finally {
  await rm(out, { recursive: true, force: true });
  await env.close();
}
