/**
 * `npm run bench:slack [-- --runs 15 --requests 2000]`: the Slack handler's cold start, side by
 * side with a plain Bolt + DynamoDB hello world bundled the same way, and its warm per-request
 * time. Both answer a signed `/marathon when` from a local DynamoDB (dynalite) table holding
 * the Pyongyang trip. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { join } from "node:path";
import { compareColdStart } from "./lib/cold-start";
import { signedWhen } from "./lib/signed-when";

await compareColdStart({
  title: "Slack handler",
  ...signedWhen("slack"),
  targets: [
    { name: "handlers/slack.ts", entry: join(import.meta.dirname, "..", "handlers", "slack.ts") },
    {
      name: "Bolt + GetItem hello world",
      entry: join(import.meta.dirname, "slack-hello.ts"),
      plain: true,
    },
    { name: "floor: signature + one Query", entry: join(import.meta.dirname, "floor.ts") },
  ],
  goal: "≤ 0.60",
});
