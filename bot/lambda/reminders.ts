import { randomUUID } from "node:crypto";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context } from "aws-lambda";
import { type SecretFetcher, withSecrets } from "../config/secrets";
import type { Platform } from "../platform";
import { PLATFORMS } from "../platforms";
import { type RunSummary, runReminders } from "../reminders/run";
import { createRuntime, type Runtime } from "../runtime";
import { createTelemetry, METRIC, publishMetrics, type Telemetry } from "../telemetry";

export interface ScheduledEvent {
  /** When EventBridge scheduled this run: the run's "now". */
  time?: string;
  id?: string;
}

/** Room left, at the end of a Lambda's time, for recording what the run did. */
const LAMBDA_RESERVE_MS = 5_000;
const DEFAULT_BUDGET_MS = 50_000;

export interface RemindersHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** Whose channels to post to; by default every platform in the list. */
  platforms?: readonly Platform[];
  /** Reads a Secrets Manager secret (tests give a fake); Powertools by default. */
  fetchSecret?: SecretFetcher;
  telemetry?: Telemetry;
}

/** The run's "now": the event's time when it has a valid one. */
function runTime(event: ScheduledEvent): Date {
  const scheduled = event.time ? new Date(event.time) : new Date();
  return Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
}

/**
 * The reminders handler: one run per scheduled event, posting through every platform whose
 * bot token is configured (in AWS, from each platform's secret). Dependencies are built once
 * per container (again only when a secret changes); the run's summary is logged as one JSON
 * line ("reminders run": due, sent, retried, missed) and sent/missed are emitted as metrics.
 */
export function remindersHandler(options: RemindersHandlerOptions = {}) {
  const { logger, metrics } = options.telemetry ?? createTelemetry("trip-bot-reminders");
  const platforms = options.platforms ?? PLATFORMS;
  const run = withSecrets(
    (env) => {
      let runtime: Runtime | undefined;
      return async (event: ScheduledEvent, context?: Partial<Context>): Promise<RunSummary> => {
        runtime ??= createRuntime(env, { platforms });
        const remaining = context?.getRemainingTimeInMillis?.();
        return runReminders({
          reminders: runtime.reminders,
          posters: runtime.posters,
          now: runTime(event),
          budgetMs:
            remaining === undefined
              ? DEFAULT_BUDGET_MS
              : Math.max(0, remaining - LAMBDA_RESERVE_MS),
          runId: context?.awsRequestId ?? event.id ?? randomUUID(),
          log: (level, message, fields) => logger[level](message, fields),
        });
      };
    },
    {
      env: options.env,
      fetchSecret: options.fetchSecret,
      platforms,
      onStale: (error) =>
        logger.warn("could not refresh secrets; going on with the old ones", { error }),
    },
  );
  return async (event: ScheduledEvent, context?: Partial<Context>): Promise<RunSummary> => {
    if (context?.awsRequestId) logger.addContext(context as Context);
    try {
      const summary = await run(event, context);
      metrics.addMetric(METRIC.remindersSent, MetricUnit.Count, summary.sent);
      metrics.addMetric(METRIC.remindersMissed, MetricUnit.Count, summary.notSent);
      return summary;
    } finally {
      publishMetrics(metrics);
    }
  };
}
