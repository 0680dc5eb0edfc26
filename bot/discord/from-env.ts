import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { Bot } from "../core";
import type { ChannelPoster } from "../delivery";
import { botFromEnv } from "../runtime";
import { createDiscordApp, type DiscordApp, type HttpResponse } from "./app";
import {
  type DeferredDependencies,
  type Deferrer,
  inProcessDeferrer,
  runDeferredJob,
} from "./deferred";
import {
  type DeferredInvocation,
  isDeferredInvocation,
  lambdaInvokeDeferrer,
  lambdaTargetFromEnv,
} from "./lambda-deferrer";
import { DiscordChannelPoster } from "./poster";
import { restConfigFromEnv } from "./rest";
import { ed25519PublicKey } from "./verify";

/** The shared fact store and channel links, with Discord's poster for organisers' posts. */
const defaultBot =
  (env: NodeJS.ProcessEnv) =>
  ({ poster, clock }: { poster: ChannelPoster; clock: () => Date }): Bot =>
    botFromEnv(env, { discord: poster }, clock);

export interface DiscordHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** The bot, given Discord's poster (for organisers' posts); defaults to the environment's table. */
  bot?: (deps: { poster: ChannelPoster; clock: () => Date }) => Bot;
  /** "Now", for the signature's age. */
  clock?: () => Date;
  /** Defaults to an asynchronous self-invocation on Lambda, this process elsewhere. */
  deferrer?: Deferrer;
}

export type DiscordHandler = (
  event: APIGatewayProxyEventV2 | DeferredInvocation,
) => Promise<HttpResponse>;

interface Container {
  app: DiscordApp;
  jobs: DeferredDependencies;
}

/** Builds the handler; dependencies are made on the first request and kept for the container. */
export function createDiscordHandler(options: DiscordHandlerOptions = {}): DiscordHandler {
  let container: Container | undefined;
  const build = (): Container => {
    const env = options.env ?? process.env;
    const clock = options.clock ?? (() => new Date());
    const rest = restConfigFromEnv(env);
    const poster = new DiscordChannelPoster(rest);
    const bot = (options.bot ?? defaultBot(env))({ poster, clock });
    const jobs = { bot, poster, rest };
    const lambda = lambdaTargetFromEnv(env);
    const deferrer =
      options.deferrer ??
      (lambda ? lambdaInvokeDeferrer(lambda, clock) : inProcessDeferrer(() => jobs));
    const app = createDiscordApp({
      bot,
      publicKey: ed25519PublicKey(env.DISCORD_PUBLIC_KEY ?? ""),
      clock,
      poster,
      deferrer,
    });
    return { app, jobs };
  };
  return async (event) => {
    try {
      container ??= build();
      if (isDeferredInvocation(event)) {
        await runDeferredJob(event.discordDeferredJob, container.jobs);
        return { statusCode: 200, headers: {}, body: "" };
      }
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(event.headers ?? {})) {
        headers[name.toLowerCase()] = value;
      }
      const body = Buffer.from(event.body ?? "", event.isBase64Encoded ? "base64" : "utf8");
      return await container.app.handle({ headers, body });
    } catch (e) {
      // Misconfiguration or a malformed event: answer, never throw into the Lambda runtime.
      console.error("Discord handler failed", e);
      return { statusCode: 500, headers: {}, body: "" };
    }
  };
}

/**
 * Discord's handler as the Lambda runs it. In AWS the credentials are in the secret named by
 * DISCORD_SECRET_ARN (read through Powertools, cached, picked up again when they change);
 * locally and in tests they are plain variables. The secrets code is loaded only when used, so
 * it costs nothing where there is none.
 */
export function discordHandlerFromEnv(): DiscordHandler {
  const fromEnvironment = createDiscordHandler();
  let fromSecrets: DiscordHandler | undefined;
  return async (event) => {
    if (!process.env.DISCORD_SECRET_ARN) return fromEnvironment(event);
    try {
      if (!fromSecrets) {
        const { withSecrets } = await import("../config/secrets");
        fromSecrets = withSecrets((env) => createDiscordHandler({ env }));
      }
      return await fromSecrets(event);
    } catch (e) {
      console.error("Discord credentials could not be read", e);
      return { statusCode: 500, headers: {}, body: "" };
    }
  };
}
