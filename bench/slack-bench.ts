/**
 * `npm run bench:slack [-- --runs 15 --requests 2000]`: the Slack handler's cold start, side by
 * side with a plain Bolt + DynamoDB hello world bundled the same way, and its warm per-request
 * time. Both answer a signed `/marathon when` from a local DynamoDB (dynalite) table holding
 * the Pyongyang trip. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { join } from "node:path";
import { compareColdStart } from "./lib/cold-start";

const secret = "bench-signing-secret";

await compareColdStart({
  title: "Slack handler",
  driver: join(import.meta.dirname, "lib", "lambda-driver.mjs"),
  targets: [
    { name: "handlers/slack.ts", entry: join(import.meta.dirname, "..", "handlers", "slack.ts") },
    {
      name: "Bolt + GetItem hello world",
      entry: join(import.meta.dirname, "slack-hello.ts"),
      plain: true,
    },
    { name: "floor: signature + one Query", entry: join(import.meta.dirname, "floor.ts") },
  ],
  env: {
    SLACK_SIGNING_SECRET: secret,
    BENCH_SECRET: secret,
    BENCH_BODY: new URLSearchParams({
      command: "/marathon",
      text: "when",
      user_id: "U1",
      user_name: "bench",
      channel_id: "C1",
      team_id: "T1",
      response_url: "https://hooks.slack.com/commands/T1/1/x",
      trigger_id: "1.2.3",
    }).toString(),
  },
  goal: "≤ 0.60",
});
