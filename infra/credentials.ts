import { Stack, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import type { Platform } from "../bot/platforms";

/** An existing secret to use instead of creating one. */
export interface ExistingSecret {
  /** Its complete ARN. */
  arn: string;
  /** The customer managed KMS key that encrypts it, if it is not the AWS managed one. */
  keyArn?: string;
}

/**
 * A platform's credentials (`<Title>Credentials`): an existing secret, or one created here with
 * no value at all. The template holds no value, so no deploy ever writes one: not over
 * credentials put by hand, and not when the platform's key list changes. The handlers read a
 * secret without a value as "not configured".
 */
export function platformSecret(
  scope: Construct,
  platform: Platform,
  existing?: ExistingSecret,
): secretsmanager.ISecret {
  const id = `${platform.title}Credentials`;
  if (existing) {
    return secretsmanager.Secret.fromSecretCompleteArn(scope, id, existing.arn);
  }
  const secret = new secretsmanager.Secret(scope, id, {
    description: `${platform.title} credentials of the trip group bot, a JSON object: ${platform.secrets.join(", ")}`,
  });
  // The construct generates a random value unless told one; CloudFormation creates an empty
  // secret (no version) when given neither.
  (secret.node.defaultChild as secretsmanager.CfnSecret).addPropertyDeletionOverride(
    "GenerateSecretString",
  );
  Validations.of(secret).acknowledge({
    id: "AwsSolutions-SMG4",
    reason:
      `${platform.title} issues these credentials in its developer portal; no AWS rotation ` +
      "function can create new ones. They are rotated there and put here by hand.",
  });
  return secret;
}

/**
 * Lets a role read a platform's secret. One that a customer managed key encrypts also needs
 * kms:Decrypt on that key, granted for use through Secrets Manager only (kms:ViaService).
 */
export function grantReadSecret(
  secret: secretsmanager.ISecret,
  role: iam.IRole,
  keyArn: string | undefined,
): void {
  secret.grantRead(role);
  if (!keyArn) return;
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ["kms:Decrypt"],
      resources: [keyArn],
      conditions: {
        StringEquals: { "kms:ViaService": `secretsmanager.${Stack.of(role).region}.amazonaws.com` },
      },
    }),
  );
}
