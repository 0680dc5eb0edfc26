import { SecretValue, Validations } from "aws-cdk-lib";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { SECRET_SOURCES, type SecretArnVariable } from "../bot/config/secrets";

const PLATFORM: Record<SecretArnVariable, string> = {
  SLACK_SECRET_ARN: "Slack",
  DISCORD_SECRET_ARN: "Discord",
};

/**
 * A platform's credentials: the existing secret named by its complete ARN, or one created here
 * holding empty placeholders under the keys the handlers read (bot/config/secrets.ts).
 * CloudFormation sets a secret's value only when it creates it, so values put later survive
 * every deploy.
 */
export function platformSecret(
  scope: Construct,
  id: string,
  arnVariable: SecretArnVariable,
  existingArn?: string,
): secretsmanager.ISecret {
  if (existingArn) return secretsmanager.Secret.fromSecretCompleteArn(scope, id, existingArn);
  const platform = PLATFORM[arnVariable];
  const names = SECRET_SOURCES[arnVariable];
  const secret = new secretsmanager.Secret(scope, id, {
    description: `${platform} credentials of the trip group bot: ${names.join(", ")}`,
    secretObjectValue: Object.fromEntries(
      names.map((name) => [name, SecretValue.unsafePlainText("")]),
    ),
  });
  Validations.of(secret).acknowledge({
    id: "AwsSolutions-SMG4",
    reason:
      `${platform} issues these credentials in its developer portal; no AWS rotation function ` +
      "can create new ones. They are rotated there and put here by hand.",
  });
  return secret;
}
