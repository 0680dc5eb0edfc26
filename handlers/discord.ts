import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { createDiscordApp, type DiscordApp, type HttpResponse } from "../bot/discord/app";
import { type Deferrer, inProcessDeferrer } from "../bot/discord/deferred";
import { DiscordChannelPoster } from "../bot/discord/poster";
import { restConfigFromEnv } from "../bot/discord/rest";
import { ed25519PublicKey } from "../bot/discord/verify";
import { type Runtime, runtimeFromEnv } from "../bot/runtime";

export interface DiscordHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** Defaults to the table named by the environment. */
  runtime?: () => Runtime;
  /** "Now", for the signature's age. */
  clock?: () => Date;
  deferrer?: Deferrer;
}

export type DiscordHandler = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

/** Builds the handler; dependencies are made on the first request and kept for the container. */
export function createDiscordHandler(options: DiscordHandlerOptions = {}): DiscordHandler {
  let app: DiscordApp | undefined;
  const build = (): DiscordApp => {
    const env = options.env ?? process.env;
    const runtime = (options.runtime ?? (() => runtimeFromEnv(env)))();
    const rest = restConfigFromEnv(env);
    const poster = new DiscordChannelPoster(rest);
    return createDiscordApp({
      bot: runtime.bot,
      publicKey: ed25519PublicKey(env.DISCORD_PUBLIC_KEY ?? ""),
      clock: options.clock ?? (() => new Date()),
      poster,
      deferrer: options.deferrer ?? inProcessDeferrer(() => ({ bot: runtime.bot, poster, rest })),
    });
  };
  return async (event) => {
    try {
      app ??= build();
    } catch (e) {
      console.error("Discord handler is misconfigured", e);
      return { statusCode: 500, headers: {}, body: "" };
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(event.headers ?? {})) {
      headers[name.toLowerCase()] = value;
    }
    const body = Buffer.from(event.body ?? "", event.isBase64Encoded ? "base64" : "utf8");
    return app.handle({ headers, body });
  };
}

export const handler = createDiscordHandler();
