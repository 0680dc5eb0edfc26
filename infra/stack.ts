import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import type * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import type * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { handlerEntry, PLATFORMS, type Platform, secretArnVariable } from "../bot/platforms";
import { DUE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from "../bot/store/table";
import { alarmTopic, notifyTopic } from "./alarm-topic";
import { ALARM_PERIOD, alarmOnAny } from "./alarms";
import { BotFunction } from "./bot-function";
import { CalendarFeed } from "./calendar-feed";
import { grantReadSecret, platformSecret } from "./credentials";
import { failureQueue } from "./failure-queue";
import { memoryFor, WEBHOOK_MEASURED } from "./memory";
import { RemindersSchedule } from "./reminders-schedule";
import { WebhooksApi } from "./webhooks-api";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The reminders function's name beside the platforms' (which are named after them). */
export const REMINDERS = "reminders";

/** Every function's entry module: one per platform, and the reminders run. */
export const handlersOf = (platforms: readonly Platform[]): Readonly<Record<string, string>> => ({
  ...Object.fromEntries(platforms.map((p) => [p.name, handlerEntry(p)])),
  [REMINDERS]: "handlers/reminders.ts",
});
export const HANDLERS = handlersOf(PLATFORMS);
export type HandlerName = string;

/** "a, b and c" */
const listed = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

export interface TripBotStackProps extends StackProps {
  /** The platforms to serve; by default the one list. */
  platforms?: readonly Platform[];
  /** Existing Secrets Manager secrets to use instead of creating them (complete ARNs), by platform. */
  existingSecretArns?: Readonly<Record<string, string | undefined>>;
  /**
   * The customer managed KMS keys that encrypt those existing secrets (key ARNs), by platform;
   * none for a secret under the AWS managed key.
   */
  existingSecretKeyArns?: Readonly<Record<string, string | undefined>>;
  /** An address that receives every alarm (it must confirm the subscription). */
  alarmEmail?: string;
  /** Stub code per handler instead of esbuild bundles, for template tests. */
  handlerCode?: (handler: HandlerName) => lambda.Code;
}

/**
 * Table actions on items; nothing here can Scan, change the table or read other tables. The chat
 * functions need UpdateItem too: `reminders on` (and linking a channel, which moves its
 * subscription) writes the subscription with an UpdateItem that keeps its mention
 * (bot/store/dynamo-channel-store.ts, setSubscribed).
 */
const ITEM_ACTIONS = [
  // A warm command's one request: a channel's link, the trip index and a HEAD, together.
  "dynamodb:BatchGetItem",
  // A trip loaded from the chat (upload, edit) writes its facts in batches, as the CLI does.
  "dynamodb:BatchWriteItem",
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
];

/** The one fact table: trips, channel links, the reminder schedule and deliveries. */
function factTable(scope: Construct): dynamodb.Table {
  const table = new dynamodb.Table(scope, "Facts", {
    partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: TTL_ATTRIBUTE,
    // The trips and the delivery records that make reminders exactly-once outlive the stack.
    removalPolicy: RemovalPolicy.RETAIN,
    // Nor can anyone delete it by hand without first turning this off.
    deletionProtection: true,
  });
  // The only index: the reminders run's lookup of what is due.
  table.addGlobalSecondaryIndex({
    indexName: DUE_INDEX.name,
    partitionKey: { name: DUE_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
    sortKey: { name: DUE_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
    projectionType: dynamodb.ProjectionType.ALL,
  });
  return table;
}

/** What every function gets: its entry module (or stub code) and the shared environment. */
interface FunctionBase {
  entry: string;
  code?: lambda.Code;
  projectRoot: string;
  environment: Record<string, string>;
}

export class TripBotStack extends Stack {
  readonly table: dynamodb.Table;
  /** Every function, by handler name: each platform's, and "reminders". */
  readonly functions: Readonly<Record<HandlerName, BotFunction>>;
  readonly api: WebhooksApi;
  readonly reminders: RemindersSchedule;
  readonly alarmTopic: sns.Topic;
  readonly calendar: CalendarFeed;
  /** Where a deferred job that failed for good is kept (the chat functions' async invokes). */
  readonly jobFailures: sqs.Queue;
  /** Every alarm that notifies the topic. */
  readonly alarms: readonly cloudwatch.AlarmBase[];

  private grantSecret: (platform: Platform, role: iam.IRole) => void = () => {};

  constructor(scope: Construct, id: string, props: TripBotStackProps = {}) {
    super(scope, id, props);

    const table = factTable(this);
    this.table = table;

    const platforms = props.platforms ?? PLATFORMS;
    const secrets = new Map<Platform, secretsmanager.ISecret>(
      platforms.map((p) => {
        const arn = props.existingSecretArns?.[p.name];
        const keyArn = props.existingSecretKeyArns?.[p.name];
        return [p, platformSecret(this, p, arn ? { arn, keyArn } : undefined)];
      }),
    );
    const secretOf = (p: Platform) => secrets.get(p) as secretsmanager.ISecret;
    const keyArnOf = (p: Platform) =>
      props.existingSecretArns?.[p.name] ? props.existingSecretKeyArns?.[p.name] : undefined;
    this.grantSecret = (p, role) => grantReadSecret(secretOf(p), role, keyArnOf(p));

    const entries = handlersOf(platforms);
    const base = (name: HandlerName): FunctionBase => ({
      entry: entries[name] as string,
      code: props.handlerCode?.(name),
      projectRoot: PROJECT_ROOT,
      environment: { TABLE_NAME: table.tableName, POWERTOOLS_SERVICE_NAME: "trip-group-bot" },
    });
    this.jobFailures = failureQueue(this, "JobFailures", "the chat functions' deferred jobs");
    const functions: Record<HandlerName, BotFunction> = {};
    for (const platform of platforms) {
      functions[platform.name] = this.webhookFunction(
        platform,
        secretOf(platform),
        base(platform.name),
      );
    }
    const reminders = this.remindersFunction(platforms, secretOf, base(REMINDERS));
    functions[REMINDERS] = reminders;
    this.functions = functions;
    this.grantLeastPrivilege(platforms, reminders);

    this.api = new WebhooksApi(this, "Api", {
      webhooks: platforms.map((platform) => ({
        platform,
        fn: (functions[platform.name] as BotFunction).fn,
      })),
    });
    this.reminders = new RemindersSchedule(this, "RemindersSchedule", reminders);

    this.alarmTopic = alarmTopic(this, props.alarmEmail);

    // The calendar feed and offline pack, on the same API (infra/calendar-feed.ts).
    this.calendar = new CalendarFeed(this, "Calendar", {
      api: this.api,
      table,
      linkers: Object.values(this.functions).filter((f) => f !== reminders),
      projectRoot: PROJECT_ROOT,
      code: props.handlerCode?.("calendar"),
    });

    this.alarms = this.watched();
    notifyTopic(this.alarmTopic, this.alarms);

    this.outputs(platforms, secretOf);
  }

  /** One function by handler name; throws for a name that is not one. */
  fn(name: HandlerName): BotFunction {
    const found = this.functions[name];
    if (!found) throw new Error(`no function "${name}"; there are ${Object.keys(this.functions)}`);
    return found;
  }

  /**
   * A platform's webhook function. Platforms give up after 3 s, cold start included. Its memory
   * follows from the benches' figures (infra/memory.ts): the larger of twice the peak RSS and
   * what a cold start's CPU needs, Lambda giving CPU in proportion to memory. The same
   * function runs the work it defers past its answer, in an asynchronous
   * invocation of itself (bot/lambda/self-invoke.ts): a long post retries with Retry-After
   * waits of up to 10 s each, so it gets 30 s.
   */
  private webhookFunction(
    platform: Platform,
    secret: secretsmanager.ISecret,
    props: FunctionBase,
  ): BotFunction {
    const fn = new BotFunction(this, platform.title, {
      ...props,
      description: `${platform.title} webhook (POST ${platform.route}) and the work it defers`,
      memoryMb: memoryFor(WEBHOOK_MEASURED).memoryMb,
      timeout: Duration.seconds(30),
      environment: { ...props.environment, [secretArnVariable(platform)]: secret.secretArn },
    });
    // Its own platform's secret only.
    this.grantSecret(platform, fn.role);
    // A policy of its own, because the role's default policy, which the function waits for,
    // cannot name the function (a cycle).
    new iam.Policy(this, `${platform.title}SelfInvoke`, {
      roles: [fn.role],
      statements: [
        new iam.PolicyStatement({
          actions: ["lambda:InvokeFunction"],
          resources: [fn.fn.functionArn],
        }),
      ],
    });
    // A deferred job retries its own posts within its time and never re-posts a part; a Lambda
    // retry of the whole job could post a part twice. A job that still failed (it throws) is
    // kept in the failures queue, with the event, and alarmed on.
    fn.fn.configureAsyncInvoke({
      retryAttempts: 0,
      onFailure: new SqsDestination(this.jobFailures),
    });
    return fn;
  }

  /**
   * Reminders: network-bound (DynamoDB, then the platforms' APIs), so 512 MB. A run honours
   * 429 Retry-After and retries failed posts for up to ~50 s, so it gets 60 s: it can finish
   * its retries before the next run, a minute later, picks up what is still due.
   */
  private remindersFunction(
    platforms: readonly Platform[],
    secretOf: (platform: Platform) => secretsmanager.ISecret,
    props: FunctionBase,
  ): BotFunction {
    return new BotFunction(this, "Reminders", {
      ...props,
      description: `Posts due itinerary reminders to ${listed(platforms.map((p) => p.title))}, every minute`,
      memoryMb: 512,
      timeout: Duration.seconds(60),
      environment: {
        ...props.environment,
        ...Object.fromEntries(platforms.map((p) => [secretArnVariable(p), secretOf(p).secretArn])),
      },
    });
  }

  /**
   * Least privilege: each function touches items, never the table itself; only the
   * reminders run reads the due index and every platform's secret.
   */
  private grantLeastPrivilege(platforms: readonly Platform[], reminders: BotFunction): void {
    for (const platform of platforms) this.grantSecret(platform, reminders.role);
    for (const fn of Object.values(this.functions)) {
      fn.role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ITEM_ACTIONS, resources: [this.table.tableArn] }),
      );
    }
    reminders.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: [`${this.table.tableArn}/index/${DUE_INDEX.name}`],
      }),
    );
  }

  /**
   * What goes to the one topic: every function's errors and throttles, the API's 5xx and slow
   * answers, the reminders' alarms, and deferred jobs that failed for good (new messages in
   * their queue, not the backlog kept for reading).
   */
  private watched(): cloudwatch.AlarmBase[] {
    const functions = [...Object.values(this.functions), this.calendar.function];
    return [
      ...functions.flatMap((f) => [f.errorsAlarm, f.throttlesAlarm]),
      this.api.serverErrorsAlarm,
      ...this.api.slowAnswerAlarms,
      ...this.reminders.alarms,
      alarmOnAny(
        this,
        "JobFailuresAlarm",
        "A job after the response (a long answer, a share) failed for good; see the " +
          "JobFailures queue and the function's logs",
        this.jobFailures.metricNumberOfMessagesSent({ statistic: "Sum", period: ALARM_PERIOD }),
      ),
    ];
  }

  private outputs(
    platforms: readonly Platform[],
    secretOf: (platform: Platform) => secretsmanager.ISecret,
  ): void {
    const output = (id: string, description: string, value: string) =>
      new CfnOutput(this, id, { description, value });
    output(
      "ApiUrl",
      "The API's base URL: the platforms' setup scripts take it as --url",
      this.api.url,
    );
    for (const platform of platforms) {
      output(
        platform.endpoint.output,
        platform.endpoint.description,
        `${this.api.url}${platform.route.slice(1)}`,
      );
      output(
        `${platform.title}SecretArn`,
        `Put ${listed(platform.secrets)} here (JSON)`,
        secretOf(platform).secretArn,
      );
    }
    output("TableName", "The fact table: TABLE_NAME for npm run trip", this.table.tableName);
    output("AlarmTopicArn", "Subscribe to receive alarms", this.alarmTopic.topicArn);
  }
}
