import { join } from "node:path";
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
 * Packages no first answer loads: the YAML parser (an upload, an edit, a trip download), the
 * date-words parser, the iCalendar writer, the SDK's Lambda client (a job handed to another
 * invocation), and the SDK's credential sources other than the environment (Lambda always puts
 * the role's credentials there, the first place the SDK looks). V8 parses every byte of a
 * function's bundle on each cold start, ~4 ms of CPU per 100 KiB even for code that never runs,
 * so these stay out of it: each is bundled alone, minified, beside it (`node_modules/<name>/
 * index.js` in the asset), where `require` and `import()` find it when the work comes. Each
 * lists the names the bundled code imports from it, which are all that file exports
 * (test/infra/bundle.test.ts checks that nothing imports another).
 */
export const DEFERRED_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  yaml: [
    "isAlias",
    "isMap",
    "isPair",
    "isScalar",
    "LineCounter",
    "parseDocument",
    "stringify",
    "visit",
  ],
  "chrono-node": ["en"],
  "ical-generator": ["ICalAlarmType", "ICalCalendar", "escape"],
  "@aws-sdk/client-lambda": ["InvokeCommand", "LambdaClient"],
  "@aws-sdk/credential-provider-sso": ["fromSSO"],
  "@aws-sdk/credential-provider-ini": ["fromIni"],
  "@aws-sdk/credential-provider-process": ["fromProcess"],
  "@aws-sdk/credential-provider-web-identity": ["fromTokenFile"],
  "@aws-sdk/credential-provider-http": ["fromHttp"],
  "@smithy/credential-provider-imds": [
    "ENV_CMDS_FULL_URI",
    "ENV_CMDS_RELATIVE_URI",
    "fromContainerMetadata",
    "fromInstanceMetadata",
  ],
};

/** Where a deferred package's file goes in a function's asset directory. */
export const deferredFile = (dir: string, name: string) =>
  join(dir, "node_modules", name, "index.js");

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
  // Except the deferred packages, bundled apart after the main file (bundle-deferred.ts).
  externalModules: Object.keys(DEFERRED_PACKAGES),
  // ES module builds first (the AWS SDK's dist-es, luxon's es6…): esbuild drops what is not
  // imported only from ES modules, and the CommonJS builds it picks by default for Node keep
  // every command of every SDK client. ~200 KiB less and ~20 ms less CPU per cold start.
  mainFields: ["module", "main"],
  // Relative to the project root, where NodejsFunction runs esbuild.
  esbuildArgs: { "--alias": Object.entries(ALIASES).map(([name, path]) => `${name}=${path}`) },
  // Run in the project root, as esbuild is.
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir: string, outputDir: string) => [
      `node_modules/.bin/tsx infra/bundle-deferred.ts "${outputDir}"`,
    ],
  },
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

/**
 * The builds that put each deferred package beside a function's bundle in `dir`: the same
 * options, exporting only the names the bot imports (so ES module packages keep only those).
 */
export function deferredBuilds(runtime: Runtime, projectRoot: string, dir: string): BuildOptions[] {
  return Object.entries(DEFERRED_PACKAGES).map(([name, names]) => ({
    ...esbuildOptions(runtime, projectRoot),
    external: [],
    stdin: {
      contents: `export { ${names.join(", ")} } from "${name}";`,
      resolveDir: projectRoot,
      sourcefile: `deferred-${name}.js`,
      loader: "js",
    },
    outfile: deferredFile(dir, name),
  }));
}
