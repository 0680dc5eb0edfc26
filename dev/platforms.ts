import { discordStandIn } from "../bot/discord/stand-in";
import type { LocalApi } from "../bot/local-api";
import { slackStandIn } from "../bot/slack/stand-in";
import type { LambdaHttpHandler } from "./api-gateway";

/** What the local server serves for each platform: its route, its handler, its stand-in. */
export interface LocalPlatform {
  route: string;
  /** Loaded once the environment is set: handlers build their dependencies from it. */
  handler(): Promise<LambdaHttpHandler>;
  standIn(): LocalApi;
}

export const LOCAL_PLATFORMS: readonly LocalPlatform[] = [
  {
    route: "/slack/events",
    handler: async () => (await import("../handlers/slack")).handler as LambdaHttpHandler,
    standIn: slackStandIn,
  },
  {
    route: "/discord/interactions",
    handler: async () => (await import("../handlers/discord")).handler as LambdaHttpHandler,
    standIn: discordStandIn,
  },
];
