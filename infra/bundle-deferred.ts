/**
 * `tsx infra/bundle-deferred.ts <asset dir>`: bundles the deferred packages beside a function's
 * bundle (infra/bundling.ts, DEFERRED_PACKAGES). NodejsFunction runs it after esbuild, in the
 * project root.
 */
import { build } from "esbuild";
import { RUNTIME } from "./bot-function";
import { deferredBuilds } from "./bundling";

const dir = process.argv[2];
if (!dir) throw new Error("usage: tsx infra/bundle-deferred.ts <asset dir>");
await Promise.all(
  deferredBuilds(RUNTIME, process.cwd(), dir).map((options) =>
    build({ ...options, logLevel: "error" }),
  ),
);
