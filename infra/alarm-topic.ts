import { Stack, Validations } from "aws-cdk-lib";
import type * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cwActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";

/** Where every alarm goes; an address given at deploy time receives them by e-mail. */
export function alarmTopic(scope: Construct, email: string | undefined): sns.Topic {
  const topic = new sns.Topic(scope, "Alarms", {
    displayName: "Trip group bot alarms",
    enforceSSL: true,
  });
  Validations.of(topic).acknowledge({
    id: "AwsSolutions-SNS2",
    reason:
      "Alarm notifications carry only alarm names and states, no trip or user data; CloudWatch " +
      "cannot publish to a topic encrypted with the AWS managed SNS key, and a customer " +
      "managed key for this alone is cost without benefit.",
  });
  if (email) {
    topic.addSubscription(new subscriptions.EmailSubscription(email));
  }
  return topic;
}

/**
 * Sends each alarm's ALARM and OK to the topic, and lets CloudWatch publish there. The topic's
 * policy (enforceSSL) replaces SNS's default one, so without this statement nothing may
 * publish; it names this account and exactly these alarms.
 */
export function notifyTopic(topic: sns.Topic, alarms: readonly cloudwatch.AlarmBase[]): void {
  const action = new cwActions.SnsAction(topic);
  for (const alarm of alarms) {
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: "CloudWatchAlarmsPublish",
      principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
      actions: ["sns:Publish"],
      resources: [topic.topicArn],
      conditions: {
        StringEquals: { "aws:SourceAccount": Stack.of(topic).account },
        ArnLike: { "aws:SourceArn": alarms.map((a) => a.alarmArn) },
      },
    }),
  );
}
