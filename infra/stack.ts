import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from "aws-cdk-lib";
import * as cwActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";
import { DUE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from "../bot/store/table";
import { BotFunction } from "./bot-function";
import { CalendarFeed } from "./calendar-feed";
import { platformSecret } from "./credentials";
import { RemindersSchedule } from "./reminders-schedule";
import { ROUTES, WebhooksApi } from "./webhooks-api";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const HANDLERS = {
  slack: "handlers/slack.ts",
  discord: "handlers/discord.ts",
  reminders: "handlers/reminders.ts",
} as const;
export type HandlerName = keyof typeof HANDLERS;

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
  readonly api: WebhooksApi;
  readonly reminders: RemindersSchedule;
  readonly alarmTopic: sns.Topic;
  readonly calendar: CalendarFeed;

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
    // The only index: the reminders run's lookup of what is due.
    table.addGlobalSecondaryIndex({
      indexName: DUE_INDEX.name,
      partitionKey: { name: DUE_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: DUE_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.table = table;

    const slackSecret = platformSecret(
      this,
      "SlackCredentials",
      "SLACK_SECRET_ARN",
      props.slackSecretArn,
    );
    const discordSecret = platformSecret(
      this,
      "DiscordCredentials",
      "DISCORD_SECRET_ARN",
      props.discordSecretArn,
    );

    const common = (name: HandlerName) => ({
      entry: HANDLERS[name],
      code: props.handlerCode?.(name),
      projectRoot: PROJECT_ROOT,
    });
    const environment = { TABLE_NAME: table.tableName, POWERTOOLS_SERVICE_NAME: "trip-group-bot" };
    // Interaction handlers: Slack and Discord give up after 3 s, cold start included. Lambda
    // gives CPU in proportion to memory, and a cold start here (loading the bundle, the first
    // Secrets Manager and DynamoDB calls) is CPU-bound, so 1 GB buys init time that 128-512 MB
    // would spend. The timeout is no way to meet the deadline (Slack and Discord stop waiting
    // on their own); 10 s lets a request past it finish and log why.
    const interactionMemoryMb = 1024;

    const slack = new BotFunction(this, "Slack", {
      ...common("slack"),
      description: "Slack slash commands and interactivity (POST /slack/events)",
      memoryMb: interactionMemoryMb,
      timeout: Duration.seconds(10),
      environment: { ...environment, SLACK_SECRET_ARN: slackSecret.secretArn },
    });
    const discord = new BotFunction(this, "Discord", {
      ...common("discord"),
      description: "Discord interactions (POST /discord/interactions) and their deferred jobs",
      memoryMb: interactionMemoryMb,
      // The same function also runs the work it defers past the 3-second answer, in an
      // asynchronous invocation of itself (bot/discord/lambda-deferrer.ts): a share posts to a
      // channel with up to three attempts and Retry-After waits of up to 10 s each.
      timeout: Duration.seconds(30),
      environment: { ...environment, DISCORD_SECRET_ARN: discordSecret.secretArn },
    });
    // Reminders: network-bound (DynamoDB, then the platforms' APIs), so 512 MB. A run honours
    // 429 Retry-After and retries failed posts for up to ~50 s, so it gets 60 s: it can finish
    // its retries before the next run, a minute later, picks up what is still due.
    const reminders = new BotFunction(this, "Reminders", {
      ...common("reminders"),
      description: "Posts due itinerary reminders to Slack and Discord, every minute",
      memoryMb: 512,
      timeout: Duration.seconds(60),
      environment: {
        ...environment,
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
    reminders.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: [`${table.tableArn}/index/${DUE_INDEX.name}`],
      }),
    );
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

    this.api = new WebhooksApi(this, "Api", { slack: slack.fn, discord: discord.fn });
    this.reminders = new RemindersSchedule(this, "RemindersSchedule", reminders);

    this.alarmTopic = new sns.Topic(this, "Alarms", {
      displayName: "Trip group bot alarms",
      enforceSSL: true,
    });
    Validations.of(this.alarmTopic).acknowledge({
      id: "AwsSolutions-SNS2",
      reason:
        "Alarm notifications carry only alarm names and states, no trip or user data; CloudWatch " +
        "cannot publish to a topic encrypted with the AWS managed SNS key, and a customer " +
        "managed key for this alone is cost without benefit.",
    });
    if (props.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }
    for (const alarm of [
      slack.errorsAlarm,
      discord.errorsAlarm,
      reminders.errorsAlarm,
      this.api.serverErrorsAlarm,
      ...this.reminders.alarms,
    ]) {
      alarm.addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
    }

    // The calendar feed and offline pack, on the same API (infra/calendar-feed.ts).
    this.calendar = new CalendarFeed(this, "Calendar", {
      api: this.api,
      table,
      linkers: Object.values(this.functions).filter((f) => f !== reminders),
      alarmTopic: this.alarmTopic,
      projectRoot: PROJECT_ROOT,
      code: props.handlerCode?.("calendar" as HandlerName),
    });

    this.outputs(slackSecret.secretArn, discordSecret.secretArn);
  }

  private outputs(slackSecretArn: string, discordSecretArn: string): void {
    const output = (id: string, description: string, value: string) =>
      new CfnOutput(this, id, { description, value });
    output("ApiUrl", "The API's base URL: npm run slack:manifest -- --url <this>", this.api.url);
    output(
      "SlackRequestUrl",
      "Slack app: slash command and interactivity Request URL",
      `${this.api.url}${ROUTES.slack.slice(1)}`,
    );
    output(
      "DiscordInteractionsUrl",
      "Discord application: Interactions Endpoint URL",
      `${this.api.url}${ROUTES.discord.slice(1)}`,
    );
    output("TableName", "The fact table: TABLE_NAME for npm run trip", this.table.tableName);
    output(
      "SlackSecretArn",
      "Put SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN here (JSON)",
      slackSecretArn,
    );
    output(
      "DiscordSecretArn",
      "Put DISCORD_PUBLIC_KEY, DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN here (JSON)",
      discordSecretArn,
    );
    output("AlarmTopicArn", "Subscribe to receive alarms", this.alarmTopic.topicArn);
  }
}
