import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { METRICS_NAMESPACE } from "../bot/telemetry";
import { ALARM_PERIOD, alarmOnAny } from "./alarms";
import type { BotFunction } from "./bot-function";
import { failureQueue } from "./failure-queue";

/** The log line the reminders handler writes once per run (Powertools Logger, JSON). */
export const REMINDERS_RUN_MESSAGE = "reminders run";

/**
 * Runs the reminders function every minute. A run that fails, whether Lambda refused it or it
 * failed once accepted, lands in a queue; alarms watch missed reminders, runs that stop, and
 * failed runs.
 */
export class RemindersSchedule extends Construct {
  readonly failures: sqs.Queue;
  /** The stopped alarm's inputs, which notify no one themselves. */
  stoppedParts: cloudwatch.Alarm[] = [];
  /** The alarms that notify (the stopped alarm's two parts do not, on their own). */
  readonly alarms: cloudwatch.AlarmBase[];

  constructor(scope: Construct, id: string, reminders: BotFunction) {
    super(scope, id);
    this.failures = failureQueue(this, "Failures", "the reminders schedule");
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
      this.stoppedAlarm(runs.metric({ statistic: "Sum", period: Duration.minutes(10) })),
      // What arrived in the period, not what still sits there: an old failure kept for
      // reading must not hold the alarm in ALARM. EventBridge's dead-lettering and Lambda's
      // on-failure destination both send messages, so both count here.
      alarmOnAny(
        this,
        "FailedAlarm",
        "A reminders run failed and was dead-lettered; see the Failures queue and the logs",
        this.failures.metricNumberOfMessagesSent({ statistic: "Sum", period: ALARM_PERIOD }),
      ),
    ];
  }

  /**
   * "Runs stopped": no run logged its summary in 10 minutes, once runs have been seen. Missing
   * data is the symptom, so the 10-minute count treats it as breaching; but right after a
   * fresh deploy there has never been a run, and that is not an outage. A second alarm turns
   * OK at the first run and, ignoring missing data, stays OK for good; the composite fires only
   * when both say so.
   */
  private stoppedAlarm(runs: cloudwatch.IMetric): cloudwatch.CompositeAlarm {
    const noRecentRun = new cloudwatch.Alarm(this, "NoRecentRunAlarm", {
      alarmDescription:
        "Part of RunsStoppedAlarm: no reminders run logged its summary in 10 minutes",
      metric: runs,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    const hasRun = new cloudwatch.Alarm(this, "HasRunAlarm", {
      alarmDescription:
        "Part of RunsStoppedAlarm: OK once a reminders run has been seen since the deploy",
      metric: runs,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });
    this.stoppedParts = [noRecentRun, hasRun];
    // Not "StoppedAlarm": that id was a metric alarm, and CloudFormation cannot change a
    // resource's type in place.
    return new cloudwatch.CompositeAlarm(this, "RunsStoppedAlarm", {
      alarmDescription: "No reminders run finished in 10 minutes: reminders are not being sent",
      alarmRule: cloudwatch.AlarmRule.allOf(
        cloudwatch.AlarmRule.fromAlarm(noRecentRun, cloudwatch.AlarmState.ALARM),
        cloudwatch.AlarmRule.fromAlarm(hasRun, cloudwatch.AlarmState.OK),
      ),
    });
  }
}
