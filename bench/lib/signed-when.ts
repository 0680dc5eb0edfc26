import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";

/**
 * How a platform's bench driver sends a signed `/marathon when`: the driver script and the
 * environment it and the handler under test share (keys made fresh for each run).
 */
export function signedWhen(platform: "slack" | "discord"): {
  driver: string;
  env: Record<string, string>;
} {
  if (platform === "discord") {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const spki = publicKey.export({ format: "der", type: "spki" });
    return {
      driver: join(import.meta.dirname, "..", "discord-driver.mjs"),
      env: {
        DISCORD_PUBLIC_KEY: spki.subarray(spki.length - 32).toString("hex"),
        BENCH_PRIVATE_KEY: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      },
    };
  }
  const secret = "bench-signing-secret";
  return {
    driver: join(import.meta.dirname, "lambda-driver.mjs"),
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
  };
}
