import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "bot/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The functions' CloudWatch metrics (EMF lines on stdout) mean nothing in a test run.
    env: { POWERTOOLS_METRICS_DISABLED: "true" },
  },
});
