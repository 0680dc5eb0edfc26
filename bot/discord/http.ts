import type { PlatformDependencies, PlatformHttp } from "../platform";
import { createDiscordApp } from "./app";
import { attachmentSourceFromEnv } from "./attachment";
import { isDeferredJob, runDeferredJob } from "./deferred";
import { DiscordChannelPoster } from "./poster";
import { restConfigFromEnv } from "./rest";
import { ed25519PublicKey } from "./verify";

/**
 * Discord's interactions endpoint, from DISCORD_PUBLIC_KEY (hex) and DISCORD_API_URL; without
 * a valid public key it cannot be built.
 */
export function createDiscordHttp(deps: PlatformDependencies): PlatformHttp {
  const rest = restConfigFromEnv(deps.env);
  // Without a bot token a share is refused by Discord, and the reader is told so.
  const poster = deps.poster ?? new DiscordChannelPoster(rest);
  const app = createDiscordApp({
    bot: deps.bot,
    publicKey: ed25519PublicKey(deps.env.DISCORD_PUBLIC_KEY ?? ""),
    clock: deps.clock,
    poster,
    later: deps.later,
    logger: deps.logger,
  });
  return {
    handle: (request) => app.handle(request),
    async runLater(job) {
      if (!isDeferredJob(job)) {
        deps.logger.warn("not a Discord job; nothing done", { job: typeof job });
        return;
      }
      await runDeferredJob(job, {
        bot: deps.bot,
        poster,
        rest,
        attachments: attachmentSourceFromEnv(deps.env),
      });
    },
  };
}
