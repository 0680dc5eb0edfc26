import { Duration, Validations } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { METRICS_NAMESPACE } from "../bot/telemetry";
import { ALARM_PERIOD, alarmOnAny } from "./alarms";
import type { BotFunction } from "./bot-function";

/** The log line the reminders handler writes once per run (Powertools Logger, JSON). */
export const REMINDERS_RUN_MESSAGE = "reminders run";

/**
 * Runs the reminders function every minute. A run that fails, whether Lambda refused it or it
 * failed once accepted, lands in a queue; alarms watch missed reminders, runs that stop, and
 * failed runs.
 */
export class RemindersSchedule extends Construct {
  readonly failures: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, reminders: BotFunction) {
    super(scope, id);
    this.failures = new sqs.Queue(this, "Failures", {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    Validations.of(this.failures).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter queue of the reminders schedule.",
    });
    // No Lambda retries of a failed run: the next run, a minute later, takes over whatever is
    // still due (delivery records keep each post to once), so a retry would only overlap it.
    reminders.fn.configureAsyncInvoke({
      retryAttempts: 0,
      maxEventAge: Duration.minutes(2),
      onFailure: new SqsDestination(this.failures),
    });
    new events.Rule(this, "EveryMinute", {
      description: "Runs the reminders handler every minute",
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [
        new targets.LambdaFunction(reminders.fn, {
          deadLetterQueue: this.failures,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(2),
        }),
      ],
    });

    const runLine = logs.FilterPattern.stringValue("$.message", "=", REMINDERS_RUN_MESSAGE);
    const missed = new logs.MetricFilter(this, "MissedFilter", {
      logGroup: reminders.logGroup,
      filterPattern: runLine,
      metricNamespace: METRICS_NAMESPACE,
      metricName: "MissedReminders",
      metricValue: "$.notSent",
      defaultValue: 0,
    });
    const runs = new logs.MetricFilter(this, "RunsFilter", {
      logGroup: reminders.logGroup,
      filterPattern: runLine,
      metricNamespace: METRICS_NAMESPACE,
      metricName: "ReminderRuns",
      metricValue: "1",
    });
    this.alarms = [
      alarmOnAny(
        this,
        "MissedAlarm",
        "A reminder passed its time without being posted; see the reminders logs",
        missed.metric({ statistic: "Sum", period: ALARM_PERIOD }),
      ),
      // Missing data is the symptom here: no run logged its summary at all.
      new cloudwatch.Alarm(this, "StoppedAlarm", {
        alarmDescription: "No reminders run finished in 10 minutes: reminders are not being sent",
        metric: runs.metric({ statistic: "Sum", period: Duration.minutes(10) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
      alarmOnAny(
        this,
        "FailedAlarm",
        "A reminders run failed and was dead-lettered; see the Failures queue and the logs",
        this.failures.metricApproximateNumberOfMessagesVisible({
          statistic: "Maximum",
          period: ALARM_PERIOD,
        }),
      ),
    ];
  }
}
