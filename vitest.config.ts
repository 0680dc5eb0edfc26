import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "bot/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One test file per core. Vitest's default keeps a core for itself (one worker on a 2-core
    // machine), but many files spend their time waiting on servers, child processes and a
    // browser, so the main process rarely needs it.
    maxWorkers: "100%",
    // The functions' CloudWatch metrics (EMF lines on stdout) mean nothing in a test run.
    env: { POWERTOOLS_METRICS_DISABLED: "true" },
  },
});
