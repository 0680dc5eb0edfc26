import { discordHandlerFromEnv } from "../bot/discord/from-env";

export {
  createDiscordHandler,
  type DiscordHandler,
  type DiscordHandlerOptions,
} from "../bot/discord/from-env";

/** Discord's Lambda entry point (API Gateway HTTP API, payload v2.0); see bot/discord/from-env.ts. */
export const handler = discordHandlerFromEnv();
