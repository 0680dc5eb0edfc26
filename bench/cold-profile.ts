import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDocumentClient, ensureTable } from "../bot/store/dynamo-client";
import { dynamoStores } from "../bot/store/dynamo-stores";
import { startLocalDynamo } from "../bot/store/local-dynamo";
import { EXAMPLE_TRIPS, loadTripFile } from "../dev/environment";
import { bundle, printTable, runNode } from "./lib/harness";
import { signedWhen } from "./lib/signed-when";

const { values } = parseArgs({
  options: {
    platform: { type: "string", default: "slack" },
    runs: { type: "string", default: "9" },
    entry: { type: "string" },
    minified: { type: "boolean", default: false },
  },
});
const platform = values.platform as string;
const runs = Number(values.runs);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  /** Self samples by (1-based) line of the function's script. */
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

type Phase = "startup" | "load" | "answer";

/**
 * Lines of esbuild's own code (the wrappers that evaluate a module on first use): their self
 * time is V8 compiling the module's code as it is first called.
 */
const COMPILE = "compiling modules (esbuild's wrappers)";
/** Node's loader functions that read a CommonJS file and have V8 compile (pre-parse) it. */
const COMPILING_BUNDLE = new Set(["wrapSafe", "compileFunctionForCJSLoader", "readFileSync"]);

/** "luxon", "@aws-sdk/client-dynamodb", "bot/answer"… for a place in the bundle. */
function bucketOfSource(source: string | undefined): string | undefined {
  if (!source) return undefined;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg) return pkg;
  return /(bot\/[^/]+|handlers)\//.exec(source)?.[1] ?? /(bot\/[^/]+)\.ts$/.exec(source)?.[1];
}
const server = await startLocalDynamo();
const tableName = `profile-${process.pid}`;
const doc = createDocumentClient({ tableName, endpoint: server.endpoint });
const out = await mkdtemp(join(tmpdir(), "cold-profile-"));
try {
  await ensureTable(doc, tableName);
  await loadTripFile(dynamoStores(doc, tableName), EXAMPLE_TRIPS[0] as string);
  const entry = values.entry ?? join(import.meta.dirname, "..", "handlers", `${platform}.ts`);
  const minified = values.minified === true;
  const built = await bundle(entry, out, "handler", { readable: !minified });
  const map = new SourceMap(JSON.parse(await readFile(`${built.file}.map`, "utf8")));
  const bundleUrl = `file://${built.file}`;
  const { driver, env } = signedWhen(platform === "discord" ? "discord" : "slack");
  const totals = new Map<string, Record<Phase, number>>();
  for (let i = 0; i < runs; i++) {
    const dir = join(out, `run-${i}`);
    await runNode(
      driver,
      {
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: server.endpoint,
        BENCH_BUNDLE: built.file,
        ...env,
      },
      ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=100"],
    );
    const [file] = await readdir(dir);
    const profile = JSON.parse(await readFile(join(dir, file as string), "utf8")) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const inBundle = (n: ProfileNode | undefined) => n?.callFrame.url === bundleUrl;
    /** The bundle's top level (Node's CommonJS wrapper): module evaluation runs under it. */
    const topLevel = (n: ProfileNode | undefined) =>
      inBundle(n) && n?.callFrame.lineNumber === 0 && n.callFrame.functionName === "";
    const ancestors = function* (id: number) {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const n = byId.get(at);
        if (n) yield n;
      }
    };
    const mapped = (line: number, column: number) =>
      bucketOfSource((map.findEntry(line, column) as { originalSource?: string }).originalSource);
    /** Where a bundle function's self time goes: by its line ticks, else its start. */
    const shares = new Map<number, [string, number][]>();
    const sharesOf = (n: ProfileNode): [string, number][] => {
      const known = shares.get(n.id);
      if (known) return known;
      // A minified bundle is a few long lines: only a function's start says where it is from.
      const ticks = minified ? [] : (n.positionTicks ?? []);
      const total = ticks.reduce((t, p) => t + p.ticks, 0);
      const result: [string, number][] =
        total > 0
          ? ticks.map((p) => [mapped(p.line - 1, 0) ?? COMPILE, p.ticks / total])
          : [[mapped(n.callFrame.lineNumber, n.callFrame.columnNumber) ?? COMPILE, 1]];
      shares.set(n.id, result);
      return result;
    };
    /**
     * A module's evaluation: the bundle's top level, or esbuild's wrapper of a module that is
     * evaluated on first use (a function named after the module's path), on the stack.
     */
    const evaluating = (id: number) =>
      [...ancestors(id)].some(
        (a) => topLevel(a) || (inBundle(a) && /\.[cm]?[jt]s$/.test(a.callFrame.functionName)),
      );
    let started = false;
    profile.samples.forEach((id, k) => {
      const n = byId.get(id);
      if (!n) return;
      if ([...ancestors(id)].some(topLevel)) started = true;
      const phase: Phase = !started ? "startup" : evaluating(id) ? "load" : "answer";
      const ms = (profile.timeDeltas[k] ?? 0) / 1000;
      const name = n.callFrame.functionName;
      // Built-ins and native code count for the bundle code that called them; GC stays apart.
      const caller = name.startsWith("(") ? undefined : [...ancestors(id)].find(inBundle);
      const split: [string, number][] = caller
        ? sharesOf(caller)
        : [
            [
              name.startsWith("(")
                ? name
                : phase !== "startup"
                  ? "node, outside the bundle"
                  : [...ancestors(id)].some((a) => COMPILING_BUNDLE.has(a.callFrame.functionName))
                    ? "reading and compiling the bundle"
                    : "node + driver start",
              1,
            ],
          ];
      for (const [key, share] of split) {
        const t = totals.get(key) ?? { startup: 0, load: 0, answer: 0 };
        t[phase] += ms * share;
        totals.set(key, t);
      }
    });
  }
  const rows = [...totals]
    .map(([where, t]) => ({
      where,
      "process start ms": t.startup / runs,
      "module evaluation ms": t.load / runs,
      "first answer ms": t.answer / runs,
      "total ms": (t.startup + t.load + t.answer) / runs,
    }))
    .filter((r) => r["total ms"] >= 0.3)
    .sort((a, b) => b["total ms"] - a["total ms"]);
  console.log(
    `\n${entry}: ${(built.bytes / 1024).toFixed(0)} KiB, mean self time of ${runs} profiled cold starts\n`,
  );
  printTable(rows, 1);
  const sum = (p: Phase) => [...totals.values()].reduce((t, v) => t + v[p], 0) / runs;
  console.log(
    `\nall samples: process start ${sum("startup").toFixed(1)} ms, module evaluation ${sum("load").toFixed(1)} ms, the rest of the first answer ${sum("answer").toFixed(1)} ms`,
  );
} finally {
  await rm(out, { recursive: true, force: true });
  doc.destroy();
  await server.close();
}
