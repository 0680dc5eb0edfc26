import { RemovalPolicy, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { PLATFORMS, type Platform } from "../bot/platforms";
import { ALARM_PERIOD, alarmOnAny } from "./alarms";
import { LOG_RETENTION } from "./bot-function";

/** Each platform's webhook path, by platform name. */
export const ROUTES: Readonly<Record<string, string>> = Object.fromEntries(
  PLATFORMS.map((p) => [p.name, p.route]),
);

/**
 * Requests per second the API accepts (steady, burst). A trip group sends a few commands a
 * second at most; the limits keep a flood of unsigned requests from spending the account's
 * Lambda concurrency (and money).
 */
export const API_THROTTLE = { rateLimit: 25, burstLimit: 50 } as const;

/**
 * Platforms give up on an answer after 3 s; an integration slower than this (cold start
 * included) leaves too little for the network, so the p99 above it is alarmed on.
 */
export const SLOW_ANSWER_MS = 2_500;

export interface WebhooksApiProps {
  /** Each platform with the function behind its route. */
  webhooks: readonly { platform: Platform; fn: lambda.IFunction }[];
}

const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
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
);

/**
 * What the platform waits for: API Gateway to the function and back, cold starts included.
 * The functions' own Duration would mix in the deferred jobs they run.
 */
function slowAnswersAlarm(scope: Construct, platform: Platform, apiId: string, stage: string) {
  return new cloudwatch.Alarm(scope, `${platform.title}SlowAnswersAlarm`, {
    alarmDescription:
      `${platform.title} answers took over ${SLOW_ANSWER_MS} ms (p99); past 3 s the ` +
      "platform shows the user an error. Check cold starts and the concurrency quota.",
    metric: new cloudwatch.Metric({
      namespace: "AWS/ApiGateway",
      metricName: "IntegrationLatency",
      dimensionsMap: { ApiId: apiId, Stage: stage, Method: "POST", Resource: platform.route },
      statistic: "p99",
      period: ALARM_PERIOD,
    }),
    threshold: SLOW_ANSWER_MS,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** The HTTP API the platforms call: one POST route each, throttled, with access logs. */
export class WebhooksApi extends Construct {
  /** The base URL, ending in "/". */
  readonly url: string;
  readonly serverErrorsAlarm: cloudwatch.Alarm;
  /** One per webhook route: its p99 integration latency is above SLOW_ANSWER_MS. */
  readonly slowAnswerAlarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: WebhooksApiProps) {
    super(scope, id);
    const api = new apigwv2.HttpApi(this, "Http", {
      description: `${props.webhooks.map((w) => w.platform.title).join(" and ")} webhooks of the trip group bot`,
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = api.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: API_THROTTLE,
      // Per-route metrics: the webhooks' latency is watched apart from the calendar feed's.
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // JSON, so Logs Insights can filter by route and status; no headers or bodies, which
        // carry signatures and user text.
        format: ACCESS_LOG_FORMAT,
      },
    });
    this.url = stage.url;

    const routes = props.webhooks.flatMap(({ platform, fn }) =>
      api.addRoutes({
        path: platform.route,
        methods: [apigwv2.HttpMethod.POST],
        integration: new HttpLambdaIntegration(`${platform.title}Integration`, fn),
      }),
    );
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: "AwsSolutions-APIG4",
        reason:
          "Public webhooks: chat platforms cannot send AWS credentials or tokens. Each request " +
          "is authenticated in the handler by its platform's signature on the raw body, with a " +
          "5-minute timestamp window; unsigned requests get 401.",
      });
    }

    // The handlers answer a missing or unreadable configuration with a 500 rather than failing
    // (which a function's Errors alarm would see), so the API's own 5xx count is watched too.
    this.serverErrorsAlarm = alarmOnAny(
      this,
      "ServerErrorsAlarm",
      "The API answered 5xx: a handler is failing or not configured",
      api.metricServerError({ period: ALARM_PERIOD, statistic: "Sum" }),
    );

    this.slowAnswerAlarms = props.webhooks.map(({ platform }) =>
      slowAnswersAlarm(this, platform, api.apiId, stage.stageName),
    );
  }
}
