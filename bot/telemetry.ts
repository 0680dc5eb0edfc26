import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Bot } from "./core";

/** Every metric the bot emits is in this CloudWatch namespace (infra's alarms read it too). */
export const METRICS_NAMESPACE = "TripGroupBot";

/** The names of the metrics the functions emit (CloudWatch embedded metric format). */
export const METRIC = {
  commandsAnswered: "CommandsAnswered",
  answerLatency: "AnswerLatency",
  remindersSent: "RemindersSent",
  remindersMissed: "RemindersMissed",
} as const;

export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

/** One Powertools Logger and Metrics per function: "trip-bot-<platform>", "trip-bot-reminders". */
export function createTelemetry(service: string): Telemetry {
  return {
    logger: new Logger({ serviceName: service }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service }),
  };
}

/** Publishes what this invocation recorded, if anything (one EMF line). */
export function publishMetrics(metrics: Metrics): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}

/** The bot, counting and timing every answer it gives (each function is one service). */
export function measuredBot(bot: Bot, metrics: Metrics): Bot {
  return {
    answer: async (request) => {
      const started = performance.now();
      const reply = await bot.answer(request);
      metrics.addMetric(METRIC.commandsAnswered, MetricUnit.Count, 1);
      metrics.addMetric(METRIC.answerLatency, MetricUnit.Milliseconds, performance.now() - started);
      return reply;
    },
    suggest: (request) => bot.suggest(request),
    submitFile: (request, file) => bot.submitFile(request, file),
    submitForm: (request, formId, values) => bot.submitForm(request, formId, values),
    press: (request, button) => bot.press(request, button),
  };
}
