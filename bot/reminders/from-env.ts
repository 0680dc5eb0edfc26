import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import type { ChannelPoster } from "../delivery";
import { DiscordChannelPoster } from "../discord/poster";
import { restConfigFromEnv } from "../discord/rest";
import { reminderStoreFromEnv } from "../runtime";
import { DEFAULT_SLACK_API_URL, SlackPoster } from "../slack/poster";
import { type RunSummary, runReminders } from "./run";

/** The platforms' posters whose bot tokens are configured. */
export function postersFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Record<string, ChannelPoster> {
  const posters: Record<string, ChannelPoster> = {};
  if (env.SLACK_BOT_TOKEN) {
    posters.slack = new SlackPoster({
      token: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL || DEFAULT_SLACK_API_URL,
    });
  }
  if (env.DISCORD_BOT_TOKEN) posters.discord = new DiscordChannelPoster(restConfigFromEnv(env));
  return posters;
}

export interface ScheduledEvent {
  /** When EventBridge scheduled this run: the run's "now". */
  time?: string;
  id?: string;
}

export interface RunContext {
  awsRequestId?: string;
  getRemainingTimeInMillis?: () => number;
}

/** Room left, at the end of a Lambda's time, for recording what the run did. */
const LAMBDA_RESERVE_MS = 5_000;
const DEFAULT_BUDGET_MS = 50_000;

/**
 * The reminders handler, wired from the environment once per container: one run per scheduled
 * event, whose summary is logged as one JSON line ("reminders run": due, sent, retried, missed).
 */
export function remindersHandlerFromEnv(env: NodeJS.ProcessEnv = process.env) {
  let built: { posters: Record<string, ChannelPoster>; logger: Logger } | undefined;
  return async (event: ScheduledEvent, context?: RunContext): Promise<RunSummary> => {
    built ??= {
      posters: postersFromEnv(env),
      logger: new Logger({ serviceName: "trip-bot-reminders" }),
    };
    const { logger, posters } = built;
    const scheduled = event.time ? new Date(event.time) : new Date();
    const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
    const remaining = context?.getRemainingTimeInMillis?.();
    return runReminders({
      reminders: reminderStoreFromEnv(env),
      posters,
      now,
      budgetMs:
        remaining === undefined ? DEFAULT_BUDGET_MS : Math.max(0, remaining - LAMBDA_RESERVE_MS),
      runId: context?.awsRequestId ?? event.id ?? randomUUID(),
      log: (level, message, fields) => logger[level](message, fields),
    });
  };
}
