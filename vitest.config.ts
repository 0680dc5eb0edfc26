import { defineConfig } from "vitest/config";

const INCLUDE = ["test/**/*.test.ts", "bot/**/*.test.ts"];

/**
 * Test files that need a module graph of their own. Every other file shares its worker's
 * modules with the files before it (each test still builds its own stores, stand-ins and
 * bots); test/suite-isolation.test.ts checks the first group below is complete.
 */
export const NEEDS_OWN_MODULES = [
  // The deployed entry points (handlers/*.ts) keep the runtime they built from the first
  // request's environment for as long as their module lives, as a Lambda container does.
  "test/calendar/commands.test.ts",
  "test/calendar/feed.test.ts",
  "test/discord/exported-handler.test.ts",
  "test/discord/secrets-handler.test.ts",
  "test/slack/exported-handler.test.ts",
  "test/reminders/handler.test.ts",
  // The dev server keeps one pretend clock and one table per process, as `npm start` does.
  "test/dev/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // How long `expect.poll` waits for a page to show what a click led to. Vitest's 1 s default
    // failed the browser tests on a loaded machine (three at once, load 6 on 2 cores); it bounds
    // a wait and times nothing.
    expect: { poll: { timeout: 10_000 } },
    // One test file per core. Vitest's default keeps a core for itself (one worker on a 2-core
    // machine), but many files spend their time waiting on servers, child processes and a
    // browser, so the main process rarely needs it.
    maxWorkers: "100%",
    // The functions' CloudWatch metrics (EMF lines on stdout) mean nothing in a test run.
    env: { POWERTOOLS_METRICS_DISABLED: "true" },
    projects: [
      // Loading the SDKs again for every file was half the suite's CPU (measured: 134 s of CPU
      // for `npm test`, 70 s shared).
      {
        extends: true,
        test: { name: "shared", include: INCLUDE, exclude: NEEDS_OWN_MODULES, isolate: false },
      },
      { extends: true, test: { name: "own-modules", include: NEEDS_OWN_MODULES } },
    ],
  },
});
