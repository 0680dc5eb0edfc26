import { type Duration, RemovalPolicy } from "aws-cdk-lib";
import type * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { ALARM_PERIOD, alarmOnAny } from "./alarms";
import { LAMBDA_BUNDLING } from "./bundling";

/** The newest Node.js runtime aws-cdk-lib 2.276 names; pinned, so an upgrade is a reviewed change. */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;
export const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

export interface BotFunctionProps {
  /** Path of the handler module (exports `handler`), relative to the project root. */
  entry: string;
  projectRoot: string;
  description: string;
  memoryMb: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Commands run in the project root after the bundling, given the asset folder. */
  afterBundling?: (outputDir: string) => string[];
  /**
   * Code to deploy instead of the esbuild bundle of `entry`. Template tests pass a stub so they
   * never bundle; deployments leave it unset.
   */
  code?: lambda.Code;
}

/**
 * One handler: a bundled Node.js function with its own role, its own log group and an alarm on
 * its errors. The role starts with nothing but writing to that log group; the stack grants the
 * rest (table actions, its secret) explicitly.
 */
export class BotFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly errorsAlarm: cloudwatch.Alarm;
  /** Lambda refused an invocation: the account's (or the function's) concurrency ran out. */
  readonly throttlesAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: BotFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of AWSLambdaBasicExecutionRole, whose log permissions cover every
    // log group in the account.
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `${id}: its log group, plus what the stack grants`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, "Function", {
      entry: props.entry,
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      description: props.description,
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      // No NODE_OPTIONS=--enable-source-maps: Node then reads and parses the bundle's source
      // map on every cold start, ~12–16 ms of CPU (~7% of one, `npm run bench:slack --
      // --source-maps` shows it), for the rare stack trace. The map still ships beside the
      // bundle (LAMBDA_BUNDLING); to read traces with TypeScript lines while investigating,
      // set NODE_OPTIONS=--enable-source-maps on the function, and unset it after.
      environment: props.environment,
      ...(props.code ? { code: props.code, handler: "index.handler" } : {}),
      bundling: props.afterBundling
        ? {
            ...LAMBDA_BUNDLING,
            commandHooks: {
              ...LAMBDA_BUNDLING.commandHooks,
              afterBundling: (inputDir: string, outputDir: string) => [
                ...LAMBDA_BUNDLING.commandHooks.afterBundling(inputDir, outputDir),
                ...(props.afterBundling?.(outputDir) ?? []),
              ],
            },
          }
        : LAMBDA_BUNDLING,
    });

    this.errorsAlarm = alarmOnAny(
      this,
      "Errors",
      `${id} failed (an uncaught error or a timeout); see its log group`,
      this.fn.metricErrors({ period: ALARM_PERIOD, statistic: "Sum" }),
    );
    this.throttlesAlarm = alarmOnAny(
      this,
      "Throttles",
      `${id} was throttled: invocations were refused for want of concurrency (see README, ` +
        "Operating it)",
      this.fn.metricThrottles({ period: ALARM_PERIOD, statistic: "Sum" }),
    );
  }
}
