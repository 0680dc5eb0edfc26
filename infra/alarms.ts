import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type { Construct } from "constructs";

/** Each alarm looks at five-minute sums (or maxima) and fires on the first bad one. */
export const ALARM_PERIOD = Duration.minutes(5);

/**
 * An alarm for something that should never happen: it fires when the metric reaches 1 in one
 * period, and a period with no data (nothing happened) counts as fine.
 */
export function alarmOnAny(
  scope: Construct,
  id: string,
  description: string,
  metric: cloudwatch.IMetric,
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
