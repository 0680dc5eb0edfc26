/**
 * `npm run bench:discord [-- --runs 15 --requests 2000]`: the Discord handler's cold start,
 * side by side with a discord.js + DynamoDB hello world bundled the same way, and its warm
 * per-request time. Both answer a signed `/marathon when` interaction from a local DynamoDB
 * (dynalite) table holding the Pyongyang trip. A benchmark, not a test: it prints figures.
 */
import { join } from "node:path";
import { compareColdStart } from "./lib/cold-start";
import { signedWhen } from "./lib/signed-when";

await compareColdStart({
  title: "Discord handler",
  ...signedWhen("discord"),
  targets: [
    {
      name: "handlers/discord.ts",
      entry: join(import.meta.dirname, "..", "handlers", "discord.ts"),
    },
    {
      name: "discord.js + GetItem hello world",
      entry: join(import.meta.dirname, "discord-hello.ts"),
      plain: true,
    },
    { name: "floor: signature + one Query", entry: join(import.meta.dirname, "floor.ts") },
  ],
  goal: "≤ 0.50",
});
