import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  Validations,
} from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cwActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import * as logs from "aws-cdk-lib/aws-logs";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { SECRET_SOURCES } from "../bot/config/secrets";
import { DUE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from "../bot/store/table";
import { BotFunction, LOG_RETENTION } from "./bot-function";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const HANDLERS = {
  slack: "handlers/slack.ts",
  discord: "handlers/discord.ts",
  reminders: "handlers/reminders.ts",
} as const;
export type HandlerName = keyof typeof HANDLERS;

export const ROUTES = { slack: "/slack/events", discord: "/discord/interactions" } as const;

/** Requests per second the API accepts (steady, burst): see the stage below. */
export const API_THROTTLE = { rateLimit: 25, burstLimit: 50 } as const;

/** The log line the reminders handler writes once per run (Powertools Logger, JSON). */
export const REMINDERS_RUN_MESSAGE = "reminders run";
export const METRICS_NAMESPACE = "TripGroupBot";

export interface TripBotStackProps extends StackProps {
  /** Existing Secrets Manager secrets to use instead of creating them (complete ARNs). */
  slackSecretArn?: string;
  discordSecretArn?: string;
  /** An address that receives every alarm (it must confirm the subscription). */
  alarmEmail?: string;
  /** Stub code per handler instead of esbuild bundles, for template tests. */
  handlerCode?: (handler: HandlerName) => lambda.Code;
}

/** Table actions on items; nothing here can Scan, change the table or read other tables. */
const ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
];

export class TripBotStack extends Stack {
  readonly table: dynamodb.Table;
  readonly functions: Record<HandlerName, BotFunction>;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: TripBotStackProps = {}) {
    super(scope, id, props);

    const table = new dynamodb.Table(this, "Facts", {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The trips and the delivery records that make reminders exactly-once outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = table;
    table.addGlobalSecondaryIndex({
      indexName: DUE_INDEX.name,
      partitionKey: { name: DUE_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: DUE_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    const slackSecret = this.credentials("SlackCredentials", "Slack", "SLACK_SECRET_ARN", props);
    const discordSecret = this.credentials(
      "DiscordCredentials",
      "Discord",
      "DISCORD_SECRET_ARN",
      props,
    );

    const shared = {
      projectRoot: PROJECT_ROOT,
      environment: { TABLE_NAME: table.tableName, POWERTOOLS_SERVICE_NAME: "trip-group-bot" },
    };
    const code = (name: HandlerName) => props.handlerCode?.(name);
    // Interaction handlers: Slack and Discord give up after 3 s, cold start included. Lambda
    // gives CPU in proportion to memory, and a cold start here (loading the bundle, the first
    // Secrets Manager and DynamoDB calls) is CPU-bound, so 1 GB buys init time that 128-512 MB
    // would spend. The timeout is no way to meet the deadline (Slack and Discord stop waiting
    // on their own); 10 s lets a request past it finish and log why.
    const interaction = { memoryMb: 1024, timeout: Duration.seconds(10) };

    const slack = new BotFunction(this, "Slack", {
      ...shared,
      ...interaction,
      entry: HANDLERS.slack,
      code: code("slack"),
      description: "Slack events and slash commands (POST /slack/events)",
      environment: { ...shared.environment, SLACK_SECRET_ARN: slackSecret.secretArn },
    });
    const discord = new BotFunction(this, "Discord", {
      ...shared,
      ...interaction,
      // The same function also runs the work it defers past the 3-second answer, in an
      // asynchronous invocation of itself (bot/discord/lambda-deferrer.ts): a share posts to a
      // channel with up to three attempts and Retry-After waits of up to 10 s each.
      timeout: Duration.seconds(30),
      entry: HANDLERS.discord,
      code: code("discord"),
      description: "Discord interactions (POST /discord/interactions)",
      environment: { ...shared.environment, DISCORD_SECRET_ARN: discordSecret.secretArn },
    });
    // Reminders: network-bound (DynamoDB, then the platforms' APIs), so 512 MB. A run honours
    // 429 Retry-After and retries failed posts for up to ~50 s, so it gets 60 s: it can finish
    // its retries before the next run, a minute later, picks up what is still due.
    const reminders = new BotFunction(this, "Reminders", {
      ...shared,
      memoryMb: 512,
      timeout: Duration.seconds(60),
      entry: HANDLERS.reminders,
      code: code("reminders"),
      description: "Posts due itinerary reminders to Slack and Discord, every minute",
      environment: {
        ...shared.environment,
        SLACK_SECRET_ARN: slackSecret.secretArn,
        DISCORD_SECRET_ARN: discordSecret.secretArn,
      },
    });

    this.functions = { slack, discord, reminders };

    // Least privilege: each function reads only its own platform's secret, and touches items,
    // never the table itself; only the reminders run reads the due index.
    slackSecret.grantRead(slack.role);
    discordSecret.grantRead(discord.role);
    slackSecret.grantRead(reminders.role);
    discordSecret.grantRead(reminders.role);
    for (const fn of [slack, discord, reminders]) {
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ITEM_ACTIONS, resources: [table.tableArn] }),
      );
    }
    // Discord's deferred jobs: the function invokes itself. A policy of its own, because the
    // role's default policy, which the function waits for, cannot name the function (a cycle).
    new iam.Policy(this, "DiscordSelfInvoke", {
      roles: [discord.role],
      statements: [
        new iam.PolicyStatement({
          actions: ["lambda:InvokeFunction"],
          resources: [discord.fn.functionArn],
        }),
      ],
    });
    // A deferred job retries its own posts and never re-posts a part; a Lambda retry of the
    // whole job could post a part twice.
    discord.fn.configureAsyncInvoke({ retryAttempts: 0 });
    reminders.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: [`${table.tableArn}/index/${DUE_INDEX.name}`],
      }),
    );

    const { stage: api, serverErrors } = this.httpApi(slack, discord);

    const failures = this.remindersSchedule(reminders);

    const topic = new sns.Topic(this, "Alarms", {
      displayName: "Trip group bot alarms",
      enforceSSL: true,
    });
    this.alarmTopic = topic;
    Validations.of(topic).acknowledge({
      id: "AwsSolutions-SNS2",
      reason:
        "Alarm notifications carry only alarm names and states, no trip or user data; CloudWatch " +
        "cannot publish to a topic encrypted with the AWS managed SNS key, and a customer " +
        "managed key for this alone is cost without benefit.",
    });
    if (props.alarmEmail)
      topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const alarms = [
      slack.errorsAlarm,
      discord.errorsAlarm,
      reminders.errorsAlarm,
      serverErrors,
      ...this.reminderAlarms(reminders, failures),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(new cwActions.SnsAction(topic));

    new CfnOutput(this, "ApiUrl", {
      description: "The API's base URL: npm run slack:manifest -- --url <this>",
      value: api.url,
    });
    new CfnOutput(this, "SlackRequestUrl", {
      description: "Slack app: Event Subscriptions, Interactivity and slash command Request URL",
      value: `${api.url}${ROUTES.slack.slice(1)}`,
    });
    new CfnOutput(this, "DiscordInteractionsUrl", {
      description: "Discord application: Interactions Endpoint URL",
      value: `${api.url}${ROUTES.discord.slice(1)}`,
    });
    new CfnOutput(this, "TableName", {
      description: "The fact table: TABLE_NAME for npm run trip",
      value: table.tableName,
    });
    new CfnOutput(this, "SlackSecretArn", {
      description: "Put SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN here (JSON)",
      value: slackSecret.secretArn,
    });
    new CfnOutput(this, "DiscordSecretArn", {
      description:
        "Put DISCORD_PUBLIC_KEY, DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN here (JSON)",
      value: discordSecret.secretArn,
    });
    new CfnOutput(this, "AlarmTopicArn", {
      description: "Subscribe to receive alarms",
      value: topic.topicArn,
    });
  }

  /**
   * A platform's credentials: the secret named by a prop, or one created here holding empty
   * placeholders under the keys the handlers read (bot/config/secrets.ts). CloudFormation sets
   * the value only on creation, so values put later survive every deploy.
   */
  private credentials(
    id: string,
    platform: string,
    arnVariable: keyof typeof SECRET_SOURCES,
    props: TripBotStackProps,
  ): secretsmanager.ISecret {
    const existing =
      arnVariable === "SLACK_SECRET_ARN" ? props.slackSecretArn : props.discordSecretArn;
    if (existing) return secretsmanager.Secret.fromSecretCompleteArn(this, id, existing);
    const placeholders = Object.fromEntries(
      SECRET_SOURCES[arnVariable].map((name) => [name, SecretValue.unsafePlainText("")]),
    );
    const secret = new secretsmanager.Secret(this, id, {
      description: `${platform} credentials of the trip group bot: ${SECRET_SOURCES[arnVariable].join(", ")}`,
      secretObjectValue: placeholders,
    });
    Validations.of(secret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        `${platform} issues these credentials in its developer portal; no AWS rotation function ` +
        "can create new ones. They are rotated there and put here by hand.",
    });
    return secret;
  }

  private httpApi(
    slack: BotFunction,
    discord: BotFunction,
  ): { stage: apigwv2.HttpStage; serverErrors: cloudwatch.Alarm } {
    const api = new apigwv2.HttpApi(this, "Api", {
      description: "Slack and Discord webhooks of the trip group bot",
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, "ApiAccessLogs", {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // A trip group sends a few commands a second at most; the limits keep a flood of unsigned
    // requests from spending the account's Lambda concurrency (and money).
    const stage = api.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // JSON, so Logs Insights can filter by route and status; no headers or bodies, which
        // carry signatures and user text.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTime",
            ip: "$context.identity.sourceIp",
            userAgent: "$context.identity.userAgent",
            route: "$context.routeKey",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            integrationLatencyMs: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
          }),
        ),
      },
    });
    const routes = [
      ...api.addRoutes({
        path: ROUTES.slack,
        methods: [apigwv2.HttpMethod.POST],
        integration: new HttpLambdaIntegration("SlackIntegration", slack.fn),
      }),
      ...api.addRoutes({
        path: ROUTES.discord,
        methods: [apigwv2.HttpMethod.POST],
        integration: new HttpLambdaIntegration("DiscordIntegration", discord.fn),
      }),
    ];
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: "AwsSolutions-APIG4",
        reason:
          "Public webhooks: Slack and Discord cannot send AWS credentials or tokens. Each request " +
          "is authenticated in the handler by its platform signature on the raw body (Slack " +
          "HMAC-SHA256 v0, Discord Ed25519) with a 5-minute timestamp window; unsigned requests get 401.",
      });
    }
    // The handlers answer a missing or unreadable configuration with a 500 rather than failing
    // (which a function's Errors alarm would see), so the API's own 5xx count is watched too.
    const serverErrors = new cloudwatch.Alarm(this, "ApiServerErrorsAlarm", {
      alarmDescription: "The API answered 5xx: a handler is failing or not configured",
      metric: api.metricServerError({ period: Duration.minutes(5), statistic: "Sum" }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    return { stage, serverErrors };
  }

  /** Every minute; a run that fails (after Lambda accepted it, or before) lands in a queue. */
  private remindersSchedule(reminders: BotFunction): sqs.Queue {
    const failures = new sqs.Queue(this, "RemindersFailures", {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    Validations.of(failures).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter queue of the reminders schedule.",
    });
    // No Lambda retries of a failed run: the next run, a minute later, takes over whatever is
    // still due (delivery records keep each post to once), so a retry would only overlap it.
    reminders.fn.configureAsyncInvoke({
      retryAttempts: 0,
      maxEventAge: Duration.minutes(2),
      onFailure: new SqsDestination(failures),
    });
    new events.Rule(this, "RemindersSchedule", {
      description: "Runs the reminders handler every minute",
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [
        new targets.LambdaFunction(reminders.fn, {
          deadLetterQueue: failures,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(2),
        }),
      ],
    });
    return failures;
  }

  /** Missed reminders, runs that stopped happening, and runs that failed outright. */
  private reminderAlarms(reminders: BotFunction, failures: sqs.Queue): cloudwatch.Alarm[] {
    const runLine = logs.FilterPattern.stringValue("$.message", "=", REMINDERS_RUN_MESSAGE);
    const missed = new logs.MetricFilter(this, "MissedRemindersFilter", {
      logGroup: reminders.logGroup,
      filterPattern: runLine,
      metricNamespace: METRICS_NAMESPACE,
      metricName: "MissedReminders",
      metricValue: "$.missed",
      defaultValue: 0,
    });
    const runs = new logs.MetricFilter(this, "ReminderRunsFilter", {
      logGroup: reminders.logGroup,
      filterPattern: runLine,
      metricNamespace: METRICS_NAMESPACE,
      metricName: "ReminderRuns",
      metricValue: "1",
    });
    const alarm = (id: string, props: Omit<cloudwatch.AlarmProps, "evaluationPeriods">) =>
      new cloudwatch.Alarm(this, id, { evaluationPeriods: 1, ...props });
    return [
      alarm("MissedRemindersAlarm", {
        alarmDescription: "A reminder passed its time without being posted; see the reminders logs",
        metric: missed.metric({ statistic: "Sum", period: Duration.minutes(5) }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      alarm("RemindersStoppedAlarm", {
        alarmDescription: "No reminders run finished in 10 minutes: reminders are not being sent",
        metric: runs.metric({ statistic: "Sum", period: Duration.minutes(10) }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      }),
      alarm("RemindersFailedAlarm", {
        alarmDescription: "A reminders run failed and was dead-lettered; see the queue and logs",
        metric: failures.metricApproximateNumberOfMessagesVisible({
          statistic: "Maximum",
          period: Duration.minutes(5),
        }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
  }
}
