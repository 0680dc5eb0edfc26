import { SecretValue, Validations } from "aws-cdk-lib";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import type { Platform } from "../bot/platforms";

/**
 * A platform's credentials (`<Title>Credentials`): the existing secret named by its complete
 * ARN, or one created here holding empty placeholders under the keys the handlers read (the
 * platform's `secrets`). CloudFormation sets a secret's value only when it creates it, so values
 * put later survive every deploy.
 */
export function platformSecret(
  scope: Construct,
  platform: Platform,
  existingArn?: string,
): secretsmanager.ISecret {
  const id = `${platform.title}Credentials`;
  if (existingArn) return secretsmanager.Secret.fromSecretCompleteArn(scope, id, existingArn);
  const secret = new secretsmanager.Secret(scope, id, {
    description: `${platform.title} credentials of the trip group bot: ${platform.secrets.join(", ")}`,
    secretObjectValue: Object.fromEntries(
      platform.secrets.map((name) => [name, SecretValue.unsafePlainText("")]),
    ),
  });
  Validations.of(secret).acknowledge({
    id: "AwsSolutions-SMG4",
    reason:
      `${platform.title} issues these credentials in its developer portal; no AWS rotation ` +
      "function can create new ones. They are rotated there and put here by hand.",
  });
  return secret;
}
