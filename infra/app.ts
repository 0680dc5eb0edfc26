import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { PLATFORMS } from "../bot/platforms";
import { TripBotStack } from "./stack";

/**
 * The CDK app. The stack is environment-agnostic (no account or region in it), so `npm run synth`
 * needs no AWS credentials; `cdk deploy` deploys it to the CLI's current account and region.
 * Optional context: -c <platform>SecretArn=… for each platform's existing secret (e.g.
 * -c slackSecretArn=arn:…), with -c <platform>SecretKeyArn=… (or one -c secretKeyArn=… for all)
 * when a customer managed KMS key encrypts it, and -c alarmEmail=you@example.com.
 */
const app = new App();
const context = (key: string): string | undefined => {
  const value = app.node.tryGetContext(key);
  return typeof value === "string" && value !== "" ? value : undefined;
};

new TripBotStack(app, "TripGroupBot", {
  description: `Trip group bot: ${PLATFORMS.map((p) => p.title).join(" and ")} webhooks, reminders, the fact table`,
  existingSecretArns: Object.fromEntries(
    PLATFORMS.map((p) => [p.name, context(`${p.name}SecretArn`)]),
  ),
  existingSecretKeyArns: Object.fromEntries(
    PLATFORMS.map((p) => [p.name, context(`${p.name}SecretKeyArn`) ?? context("secretKeyArn")]),
  ),
  alarmEmail: context("alarmEmail"),
});

// Security checks on every synth: an unacknowledged AwsSolutions finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
