import type { Platform } from "../platform";
import { DiscordChannelPoster } from "./poster";
import { restConfigFromEnv } from "./rest";

/**
 * Discord: interactions over HTTP, signed with Ed25519. The endpoint's code is loaded only
 * when it is built, so reading this (infra, the trip schema, reminders) costs nothing.
 */
export const discord: Platform = {
  name: "discord",
  title: "Discord",
  route: "/discord/interactions",
  endpoint: {
    output: "DiscordInteractionsUrl",
    description: "Discord application: Interactions Endpoint URL",
  },
  secrets: ["DISCORD_PUBLIC_KEY", "DISCORD_APPLICATION_ID", "DISCORD_BOT_TOKEN"],
  userIds:
    "Discord user ids (snowflakes): Developer Mode on, then right-click a name → Copy User ID",
  // An interaction (even a click on a full message, which carries it) is a few kilobytes;
  // anything this large is not from Discord, and is refused before it is parsed.
  maxBodyBytes: 64 * 1024,
  async http(deps) {
    const { createDiscordHttp } = await import("./http");
    return createDiscordHttp(deps);
  },
  poster(env) {
    if (!env.DISCORD_BOT_TOKEN) return undefined;
    return new DiscordChannelPoster(restConfigFromEnv(env));
  },
  async standIn(clock) {
    const { discordStandIn } = await import("./stand-in");
    return discordStandIn(clock);
  },
};
