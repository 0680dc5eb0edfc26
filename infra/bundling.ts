import type { Runtime } from "aws-cdk-lib/aws-lambda";
import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { BuildOptions } from "esbuild";
import { PLATFORMS } from "../bot/platforms";

/** Every platform's bundle stubs: packages its SDK loads that no Lambda runs. */
export const ALIASES: Readonly<Record<string, string>> = Object.assign(
  {},
  ...PLATFORMS.map((p) => p.bundleStubs ?? {}),
);

/**
 * How every function is bundled, once: the stack hands it to NodejsFunction, and the benches
 * (bench/lib/harness.ts) turn it into the same esbuild build with `esbuildOptions`, so what
 * they measure is what is deployed.
 */
export const LAMBDA_BUNDLING = {
  // Local esbuild (a devDependency): no Docker is needed to build or deploy.
  forceDockerBundling: false,
  minify: true,
  // The map ships, but Node is not told to read it at start (see bot-function.ts).
  sourceMap: true,
  // Maps without embedded sources keep the upload small; line numbers still resolve.
  sourcesContent: false,
  // CommonJS output: Bolt and the discord.js packages still `require` Node built-ins,
  // which an ES module bundle cannot do without a createRequire shim.
  format: OutputFormat.CJS,
  // Bundle the AWS SDK too: the versions tested here are the ones deployed, and one
  // minified file loads faster than the runtime's copy of the SDK on a cold start.
  externalModules: [],
  // ES module builds first (the AWS SDK's dist-es, luxon's es6…): esbuild drops what is not
  // imported only from ES modules, and the CommonJS builds it picks by default for Node keep
  // every command of every SDK client. ~200 KiB less and ~20 ms less CPU per cold start.
  mainFields: ["module", "main"],
  // Relative to the project root, where NodejsFunction runs esbuild.
  esbuildArgs: { "--alias": Object.entries(ALIASES).map(([name, path]) => `${name}=${path}`) },
} satisfies BundlingOptions;

/** NodejsFunction's `--target` for a runtime: "nodejs24.x" → "node24". */
export const esbuildTarget = (runtime: Runtime) =>
  runtime.name.replace(/^nodejs(\d+).*$/, "node$1");

/**
 * The esbuild build NodejsFunction runs for LAMBDA_BUNDLING (the arguments it passes, as API
 * options), for tools that bundle outside CDK. `projectRoot`: where relative aliases resolve.
 */
export function esbuildOptions(runtime: Runtime, projectRoot: string): BuildOptions {
  const b = LAMBDA_BUNDLING;
  return {
    bundle: true,
    platform: "node",
    target: esbuildTarget(runtime),
    format: b.format,
    minify: b.minify,
    sourcemap: b.sourceMap,
    sourcesContent: b.sourcesContent,
    external: b.externalModules,
    mainFields: b.mainFields,
    absWorkingDir: projectRoot,
    alias: { ...ALIASES },
  };
}
