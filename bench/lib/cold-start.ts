import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDocumentClient, ensureTable } from "../../bot/store/dynamo-client";
import { dynamoStores } from "../../bot/store/dynamo-stores";
import { startLocalDynamo } from "../../bot/store/local-dynamo";
import { EXAMPLE_TRIPS, loadTripFile } from "../../dev/environment";
import { memoryFor, RSS_HEADROOM, WEBHOOK_MEASURED } from "../../infra/memory";
import { bundle, median, percentile, printTable, runNode } from "./harness";

export interface ColdStartComparison {
  /** "Slack handler", for the heading. */
  title: string;
  /** The child-process driver that loads a bundle and sends it signed requests. */
  driver: string;
  /**
   * Ours first, then the hello world it is compared with, then any others shown beside.
   * `plain`: bundled as NodejsFunction bundles a plain app, without this project's tuning.
   */
  targets: { name: string; entry: string; plain?: boolean }[];
  /** Environment for both children (signing keys and the like), beside the table's. */
  env: Record<string, string>;
  /** "≤ 1.00": printed beside the ratio. */
  goal: string;
}

/**
 * Bundles each target as the Lambda would be bundled, then times cold starts (fresh processes,
 * interleaved so drift in the machine's load hits both alike) and warm requests, against a
 * local DynamoDB table holding the Pyongyang trip, and prints one table and the cold ratio:
 * bundle size, DynamoDB requests per cold and per warm command (counted at the server), and
 * the peak RSS after the warm requests.
 * Options on the command line: --runs (cold starts each, default 15), --requests (warm, 2000),
 * --source-maps (ours run with `--enable-source-maps`, to see what it would cost: the stack
 * ships the map but leaves the flag off, see infra/bot-function.ts).
 */
export async function compareColdStart(c: ColdStartComparison): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "15" },
      requests: { type: "string", default: "2000" },
      "source-maps": { type: "boolean", default: false },
    },
  });
  const sourceMaps = values["source-maps"] === true;
  const runs = Number(values.runs);
  const requests = Number(values.requests);
  const server = await startLocalDynamo();
  const tableName = `bench-${process.pid}`;
  const doc = createDocumentClient({ tableName, endpoint: server.endpoint });
  // Counted at the database: every request any process sends it, whatever its client.
  let requestsSeen = 0;
  server.onRequest(() => {
    requestsSeen++;
  });
  const out = await mkdtemp(join(tmpdir(), "cold-start-"));
  try {
    await ensureTable(doc, tableName);
    await loadTripFile(dynamoStores(doc, tableName), EXAMPLE_TRIPS[0] as string);
    const common = { TABLE_NAME: tableName, DYNAMODB_ENDPOINT: server.endpoint, ...c.env };
    /** Runs the driver and counts the database requests its process made. */
    const run = async (env: Record<string, string>, ours: boolean) => {
      const before = requestsSeen;
      const flags = ours && sourceMaps ? ["--enable-source-maps"] : [];
      const result = await runNode(c.driver, { ...common, ...env }, flags);
      return { ...result, requests: requestsSeen - before };
    };
    const targets = await Promise.all(
      c.targets.map(async (t, i) => ({
        ...t,
        bundle: await bundle(t.entry, out, `target-${i}`, { plain: t.plain }),
      })),
    );
    const cold = targets.map(() => ({
      wall: [] as number[],
      inProcess: [] as number[],
      cpu: [] as number[],
      requests: [] as number[],
    }));
    for (let i = 0; i < runs; i++) {
      for (const [j, t] of targets.entries()) {
        const {
          wallMs,
          report,
          requests: sent,
        } = await run({ BENCH_BUNDLE: t.bundle.file }, j === 0);
        cold[j]?.wall.push(wallMs);
        cold[j]?.inProcess.push(Number(report.loadMs) + Number(report.firstMs));
        cold[j]?.requests.push(sent);
        cold[j]?.cpu.push(Number(report.coldCpuMs));
      }
    }
    const warm: { times: number[]; requests: number; rssMiB: number }[] = [];
    for (const [j, t] of targets.entries()) {
      const { report, requests: sent } = await run(
        { BENCH_BUNDLE: t.bundle.file, BENCH_REQUESTS: String(requests + 1) },
        j === 0,
      );
      // The first request was cold; what the rest sent, each.
      const coldRequests = median(cold[j]?.requests ?? []);
      warm.push({
        times: (report.times as number[]).slice(1),
        requests: (sent - coldRequests) / requests,
        rssMiB: Number(report.maxRssKiB) / 1024,
      });
    }
    const deployed = sourceMaps ? " (ours with --enable-source-maps)" : "";
    console.log(
      `\n${c.title}, ${runs} cold starts each (median), ${requests} warm requests${deployed}\n`,
    );
    const rows = targets.map((t, j) => ({
      target: t.name,
      "bundle KiB": t.bundle.bytes / 1024,
      "cold: spawn→exit ms": median(cold[j]?.wall ?? []),
      "cold: load+answer ms": median(cold[j]?.inProcess ?? []),
      "cold: CPU ms": median(cold[j]?.cpu ?? []),
      "warm median ms": median(warm[j]?.times ?? []),
      "warm p99 ms": percentile(warm[j]?.times ?? [], 99),
      "DB req cold": median(cold[j]?.requests ?? []),
      "DB req warm": warm[j]?.requests ?? Number.NaN,
      "peak RSS MiB": warm[j]?.rssMiB ?? Number.NaN,
    }));
    printTable(rows, 2);
    const [a, b] = rows;
    if (a && b) {
      const ratio = a["cold: load+answer ms"] / b["cold: load+answer ms"];
      const wallRatio = a["cold: spawn→exit ms"] / b["cold: spawn→exit ms"];
      const cpuRatio = a["cold: CPU ms"] / b["cold: CPU ms"];
      console.log(
        `\ncold-start ratio (ours / hello world): ${ratio.toFixed(2)} load+answer, ${wallRatio.toFixed(2)} spawn→exit, ${cpuRatio.toFixed(2)} CPU (goal ${c.goal})`,
      );
      // The deployed memory size follows from these figures (infra/memory.ts), not the reverse.
      const sizing = memoryFor({ peakRssMiB: a["peak RSS MiB"], coldCpuMs: a["cold: CPU ms"] });
      const deployed = memoryFor(WEBHOOK_MEASURED).memoryMb;
      console.log(
        `memory these figures ask for: ${sizing.memoryMb} MB (RSS ×${RSS_HEADROOM}: ${sizing.forRss}, cold CPU: ${sizing.forCpu}); the stack deploys ${deployed} MB from infra/memory.ts`,
      );
      for (const other of rows.slice(2)) {
        const over = a["cold: load+answer ms"] / other["cold: load+answer ms"];
        const overCpu = a["cold: CPU ms"] / other["cold: CPU ms"];
        console.log(
          `ours / ${other.target}: ${over.toFixed(2)} load+answer, ${overCpu.toFixed(2)} CPU`,
        );
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
    doc.destroy();
    await server.close();
  }
}
