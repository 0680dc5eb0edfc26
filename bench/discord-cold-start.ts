/**
 * `npm run bench:discord [-- --runs 15 --requests 2000]`: the Discord handler's cold start,
 * side by side with a discord.js + DynamoDB hello world bundled the same way, and its warm
 * per-request time. Both answer a signed `/marathon when` interaction from a local DynamoDB
 * (dynalite) table holding the Pyongyang trip. A benchmark, not a test: it prints figures.
 */
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { compareColdStart } from "./lib/cold-start";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const spki = publicKey.export({ format: "der", type: "spki" });

await compareColdStart({
  title: "Discord handler",
  driver: join(import.meta.dirname, "discord-driver.mjs"),
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
  env: {
    DISCORD_PUBLIC_KEY: spki.subarray(spki.length - 32).toString("hex"),
    BENCH_PRIVATE_KEY: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
  },
  goal: "≤ 0.50",
});
