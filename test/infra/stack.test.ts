import { Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { beforeAll, describe, expect, it } from "vitest";
import { PLATFORMS } from "../../bot/platforms";
import { DUE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from "../../bot/store/table";
import { CALENDAR_ROUTE } from "../../infra/calendar-feed";
import { memoryFor, WEBHOOK_MEASURED } from "../../infra/memory";
import { REMINDERS_RUN_MESSAGE } from "../../infra/reminders-schedule";
import type { HandlerName, TripBotStack } from "../../infra/stack";
import { API_THROTTLE, ROUTES, SLOW_ANSWER_MS } from "../../infra/webhooks-api";
import { testApp } from "./synth";

type Resource = { Type: string; Properties: Record<string, unknown> } & Record<string, unknown>;
type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

let stack: TripBotStack;
let template: Template;
const ref = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(stack).getLogicalId(construct.node.defaultChild as never);
const resource = (logicalId: string) =>
  (template.toJSON().Resources as Record<string, Resource>)[logicalId] as Resource;

const alarmsOnQueue = (queue: { node: { defaultChild?: unknown } }) =>
  Object.values(template.findResources("AWS::CloudWatch::Alarm"))
    .map((a) => a.Properties)
    .filter((p) => JSON.stringify(p.Dimensions ?? []).includes(`"QueueName"`))
    .filter((p) => JSON.stringify(p.Dimensions).includes(ref(queue)));

beforeAll(() => {
  // Template.fromStack synthesizes the app: cdk-nag runs, and a dependency cycle fails it.
  ({ stack } = testApp());
  template = Template.fromStack(stack);
});

/** Every statement of every policy attached to a function's role. */
function permissions(name: HandlerName): Statement[] {
  const roleId = ref(stack.fn(name).role);
  const policies = template.findResources("AWS::IAM::Policy", {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap(
    (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

const actionsOn = (statements: Statement[], target: unknown): string[] =>
  statements
    .filter((s) => JSON.stringify(s.Resource) === JSON.stringify(target))
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .sort();

describe("the fact table", () => {
  it("has the keys, index and TTL the store uses, on demand, with PITR, retained", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: {
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
        ],
        BillingMode: "PAY_PER_REQUEST",
        // Nobody deletes the trips by hand without first turning this off.
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        // Only the due-reminder lookup has an index.
        GlobalSecondaryIndexes: [
          {
            IndexName: DUE_INDEX.name,
            KeySchema: [
              { AttributeName: DUE_INDEX.partitionKey, KeyType: "HASH" },
              { AttributeName: DUE_INDEX.sortKey, KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
      },
    });
  });
});

describe("the functions", () => {
  it("run on the newest Node.js runtime aws-cdk-lib offers, on arm64", () => {
    const version = (r: lambda.Runtime) => Number(/^nodejs(\d+)\.x$/.exec(r.name)?.[1] ?? 0);
    const newest = lambda.Runtime.ALL.filter((r) => r.family === lambda.RuntimeFamily.NODEJS)
      .map(version)
      .reduce((a, b) => Math.max(a, b));
    const functions = Object.values(template.findResources("AWS::Lambda::Function"));
    // The three bot functions and the calendar feed's (test/infra/calendar.test.ts).
    expect(functions).toHaveLength(4);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe(`nodejs${newest}.x`);
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
    }
  });

  // Interaction handlers answer within Slack's and Discord's 3 s, cold start included, and
  // also run their own deferred jobs (long posts, shares, with Retry-After waits). Their memory
  // follows from the benches' figures (infra/memory.ts).
  const webhookMemory = memoryFor(WEBHOOK_MEASURED).memoryMb;
  const expected: Record<HandlerName, { memory: number; timeout: number; secrets: string[] }> = {
    slack: { memory: webhookMemory, timeout: 30, secrets: ["SLACK_SECRET_ARN"] },
    discord: { memory: webhookMemory, timeout: 30, secrets: ["DISCORD_SECRET_ARN"] },
    // A reminders run may spend ~50 s honouring rate limits; the next run starts a minute later.
    reminders: { memory: 512, timeout: 60, secrets: ["SLACK_SECRET_ARN", "DISCORD_SECRET_ARN"] },
  };

  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: memory, timeout, no source-map flag, and the table and its secret by reference`, () => {
      const fn = resource(ref(stack.fn(name).fn)).Properties;
      expect(fn.MemorySize).toBe(want.memory);
      expect(fn.Timeout).toBe(want.timeout);
      expect(fn.Timeout as number).toBeGreaterThan(3);
      const env = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(env).sort()).toEqual(
        [
          "TABLE_NAME",
          "POWERTOOLS_SERVICE_NAME",
          // The chat functions hand out the calendar's links.
          ...(name === "reminders" ? [] : ["PUBLIC_BASE_URL"]),
          ...want.secrets,
        ].sort(),
      );
      expect(env.TABLE_NAME).toEqual({ Ref: ref(stack.table) });
      // The map ships with the bundle (test/infra/bundle.test.ts); Node is not told to read
      // it on every cold start.
      expect(env.NODE_OPTIONS).toBeUndefined();
      for (const variable of want.secrets) {
        expect(env[variable]).toEqual({ Ref: expect.stringMatching(/Credentials/) });
      }
      expect(fn.LoggingConfig).toEqual({ LogGroup: { Ref: ref(stack.fn(name).logGroup) } });
    });
  }

  it("webhooks: memory holds twice the measured peak RSS and gives a cold start its CPU", () => {
    const { peakRssMiB, coldCpuMs } = WEBHOOK_MEASURED;
    // Lambda's MB are 10^6 bytes, a MiB is 2^20: twice the peak resident set fits.
    expect(webhookMemory * 1e6).toBeGreaterThanOrEqual(2 * peakRssMiB * 2 ** 20);
    // At memory/1769 of a vCPU, the measured cold-start CPU takes at most 600 ms of the 3 s.
    expect((coldCpuMs * 1769) / webhookMemory).toBeLessThanOrEqual(600);
    // And no more: the larger need, rounded up to 64 MB.
    const need = Math.max(2 * peakRssMiB * 1.048576, (coldCpuMs * 1769) / 600);
    expect(webhookMemory).toBeLessThan(need + 64);
  });

  it("never carry a credential in their environment", () => {
    const credentialNames = PLATFORMS.flatMap((p) => p.secrets);
    for (const fn of Object.values(template.findResources("AWS::Lambda::Function"))) {
      const env = Object.keys(fn.Properties.Environment.Variables);
      expect(env.filter((v) => (credentialNames as string[]).includes(v))).toEqual([]);
    }
  });
});

describe("the HTTP API", () => {
  it("routes POST /slack/events and POST /discord/interactions to their functions, nothing else", () => {
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(
      [
        `POST ${ROUTES.discord}`,
        `POST ${ROUTES.slack}`,
        // The calendar feed's (test/infra/calendar.test.ts).
        `GET ${CALENDAR_ROUTE}`,
        `HEAD ${CALENDAR_ROUTE}`,
      ].sort(),
    );
    for (const [name, path] of [
      ["slack", ROUTES.slack],
      ["discord", ROUTES.discord],
    ] as const) {
      const route = routes.find((r) => r.Properties.RouteKey === `POST ${path}`);
      // Target is "integrations/<IntegrationId>", a Fn::Join with the integration's Ref.
      const integrationId = JSON.stringify(route?.Properties.Target).match(/"Ref":"(\w+)"/)?.[1];
      const integration = resource(String(integrationId)).Properties;
      expect(integration.IntegrationUri).toEqual({
        "Fn::GetAtt": [ref(stack.fn(name).fn), "Arn"],
      });
      expect(integration.PayloadFormatVersion).toBe("2.0");
    }
  });

  it("is throttled and writes access logs to a log group", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: API_THROTTLE.burstLimit,
      },
      AccessLogSettings: {
        DestinationArn: { "Fn::GetAtt": [Match.stringLikeRegexp("AccessLogs"), "Arn"] },
        Format: Match.stringLikeRegexp("\\$context\\.requestId"),
      },
    });
  });

  it("outputs the Slack request URL and the Discord interactions URL", () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.SlackRequestUrl?.Value)).toMatch(/execute-api.*\/slack\/events"/);
    expect(JSON.stringify(outputs.DiscordInteractionsUrl?.Value)).toMatch(
      /execute-api.*\/discord\/interactions"/,
    );
    for (const name of ["ApiUrl", "TableName", "SlackSecretArn", "DiscordSecretArn"]) {
      expect(outputs[name]).toBeDefined();
    }
  });
});

describe("the reminders schedule", () => {
  it("runs the reminders function every minute, and a failed run lands in a queue", () => {
    const queue = ref(stack.reminders.failures);
    const reminders = ref(stack.fn("reminders").fn);
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(1 minute)",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [reminders, "Arn"] },
          DeadLetterConfig: { Arn: { "Fn::GetAtt": [queue, "Arn"] } },
        }),
      ],
    });
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: reminders },
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queue, "Arn"] } } },
    });
  });
});

describe("permissions", () => {
  const itemActions = [
    "dynamodb:BatchGetItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:DeleteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
  ];
  const readSecret = ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"];
  const tableArn = () => ({ "Fn::GetAtt": [ref(stack.table), "Arn"] });
  const secret = (id: string) => ({ Ref: ref(stack.node.findChild(id) as never) });
  const jobFailures = () => ({ "Fn::GetAtt": [ref(stack.jobFailures), "Arn"] });
  // What Lambda's on-failure destination needs (the construct grants these together).
  const sendToQueue = ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"];

  it("the Slack function: table items, the Slack secret, its logs, invoking itself", () => {
    const statements = permissions("slack");
    expect(actionsOn(statements, tableArn())).toEqual(itemActions);
    expect(actionsOn(statements, secret("SlackCredentials"))).toEqual(readSecret);
    expect(actionsOn(statements, secret("DiscordCredentials"))).toEqual([]);
    const self = { "Fn::GetAtt": [ref(stack.fn("slack").fn), "Arn"] };
    expect(actionsOn(statements, self)).toEqual(["lambda:InvokeFunction"]);
    expect(actionsOn(statements, jobFailures())).toEqual(sendToQueue);
    expect(statements).toHaveLength(5);
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: ref(stack.fn("slack").fn) },
      MaximumRetryAttempts: 0,
    });
  });

  it("the Discord function: table items, the Discord secret, its logs, invoking itself", () => {
    const statements = permissions("discord");
    expect(actionsOn(statements, tableArn())).toEqual(itemActions);
    expect(actionsOn(statements, secret("DiscordCredentials"))).toEqual(readSecret);
    expect(actionsOn(statements, secret("SlackCredentials"))).toEqual([]);
    const self = { "Fn::GetAtt": [ref(stack.fn("discord").fn), "Arn"] };
    expect(actionsOn(statements, self)).toEqual(["lambda:InvokeFunction"]);
    expect(actionsOn(statements, jobFailures())).toEqual(sendToQueue);
    expect(statements).toHaveLength(5);
    // Self-invoked jobs are not retried by Lambda: a retry could post a part twice.
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: ref(stack.fn("discord").fn) },
      MaximumRetryAttempts: 0,
    });
  });

  it("the reminders function: also the due index and both secrets, and its failure queue", () => {
    const statements = permissions("reminders");
    expect(actionsOn(statements, tableArn())).toEqual(itemActions);
    expect(
      actionsOn(statements, { "Fn::Join": ["", [tableArn(), `/index/${DUE_INDEX.name}`]] }),
    ).toEqual(["dynamodb:Query"]);
    expect(actionsOn(statements, secret("SlackCredentials"))).toEqual(readSecret);
    expect(actionsOn(statements, secret("DiscordCredentials"))).toEqual(readSecret);
    expect(statements).toHaveLength(6);
  });

  it("no role can scan, use a wildcard, or has a managed policy", () => {
    for (const name of ["slack", "discord", "reminders"] as const) {
      for (const s of permissions(name)) {
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
        expect(actions.some((a) => a.includes("*") || a === "dynamodb:Scan")).toBe(false);
        expect(JSON.stringify(s.Resource)).not.toMatch(/"\*"|\/index\/\*/);
      }
      const role = resource(ref(stack.fn(name).role)).Properties;
      expect(role.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe("logs and alarms", () => {
  it("keeps every log group for a month", () => {
    const groups = Object.values(template.findResources("AWS::Logs::LogGroup"));
    // One per function (the calendar feed's included) and the API's access logs.
    expect(groups).toHaveLength(5);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it("counts missed reminders from the reminders run log line", () => {
    template.hasResourceProperties("AWS::Logs::MetricFilter", {
      LogGroupName: { Ref: ref(stack.fn("reminders").logGroup) },
      FilterPattern: `{ $.message = "${REMINDERS_RUN_MESSAGE}" }`,
      MetricTransformations: [Match.objectLike({ MetricValue: "$.notSent" })],
    });
  });

  const alarmsByMetric = (metric: string) =>
    Object.entries(template.findResources("AWS::CloudWatch::Alarm")).filter(
      ([, a]) => a.Properties.MetricName === metric,
    );

  it("alarms on function errors, API 5xx, missed reminders, stopped and failed runs, to one topic", () => {
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm"));
    const byMetric = (metric: string) => alarms.filter((a) => a.Properties.MetricName === metric);
    // One per function, the calendar feed's included.
    expect(byMetric("Errors")).toHaveLength(4);
    expect(byMetric("MissedReminders")).toHaveLength(1);
    // A handler that is not configured answers 500 without failing: the API's 5xx count sees it.
    expect(byMetric("5xx")).toHaveLength(1);
    const topic = [{ Ref: ref(stack.alarmTopic) }];
    const silent = stack.reminders.stoppedParts.map((a) => ref(a));
    for (const [id, alarm] of Object.entries(template.findResources("AWS::CloudWatch::Alarm"))) {
      if (silent.includes(id)) continue;
      expect(alarm.Properties.AlarmActions).toEqual(topic);
      // Each alarm also says when it is over.
      expect(alarm.Properties.OKActions).toEqual(topic);
    }
  });

  it("a failed reminders run alarms on what arrived in the failures queue, not what sits there", () => {
    expect(alarmsByMetric("ApproximateNumberOfMessagesVisible")).toEqual([]);
    const failed = alarmsByMetric("NumberOfMessagesSent").filter(([, a]) =>
      JSON.stringify(a.Properties.Dimensions).includes(ref(stack.reminders.failures)),
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]?.[1].Properties).toMatchObject({
      Statistic: "Sum",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
    });
  });

  it("'reminders stopped' fires when runs stop, but not before the first run after a deploy", () => {
    const runs = alarmsByMetric("ReminderRuns");
    expect(runs).toHaveLength(2);
    const [recent, seen] = stack.reminders.stoppedParts.map((a) => resource(ref(a)).Properties);
    // No run in 10 minutes, missing data being the symptom...
    expect(recent).toMatchObject({
      Period: 600,
      ComparisonOperator: "LessThanThreshold",
      Threshold: 1,
      TreatMissingData: "breaching",
    });
    // ...once a run has been seen: OK at the first run, kept while data is missing.
    expect(seen?.TreatMissingData).toBe("ignore");
    const [composite] = Object.values(template.findResources("AWS::CloudWatch::CompositeAlarm"));
    const rule = JSON.stringify(composite?.Properties.AlarmRule);
    expect(rule).toContain(`ALARM(\\"`);
    expect(rule).toMatch(new RegExp(`ALARM.*${ref(stack.reminders.stoppedParts[0] as never)}`));
    expect(rule).toMatch(new RegExp(`AND OK.*${ref(stack.reminders.stoppedParts[1] as never)}`));
    const topic = [{ Ref: ref(stack.alarmTopic) }];
    expect(composite?.Properties.AlarmActions).toEqual(topic);
    expect(composite?.Properties.OKActions).toEqual(topic);
    for (const [, part] of runs) {
      expect(part.Properties.AlarmActions).toBeUndefined();
      expect(part.Properties.OKActions).toBeUndefined();
    }
  });

  it("answers near the 3-second deadline alarm, per webhook route, at p99", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      DefaultRouteSettings: Match.objectLike({ DetailedMetricsEnabled: true }),
    });
    const slow = alarmsByMetric("IntegrationLatency").map(([, a]) => a.Properties);
    expect(
      slow
        .map((a) => a.Dimensions.find((d: { Name: string }) => d.Name === "Resource").Value)
        .sort(),
    ).toEqual([ROUTES.discord, ROUTES.slack].sort());
    for (const a of slow) {
      expect(a).toMatchObject({
        Namespace: "AWS/ApiGateway",
        ExtendedStatistic: "p99",
        Threshold: SLOW_ANSWER_MS,
        ComparisonOperator: "GreaterThanThreshold",
      });
      expect(SLOW_ANSWER_MS).toBeLessThan(3000);
      expect(a.Dimensions).toEqual(
        expect.arrayContaining([
          { Name: "Method", Value: "POST" },
          { Name: "Stage", Value: "$default" },
        ]),
      );
    }
  });

  it("alarms when a function is throttled", () => {
    const throttled = alarmsByMetric("Throttles").map(([, a]) =>
      JSON.stringify(a.Properties.Dimensions),
    );
    for (const name of ["slack", "discord", "reminders"]) {
      expect(throttled.filter((d) => d.includes(ref(stack.fn(name).fn)))).toHaveLength(1);
    }
    expect(throttled).toHaveLength(4);
  });

  it("lets CloudWatch, for these alarms in this account, publish to the SSL-only topic", () => {
    const policies = Object.values(template.findResources("AWS::SNS::TopicPolicy"));
    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.Topics).toEqual([{ Ref: ref(stack.alarmTopic) }]);
    const statements = policies[0]?.Properties.PolicyDocument.Statement as {
      Effect: string;
      Condition: { ArnLike?: { "aws:SourceArn": unknown[] } };
    }[];
    const deny = statements.find((st) => st.Effect === "Deny");
    expect(deny).toMatchObject({ Condition: { Bool: { "aws:SecureTransport": "false" } } });
    const allow = statements.filter((st) => st.Effect === "Allow");
    expect(allow).toHaveLength(1);
    const notifying = [
      ...Object.entries(template.findResources("AWS::CloudWatch::Alarm")),
      ...Object.entries(template.findResources("AWS::CloudWatch::CompositeAlarm")),
    ]
      .filter(([, a]) => a.Properties.AlarmActions)
      .map(([id]) => ({ "Fn::GetAtt": [id, "Arn"] }));
    expect(notifying.length).toBeGreaterThan(10);
    expect(allow[0]).toEqual({
      Sid: "CloudWatchAlarmsPublish",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "sns:Publish",
      Resource: { Ref: ref(stack.alarmTopic) },
      Condition: {
        StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
        ArnLike: { "aws:SourceArn": expect.arrayContaining(notifying) },
      },
    });
    expect(allow[0]?.Condition.ArnLike?.["aws:SourceArn"]).toHaveLength(notifying.length);
  });
});

describe("deferred jobs that fail for good", () => {
  it("land in an encrypted, SSL-only queue kept two weeks, from both chat functions, unretried", () => {
    const queue = resource(ref(stack.jobFailures));
    expect(queue.Properties).toMatchObject({
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties("AWS::SQS::QueuePolicy", {
      Queues: [{ Ref: ref(stack.jobFailures) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: "Deny",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      },
    });
    for (const name of ["slack", "discord"]) {
      template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
        FunctionName: { Ref: ref(stack.fn(name).fn) },
        // The job retries its own posts; a retry of the whole job could post a part twice.
        MaximumRetryAttempts: 0,
        DestinationConfig: {
          OnFailure: { Destination: { "Fn::GetAtt": [ref(stack.jobFailures), "Arn"] } },
        },
      });
    }
  });

  it("alarm on each new message, not on the backlog", () => {
    const alarms = alarmsOnQueue(stack.jobFailures);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      MetricName: "NumberOfMessagesSent",
      Statistic: "Sum",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      AlarmActions: [{ Ref: ref(stack.alarmTopic) }],
    });
  });
});

describe("credentials", () => {
  it("creates one secret per platform with no value in the template, so no deploy writes one", () => {
    const secrets = Object.values(template.findResources("AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(2);
    for (const s of secrets) {
      // Neither a value nor a generated one: a deploy never puts anything over a value put by
      // hand, whatever the platforms' key lists become.
      expect(s.Properties.SecretString).toBeUndefined();
      expect(s.Properties.GenerateSecretString).toBeUndefined();
    }
    // The keys the handlers read are named where the operator looks.
    const descriptions = secrets.map((s) => String(s.Properties.Description)).join("\n");
    for (const key of PLATFORMS.flatMap((p) => p.secrets)) expect(descriptions).toContain(key);
  });

  const arn = (name: string) =>
    `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCdEf`;

  it("uses existing secrets when their ARNs are given, and creates none", () => {
    const { stack: own } = testApp({
      existingSecretArns: { slack: arn("slack"), discord: arn("discord") },
    });
    const t = Template.fromStack(own);
    t.resourceCountIs("AWS::SecretsManager::Secret", 0);
    t.hasResourceProperties("AWS::Lambda::Function", {
      Environment: { Variables: Match.objectLike({ SLACK_SECRET_ARN: arn("slack") }) },
    });
    // Under the AWS managed key, no KMS permission is needed.
    expect(JSON.stringify(t.findResources("AWS::IAM::Policy"))).not.toContain("kms:");
  });

  it("lets the readers of an existing secret decrypt it with its customer key, via Secrets Manager only", () => {
    const key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const { stack: own } = testApp({
      existingSecretArns: { slack: arn("slack"), discord: arn("discord") },
      existingSecretKeyArns: { slack: key },
    });
    const t = Template.fromStack(own);
    const roleOf = (name: string) => own.getLogicalId(own.fn(name).role.node.defaultChild as never);
    const decrypts = (name: string) =>
      Object.values(
        t.findResources("AWS::IAM::Policy", {
          Properties: { Roles: Match.arrayWith([{ Ref: roleOf(name) }]) },
        }),
      )
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
        .filter((st) => JSON.stringify(st.Action).includes("kms:Decrypt"));
    for (const name of ["slack", "reminders"]) {
      const [grant, ...more] = decrypts(name);
      expect(more).toEqual([]);
      expect(grant).toMatchObject({
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: key,
        Condition: {
          StringEquals: {
            "kms:ViaService": {
              "Fn::Join": ["", ["secretsmanager.", { Ref: "AWS::Region" }, ".amazonaws.com"]],
            },
          },
        },
      });
    }
    // Discord's secret has no customer key; its function reads no Slack secret.
    expect(decrypts("discord")).toEqual([]);
  });
});

describe("cdk-nag AwsSolutions", () => {
  it("finds nothing unacknowledged in the app", () => {
    const { app } = testApp();
    expect(() => app.synth()).not.toThrow();
  });

  it("is really checking: an unencrypted-in-transit queue fails the synth", () => {
    const { app, stack: s } = testApp();
    new sqs.Queue(s, "Careless");
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
