/**
 * `npx tsx bench/bundle-contents.ts handlers/slack.ts [--modules] [--why <path part>]`: what a
 * Lambda bundle holds, by package (esbuild's metafile, with the stack's own bundling options),
 * so what is compiled but not run on a first answer can be found and deferred.
 * `--modules`: the largest single modules too. `--why zod`: the import chain that pulls in the
 * first input whose path contains it.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build, type Metafile } from "esbuild";
import { RUNTIME } from "../infra/bot-function";
import { esbuildOptions } from "../infra/bundling";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { modules: { type: "boolean", default: false }, why: { type: "string" } },
});
const root = join(import.meta.dirname, "..");
const entry = positionals[0] ?? "handlers/slack.ts";
const result = await build({
  ...esbuildOptions(RUNTIME, root),
  entryPoints: [entry],
  write: false,
  outfile: join(root, "cdk.out", "bundle-contents.cjs"),
  metafile: true,
  logLevel: "error",
});
const meta: Metafile = result.metafile;
const output = Object.values(meta.outputs).find((o) => o.entryPoint);
if (!output) throw new Error("no entry output");

const packageOf = (path: string) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split("/").slice(0, 2).join("/");
const kib = (bytes: number) => (bytes / 1024).toFixed(0).padStart(6);

const byPackage = new Map<string, number>();
for (const [path, input] of Object.entries(output.inputs)) {
  const key = packageOf(path);
  byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
}
console.log(`${entry}: ${kib(output.bytes)} KiB`);
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${kib(bytes)}  ${name}`);
}
if (values.modules) {
  console.log("\nlargest modules");
  const modules = Object.entries(output.inputs).sort(
    (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
  );
  for (const [path, input] of modules.slice(0, 30))
    console.log(`${kib(input.bytesInOutput)}  ${path}`);
}
if (values.why) {
  // Breadth-first from the entry: the shortest import chain to the first matching input.
  const wanted = Object.keys(meta.inputs).find((p) => p.includes(values.why as string));
  const start = Object.keys(meta.inputs).find((p) => p.endsWith(entry));
  const from = new Map<string, { parent: string; kind: string }>();
  const queue = start ? [start] : [];
  const seen = new Set(queue);
  while (queue.length > 0 && wanted && !seen.has(wanted)) {
    const path = queue.shift() as string;
    for (const imp of meta.inputs[path]?.imports ?? []) {
      if (seen.has(imp.path) || !(imp.path in meta.inputs)) continue;
      seen.add(imp.path);
      from.set(imp.path, { parent: path, kind: imp.kind });
      queue.push(imp.path);
    }
  }
  const chain: string[] = [];
  for (let p = wanted; p; p = from.get(p)?.parent)
    chain.unshift(`${p} (${from.get(p)?.kind ?? "entry"})`);
  console.log(`\nwhy ${values.why}:\n  ${chain.join("\n  ")}`);
}
