/**
 * A small benchmark harness shared by the platform benches: bundle a Lambda entry as the CDK
 * does (infra/bundling.ts), run it in fresh Node processes, and summarise.
 */
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { RUNTIME } from "../../infra/bot-function";
import { deferredBuilds, esbuildOptions } from "../../infra/bundling";

export interface Bundle {
  file: string;
  bytes: number;
}

const PROJECT_ROOT = join(import.meta.dirname, "..", "..");

/**
 * Bundles `entry` to `outDir/<name>.cjs` exactly as the stack's NodejsFunction does (the one
 * definition in infra/bundling.ts: minified, CommonJS, the runtime's target, a `.map` beside
 * it, the deferred packages apart in `outDir/node_modules`). `plain`: without this project's
 * tuning (its aliases, main fields and deferred packages), for the hello worlds; still minified
 * with the SDK bundled, which makes them a little slower than NodejsFunction's own defaults
 * would (bench/baselines.ts measures both). `readable`: not minified, so a profile's line ticks
 * map to their sources (bench/cold-profile.ts).
 */
export async function bundle(
  entry: string,
  outDir: string,
  name: string,
  options: { plain?: boolean; readable?: boolean } = {},
): Promise<Bundle> {
  const file = join(outDir, `${name}.cjs`);
  const lambda = esbuildOptions(RUNTIME, PROJECT_ROOT);
  await build({
    ...lambda,
    ...(options.plain ? { alias: {}, mainFields: undefined, external: [] } : {}),
    ...(options.readable ? { minify: false } : {}),
    entryPoints: [entry],
    outfile: file,
    logLevel: "error",
  });
  if (!options.plain) await deferredBeside(outDir);
  return { file, bytes: (await stat(file)).size };
}

const deferred = new Map<string, Promise<unknown>>();
/** The deferred packages in `outDir/node_modules`, built once per directory. */
function deferredBeside(outDir: string): Promise<unknown> {
  let built = deferred.get(outDir);
  if (!built) {
    built = Promise.all(
      deferredBuilds(RUNTIME, PROJECT_ROOT, outDir).map((o) => build({ ...o, logLevel: "error" })),
    );
    deferred.set(outDir, built);
  }
  return built;
}

export interface ChildResult {
  /** Wall-clock from spawn to exit, measured by the parent. */
  wallMs: number;
  /** What the child printed as its last line of JSON. */
  report: Record<string, unknown>;
}

/**
 * Runs `node <script>` in a fresh process and parses the last JSON line it prints. Async on
 * purpose: a local DynamoDB server in this process must keep answering while the child runs.
 */
export function runNode(
  script: string,
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): Promise<ChildResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, script], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      const line = out
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .at(-1);
      if (code !== 0 || !line) {
        reject(new Error(`${script} exited with ${code}:\n${err || out}`));
        return;
      }
      resolve({ wallMs, report: JSON.parse(line) as Record<string, unknown> });
    });
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: number[]) => percentile(values, 50);

/** Prints rows as an aligned text table; numbers get `digits` decimals. */
export function printTable(rows: Record<string, string | number>[], digits = 1): string {
  const first = rows[0];
  if (!first) return "";
  const columns = Object.keys(first);
  const cell = (v: string | number | undefined) =>
    typeof v === "number" ? v.toFixed(digits) : (v ?? "");
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join("  ");
  const text = [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join("\n");
  console.log(text);
  return text;
}
