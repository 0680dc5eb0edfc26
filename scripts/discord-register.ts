import { parseArgs } from "node:util";
import { registerCommands } from "../bot/discord/register";
import { DEFAULT_DISCORD_API_URL } from "../bot/discord/rest";

/** npm run discord:register -- [--guild <id>]: registers /marathon; safe to run again. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { guild: { type: "string" } } });
  const token = process.env.DISCORD_BOT_TOKEN;
  const applicationId = process.env.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) {
    console.error("Set DISCORD_BOT_TOKEN and DISCORD_APPLICATION_ID.");
    return 2;
  }
  const where = values.guild ? `guild ${values.guild}` : "all servers (global)";
  const result = await registerCommands({
    apiUrl: process.env.DISCORD_API_URL || DEFAULT_DISCORD_API_URL,
    token,
    applicationId,
    ...(values.guild ? { guildId: values.guild } : {}),
  });
  console.log(
    result.changed
      ? `Registered ${result.names.map((n) => `/${n}`).join(", ")} for ${where}.`
      : `Commands for ${where} are already up to date; nothing changed.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Registration failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
